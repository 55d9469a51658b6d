import type { Session } from '../api/types';

// What the console offers, from the session's grants. Display only: the server decides every
// request with its one authorisation function, and these mirror it so no button leads to a 403.

type Grants = Pick<Session, 'grants'> & { staff: Pick<Session['staff'], 'formIds'> };

function grantFor(session: Grants, departmentId: string, formId: string) {
  const limit = session.staff.formIds;
  if (limit !== null && !limit.includes(formId)) return undefined;
  return session.grants.find((grant) => grant.departmentId === departmentId);
}

/** Whether downloads of this form's applications are offered. */
export function mayExport(session: Grants, form: { departmentId: string; id: string }): boolean {
  return grantFor(session, form.departmentId, form.id)?.canExport === true;
}

/** Whether handling (actions, bulk accept, counter entry) is offered. */
export function mayHandle(session: Grants, form: { departmentId: string; id: string }): boolean {
  return grantFor(session, form.departmentId, form.id)?.role === 'reviewer';
}

/** Whether designing this form is offered. */
export function mayDesign(session: Grants, form: { departmentId: string; id: string }): boolean {
  return grantFor(session, form.departmentId, form.id)?.role === 'designer';
}
