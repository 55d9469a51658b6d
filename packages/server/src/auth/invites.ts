import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/service';
import type { TenantDb, TenantRegistry } from '../db/registry';
import { invites, staff } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import {
  formatSessionToken,
  generateToken,
  generateTotpSecret,
  hashPassword,
  parseSessionToken,
  passwordProblem,
  secretMatches,
  totpUri,
  verifyTotp,
} from './crypto/index';
import { invalidateStaffSessions } from './sessions';

/** What a one-time link is for. */
export type InvitePurpose = 'invite' | 'totp_reset';

const lifetimeMs: Record<InvitePurpose, number> = {
  invite: 7 * 24 * 60 * 60_000,
  totp_reset: 24 * 60 * 60_000,
};

const gone = new AppError('gone');

/**
 * Issues a one-time link for a staff member (invitation or second-factor re-enrolment); earlier
 * unused links of the same purpose stop working. Returns the token to put in the link.
 */
export async function createInvite(
  db: TenantDb,
  tenantSlug: string,
  staffId: string,
  purpose: InvitePurpose,
  now: number,
): Promise<string> {
  const token = generateToken();
  await db.batch([
    db
      .update(invites)
      .set({ usedAt: now })
      .where(
        and(eq(invites.staffId, staffId), eq(invites.purpose, purpose), isNull(invites.usedAt)),
      ),
    db.insert(invites).values({
      id: token.id,
      staffId,
      purpose,
      secretHash: Buffer.from(token.secretHash),
      createdAt: now,
      expiresAt: now + lifetimeMs[purpose],
    }),
  ]);
  return formatSessionToken(tenantSlug, token.token);
}

/** The link a person opens; the token sits in the fragment so it never reaches a server log. */
export function inviteLink(staffOrigin: string, token: string): string {
  return `${staffOrigin}/invite#${token}`;
}

async function findInvite(registry: TenantRegistry, token: string, now: number) {
  const parsed = parseSessionToken(token);
  if (!parsed) throw gone;
  const resolved = await registry.resolve(parsed.tenantSlug);
  if (!resolved) throw gone;
  const row = await resolved.db.query.invites.findFirst({ where: eq(invites.id, parsed.id) });
  if (
    !row ||
    row.usedAt !== null ||
    row.expiresAt <= now ||
    !secretMatches(parsed.secret, new Uint8Array(row.secretHash))
  )
    throw gone;
  const person = await resolved.db.query.staff.findFirst({ where: eq(staff.id, row.staffId) });
  if (!person || person.status === 'disabled') throw gone;
  return { ...resolved, invite: row, person };
}

/**
 * What the invitation page shows, with a fresh TOTP secret to enrol (not stored until accepted).
 * `totpRequired` is always true (every account enrols the second factor); it stays in the answer
 * so a page never has to guess.
 */
export async function inspectInvite(registry: TenantRegistry, token: string, now: number) {
  const { tenant, invite, person } = await findInvite(registry, token, now);
  const totpSecret = generateTotpSecret();
  return {
    purpose: invite.purpose,
    tenantName: tenant.name,
    email: person.email,
    name: person.name,
    passwordRequired: invite.purpose === 'invite',
    totpRequired: true,
    totpSecret,
    totpUri: totpUri({
      secret: totpSecret,
      account: person.email,
      issuer: `Madoguchi ${tenant.name}`,
    }),
    expiresAt: invite.expiresAt,
  };
}

/** What to tell a person whose new password is refused. */
export const passwordProblemMessages = {
  too_short: 'パスワードは12文字以上にしてください / Use at least 12 characters',
  too_long: 'パスワードは256文字以内にしてください / Use at most 256 characters',
  too_common: 'よく使われるパスワードは使えません / This password is too common',
} as const;

/** What the person sends to accept a link. */
export interface AcceptInviteInput {
  token: string;
  password?: string;
  totpSecret?: string;
  totpCode?: string;
}

/**
 * Accepts a one-time link: sets the password (invitation) and enrols the second factor, which
 * every account needs whatever its role, in one atomic batch that also uses up the link, so a
 * link works once even when clicked twice. Other sessions of the person end.
 */
export async function acceptInvite(
  registry: TenantRegistry,
  input: AcceptInviteInput,
  now: number,
  ip?: string,
): Promise<{ staffId: string }> {
  const { db, invite, person } = await findInvite(registry, input.token, now);
  const problems: { path: string; message: string }[] = [];
  let passwordHash: string | undefined;
  if (invite.purpose === 'invite') {
    const problem = input.password === undefined ? 'too_short' : passwordProblem(input.password);
    if (problem !== null || input.password === undefined) {
      problems.push({ path: 'password', message: passwordProblemMessages[problem ?? 'too_short'] });
    } else {
      passwordHash = await hashPassword(input.password);
    }
  }
  // Ward staff read personal data (My Number included): no link is accepted without a second factor.
  const secret = input.totpSecret ?? '';
  const checked = /^[A-Z2-7]{32}$/.test(secret)
    ? verifyTotp(secret, input.totpCode ?? '', now, { window: 1 })
    : { ok: false as const };
  if (!checked.ok)
    problems.push({
      path: 'totpCode',
      message:
        '認証アプリに表示された6桁のコードを入力してください / Enter the 6-digit code from your authenticator app',
    });
  if (problems.length > 0 || !checked.ok)
    throw new AppError('validation_failed', undefined, problems);

  const unused = sql`EXISTS (SELECT 1 FROM ${invites} WHERE ${invites.id} = ${invite.id} AND ${invites.usedAt} IS NULL AND ${invites.expiresAt} > ${now})`;
  const [updated] = await db.batch([
    db
      .update(staff)
      .set({
        ...(passwordHash ? { passwordHash, status: 'active' as const } : {}),
        totpSecret: secret,
        totpLastStep: checked.step,
        updatedAt: now,
      })
      .where(and(eq(staff.id, person.id), ne(staff.status, 'disabled'), unused)),
    db
      .update(invites)
      .set({ usedAt: now })
      .where(and(eq(invites.id, invite.id), isNull(invites.usedAt), gt(invites.expiresAt, now))),
  ]);
  if (updated.rowsAffected === 0) throw gone;
  await invalidateStaffSessions(db, person.id);
  await appendAudit(
    db,
    {
      actorType: 'staff',
      actorId: person.id,
      action: 'auth.invite_accepted',
      ip,
      details: { purpose: invite.purpose },
    },
    now,
  );
  return { staffId: person.id };
}
