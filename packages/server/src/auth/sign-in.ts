import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/service';
import type { TenantRegistry } from '../db/registry';
import { staff } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { dummyVerify, hashPassword, needsRehash, verifyPassword, verifyTotp } from './crypto/index';
import { createSession } from './sessions';
import { accountPolicy, addressPolicy, clearFailures, lockedFor, recordFailure } from './throttle';

/** What a staff member types to sign in. */
export interface SignInInput {
  tenant: string;
  email: string;
  password: string;
  totpCode?: string;
}

const wrongCredentials = new AppError('unauthenticated', {
  ja: '自治体、メールアドレスまたはパスワードが違います',
  en: 'The municipality, email address or password is not right',
});
/** For an account that has no second factor (never enrolled, or reset by an administrator). */
const noSecondFactor = new AppError('forbidden', {
  ja: '二段階認証が登録されていないため、ログインできません。管理者に二段階認証の登録用リンクの発行を依頼し、そのリンクから登録してください',
  en: 'This account has no two-step verification, so it cannot sign in. Ask your administrator for a two-step verification set-up link and set it up there',
});
const wrongCode = new AppError('unauthenticated', {
  ja: '確認コードが違います。認証アプリの最新のコードを入力してください',
  en: 'That code is not right. Enter the current code from your authenticator app',
});

/**
 * Signs a staff member in: throttled per account and per address, password checked with a
 * memory-hard hash, then TOTP, which every account needs: one without a secret is refused with a
 * message pointing to the set-up link an administrator sends. Unknown tenants and
 * accounts cost the same time as known ones and get the same answer, so neither is revealed.
 * @returns the session cookie value and the staff id.
 */
export async function signIn(
  registry: TenantRegistry,
  input: SignInInput,
  meta: { ip?: string; userAgent?: string },
  now: number,
): Promise<{ token: string; staffId: string }> {
  const resolved = await registry.resolve(input.tenant);
  if (!resolved) {
    await dummyVerify();
    throw wrongCredentials;
  }
  const { db } = resolved;
  const accountKey = `account:${input.email.trim().toLowerCase()}`;
  const addressKey = `address:${meta.ip ?? 'unknown'}`;
  const waitMs = Math.max(
    await lockedFor(db, accountKey, now),
    await lockedFor(db, addressKey, now),
  );
  if (waitMs > 0) {
    throw new AppError(
      'too_many_requests',
      {
        ja: 'ログインに続けて失敗したため、一時的にロックしています。しばらくしてからお試しください',
        en: 'Too many failed sign-ins. The account is locked for a while; try again later',
      },
      undefined,
      Math.ceil(waitMs / 1000),
    );
  }
  // Known and unknown accounts both leave an entry, so the time taken still reveals nothing.
  const fail = async (error: AppError, accountId?: string): Promise<never> => {
    await recordFailure(db, accountKey, accountPolicy, now);
    await recordFailure(db, addressKey, addressPolicy, now);
    await appendAudit(
      db,
      {
        actorType: 'staff',
        actorId: accountId,
        action: 'auth.sign_in_failed',
        ip: meta.ip,
        details: { reason: error === wrongCode ? 'second_factor' : 'password' },
      },
      now,
    );
    throw error;
  };

  const account = await db.query.staff.findFirst({
    where: eq(sql`lower(${staff.email})`, input.email.trim().toLowerCase()),
  });
  if (!account?.passwordHash) {
    await dummyVerify();
    return fail(wrongCredentials);
  }
  if (!(await verifyPassword(input.password, account.passwordHash)))
    return fail(wrongCredentials, account.id);

  if (account.status === 'disabled' || (account.expiresAt !== null && now >= account.expiresAt)) {
    throw new AppError('forbidden', {
      ja: 'このアカウントは利用できません。管理者にお問い合わせください',
      en: 'This account cannot be used. Contact your administrator',
    });
  }
  // Every staff account reads personal data, so none signs in with its password alone.
  if (account.totpSecret === null) throw noSecondFactor;
  if (input.totpCode === undefined || input.totpCode.trim() === '')
    throw new AppError('second_factor_required');
  const checked = verifyTotp(account.totpSecret, input.totpCode, now, {
    window: 1,
    lastUsedStep: account.totpLastStep ?? undefined,
  });
  if (!checked.ok) return fail(wrongCode, account.id);
  // Conditional on the last step, so two requests racing with one code cannot both pass.
  const used = await db
    .update(staff)
    .set({ totpLastStep: checked.step })
    .where(
      and(
        eq(staff.id, account.id),
        or(isNull(staff.totpLastStep), lt(staff.totpLastStep, checked.step)),
      ),
    );
  if (used.rowsAffected === 0) return fail(wrongCode, account.id);
  await clearFailures(db, accountKey);
  if (needsRehash(account.passwordHash)) {
    // Raised hashing parameters reach each stored hash at its owner's next sign-in.
    await db
      .update(staff)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(staff.id, account.id));
  }
  const token = await createSession(db, input.tenant, account.id, meta, now);
  await appendAudit(
    db,
    { actorType: 'staff', actorId: account.id, action: 'auth.sign_in', ip: meta.ip },
    now,
  );
  return { token, staffId: account.id };
}
