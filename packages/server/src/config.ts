import { resolve } from 'node:path';
import * as v from 'valibot';

const port = (fallback: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,5}$/, 'must be a port number'),
      v.transform(Number),
      v.minValue(1, 'must be between 1 and 65535'),
      v.maxValue(65_535, 'must be between 1 and 65535'),
    ),
    String(fallback),
  );

const host = v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(255)), '127.0.0.1');
const databaseUrl = v.pipe(
  v.string(),
  v.regex(
    /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/,
    'must start with file:, libsql://, http(s):// or ws(s)://',
  ),
);
const origin = v.pipe(
  v.string(),
  v.url('must be a URL such as https://forms.example.lg.jp'),
  v.transform((url) => new URL(url).origin),
);

/** Environment variables the server reads, with safe local defaults. */
export const envSchema = v.object({
  NODE_ENV: v.optional(v.picklist(['development', 'production', 'test']), 'development'),
  DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), './data'),
  HOST: host,
  PORT: port(3000),
  STAFF_HOST: host,
  STAFF_PORT: port(3001),
  /** Where residents reach the public listener (links in mails); defaults to the local address. */
  PUBLIC_ORIGIN: v.optional(origin),
  /** Where staff reach the console; state-changing requests must come from it. */
  STAFF_ORIGIN: v.optional(origin),
  CONTROL_DATABASE_URL: v.optional(databaseUrl),
  /** A template with {slug}: one database per municipality. */
  TENANT_DATABASE_URL: v.optional(v.pipe(databaseUrl, v.includes('{slug}', 'must contain {slug}'))),
  DATABASE_AUTH_TOKEN: v.optional(v.pipe(v.string(), v.minLength(1))),
  /** 32 bytes as 64 hex characters; tenant keys are derived from it. */
  MASTER_KEY: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)'),
    ),
  ),
  /** Minutes of inactivity after which a staff session ends. */
  SESSION_IDLE_MINUTES: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,4}$/, 'must be a whole number of minutes'),
      v.transform(Number),
      v.minValue(5, 'must be at least 5'),
      v.maxValue(1440, 'must be at most 1440'),
    ),
    '60',
  ),
  /** smtp(s)://user:password@host:port; without it mails go to DATA_DIR/mail as .eml files. */
  SMTP_URL: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^smtps?:\/\/[^\s]+$/, 'must look like smtp://user:password@host:587'),
    ),
  ),
  /** Create a demo municipality on the first start with an empty data folder (never in production). */
  DEMO: v.optional(v.picklist(['on', 'off'], 'must be on or off')),
  /** The built staff console (`packages/form-builder/dist` of this checkout when unset). */
  CONSOLE_DIR: v.optional(v.pipe(v.string(), v.minLength(1))),
  MAIL_FROM: v.optional(
    v.pipe(v.string(), v.email('must be an email address')),
    'no-reply@madoguchi.local',
  ),
  /** My Number card authentication: the local provider (default outside production), a real OpenID provider, or none. */
  CARD_PROVIDER: v.optional(v.picklist(['local', 'oidc', 'off'], 'must be local, oidc or off')),
  /** The local card provider's loopback port. */
  CARD_LOCAL_PORT: port(3900),
  /** For CARD_PROVIDER=oidc: the issuer, the client id, and the client's private EC P-256 key as a JWK (JSON). */
  CARD_ISSUER: v.optional(v.pipe(v.string(), v.url('must be the issuer URL'))),
  CARD_CLIENT_ID: v.optional(v.pipe(v.string(), v.minLength(1))),
  CARD_CLIENT_JWK: v.optional(v.pipe(v.string(), v.minLength(1))),
  /**
   * The issuers tenant admins may enter for their own card-authentication registration,
   * comma-separated (https URLs). Required for any in production; any https issuer elsewhere.
   */
  CARD_ISSUERS_ALLOWED: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^\s*https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*\s*$/,
        'must be issuer URLs separated by commas',
      ),
    ),
  ),
});

type Env = v.InferOutput<typeof envSchema>;

/** The server's configuration, with every default resolved. */
export interface Config
  extends Omit<
    Env,
    'PUBLIC_ORIGIN' | 'STAFF_ORIGIN' | 'CONTROL_DATABASE_URL' | 'TENANT_DATABASE_URL'
  > {
  PUBLIC_ORIGIN: string;
  STAFF_ORIGIN: string;
  CONTROL_DATABASE_URL: string;
  TENANT_DATABASE_URL: string;
}

/** A configuration problem; its message names the variable at fault. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from environment variables. Invalid values stop the start with a
 * message naming each variable at fault.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = v.safeParse(envSchema, env);
  if (!result.success) {
    const problems = result.issues.map(
      (issue) => `${v.getDotPath(issue) ?? 'environment'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = result.output;
  if (e.PORT === e.STAFF_PORT && e.HOST === e.STAFF_HOST) {
    throw new ConfigError('Invalid configuration:\n  STAFF_PORT: must differ from PORT');
  }
  // pnpm runs package scripts inside the package; INIT_CWD is where the command was typed, so
  // `./data` means the folder the README talks about, whichever script started the server.
  const dataDir = resolve(env.INIT_CWD ?? process.cwd(), e.DATA_DIR);
  const config: Config = {
    ...e,
    DATA_DIR: dataDir,
    ...(e.CONSOLE_DIR
      ? { CONSOLE_DIR: resolve(env.INIT_CWD ?? process.cwd(), e.CONSOLE_DIR) }
      : {}),
    PUBLIC_ORIGIN: e.PUBLIC_ORIGIN ?? `http://${e.HOST}:${e.PORT}`,
    STAFF_ORIGIN: e.STAFF_ORIGIN ?? `http://${e.STAFF_HOST}:${e.STAFF_PORT}`,
    CONTROL_DATABASE_URL: e.CONTROL_DATABASE_URL ?? `file:${dataDir}/control.db`,
    TENANT_DATABASE_URL: e.TENANT_DATABASE_URL ?? `file:${dataDir}/tenants/{slug}.db`,
  };
  if (
    config.NODE_ENV === 'production' &&
    config.MASTER_KEY === undefined &&
    config.TENANT_DATABASE_URL.startsWith('file:')
  ) {
    throw new ConfigError(
      'Invalid configuration:\n  MASTER_KEY: required in production (tenant files are encrypted with keys derived from it)',
    );
  }
  return config;
}
