import type { DepartmentView } from '../admin/departments';
import {
  type Answer,
  type ErrorAnswer,
  type Harness,
  send,
  signedInMember,
} from '../admin/test-support';
import type { DepartmentRole } from '../auth/authorize';
import type { FormView } from './views';

/** A signed-in staff member. */
export interface Member {
  id: string;
  cookie: string;
}

/**
 * A municipality set up for form tests: a designer, a reviewer and a viewer in one department,
 * a designer of another department, and the admin (who holds no department role).
 */
export interface FormsWorld {
  slug: string;
  admin: string;
  department: string;
  otherDepartment: string;
  designer: Member;
  reviewer: Member;
  viewer: Member;
  otherDesigner: Member;
}

/** A form answer, or the error it failed with. */
export type FormAnswer = Answer<{ form: FormView } & ErrorAnswer>;

/** Creates a department through the admin API and returns its id. */
export async function createDepartment(h: Harness, admin: string, name: string): Promise<string> {
  const answer = await send<{ department: DepartmentView }>(h, 'POST', '/api/admin/departments', {
    cookie: admin,
    body: { name },
  });
  if (answer.status !== 201) throw new Error(`department failed: ${answer.status}`);
  return answer.body.department.id;
}

/** Replaces a person's grants with one role in one department. */
export async function grantRole(
  h: Harness,
  admin: string,
  staffId: string,
  departmentId: string,
  role: DepartmentRole,
): Promise<void> {
  const answer = await send(h, 'PUT', `/api/admin/staff/${staffId}/grants`, {
    cookie: admin,
    body: [{ departmentId, role, canExport: false, canSeeMyNumber: false }],
  });
  if (answer.status !== 200) throw new Error(`grant failed: ${answer.status}`);
}

/** Invites, signs in and grants a role to a new staff member through the admin API. */
export async function memberWithRole(
  h: Harness,
  world: Pick<FormsWorld, 'slug' | 'admin'>,
  name: string,
  departmentId: string,
  role: DepartmentRole,
): Promise<Member> {
  const email = `${name}@${world.slug}.example.lg.jp`;
  const { staff, cookie } = await signedInMember(h, world.slug, world.admin, { email });
  await grantRole(h, world.admin, staff.id, departmentId, role);
  return { id: staff.id, cookie };
}

/** A tenant with the people of `FormsWorld`, all set up through the API as an admin would. */
export async function formsWorld(h: Harness, slug: string, code: string): Promise<FormsWorld> {
  const { cookie: admin } = await h.tenantWithAdmin(slug, code);
  const department = await createDepartment(h, admin, '市民課');
  const otherDepartment = await createDepartment(h, admin, '福祉課');
  const base = { slug, admin };
  return {
    ...base,
    department,
    otherDepartment,
    designer: await memberWithRole(h, base, 'designer', department, 'designer'),
    reviewer: await memberWithRole(h, base, 'reviewer', department, 'reviewer'),
    viewer: await memberWithRole(h, base, 'viewer', department, 'viewer'),
    otherDesigner: await memberWithRole(h, base, 'other', otherDepartment, 'designer'),
  };
}

/** Creates a form as `cookie` (the starting definition when none is given) and returns it. */
export async function createForm(
  h: Harness,
  cookie: string,
  departmentId: string,
  definition?: unknown,
): Promise<FormView> {
  const answer = await send<{ form: FormView }>(h, 'POST', '/api/forms', {
    cookie,
    body: { departmentId, ...(definition === undefined ? {} : { definition }) },
  });
  if (answer.status !== 201) throw new Error(`create failed: ${answer.status}`);
  return answer.body.form;
}

/** Publishes a form as `cookie` and answers what the API said. */
export function publishForm(h: Harness, cookie: string, id: string): Promise<FormAnswer> {
  return send(h, 'POST', `/api/forms/${id}/publish`, { cookie });
}

/** Reads a form as `cookie`. */
export function readForm(h: Harness, cookie: string, id: string): Promise<FormAnswer> {
  return send(h, 'GET', `/api/forms/${id}`, { cookie });
}
