import { fileURLToPath } from 'node:url';
import type { Client } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as controlSchema from './control-schema';
import { deriveDatabaseKey } from './keys';
import { type DatabaseTarget, localPath, openDatabase } from './open';
import * as tenantSchema from './tenant-schema';
import { attachLocalWriter, LocalWriter } from './writer-thread';

/**
 * How long `resolve` trusts a tenant row it read. A change made through this registry applies at
 * once (`forget`); one made by another process (the tenants CLI) applies within this time.
 */
const activeTenantTtlMs = 2000;

interface OpenTenant {
  db: TenantDb;
  client: Client;
  writer: LocalWriter | undefined;
}

/** The control-plane database. */
export type ControlDb = LibSQLDatabase<typeof controlSchema>;
/** One municipality's database. */
export type TenantDb = LibSQLDatabase<typeof tenantSchema> & { $client: Client };
/** A tenant row of the control plane. */
export type Tenant = typeof controlSchema.tenants.$inferSelect;

const controlMigrations = fileURLToPath(new URL('./migrations/control', import.meta.url));
const tenantMigrations = fileURLToPath(new URL('./migrations/tenant', import.meta.url));

/** Where databases live and how they are keyed. */
export interface DatabaseSettings {
  controlUrl: string;
  /** A URL template with {slug}. */
  tenantUrl: string;
  authToken?: string;
  masterKey: Buffer;
}

function target(url: string, settings: DatabaseSettings, purpose: string): DatabaseTarget {
  return url.startsWith('file:')
    ? { url, encryptionKey: deriveDatabaseKey(settings.masterKey, purpose) }
    : { url, ...(settings.authToken ? { authToken: settings.authToken } : {}) };
}

/** The URL of a tenant's database. Slugs are validated before they get here. */
export function tenantDatabaseUrl(
  settings: Pick<DatabaseSettings, 'tenantUrl'>,
  slug: string,
): string {
  return settings.tenantUrl.replaceAll('{slug}', slug);
}

/** Opens the control-plane database and brings its schema up to date. */
export async function openControlDatabase(
  settings: DatabaseSettings,
): Promise<{ db: ControlDb; client: Client }> {
  const client = await openDatabase(target(settings.controlUrl, settings, 'control'));
  const db = drizzle(client, { schema: controlSchema });
  await migrate(db, { migrationsFolder: controlMigrations });
  return { db, client };
}

/**
 * Opens tenant databases on demand and keeps them open. Every open runs the tenant migrations,
 * so a database created by an older version is brought up to date before it is used. The
 * tenant's status is read from the control plane on every lookup, so suspending a tenant takes
 * effect at once in every server process.
 */
export class TenantRegistry {
  readonly #opened = new Map<string, Promise<OpenTenant>>();
  /** Active tenants as `resolve` last read them: every request resolves its tenant. */
  readonly #active = new Map<string, { tenant: Tenant; until: number }>();

  constructor(
    readonly control: ControlDb,
    readonly settings: DatabaseSettings,
  ) {}

  /** The tenant row for a slug, whatever its status, or undefined. */
  async find(slug: string): Promise<Tenant | undefined> {
    return this.control.query.tenants.findFirst({ where: eq(controlSchema.tenants.slug, slug) });
  }

  /** An active tenant and its open database, or undefined when unknown or suspended. */
  async resolve(slug: string): Promise<{ tenant: Tenant; db: TenantDb } | undefined> {
    const now = Date.now();
    const cached = this.#active.get(slug);
    let tenant = cached && cached.until > now ? cached.tenant : undefined;
    if (!tenant) {
      tenant = await this.find(slug);
      if (tenant?.status !== 'active') {
        this.#active.delete(slug);
        return undefined;
      }
      this.#active.set(slug, { tenant, until: now + activeTenantTtlMs });
    }
    return { tenant, db: await this.database(slug) };
  }

  /** Drops what `resolve` remembers of a tenant, after its row changed. */
  forget(slug: string): void {
    this.#active.delete(slug);
  }

  /** Opens (once) and migrates a tenant's database, creating it when it does not exist yet. */
  async database(slug: string): Promise<TenantDb> {
    return (await this.#open(slug)).db;
  }

  /** The raw libSQL client of a tenant's database, for maintenance (online backup). */
  async client(slug: string): Promise<Client> {
    return (await this.#open(slug)).client;
  }

  #open(slug: string): Promise<OpenTenant> {
    let opening = this.#opened.get(slug);
    if (!opening) {
      opening = (async () => {
        const where = target(
          tenantDatabaseUrl(this.settings, slug),
          this.settings,
          `tenant:${slug}`,
        );
        const client = await openDatabase(where);
        const db = drizzle(client, { schema: tenantSchema });
        await migrate(db, { migrationsFolder: tenantMigrations });
        // A local file gets the writer thread's group commit for the hot write paths (docs/adr/0007).
        const path = localPath(where.url);
        const writer = path === undefined ? undefined : new LocalWriter(path, where.encryptionKey);
        if (writer) attachLocalWriter(db, writer);
        return { db, client, writer };
      })();
      this.#opened.set(slug, opening);
      // A failed open must not stay cached: the next request tries again.
      opening.catch(() => this.#opened.delete(slug));
    }
    return opening;
  }

  /** Closes one tenant's database (before a restore replaces its file). */
  async closeTenant(slug: string): Promise<void> {
    this.forget(slug);
    const opening = this.#opened.get(slug);
    this.#opened.delete(slug);
    const opened = opening ? await opening.catch(() => undefined) : undefined;
    if (!opened) return;
    // Fold the WAL into the main file first, so the file alone is the whole database.
    await opened.writer?.close();
    await opened.client.execute('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
    opened.client.close();
  }

  /** Closes every open database. */
  async close(): Promise<void> {
    for (const slug of [...this.#opened.keys()]) await this.closeTenant(slug);
  }
}
