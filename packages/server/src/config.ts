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

/** Environment variables the server reads, with safe local defaults. */
export const envSchema = v.object({
  NODE_ENV: v.optional(v.picklist(['development', 'production', 'test']), 'development'),
  DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), './data'),
  HOST: host,
  PORT: port(3000),
  STAFF_HOST: host,
  STAFF_PORT: port(3001),
});

/** The server's configuration, parsed from the environment. */
export type Config = v.InferOutput<typeof envSchema>;

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
  if (
    result.output.PORT === result.output.STAFF_PORT &&
    result.output.HOST === result.output.STAFF_HOST
  ) {
    throw new ConfigError('Invalid configuration:\n  STAFF_PORT: must differ from PORT');
  }
  return result.output;
}
