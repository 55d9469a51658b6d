import { randomInt } from 'node:crypto';
import { and, count, eq, gte } from 'drizzle-orm';
import { hashSecret, secretMatches } from '../auth/crypto/index';
import { idBody, newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { emailVerifications } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { queueMail } from '../mail/outbox';
import { renderMail } from '../mail/templates';
import { randomAccessSecret } from './access';
import type { PublishedForm } from './forms';
import type { MailContext } from './mails';

const codeMinutes = 15;
const proofHours = 24;
const maxAttempts = 5;
const maxCodesPerHour = 5;

const wrongCode = new AppError(
  'validation_failed',
  { ja: '確認コードが違います', en: 'That code is not right' },
  [{ path: 'code', message: '確認コードが違います / That code is not right' }],
);
const expired = new AppError('gone', {
  ja: '確認コードの有効期限が切れたか、入力回数の上限に達しました。もう一度コードを送信してください',
  en: 'The code has expired or was tried too often. Ask for a new code',
});

/** A verification proof: the verification's id and its secret. */
const verificationTokenPattern = new RegExp(`^(ver_${idBody})\\.([a-z0-9]{32})$`);

/**
 * Sends a 6-digit code to an address before the resident fills a form that asks for it. At most
 * five codes an hour per address and form, so the form cannot be used to flood a mailbox.
 */
export async function startEmailVerification(
  db: TenantDb,
  published: PublishedForm,
  email: string,
  mail: MailContext,
  now: number,
) {
  if (!published.definition.options.emailVerification) {
    throw new AppError('conflict', {
      ja: 'この申請ではメールアドレスの確認は不要です',
      en: 'This form does not verify email addresses',
    });
  }
  const address = email.trim().toLowerCase();
  const [recent] = await db
    .select({ n: count() })
    .from(emailVerifications)
    .where(
      and(
        eq(emailVerifications.formId, published.form.id),
        eq(emailVerifications.email, address),
        gte(emailVerifications.createdAt, now - 60 * 60_000),
      ),
    );
  if ((recent?.n ?? 0) >= maxCodesPerHour)
    throw new AppError('too_many_requests', undefined, undefined, 3600);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = newId('ver');
  const rendered = renderMail({
    event: 'email_verification',
    locale: 'ja',
    municipality: mail.tenant.name,
    values: {
      verificationCode: code,
      validMinutes: String(codeMinutes),
      formTitle: published.definition.title.ja,
    },
  });
  await db.batch([
    db.insert(emailVerifications).values({
      id,
      formId: published.form.id,
      email: address,
      codeHash: Buffer.from(hashSecret(code)),
      createdAt: now,
      expiresAt: now + codeMinutes * 60_000,
    }),
    queueMail(db, { eventKey: `${id}:email_verification`, to: address, ...rendered }, now),
  ]);
  return { verificationId: id, expiresAt: now + codeMinutes * 60_000 };
}

/**
 * Checks a code. Five wrong tries use the code up. A right one returns a proof (valid a day)
 * that the submit presents; only its hash is kept, replacing the code's.
 */
export async function confirmEmailVerification(
  db: TenantDb,
  formId: string,
  id: string,
  code: string,
  now: number,
) {
  const row = await db.query.emailVerifications.findFirst({ where: eq(emailVerifications.id, id) });
  if (
    !row ||
    row.formId !== formId ||
    row.verifiedAt !== null ||
    row.expiresAt <= now ||
    row.attempts >= maxAttempts
  )
    throw expired;
  const typed = code.normalize('NFKC').replace(/\s/g, '');
  if (!/^\d{6}$/.test(typed) || !secretMatches(typed, new Uint8Array(row.codeHash))) {
    await db
      .update(emailVerifications)
      .set({ attempts: row.attempts + 1 })
      .where(eq(emailVerifications.id, id));
    throw wrongCode;
  }
  const secret = randomAccessSecret();
  const used = await db
    .update(emailVerifications)
    .set({
      verifiedAt: now,
      codeHash: Buffer.from(hashSecret(secret)),
      expiresAt: now + proofHours * 60 * 60_000,
    })
    .where(and(eq(emailVerifications.id, id), eq(emailVerifications.attempts, row.attempts)));
  if (used.rowsAffected === 0) throw expired;
  return { verificationToken: `${id}.${secret}`, email: row.email };
}

/** The verified address a proof stands for, or a 400 that says what to do. */
export async function verifiedEmail(
  db: TenantDb,
  formId: string,
  token: string | undefined,
  now: number,
): Promise<string> {
  const refused = new AppError(
    'validation_failed',
    { ja: 'メールアドレスの確認が必要です', en: 'Verify your email address first' },
    [
      {
        path: 'emailVerificationToken',
        message:
          'メールアドレスを確認してから申請してください / Verify your email address before applying',
      },
    ],
  );
  const match = verificationTokenPattern.exec(token ?? '');
  if (!match?.[1] || !match[2]) throw refused;
  const row = await db.query.emailVerifications.findFirst({
    where: eq(emailVerifications.id, match[1]),
  });
  if (
    !row ||
    row.formId !== formId ||
    row.verifiedAt === null ||
    row.expiresAt <= now ||
    !secretMatches(match[2], new Uint8Array(row.codeHash))
  )
    throw refused;
  return row.email;
}
