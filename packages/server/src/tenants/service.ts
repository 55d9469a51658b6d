import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { normalizeEmail } from '@madoguchi/shared';
import { asc, eq } from 'drizzle-orm';
import { createInvite } from '../auth/invites';
import { tenants } from '../db/control-schema';
import { newId } from '../db/ids';
import { deriveDatabaseKey } from '../db/keys';
import { localPath, openDatabase } from '../db/open';
import { type Tenant, type TenantRegistry, tenantDatabaseUrl } from '../db/registry';
import { staff, tenantSettings } from '../db/tenant-schema';
import { isLocalGovernmentCode, isTenantSlug } from './codes';

/** A problem the operator can fix by changing the command. */
export class TenantError extends Error {
  override name = 'TenantError';
}

/** What the operator gives to create a municipality. */
export interface CreateTenantInput {
  slug: string;
  name: string;
  localGovernmentCode: string;
  adminEmail: string;
  adminName: string;
}

/**
 * Creates a municipality: its control-plane row, its own encrypted database (migrated), its
 * settings and its first tenant admin, who gets a one-time link to set a password and the
 * second factor. If the database cannot be made, the control-plane row is removed again.
 */
export async function createTenant(
  registry: TenantRegistry,
  input: CreateTenantInput,
  now: number,
): Promise<{ tenant: Tenant; inviteToken: string }> {
  if (!isTenantSlug(input.slug))
    throw new TenantError(
      'slug: use 2–40 lower-case letters, digits and hyphens, starting with a letter',
    );
  if (!isLocalGovernmentCode(input.localGovernmentCode))
    throw new TenantError('code: not a valid 6-digit local government code (check digit)');
  if (input.name.trim() === '' || input.name.length > 100)
    throw new TenantError('name: give the municipality’s name (at most 100 characters)');
  if (normalizeEmail(input.adminEmail) === undefined)
    throw new TenantError('admin-email: not an email address');
  if (input.adminName.trim() === '' || input.adminName.length > 100)
    throw new TenantError('admin-name: give the administrator’s name');
  const existing = await registry.find(input.slug);
  if (existing) throw new TenantError(`slug: a tenant "${input.slug}" already exists`);
  const file = localPath(tenantDatabaseUrl(registry.settings, input.slug));
  if (file !== undefined && existsSync(file))
    throw new TenantError(
      `a database file already exists at ${file}; move it away or restore it instead`,
    );

  const tenant: Tenant = {
    id: newId('ten'),
    slug: input.slug,
    name: input.name.trim(),
    localGovernmentCode: input.localGovernmentCode,
    status: 'active',
    createdAt: now,
    suspendedAt: null,
  };
  try {
    await registry.control.insert(tenants).values(tenant);
  } catch (error) {
    throw new TenantError(
      `code: the local government code ${input.localGovernmentCode} is already used (${String(error)})`,
    );
  }
  try {
    const db = await registry.database(input.slug);
    const adminId = newId('stf');
    await db.batch([
      db.insert(tenantSettings).values({
        id: 1,
        notificationDefaults: { alertDepartment: true, signature: tenant.name },
        updatedAt: now,
      }),
      db.insert(staff).values({
        id: adminId,
        email: input.adminEmail.trim(),
        name: input.adminName.trim(),
        isTenantAdmin: true,
        status: 'invited',
        createdAt: now,
        updatedAt: now,
      }),
    ]);
    const inviteToken = await createInvite(db, input.slug, adminId, 'invite', now);
    return { tenant, inviteToken };
  } catch (error) {
    await registry.closeTenant(input.slug);
    await registry.control.delete(tenants).where(eq(tenants.id, tenant.id));
    if (file !== undefined)
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    throw error;
  }
}

/** Every tenant, oldest first. */
export async function listTenants(registry: TenantRegistry): Promise<Tenant[]> {
  return registry.control.select().from(tenants).orderBy(asc(tenants.createdAt));
}

/** Suspends or resumes a tenant: a suspended tenant's staff and residents are refused at once. */
export async function setTenantStatus(
  registry: TenantRegistry,
  slug: string,
  status: 'active' | 'suspended',
  now: number,
): Promise<void> {
  const result = await registry.control
    .update(tenants)
    .set({ status, suspendedAt: status === 'suspended' ? now : null })
    .where(eq(tenants.slug, slug));
  registry.forget(slug);
  if (result.rowsAffected === 0) throw new TenantError(`no tenant "${slug}"`);
}

/**
 * Backs up one tenant online with VACUUM INTO: a consistent copy while the server keeps
 * running, encrypted with the tenant's key like the original.
 */
export async function backupTenant(
  registry: TenantRegistry,
  slug: string,
  destination: string,
): Promise<string> {
  if (!(await registry.find(slug))) throw new TenantError(`no tenant "${slug}"`);
  const target = resolve(destination);
  if (existsSync(target)) throw new TenantError(`${target} already exists; choose a new file`);
  mkdirSync(dirname(target), { recursive: true });
  const client = await registry.client(slug);
  await client.execute({ sql: 'VACUUM INTO ?', args: [target] });
  return target;
}

/**
 * Restores a tenant from a backup made by `backupTenant`. The backup is opened with the tenant's
 * key and integrity-checked first, so a wrong or damaged file never replaces the live one.
 * Local databases only; a libSQL server restores with its own tools.
 */
export async function restoreTenant(
  registry: TenantRegistry,
  slug: string,
  source: string,
): Promise<void> {
  if (!(await registry.find(slug))) throw new TenantError(`no tenant "${slug}"`);
  const file = localPath(tenantDatabaseUrl(registry.settings, slug));
  if (file === undefined)
    throw new TenantError(
      'restore works on local databases only; use the libSQL server’s restore for remote ones',
    );
  const backup = resolve(source);
  if (!existsSync(backup)) throw new TenantError(`${backup} does not exist`);
  const key = deriveDatabaseKey(registry.settings.masterKey, `tenant:${slug}`);
  try {
    const check = await openDatabase({ url: `file:${backup}`, encryptionKey: key });
    const result = await check.execute('PRAGMA integrity_check');
    check.close();
    if (result.rows[0]?.integrity_check !== 'ok')
      throw new TenantError(`${backup} failed its integrity check`);
  } catch (error) {
    if (error instanceof TenantError) throw error;
    throw new TenantError(`${backup} is not a backup of "${slug}" made with this master key`);
  }
  await registry.closeTenant(slug);
  // Copy beside the live file, then rename over it: the live file is never half-written.
  const staging = `${file}.restoring`;
  copyFileSync(backup, staging);
  renameSync(staging, file);
  await registry.database(slug);
}
