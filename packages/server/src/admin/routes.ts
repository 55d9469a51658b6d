import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { appendAudit } from '../audit/service';
import { inviteLink } from '../auth/invites';
import { ensureAllowed, requireStaff, type StaffVariables } from '../auth/middleware';
import type { AppDeps } from '../deps';
import { validate } from '../http/validate';
import {
  generateCardClientKey,
  getCardSettings,
  updateCardSettings,
  validateCardSettings,
} from './card-settings';
import type { AdminContext } from './context';
import {
  archiveDepartment,
  createDepartment,
  listDepartments,
  updateDepartment,
} from './departments';
import { listTenantForms } from './forms';
import { setGrants } from './grants';
import {
  getPaymentSettings,
  updatePaymentSettings,
  validatePaymentSettings,
} from './payment-settings';
import {
  createDepartmentSchema,
  createStaffSchema,
  grantsSchema,
  idParam,
  settingsSchema,
  updateDepartmentSchema,
  updateStaffSchema,
} from './schemas';
import { getSettings, updateSettings } from './settings';
import {
  disableStaff,
  enableStaff,
  getStaff,
  inviteStaff,
  listStaff,
  reinviteStaff,
  resetSecondFactor,
  updateStaff,
} from './staff';

type StaffContext = Context<{ Variables: StaffVariables }>;

/**
 * The tenant admin API: departments, staff, role grants and settings of the municipality of
 * the signed-in admin, and its payment provider with credentials that are stored sealed and
 * shown only as configured or not (the audit entry of a payment settings change is written in
 * the same batch as the change, naming what changed, never the values), and its My Number card
 * provider, whose client key is generated on the server and stored sealed (only its public half
 * is ever answered). The tenant comes from the session only, so another tenant's ids are
 * simply not found (404).
 */
export function adminRoutes(deps: AppDeps) {
  const staffOnly = requireStaff({
    registry: deps.registry,
    staffOrigin: deps.config.STAFF_ORIGIN,
    idleMs: deps.config.SESSION_IDLE_MINUTES * 60_000,
    now: deps.now,
  });
  // Applied to every route below with `use`, so no admin route can be added without it.
  const adminOnly: MiddlewareHandler<{ Variables: StaffVariables }> = async (c, next) => {
    ensureAllowed(c, { kind: 'tenant.administer' }, deps.now());
    await next();
  };
  const admin = (c: StaffContext): AdminContext => ({
    db: c.get('db'),
    tenantSlug: c.get('tenant').slug,
    actorId: c.get('staff').id,
    now: deps.now(),
  });
  // Ids only: names and addresses are personal data and stay out of logs and the audit log.
  const logChange = async (c: StaffContext, action: string, target: string) => {
    deps.logger.info('admin_change', {
      requestId: c.get('requestId'),
      tenant: c.get('tenant').slug,
      staff: c.get('staff').id,
      action,
      target,
    });
    await appendAudit(
      c.get('db'),
      {
        actorType: 'staff',
        actorId: c.get('staff').id,
        action,
        targetId: target,
        ip: deps.remoteAddress(c),
      },
      deps.now(),
    );
  };
  const link = (token: string) => inviteLink(deps.config.STAFF_ORIGIN, token);
  // Payment credentials are sealed under a key derived from it (payments/credentials.ts).
  const masterKey = deps.registry.settings.masterKey;

  return new Hono<{ Variables: StaffVariables }>()
    .use(staffOnly, adminOnly)
    .get('/departments', async (c) => c.json({ departments: await listDepartments(admin(c)) }))
    .post('/departments', validate('json', createDepartmentSchema), async (c) => {
      const department = await createDepartment(admin(c), c.req.valid('json'));
      await logChange(c, 'department.create', department.id);
      return c.json({ department }, 201);
    })
    .patch(
      '/departments/:id',
      validate('param', idParam),
      validate('json', updateDepartmentSchema),
      async (c) => {
        const { id } = c.req.valid('param');
        const department = await updateDepartment(admin(c), id, c.req.valid('json'));
        await logChange(c, 'department.update', id);
        return c.json({ department }, 200);
      },
    )
    .post('/departments/:id/archive', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const department = await archiveDepartment(admin(c), id);
      await logChange(c, 'department.archive', id);
      return c.json({ department }, 200);
    })
    .get('/forms', async (c) => c.json({ forms: await listTenantForms(admin(c)) }, 200))
    .get('/staff', async (c) => c.json({ staff: await listStaff(admin(c)) }, 200))
    .get('/staff/:id', validate('param', idParam), async (c) =>
      c.json({ staff: await getStaff(admin(c), c.req.valid('param').id) }, 200),
    )
    .post('/staff', validate('json', createStaffSchema), async (c) => {
      const { staff, token } = await inviteStaff(admin(c), c.req.valid('json'));
      await logChange(c, 'staff.invite', staff.id);
      return c.json({ staff, inviteLink: link(token) }, 201);
    })
    .patch(
      '/staff/:id',
      validate('param', idParam),
      validate('json', updateStaffSchema),
      async (c) => {
        const { id } = c.req.valid('param');
        const staff = await updateStaff(admin(c), id, c.req.valid('json'));
        await logChange(c, 'staff.update', id);
        return c.json({ staff }, 200);
      },
    )
    .post('/staff/:id/disable', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const staff = await disableStaff(admin(c), id);
      await logChange(c, 'staff.disable', id);
      return c.json({ staff }, 200);
    })
    .post('/staff/:id/enable', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const staff = await enableStaff(admin(c), id);
      await logChange(c, 'staff.enable', id);
      return c.json({ staff }, 200);
    })
    .post('/staff/:id/reset-totp', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const { staff, token } = await resetSecondFactor(admin(c), id);
      await logChange(c, 'staff.reset_totp', id);
      return c.json({ staff, totpResetLink: link(token) }, 200);
    })
    .post('/staff/:id/reinvite', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const { staff, token } = await reinviteStaff(admin(c), id);
      await logChange(c, 'staff.reinvite', id);
      return c.json({ staff, inviteLink: link(token) }, 200);
    })
    .put(
      '/staff/:id/grants',
      validate('param', idParam),
      validate('json', grantsSchema),
      async (c) => {
        const { id } = c.req.valid('param');
        const grants = await setGrants(admin(c), id, c.req.valid('json'));
        await logChange(c, 'staff.grants', id);
        return c.json(grants, 200);
      },
    )
    .get('/settings', async (c) => c.json({ settings: await getSettings(admin(c)) }, 200))
    .put('/settings', validate('json', settingsSchema), async (c) => {
      const settings = await updateSettings(admin(c), c.req.valid('json'));
      await logChange(c, 'settings.update', 'settings');
      return c.json({ settings }, 200);
    })
    .get('/settings/payments', async (c) =>
      c.json({ payments: await getPaymentSettings(admin(c), masterKey) }, 200),
    )
    .put('/settings/payments', validatePaymentSettings, async (c) => {
      const { view, changed } = await updatePaymentSettings(
        admin(c),
        masterKey,
        c.req.valid('json'),
        deps.remoteAddress(c),
      );
      deps.logger.info('admin_change', {
        requestId: c.get('requestId'),
        tenant: c.get('tenant').slug,
        staff: c.get('staff').id,
        action: 'settings.payments_update',
        target: changed.join(','),
      });
      return c.json({ payments: view }, 200);
    })
    .get('/settings/card-auth', async (c) =>
      c.json({ cardAuth: await getCardSettings(admin(c), masterKey, deps.config) }, 200),
    )
    .put('/settings/card-auth', validateCardSettings, async (c) => {
      const { view, changed } = await updateCardSettings(
        admin(c),
        masterKey,
        deps.config,
        c.req.valid('json'),
        deps.remoteAddress(c),
      );
      deps.logger.info('admin_change', {
        requestId: c.get('requestId'),
        tenant: c.get('tenant').slug,
        staff: c.get('staff').id,
        action: 'settings.card_auth_update',
        target: changed.join(','),
      });
      return c.json({ cardAuth: view }, 200);
    })
    .post('/settings/card-auth/key', async (c) => {
      const view = await generateCardClientKey(
        admin(c),
        masterKey,
        deps.config,
        deps.remoteAddress(c),
      );
      deps.logger.info('admin_change', {
        requestId: c.get('requestId'),
        tenant: c.get('tenant').slug,
        staff: c.get('staff').id,
        action: 'settings.card_auth_key',
        target: 'clientKey',
      });
      return c.json({ cardAuth: view }, 200);
    });
}
