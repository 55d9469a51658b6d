import { eq } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Tenant, TenantDb, TenantRegistry } from '../db/registry';
import { roleGrants } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import type { BaseVariables } from '../http/middleware';
import { type Actor, authorize, type StaffAction } from './authorize';
import { type StaffRow, validateSession } from './sessions';

/** Variables of a request made by a signed-in staff member. */
export interface StaffVariables extends BaseVariables {
  tenant: Tenant;
  db: TenantDb;
  staff: StaffRow;
  actor: Actor;
  sessionId: string;
}

/** Cookie settings: `__Host-` and Secure over HTTPS; plain on http://localhost for development. */
export function sessionCookie(staffOrigin: string): { name: string; secure: boolean } {
  const secure = staffOrigin.startsWith('https://');
  return { name: secure ? '__Host-madoguchi_staff' : 'madoguchi_staff', secure };
}

/** The actor of a staff row, with its department grants. */
export async function loadActor(db: TenantDb, row: StaffRow): Promise<Actor> {
  const grants = await db.select().from(roleGrants).where(eq(roleGrants.staffId, row.id));
  return {
    staffId: row.id,
    isTenantAdmin: row.isTenantAdmin,
    status: row.status,
    expiresAt: row.expiresAt,
    formIds: row.formIds ?? null,
    grants: grants.map((g) => ({
      departmentId: g.departmentId,
      role: g.role,
      canExport: g.canExport,
      canSeeMyNumber: g.canSeeMyNumber,
    })),
  };
}

/**
 * Requires a valid staff session. The tenant comes from the session and nothing else: ids in
 * the URL or body are looked up in that tenant's database only, so another tenant's ids are
 * simply not found.
 */
export function requireStaff(deps: {
  registry: TenantRegistry;
  staffOrigin: string;
  idleMs: number;
  now: () => number;
}): MiddlewareHandler<{ Variables: StaffVariables }> {
  const cookie = sessionCookie(deps.staffOrigin);
  return async (c, next) => {
    const session = await validateSession(
      deps.registry,
      getCookie(c, cookie.name),
      deps.now(),
      deps.idleMs,
    );
    if (!session) throw new AppError('unauthenticated');
    const actor = await loadActor(session.db, session.staff);
    // A disabled or expired account loses its sessions' use at once, not at their next expiry;
    // so does one without a second factor (a session from before TOTP was required of everyone).
    if (
      actor.status !== 'active' ||
      (actor.expiresAt !== null && deps.now() >= actor.expiresAt) ||
      session.staff.totpSecret === null
    )
      throw new AppError('unauthenticated');
    c.set('tenant', session.tenant);
    c.set('db', session.db);
    c.set('staff', session.staff);
    c.set('actor', actor);
    c.set('sessionId', session.sessionId);
    c.set('tenantSlug', session.tenant.slug);
    c.set('staffId', session.staff.id);
    await next();
  };
}

/** Throws 403 unless the actor may do the action; every staff route calls this. */
export function ensureAllowed(
  c: Context<{ Variables: StaffVariables }>,
  action: StaffAction,
  now: number,
): void {
  if (!authorize(c.get('actor'), action, now)) throw new AppError('forbidden');
}

/**
 * Rejects state-changing requests that a browser could have sent from another site: a foreign
 * Origin or Sec-Fetch-Site, or a body that is not JSON (forms and text/plain need no CORS
 * preflight). Together with SameSite=Strict cookies this is the CSRF defence of the staff API.
 */
export function csrfProtection(staffOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin !== undefined && origin !== staffOrigin) throw new AppError('csrf_rejected');
      const site = c.req.header('sec-fetch-site');
      if (site !== undefined && site !== 'same-origin' && site !== 'none')
        throw new AppError('csrf_rejected');
      // A cross-site form always sends a form or text content type; JSON would need a preflight.
      const type = c.req.header('content-type');
      if (type !== undefined && !type.toLowerCase().startsWith('application/json'))
        throw new AppError('unsupported_media_type');
    }
    await next();
  };
}
