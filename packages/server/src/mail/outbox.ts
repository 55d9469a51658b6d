import { newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { insertStatement, type Statement } from '../db/statements';
import { outbox } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { singleLine } from './templates';

/** A mail to queue. `eventKey` names the event that causes it, e.g. `sub_…:acceptance`. */
export interface QueuedMail {
  eventKey: string;
  to: string;
  subject: string;
  body: string;
}

// One bare address: no display name, no list, nothing that could end a header line.
const mailAddress =
  /^[^\s\p{Cc}@,;:<>()[\]\\"]+@[^\s\p{Cc}@,;:<>()[\]\\".]+(\.[^\s\p{Cc}@,;:<>()[\]\\".]+)+$/u;

/** Whether a text is one email address a mail may be sent to. */
export function isMailAddress(text: string): boolean {
  return text.length <= 254 && mailAddress.test(text);
}

/**
 * The INSERT that queues a mail. Put it in the same `db.batch` as the change that causes the
 * mail: then the mail is queued if and only if the change commits, and an event whose mail is
 * already queued (a retried request) queues nothing more.
 * @example await db.batch([db.update(submissions).set(…).where(…), queueMail(db, mail, now)]);
 */
export function queueMail(db: TenantDb, mail: QueuedMail, now: number) {
  return db
    .insert(outbox)
    .values(outboxRow(mail, now))
    .onConflictDoNothing({ target: outbox.eventKey });
}

/** The same INSERT as `queueMail` as a plain statement, for the group-committed write paths. */
export function queueMailStatement(mail: QueuedMail, now: number): Statement {
  return insertStatement(outbox, outboxRow(mail, now), 'event_key');
}

/**
 * `queueMailStatement` for a mail to a department: the address is read inside the write, so the
 * mail goes to the address the department has when the change commits, and nothing is queued
 * when it has none.
 */
export function queueDepartmentMailStatement(
  mail: Omit<QueuedMail, 'to'>,
  departmentId: string,
  now: number,
): Statement {
  return {
    sql: queueToDepartmentSql,
    args: [
      newId('mail', now),
      mail.eventKey,
      singleLine(mail.subject),
      mail.body,
      now,
      now,
      departmentId,
    ],
  };
}

// The WHERE before ON CONFLICT is what lets SQLite parse an upsert over a SELECT.
const queueToDepartmentSql = `INSERT INTO outbox (id, event_key, "to", subject, body, created_at, next_attempt_at) SELECT ?, ?, email, ?, ?, ?, ? FROM departments WHERE id = ? AND email IS NOT NULL AND email <> '' ON CONFLICT (event_key) DO NOTHING`;

function outboxRow(mail: QueuedMail, now: number) {
  if (!isMailAddress(mail.to))
    throw new AppError(
      'validation_failed',
      {
        ja: 'メールアドレスの形式が正しくありません',
        en: 'The email address is not valid',
      },
      [{ path: 'to', message: 'must be one email address of at most 254 characters' }],
    );
  return {
    id: newId('mail'),
    eventKey: mail.eventKey,
    to: mail.to,
    subject: singleLine(mail.subject),
    body: mail.body,
    createdAt: now,
    nextAttemptAt: now,
  };
}
