import { Hono } from 'hono';
import { selectDepartments } from '../admin/repo';
import { type Actor, authorize } from '../auth/authorize';
import { requireStaff, type StaffVariables } from '../auth/middleware';
import type { AppDeps } from '../deps';
import { AppError } from '../http/errors';
import type { Operation } from '../openapi';

/** A department as designers see it: its name for the id they hold a role in, nothing more. */
export interface DepartmentName {
  id: string;
  name: string;
}

/**
 * Whether this actor designs forms anywhere: a designer role in some department that
 * `authorize` accepts today (active, not expired; a form-limited account through one of its
 * forms), or a tenant admin, who may read the full department list anyway.
 */
export function designsForms(actor: Actor, now: number): boolean {
  if (authorize(actor, { kind: 'tenant.administer' }, now)) return true;
  return actor.grants.some(
    (grant) =>
      authorize(actor, { kind: 'form.create', departmentId: grant.departmentId }, now) ||
      (actor.formIds ?? []).some((formId) =>
        authorize(actor, { kind: 'form.design', departmentId: grant.departmentId, formId }, now),
      ),
  );
}

/**
 * 課の名前一覧 for designers. The admin department list (with alert addresses and archive
 * dates) is for tenant admins only, so designers who are not admins saw department ids in the
 * new-form dialog; this gives any staff member who designs forms the ids and names, active
 * departments first, and nothing else. Its own router, because every admin route is admin-only
 * by construction (admin/routes.ts) and this one must not be.
 */
export function departmentNameRoutes(deps: AppDeps) {
  const staffOnly = requireStaff({
    registry: deps.registry,
    staffOrigin: deps.config.STAFF_ORIGIN,
    idleMs: deps.config.SESSION_IDLE_MINUTES * 60_000,
    now: deps.now,
  });
  return new Hono<{ Variables: StaffVariables }>().use(staffOnly).get('/', async (c) => {
    if (!designsForms(c.get('actor'), deps.now())) throw new AppError('forbidden');
    const rows = await selectDepartments(c.get('db'));
    const departments: DepartmentName[] = rows.map((row) => ({ id: row.id, name: row.name }));
    return c.json({ departments }, 200);
  });
}

/** The department names route, for the OpenAPI document. */
export const departmentNameOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/departments',
    tag: 'forms',
    access: 'staff',
    summary: 'Department ids and names, for staff who design forms (403 for other roles)',
  },
];
