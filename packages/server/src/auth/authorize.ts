/** Roles a staff member can hold in a department (課). */
export const departmentRoles = ['designer', 'reviewer', 'viewer'] as const;
export type DepartmentRole = (typeof departmentRoles)[number];

/** One department role with its separate grants. */
export interface Grant {
  departmentId: string;
  role: DepartmentRole;
  canExport: boolean;
  canSeeMyNumber: boolean;
}

/** Who is acting: what authorisation needs to know about a signed-in staff member. */
export interface Actor {
  staffId: string;
  isTenantAdmin: boolean;
  status: 'invited' | 'active' | 'disabled';
  /** A contractor's account stops at this moment (ms since epoch). */
  expiresAt: number | null;
  /** When set, only these forms. */
  formIds: string[] | null;
  grants: Grant[];
}

/** What a staff member may try to do. Form-level actions name the form's department and id. */
export type StaffAction =
  | { kind: 'tenant.administer' }
  | { kind: 'form.create'; departmentId: string }
  | {
      kind:
        | 'form.read'
        | 'form.design'
        | 'submission.read'
        | 'submission.handle'
        | 'submission.export'
        | 'submission.read_my_number';
      departmentId: string;
      formId: string;
    };

const rolesFor: Record<
  Exclude<StaffAction['kind'], 'tenant.administer'>,
  readonly DepartmentRole[]
> = {
  'form.create': ['designer'],
  'form.read': ['designer', 'reviewer', 'viewer'],
  'form.design': ['designer'],
  'submission.read': ['designer', 'reviewer', 'viewer'],
  'submission.handle': ['reviewer'],
  'submission.export': ['designer', 'reviewer', 'viewer'],
  'submission.read_my_number': ['designer', 'reviewer', 'viewer'],
};

/**
 * The one function that decides every staff action. Tenant admins administer the tenant
 * (departments, staff, settings, audit) but get no department role implicitly: least privilege,
 * and they can grant themselves one. Export and My Number need their separate grants on top of
 * a role; accounts limited to named forms see nothing else; expired or disabled accounts nothing.
 * @example authorize(actor, { kind: 'submission.export', departmentId, formId }, Date.now())
 */
export function authorize(actor: Actor, action: StaffAction, now: number): boolean {
  if (actor.status !== 'active') return false;
  if (actor.expiresAt !== null && now >= actor.expiresAt) return false;
  if (action.kind === 'tenant.administer') return actor.isTenantAdmin;
  if ('formId' in action && actor.formIds !== null && !actor.formIds.includes(action.formId))
    return false;
  // An account limited to named forms cannot create new ones: it could widen its own reach.
  if (action.kind === 'form.create' && actor.formIds !== null) return false;
  const grant = actor.grants.find((candidate) => candidate.departmentId === action.departmentId);
  if (!grant || !rolesFor[action.kind].includes(grant.role)) return false;
  if (action.kind === 'submission.export') return grant.canExport;
  if (action.kind === 'submission.read_my_number') return grant.canSeeMyNumber;
  return true;
}
