import {
  type Answers,
  allowedActions,
  applyAction,
  type Locale,
  stateLabels,
  todayInJapan,
  validateAnswers,
} from '@madoguchi/shared';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { writeWithAudit } from '../audit/service';
import { abortUnlessChanged, isBookingAbort, isUnchangedAbort } from '../db/guards';
import { newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { auditLog, submissionEvents, submissionRevisions, submissions } from '../db/tenant-schema';
import { attachmentsBindStatements, refsInAnswers } from '../files/service';
import { AppError } from '../http/errors';
import {
  accessSecretMatches,
  formatAccessToken,
  hashAccessSecret,
  parseAccessToken,
  randomAccessSecret,
} from './access';
import { loadVersion } from './forms';
import { accessLinkMail, applicantMail, type MailContext } from './mails';
import { attachmentProblem } from './service';
import { releaseSlotsStatement, slotBookingStatements, slotChoices, slotFull } from './slots';

/** A submission row. */
export type SubmissionRow = typeof submissions.$inferSelect;

/**
 * The submission an access token opens. A malformed, forged or outdated token is not found,
 * and says nothing about whether the submission exists.
 */
export async function findByAccessToken(db: TenantDb, token: string): Promise<SubmissionRow> {
  const parsed = parseAccessToken(token);
  if (!parsed) throw new AppError('not_found');
  const row = await db.query.submissions.findFirst({
    where: eq(submissions.id, parsed.submissionId),
  });
  if (!row || !accessSecretMatches(parsed.secret, row.accessSecretHash))
    throw new AppError('not_found');
  return row;
}

async function currentAnswers(db: TenantDb, row: SubmissionRow): Promise<Answers> {
  const revision = await db.query.submissionRevisions.findFirst({
    where: and(
      eq(submissionRevisions.submissionId, row.id),
      eq(submissionRevisions.revision, row.currentRevision),
    ),
  });
  return (revision?.answers ?? {}) as Answers;
}

/**
 * What the applicant sees behind their link: state, history (without staff names or internal
 * notes), the staff's message when returned, the answers, and what they may do now.
 */
export async function applicantView(db: TenantDb, row: SubmissionRow, locale: Locale) {
  const events = await db
    .select()
    .from(submissionEvents)
    .where(eq(submissionEvents.submissionId, row.id))
    .orderBy(asc(submissionEvents.at));
  const history = events
    .filter((event) => event.action !== 'add_note')
    .map((event) => ({
      at: event.at,
      action: event.action,
      actor: event.actor,
      toState: event.toState,
      message: event.message,
      fieldsToFix: event.fieldsToFix,
    }));
  const lastReturn = [...events]
    .reverse()
    .find((event) => event.action === 'return_for_correction');
  return {
    referenceNumber: row.referenceNumber,
    formId: row.formId,
    formVersion: row.formVersion,
    state: row.state,
    stateLabel: stateLabels[row.state][locale],
    paymentState: row.paymentState,
    submittedAt: row.submittedAt,
    revision: row.currentRevision,
    correction:
      row.state === 'returned' && lastReturn
        ? { message: lastReturn.message, fieldsToFix: lastReturn.fieldsToFix ?? [] }
        : null,
    history,
    answers: await currentAnswers(db, row),
    allowedActions: allowedActions({ state: row.state, payment: row.paymentState }, 'applicant'),
  };
}

function refuse(reason: string): never {
  throw new AppError('conflict', {
    ja: 'この申請は現在の状態ではその操作ができません',
    en: `This application cannot do that in its current state (${reason})`,
  });
}

/** Withdraws an application (取下げ): allowed until it is accepted; it frees its place. */
export async function withdrawApplication(
  db: TenantDb,
  row: SubmissionRow,
  now: number,
  mail?: MailContext,
): Promise<SubmissionRow> {
  const result = applyAction(
    { state: row.state, payment: row.paymentState },
    'withdraw',
    'applicant',
  );
  if (!result.ok) refuse(result.reason);
  const definition = await loadVersion(db, row.formId, row.formVersion);
  try {
    await writeWithAudit(
      db,
      [
        db
          .update(submissions)
          .set({
            state: result.next.state,
            paymentState: result.next.payment,
            holdsPlace: false,
            updatedAt: now,
          })
          .where(and(eq(submissions.id, row.id), eq(submissions.state, row.state))),
        abortUnlessChanged(db),
        db.insert(submissionEvents).values({
          id: newId('evt'),
          submissionId: row.id,
          at: now,
          actor: 'applicant',
          action: 'withdraw',
          fromState: row.state,
          toState: result.next.state,
        }),
        ...(mail
          ? applicantMail(db, {
              event: 'withdrawn',
              subject: row,
              definition,
              mail,
              locale: row.locale,
              now,
              occurrence: now,
            })
          : []),
      ],
      [
        {
          actorType: 'applicant',
          action: 'submission.withdraw',
          targetType: 'submission',
          targetId: row.id,
          details: { from: row.state },
        },
      ],
      now,
    );
  } catch (error) {
    if (isUnchangedAbort(error)) refuse('state_changed');
    throw error;
  }
  return {
    ...row,
    state: result.next.state,
    paymentState: result.next.payment,
    holdsPlace: false,
    updatedAt: now,
  };
}

/**
 * Resubmits corrected answers after staff returned the application (補正): a new revision
 * validated against the version the application answered, and the state back to 到達.
 */
export async function resubmitApplication(
  db: TenantDb,
  row: SubmissionRow,
  answers: unknown,
  locale: Locale,
  now: number,
  mail?: MailContext,
): Promise<SubmissionRow> {
  const result = applyAction(
    { state: row.state, payment: row.paymentState },
    'resubmit',
    'applicant',
  );
  if (!result.ok) refuse(result.reason);
  const definition = await loadVersion(db, row.formId, row.formVersion);
  const validated = validateAnswers(definition, answers, locale, {
    today: todayInJapan(new Date(now)),
  });
  if (!validated.ok) {
    throw new AppError(
      'validation_failed',
      undefined,
      validated.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  const revision = row.currentRevision + 1;
  const slots = slotChoices(definition, validated.answers);
  try {
    await writeWithAudit(
      db,
      [
        db
          .update(submissions)
          .set({ state: result.next.state, currentRevision: revision, updatedAt: now })
          .where(
            and(
              eq(submissions.id, row.id),
              eq(submissions.state, 'returned'),
              eq(submissions.currentRevision, row.currentRevision),
            ),
          ),
        abortUnlessChanged(db),
        // The corrected answers may choose another slot: give up the old, book the new with room.
        releaseSlotsStatement(db, row.id),
        ...slotBookingStatements(db, row.id, row.formId, slots),
        db.insert(submissionRevisions).values({
          submissionId: row.id,
          revision,
          answers: validated.answers,
          createdAt: now,
          createdBy: 'applicant',
        }),
        ...attachmentsBindStatements(
          db,
          row.id,
          row.formId,
          refsInAnswers(definition, validated.answers),
        ),
        db.insert(submissionEvents).values({
          id: newId('evt'),
          submissionId: row.id,
          at: now,
          actor: 'applicant',
          action: 'resubmit',
          fromState: 'returned',
          toState: result.next.state,
        }),
        ...(mail
          ? applicantMail(db, {
              event: 'resubmitted',
              subject: row,
              definition,
              mail,
              locale,
              now,
              occurrence: revision,
            })
          : []),
      ],
      [
        {
          actorType: 'applicant',
          action: 'submission.resubmit',
          targetType: 'submission',
          targetId: row.id,
          details: { revision },
        },
      ],
      now,
    );
  } catch (error) {
    if (isBookingAbort(error)) throw slotFull(slots);
    // Either the state moved under us or an attachment did not bind: say which we can tell.
    if (isUnchangedAbort(error)) {
      const now_ = await db.query.submissions.findFirst({ where: eq(submissions.id, row.id) });
      if (now_?.state === 'returned') throw attachmentProblem;
      refuse('state_changed');
    }
    throw error;
  }
  return { ...row, state: result.next.state, currentRevision: revision, updatedAt: now };
}

/** The answers to prefill a new application from a withdrawn or expired one (再申請). */
export async function reapplyPrefill(
  db: TenantDb,
  row: SubmissionRow,
): Promise<{ formId: string; answers: Answers }> {
  const result = applyAction(
    { state: row.state, payment: row.paymentState },
    'reapply',
    'applicant',
  );
  if (!result.ok) refuse(result.reason);
  return { formId: row.formId, answers: await currentAnswers(db, row) };
}

/** How long a renewed link stands before another renewal is made for the same application. */
export const linkRenewalIntervalMs = 10 * 60 * 1000;

async function renewedLately(db: TenantDb, submissionId: string, now: number): Promise<boolean> {
  const [recent] = await db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetId, submissionId),
        eq(auditLog.action, 'submission.link_renewed'),
        gt(auditLog.at, now - linkRenewalIntervalMs),
      ),
    )
    .limit(1);
  return recent !== undefined;
}

/**
 * Issues new access links for the applications an address made on a form (at most the ten
 * latest): the old links stop working, since only their hashes were kept. Callers mail the
 * links to that address and answer the same whether anything was found or not. An application
 * whose link was renewed less than ten minutes ago is left as it is.
 */
export async function renewAccessLinks(
  db: TenantDb,
  formId: string,
  email: string,
  now: number,
  mail?: MailContext,
): Promise<{ submission: SubmissionRow; accessToken: string }[]> {
  const rows = await db
    .select()
    .from(submissions)
    .where(
      and(
        eq(submissions.formId, formId),
        sql`lower(${submissions.applicantEmail}) = ${email.trim().toLowerCase()}`,
      ),
    )
    .orderBy(desc(submissions.submittedAt))
    .limit(10);
  const renewed: { submission: SubmissionRow; accessToken: string }[] = [];
  for (const submission of rows) {
    // At most one new link per application every ten minutes: asking again (or someone else
    // asking with the resident's address) neither fills their mailbox nor keeps breaking the
    // link they just received. The caller answers the same either way.
    if (await renewedLately(db, submission.id, now)) continue;
    const secret = randomAccessSecret();
    const accessToken = formatAccessToken(submission.id, secret);
    const definition = await loadVersion(db, submission.formId, submission.formVersion);
    // The new link and its mail go together: a link no one was told about helps no one.
    await writeWithAudit(
      db,
      [
        db
          .update(submissions)
          .set({ accessSecretHash: hashAccessSecret(secret), updatedAt: now })
          .where(eq(submissions.id, submission.id)),
        ...(mail
          ? accessLinkMail(db, { subject: submission, accessToken, definition, mail, now })
          : []),
      ],
      [
        {
          actorType: 'applicant',
          action: 'submission.link_renewed',
          targetType: 'submission',
          targetId: submission.id,
        },
      ],
      now,
    );
    renewed.push({ submission, accessToken });
  }
  return renewed;
}
