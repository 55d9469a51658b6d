import type { Grant } from '../auth/authorize';
import { createInvite } from '../auth/invites';
import { invalidateStaffSessions, type StaffRow } from '../auth/sessions';
import { newId } from '../db/ids';
import { AppError } from '../http/errors';
import type { AdminContext } from './context';
import {
  clearSecondFactor,
  enableStaff as enableStaffRow,
  findStaff,
  findStaffByEmail,
  type GrantRow,
  insertStaff,
  isUniqueViolation,
  revokeSessionsAndLinks,
  type StaffChange,
  selectGrants,
  selectStaff,
  updateStaff as updateStaffRow,
} from './repo';
import type { CreateStaffInput, UpdateStaffInput } from './schemas';

/** A staff account as the admin API shows it: never a hash or a secret. */
export interface StaffView {
  id: string;
  email: string;
  name: string;
  status: StaffRow['status'];
  isTenantAdmin: boolean;
  totpEnabled: boolean;
  expiresAt: number | null;
  formIds: string[] | null;
  grants: Grant[];
}

const emailTaken = new AppError('conflict', {
  ja: 'このメールアドレスの職員はすでに登録されています',
  en: 'A staff account with this email address already exists',
});
const lastAdmin = new AppError('conflict', {
  ja: '有効な管理者がいなくなるため、この変更はできません。先に別の職員を管理者にしてください',
  en: 'This would leave the municipality without an active administrator. Make someone else an administrator first',
});
const notYourself = (ja: string, en: string) => new AppError('conflict', { ja, en });

/** The one grant shape the API answers with. */
export function toGrant(row: GrantRow): Grant {
  return {
    departmentId: row.departmentId,
    role: row.role,
    canExport: row.canExport,
    canSeeMyNumber: row.canSeeMyNumber,
  };
}

function toView(row: StaffRow, grants: GrantRow[]): StaffView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status,
    isTenantAdmin: row.isTenantAdmin,
    totpEnabled: row.totpSecret !== null,
    expiresAt: row.expiresAt,
    formIds: row.formIds ?? null,
    grants: grants.map(toGrant),
  };
}

/**
 * Whether an account keeps the municipality administered: an active admin with no end date.
 * An admin whose account expires would leave the tenant without one on that day.
 */
function keepsTenantAdministered(row: Pick<StaffRow, 'isTenantAdmin' | 'status' | 'expiresAt'>) {
  return row.isTenantAdmin && row.status === 'active' && row.expiresAt === null;
}

function ensureFuture(ctx: AdminContext, expiresAt: number | null | undefined): void {
  if (typeof expiresAt === 'number' && expiresAt <= ctx.now) {
    throw new AppError('validation_failed', undefined, [
      { path: 'expiresAt', message: '未来の日時を指定してください / must be in the future' },
    ]);
  }
}

/** A staff row of this municipality, or 404. */
export async function existingStaff(ctx: AdminContext, id: string): Promise<StaffRow> {
  const row = await findStaff(ctx.db, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Every staff account with its grants. */
export async function listStaff(ctx: AdminContext): Promise<StaffView[]> {
  const [rows, grants] = await Promise.all([selectStaff(ctx.db), selectGrants(ctx.db)]);
  return rows.map((row) =>
    toView(
      row,
      grants.filter((grant) => grant.staffId === row.id),
    ),
  );
}

/** One staff account with its grants. */
export async function getStaff(ctx: AdminContext, id: string): Promise<StaffView> {
  const row = await existingStaff(ctx, id);
  return toView(row, await selectGrants(ctx.db, id));
}

/**
 * Creates an `invited` account and its one-time invitation. Returns the token for the link;
 * the person sets a password and enrols the second factor (every account needs one) when they
 * open it.
 */
export async function inviteStaff(
  ctx: AdminContext,
  input: CreateStaffInput,
): Promise<{ staff: StaffView; token: string }> {
  ensureFuture(ctx, input.expiresAt);
  if (await findStaffByEmail(ctx.db, input.email)) throw emailTaken;
  const row: StaffRow = {
    id: newId('stf'),
    email: input.email,
    name: input.name,
    passwordHash: null,
    totpSecret: null,
    totpLastStep: null,
    isTenantAdmin: input.isTenantAdmin ?? false,
    status: 'invited',
    expiresAt: input.expiresAt ?? null,
    formIds: input.formIds ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  try {
    await insertStaff(ctx.db, row);
  } catch (error) {
    // Another request created the same address after our check.
    if (isUniqueViolation(error)) throw emailTaken;
    throw error;
  }
  const token = await createInvite(ctx.db, ctx.tenantSlug, row.id, 'invite', ctx.now);
  return { staff: toView(row, []), token };
}

/** Writes a change, refusing it when it would take away the last active, permanent admin. */
async function change(
  ctx: AdminContext,
  before: StaffRow,
  values: Omit<StaffChange, 'updatedAt'>,
): Promise<StaffRow> {
  const removesAdmin =
    keepsTenantAdministered(before) && !keepsTenantAdministered({ ...before, ...values });
  const after = await updateStaffRow(
    ctx.db,
    before.id,
    { ...values, updatedAt: ctx.now },
    { keepAnotherAdmin: removesAdmin },
  );
  if (!after) throw removesAdmin ? lastAdmin : new AppError('not_found');
  return after;
}

/**
 * Changes a staff account. A person made admin is signed out everywhere, so they come back
 * through sign-in, which asks admins for their second factor.
 */
export async function updateStaff(
  ctx: AdminContext,
  id: string,
  input: UpdateStaffInput,
): Promise<StaffView> {
  const before = await existingStaff(ctx, id);
  if (id === ctx.actorId && input.isTenantAdmin === false) {
    throw notYourself(
      '自分自身の管理者権限は外せません。別の管理者に依頼してください',
      'You cannot remove your own administrator rights. Ask another administrator',
    );
  }
  ensureFuture(ctx, input.expiresAt);
  const after = await change(ctx, before, input);
  if (!before.isTenantAdmin && after.isTenantAdmin) await invalidateStaffSessions(ctx.db, id);
  return toView(after, await selectGrants(ctx.db, id));
}

/**
 * Disables an account: it is refused from this moment (sign-in and every session check read the
 * status), its sessions end and its unused links stop working.
 */
export async function disableStaff(ctx: AdminContext, id: string): Promise<StaffView> {
  const before = await existingStaff(ctx, id);
  if (id === ctx.actorId) {
    throw notYourself(
      '自分自身のアカウントは無効にできません',
      'You cannot disable your own account',
    );
  }
  if (before.status === 'disabled') {
    throw new AppError('conflict', {
      ja: 'このアカウントはすでに無効です',
      en: 'This account is already disabled',
    });
  }
  const after = await change(ctx, before, { status: 'disabled' });
  await revokeSessionsAndLinks(ctx.db, id, ctx.now);
  return toView(after, await selectGrants(ctx.db, id));
}

/** Enables a disabled account again; one that never accepted its invitation needs a new link. */
export async function enableStaff(ctx: AdminContext, id: string): Promise<StaffView> {
  await existingStaff(ctx, id);
  const after = await enableStaffRow(ctx.db, id, ctx.now);
  if (!after) {
    throw new AppError('conflict', {
      ja: 'このアカウントは無効になっていません',
      en: 'This account is not disabled',
    });
  }
  return toView(after, await selectGrants(ctx.db, id));
}

/**
 * Removes a person's second factor (a lost phone) and ends their sessions; returns the token of
 * a `totp_reset` link with which they enrol a new one. It is also how an active account that
 * never enrolled (accepted before TOTP was required of everyone) gets one and can sign in again.
 */
export async function resetSecondFactor(
  ctx: AdminContext,
  id: string,
): Promise<{ staff: StaffView; token: string }> {
  const before = await existingStaff(ctx, id);
  if (before.status !== 'active') {
    throw new AppError('conflict', {
      ja: '有効なアカウントだけが二段階認証をリセットできます。招待中の職員には招待を再送してください',
      en: 'Only active accounts can have two-step verification reset. Re-send the invitation to someone invited',
    });
  }
  await clearSecondFactor(ctx.db, id, ctx.now);
  const token = await createInvite(ctx.db, ctx.tenantSlug, id, 'totp_reset', ctx.now);
  return { staff: await getStaff(ctx, id), token };
}

/** Issues a new invitation to someone who has not accepted theirs; the old link stops working. */
export async function reinviteStaff(
  ctx: AdminContext,
  id: string,
): Promise<{ staff: StaffView; token: string }> {
  const before = await existingStaff(ctx, id);
  if (before.status !== 'invited') {
    throw new AppError('conflict', {
      ja: '招待中の職員にだけ招待を再送できます',
      en: 'Only people who have not accepted their invitation can be invited again',
    });
  }
  const token = await createInvite(ctx.db, ctx.tenantSlug, id, 'invite', ctx.now);
  return { staff: toView(before, await selectGrants(ctx.db, id)), token };
}
