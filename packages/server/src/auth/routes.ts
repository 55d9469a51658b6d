import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import * as v from 'valibot';
import { appendAudit } from '../audit/service';
import { staff } from '../db/tenant-schema';
import type { AppDeps } from '../deps';
import { AppError } from '../http/errors';
import { validate } from '../http/validate';
import { hashPassword, passwordProblem, verifyPassword } from './crypto/index';
import { acceptInvite, inspectInvite, passwordProblemMessages } from './invites';
import { requireStaff, type StaffVariables, sessionCookie } from './middleware';
import { invalidateSession, invalidateStaffSessions } from './sessions';
import { signIn } from './sign-in';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const signInSchema = v.strictObject({
  tenant: v.pipe(
    v.string(),
    v.regex(/^[a-z][a-z0-9-]{1,39}$/, 'tenant must be the municipality id, e.g. midori'),
  ),
  email: v.pipe(text(254), v.email()),
  password: text(256),
  totpCode: v.optional(text(20)),
});
export const passwordSchema = v.strictObject({
  currentPassword: text(256),
  newPassword: text(1000),
});
export const tokenSchema = v.strictObject({ token: text(200) });
export const acceptSchema = v.strictObject({
  token: text(200),
  password: v.optional(text(1000)),
  totpSecret: v.optional(text(64)),
  totpCode: v.optional(text(20)),
});

function clientMeta(
  c: { req: { header: (name: string) => string | undefined } },
  remote: string | undefined,
) {
  return { ip: remote, userAgent: c.req.header('user-agent') };
}

/** Staff sign-in, sign-out, sessions, password and second factor. */
export function authRoutes(deps: AppDeps) {
  const cookie = sessionCookie(deps.config.STAFF_ORIGIN);
  const idleMs = deps.config.SESSION_IDLE_MINUTES * 60_000;
  const staffOnly = requireStaff({
    registry: deps.registry,
    staffOrigin: deps.config.STAFF_ORIGIN,
    idleMs,
    now: deps.now,
  });
  const writeCookie = (c: Parameters<typeof setCookie>[0], token: string) =>
    setCookie(c, cookie.name, token, {
      httpOnly: true,
      secure: cookie.secure,
      sameSite: 'Strict',
      path: '/',
      maxAge: idleMs / 1000,
    });
  const recordSignOut = (c: Context<{ Variables: StaffVariables }>, action: string) =>
    appendAudit(
      c.get('db'),
      { actorType: 'staff', actorId: c.get('staff').id, action, ip: deps.remoteAddress(c) },
      deps.now(),
    );

  return new Hono<{ Variables: StaffVariables }>()
    .post('/sign-in', validate('json', signInSchema), async (c) => {
      const input = c.req.valid('json');
      const { token, staffId } = await signIn(
        deps.registry,
        input,
        clientMeta(c, deps.remoteAddress(c)),
        deps.now(),
      );
      writeCookie(c, token);
      deps.logger.info('sign_in', {
        requestId: c.get('requestId'),
        tenant: input.tenant,
        staff: staffId,
      });
      return c.json({ staffId }, 200);
    })
    .post('/sign-out', staffOnly, async (c) => {
      await invalidateSession(c.get('db'), c.get('sessionId'));
      await recordSignOut(c, 'auth.sign_out');
      deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure });
      return c.body(null, 204);
    })
    .post('/sign-out-everywhere', staffOnly, async (c) => {
      await invalidateStaffSessions(c.get('db'), c.get('staff').id);
      await recordSignOut(c, 'auth.sign_out_everywhere');
      deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure });
      return c.body(null, 204);
    })
    .get('/session', staffOnly, (c) => {
      const person = c.get('staff');
      return c.json({
        tenant: { slug: c.get('tenant').slug, name: c.get('tenant').name },
        staff: {
          id: person.id,
          name: person.name,
          email: person.email,
          isTenantAdmin: person.isTenantAdmin,
          totpEnabled: person.totpSecret !== null,
          expiresAt: person.expiresAt,
          formIds: person.formIds,
        },
        grants: c.get('actor').grants,
      });
    })
    .post('/password', staffOnly, validate('json', passwordSchema), async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const person = c.get('staff');
      if (!person.passwordHash || !(await verifyPassword(currentPassword, person.passwordHash))) {
        throw new AppError('validation_failed', undefined, [
          {
            path: 'currentPassword',
            message: '現在のパスワードが違います / The current password is not right',
          },
        ]);
      }
      const problem = passwordProblem(newPassword);
      if (problem)
        throw new AppError('validation_failed', undefined, [
          { path: 'newPassword', message: passwordProblemMessages[problem] },
        ]);
      const db = c.get('db');
      await db
        .update(staff)
        .set({ passwordHash: await hashPassword(newPassword), updatedAt: deps.now() })
        .where(eq(staff.id, person.id));
      // A changed password ends every other session: whoever knew the old one is signed out.
      await invalidateStaffSessions(db, person.id, c.get('sessionId'));
      return c.body(null, 204);
    });
}

/** One-time links: look at one, accept one. Tokens travel in bodies, never in URLs or logs. */
export function inviteRoutes(deps: AppDeps) {
  return new Hono<{ Variables: StaffVariables }>()
    .post('/inspect', validate('json', tokenSchema), async (c) =>
      c.json(await inspectInvite(deps.registry, c.req.valid('json').token, deps.now())),
    )
    .post('/accept', validate('json', acceptSchema), async (c) => {
      const { staffId } = await acceptInvite(
        deps.registry,
        c.req.valid('json'),
        deps.now(),
        deps.remoteAddress(c),
      );
      deps.logger.info('invite_accepted', { requestId: c.get('requestId'), staff: staffId });
      return c.json({ staffId });
    });
}
