import { and, eq, ne } from 'drizzle-orm';
import type { Tenant, TenantDb, TenantRegistry } from '../db/registry';
import { sessions, staff } from '../db/tenant-schema';
import {
  formatSessionToken,
  generateToken,
  parseSessionToken,
  secretMatches,
} from './crypto/index';

/** A staff row as stored. */
export type StaffRow = typeof staff.$inferSelect;

/** A valid session with the tenant, database and staff member it belongs to. */
export interface SessionContext {
  tenant: Tenant;
  db: TenantDb;
  staff: StaffRow;
  sessionId: string;
}

/** How often a session's last activity is written: at most once a minute, not on every request. */
const touchIntervalMs = 60_000;

/**
 * Starts a session for a staff member and returns the cookie value: tenant slug, session id
 * and secret. Only the SHA-256 of the secret is stored (Lucia's session design).
 */
export async function createSession(
  db: TenantDb,
  tenantSlug: string,
  staffId: string,
  meta: { ip?: string; userAgent?: string },
  now: number,
): Promise<string> {
  const token = generateToken();
  await db.insert(sessions).values({
    id: token.id,
    staffId,
    secretHash: Buffer.from(token.secretHash),
    createdAt: now,
    lastActiveAt: now,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return formatSessionToken(tenantSlug, token.token);
}

/**
 * Checks a session cookie: the tenant must exist and be active, the session must exist, its
 * secret must match (constant time), and it must have been used within the idle limit. An
 * expired session is deleted. Returns undefined for anything else, without saying why.
 */
export async function validateSession(
  registry: TenantRegistry,
  cookie: string | undefined,
  now: number,
  idleMs: number,
): Promise<SessionContext | undefined> {
  if (cookie === undefined) return undefined;
  const parsed = parseSessionToken(cookie);
  if (!parsed) return undefined;
  const resolved = await registry.resolve(parsed.tenantSlug);
  if (!resolved) return undefined;
  const { db, tenant } = resolved;
  const rows = await db
    .select({ session: sessions, staff })
    .from(sessions)
    .innerJoin(staff, eq(sessions.staffId, staff.id))
    .where(eq(sessions.id, parsed.id))
    .limit(1);
  const row = rows[0];
  if (!row || !secretMatches(parsed.secret, new Uint8Array(row.session.secretHash)))
    return undefined;
  if (now - row.session.lastActiveAt >= idleMs) {
    await db.delete(sessions).where(eq(sessions.id, row.session.id));
    return undefined;
  }
  if (now - row.session.lastActiveAt >= touchIntervalMs) {
    await db.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, row.session.id));
  }
  return { tenant, db, staff: row.staff, sessionId: row.session.id };
}

/** Ends one session. */
export async function invalidateSession(db: TenantDb, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a staff member, or every one but `exceptSessionId`. */
export async function invalidateStaffSessions(
  db: TenantDb,
  staffId: string,
  exceptSessionId?: string,
): Promise<number> {
  const result = await deleteStaffSessions(db, staffId, exceptSessionId);
  return result.rowsAffected;
}

/** The statement ending a staff member's sessions, for batches that change the account too. */
export function deleteStaffSessions(db: TenantDb, staffId: string, exceptSessionId?: string) {
  const where =
    exceptSessionId === undefined
      ? eq(sessions.staffId, staffId)
      : and(eq(sessions.staffId, staffId), ne(sessions.id, exceptSessionId));
  return db.delete(sessions).where(where);
}
