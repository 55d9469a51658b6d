import { parseArgs } from 'node:util';
import { inviteLink } from '../auth/invites';
import { ConfigError, loadConfig } from '../config';
import { loadMasterKey } from '../db/keys';
import { openControlDatabase, TenantRegistry } from '../db/registry';
import {
  backupTenant,
  createTenant,
  listTenants,
  restoreTenant,
  setTenantStatus,
  TenantError,
} from './service';

const usage = `Madoguchi operator tool: manage municipalities (tenants). It never shows their data.

  pnpm tenants create --slug midori --name みどり区 --code 131041 --admin-email admin@city.midori.lg.jp --admin-name "管理 太郎"
  pnpm tenants list
  pnpm tenants suspend --slug midori
  pnpm tenants resume --slug midori
  pnpm tenants backup --slug midori --to backups/midori-2026-11-23.db
  pnpm tenants restore --slug midori --from backups/midori-2026-11-23.db   (stop the server first)

The same environment variables as the server apply (DATA_DIR, CONTROL_DATABASE_URL,
TENANT_DATABASE_URL, MASTER_KEY, STAFF_ORIGIN).`;

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new TenantError(`--${name} is required\n\n${usage}`);
  return value;
}

/** Runs one operator command; returns the text to print. */
export async function runOperatorCommand(
  argv: string[],
  env: Record<string, string | undefined>,
  now = Date.now(),
): Promise<string> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      code: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
    },
    strict: true,
  });
  if (command === undefined || command === 'help' || command === '--help') return usage;
  const config = loadConfig(env);
  const master = loadMasterKey(config.MASTER_KEY, config.DATA_DIR);
  const settings = {
    controlUrl: config.CONTROL_DATABASE_URL,
    tenantUrl: config.TENANT_DATABASE_URL,
    masterKey: master.key,
    ...(config.DATABASE_AUTH_TOKEN ? { authToken: config.DATABASE_AUTH_TOKEN } : {}),
  };
  const { db: control, client } = await openControlDatabase(settings);
  const registry = new TenantRegistry(control, settings);
  const notes = master.generated
    ? [`Generated a master key at ${master.path}. Back it up: without it no database can be read.`]
    : [];
  try {
    switch (command) {
      case 'create': {
        const { tenant, inviteToken } = await createTenant(
          registry,
          {
            slug: required(values, 'slug'),
            name: required(values, 'name'),
            localGovernmentCode: required(values, 'code'),
            adminEmail: required(values, 'admin-email'),
            adminName: required(values, 'admin-name'),
          },
          now,
        );
        return [
          ...notes,
          `Created ${tenant.name} (${tenant.slug}, code ${tenant.localGovernmentCode}).`,
          'Send this one-time link to the first administrator (valid 7 days). It sets their password and two-step verification:',
          `  ${inviteLink(config.STAFF_ORIGIN, inviteToken)}`,
          'Until the console exists, accept it through the API: POST /api/invites/inspect and /api/invites/accept with {"token": "<the part after #>"}.',
        ].join('\n');
      }
      case 'list': {
        const rows = await listTenants(registry);
        if (rows.length === 0) return [...notes, 'No tenants yet.'].join('\n');
        return [
          ...notes,
          ...rows.map(
            (t) =>
              `${t.slug}\t${t.localGovernmentCode}\t${t.status}\t${t.name}\tcreated ${new Date(t.createdAt).toISOString()}`,
          ),
        ].join('\n');
      }
      case 'suspend':
      case 'resume': {
        const slug = required(values, 'slug');
        await setTenantStatus(registry, slug, command === 'suspend' ? 'suspended' : 'active', now);
        return `${slug} is now ${command === 'suspend' ? 'suspended: its staff and residents are refused' : 'active'}.`;
      }
      case 'backup': {
        const path = await backupTenant(registry, required(values, 'slug'), required(values, 'to'));
        return `Backed up to ${path} (encrypted with the tenant's key; keep the master key to restore it).`;
      }
      case 'restore': {
        const slug = required(values, 'slug');
        await restoreTenant(registry, slug, required(values, 'from'));
        return `Restored ${slug}. Start the server again.`;
      }
      default:
        throw new TenantError(`unknown command "${command}"\n\n${usage}`);
    }
  } finally {
    await registry.close();
    client.close();
  }
}

const isMain =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  runOperatorCommand(process.argv.slice(2), process.env).then(
    (text) => process.stdout.write(`${text}\n`),
    (error: unknown) => {
      const known =
        error instanceof TenantError ||
        error instanceof ConfigError ||
        (error instanceof TypeError &&
          'code' in error &&
          String(error.code).startsWith('ERR_PARSE_ARGS'));
      process.stderr.write(
        `${known && error instanceof Error ? error.message : `Failed: ${String(error)}`}\n`,
      );
      process.exit(1);
    },
  );
}
