import {
  type Answers,
  allowedActions,
  applyAction,
  type FormDefinition,
  listFields,
  maskMyNumber,
  type NotificationEvent,
  type SubmissionAction,
  submissionStates,
} from '@madoguchi/shared';
import { and, asc, count, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { appendAudit, writeWithAudit } from '../audit/service';
import type { Actor } from '../auth/authorize';
import { authorize } from '../auth/authorize';
import { abortUnlessChanged, isUnchangedAbort } from '../db/guards';
import { newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import {
  forms,
  payments,
  submissionEvents,
  submissionNotes,
  submissionRevisions,
  submissions,
} from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { acceptancePayment, payLinkUrl } from '../payments/pay-link';
import type { PaymentProvider } from '../payments/provider';
import { loadVersion } from './forms';
import { applicantMail, type MailContext } from './mails';
import { normalizeReferenceNumber } from './reference-number';

/** A form row. */
export type FormRow = typeof forms.$inferSelect;

/**
 * The form if this actor may read its applications; otherwise not found (another tenant's id,
 * a form outside the actor's departments or form limits), so nothing about it leaks.
 */
export async function readableForm(
  db: TenantDb,
  actor: Actor,
  formId: string,
  now: number,
): Promise<FormRow> {
  const form = await db.query.forms.findFirst({ where: eq(forms.id, formId) });
  if (
    !form ||
    !authorize(actor, { kind: 'submission.read', departmentId: form.departmentId, formId }, now)
  )
    throw new AppError('not_found');
  return form;
}

/** Filters of the inbox. */
export interface InboxFilters {
  states?: (typeof submissionStates)[number][];
  from?: number;
  to?: number;
  payment?: string[];
  /** A reference number or part of a name (氏名・フリガナ). */
  q?: string;
  limit: number;
  /** Submissions older than this cursor (`<submittedAt>:<id>`), for paging. */
  cursor?: string;
}

/** The forms whose applications this actor may read, by id, with their titles. */
export async function readableForms(
  db: TenantDb,
  actor: Actor,
  now: number,
): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: forms.id, departmentId: forms.departmentId, title: forms.title })
    .from(forms);
  return new Map(
    rows
      .filter((form) =>
        authorize(
          actor,
          { kind: 'submission.read', departmentId: form.departmentId, formId: form.id },
          now,
        ),
      )
      .map((form) => [form.id, form.title]),
  );
}

/**
 * One page of an inbox over one form or several (every form the actor may read), newest first,
 * with counts per state over those forms as a whole.
 */
export async function inbox(db: TenantDb, formIds: string[], filters: InboxFilters) {
  if (formIds.length === 0)
    return {
      items: [],
      counts: Object.fromEntries(submissionStates.map((state) => [state, 0])),
      nextCursor: null,
    };
  const inForms =
    formIds.length === 1
      ? eq(submissions.formId, formIds[0] ?? '')
      : inArray(submissions.formId, formIds);
  const conditions: SQL[] = [inForms];
  if (filters.states?.length) conditions.push(inArray(submissions.state, filters.states));
  if (filters.payment?.length)
    conditions.push(
      inArray(
        submissions.paymentState,
        filters.payment as (typeof submissions.$inferSelect)['paymentState'][],
      ),
    );
  if (filters.from !== undefined) conditions.push(gte(submissions.submittedAt, filters.from));
  if (filters.to !== undefined) conditions.push(lt(submissions.submittedAt, filters.to));
  if (filters.q) {
    const reference = normalizeReferenceNumber(filters.q);
    const text = filters.q
      .normalize('NFKC')
      .trim()
      .replace(/[%_\\]/g, (c) => `\\${c}`);
    const byName = sql`${submissions.searchName} LIKE ${`%${text}%`} ESCAPE '\\'`;
    conditions.push(
      reference ? (or(eq(submissions.referenceNumber, reference), byName) ?? byName) : byName,
    );
  }
  if (filters.cursor) {
    const [at, id] = filters.cursor.split(':');
    const atNumber = Number(at);
    if (Number.isFinite(atNumber) && id) {
      const older = or(
        lt(submissions.submittedAt, atNumber),
        and(eq(submissions.submittedAt, atNumber), lt(submissions.id, id)),
      );
      if (older) conditions.push(older);
    }
  }
  const rows = await db
    .select()
    .from(submissions)
    .where(and(...conditions))
    .orderBy(desc(submissions.submittedAt), desc(submissions.id))
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  const counts = await db
    .select({ state: submissions.state, n: count() })
    .from(submissions)
    .where(inForms)
    .groupBy(submissions.state);
  return {
    items: page.map((row) => ({
      id: row.id,
      formId: row.formId,
      referenceNumber: row.referenceNumber,
      state: row.state,
      paymentState: row.paymentState,
      submittedAt: row.submittedAt,
      updatedAt: row.updatedAt,
      name: row.searchName,
      revision: row.currentRevision,
      proxyEntry: row.proxyStaffId !== null,
      // Only whether the card verified the applicant: the verified values and the pairwise
      // subject stay with the detail view (values) and the one-per-person rule (subject).
      verifiedByCard: row.cardVerification !== null,
    })),
    counts: Object.fromEntries(
      submissionStates.map((state) => [state, counts.find((c) => c.state === state)?.n ?? 0]),
    ),
    nextCursor: rows.length > filters.limit && last ? `${last.submittedAt}:${last.id}` : null,
  };
}

/** Masks My Number answers (top level and in group rows) for staff without that grant. */
export function maskMyNumbers(definition: FormDefinition, answers: Answers): Answers {
  const masked: Answers = structuredClone(answers);
  for (const { field, group } of listFields(definition)) {
    if (field.type !== 'my_number') continue;
    if (!group) {
      const value = masked[field.id];
      if (typeof value === 'string') masked[field.id] = maskMyNumber(value);
      continue;
    }
    const rows = masked[group.id];
    if (!Array.isArray(rows)) continue;
    for (const row of rows) {
      if (
        row &&
        typeof row === 'object' &&
        !Array.isArray(row) &&
        typeof (row as Record<string, unknown>)[field.id] === 'string'
      ) {
        (row as Record<string, unknown>)[field.id] = maskMyNumber(
          String((row as Record<string, unknown>)[field.id]),
        );
      }
    }
  }
  return masked;
}

/** An application in full for staff: every revision, the history, notes, what they may do now. */
export async function submissionDetail(db: TenantDb, actor: Actor, id: string, now: number) {
  const row = await db.query.submissions.findFirst({ where: eq(submissions.id, id) });
  if (!row) throw new AppError('not_found');
  const form = await readableForm(db, actor, row.formId, now);
  const definition = await loadVersion(db, row.formId, row.formVersion);
  const seesMyNumber = authorize(
    actor,
    { kind: 'submission.read_my_number', departmentId: form.departmentId, formId: form.id },
    now,
  );
  const revisions = await db
    .select()
    .from(submissionRevisions)
    .where(eq(submissionRevisions.submissionId, id))
    .orderBy(asc(submissionRevisions.revision));
  const history = await db
    .select()
    .from(submissionEvents)
    .where(eq(submissionEvents.submissionId, id))
    .orderBy(asc(submissionEvents.at));
  const notes = await db
    .select()
    .from(submissionNotes)
    .where(eq(submissionNotes.submissionId, id))
    .orderBy(asc(submissionNotes.at));
  const payment = await db.query.payments.findFirst({ where: eq(payments.submissionId, id) });
  const canHandle = authorize(
    actor,
    { kind: 'submission.handle', departmentId: form.departmentId, formId: form.id },
    now,
  );
  // Every staff read of an application's personal data is on record (who, what, when).
  await appendAudit(
    db,
    {
      actorType: 'staff',
      actorId: actor.staffId,
      action: 'submission.read',
      targetType: 'submission',
      targetId: id,
      details: { myNumberVisible: seesMyNumber },
    },
    now,
  );
  return {
    submission: {
      id: row.id,
      referenceNumber: row.referenceNumber,
      state: row.state,
      paymentState: row.paymentState,
      submittedAt: row.submittedAt,
      updatedAt: row.updatedAt,
      formVersion: row.formVersion,
      revision: row.currentRevision,
      proxyStaffId: row.proxyStaffId,
      applicantEmail: row.applicantEmail,
      // 「マイナンバーカードで本人確認済み」: which attributes, when, and their verified values
      // (the pairwise subject stays with the one-per-person rule; staff have no use for it).
      verifiedByCard: row.cardVerification
        ? {
            verifiedAt: row.cardVerification.verifiedAt,
            attributes: Object.keys(row.cardVerification.values),
            values: row.cardVerification.values,
          }
        : null,
    },
    // The payment as its event log last left it (state recomputed on every provider event).
    payment: payment
      ? { amount: payment.amount, provider: payment.provider, state: payment.state }
      : null,
    form: { id: form.id, title: form.title, departmentId: form.departmentId },
    definition,
    myNumberVisible: seesMyNumber,
    revisions: revisions.map((revision) => ({
      revision: revision.revision,
      createdAt: revision.createdAt,
      createdBy: revision.createdBy,
      answers: seesMyNumber
        ? revision.answers
        : maskMyNumbers(definition, revision.answers as Answers),
    })),
    history,
    notes,
    allowedActions: canHandle
      ? allowedActions({ state: row.state, payment: row.paymentState }, 'staff')
      : [],
  };
}

/** The mail each staff action sends the applicant; starting a review sends none. */
const mailEvents: Partial<Record<StaffActionInput['action'], NotificationEvent>> = {
  accept: 'acceptance',
  return_for_correction: 'returned',
  complete: 'completed',
  reject: 'rejected',
};

/** What staff send to act on an application. */
export interface StaffActionInput {
  action: Extract<
    SubmissionAction,
    'start_review' | 'return_for_correction' | 'accept' | 'complete' | 'reject'
  >;
  message?: string;
  fieldsToFix?: string[];
  reason?: string;
  /** The state the staff member saw; a change by someone else in between is refused. */
  expectedState?: (typeof submissionStates)[number];
}

/**
 * Applies a staff action through the shared state machine: the guarded update and its history
 * entry commit together, or nothing does when someone changed the application in between.
 */
export async function actOnSubmission(
  db: TenantDb,
  actor: Actor,
  id: string,
  input: StaffActionInput,
  now: number,
  mail?: MailContext,
  /**
   * The tenant's payment provider: accepting on a pay-after-acceptance form asks for payment
   * with it (asked only then, so a provider problem never blocks other acceptances).
   */
  paymentProvider?: () => Promise<PaymentProvider['name']>,
) {
  const row = await db.query.submissions.findFirst({ where: eq(submissions.id, id) });
  if (!row) throw new AppError('not_found');
  const form = await readableForm(db, actor, row.formId, now);
  if (
    !authorize(
      actor,
      { kind: 'submission.handle', departmentId: form.departmentId, formId: form.id },
      now,
    )
  )
    throw new AppError('forbidden');
  if (input.expectedState !== undefined && input.expectedState !== row.state)
    throw new AppError('conflict');
  const result = applyAction(
    { state: row.state, payment: row.paymentState },
    input.action,
    'staff',
    {
      ...(input.message !== undefined ? { message: input.message } : {}),
      ...(input.fieldsToFix !== undefined ? { fieldsToFix: input.fieldsToFix } : {}),
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
    },
  );
  if (!result.ok) {
    if (['message_required', 'fields_required', 'reason_required'].includes(result.reason)) {
      const path =
        result.reason === 'fields_required'
          ? 'fieldsToFix'
          : result.reason === 'reason_required'
            ? 'reason'
            : 'message';
      throw new AppError('validation_failed', undefined, [
        { path, message: `${path} is required for ${input.action}` },
      ]);
    }
    throw new AppError('conflict', {
      ja: 'この申請は現在の状態ではその操作ができません',
      en: `Not possible in the current state (${result.reason})`,
    });
  }
  const definition = await loadVersion(db, row.formId, row.formVersion);
  if (input.action === 'return_for_correction') {
    const known = new Set(listFields(definition).map((place) => place.field.id));
    const unknown = (input.fieldsToFix ?? []).filter((fieldId) => !known.has(fieldId));
    if (unknown.length > 0)
      throw new AppError(
        'validation_failed',
        undefined,
        unknown.map((fieldId) => ({ path: 'fieldsToFix', message: `unknown field ${fieldId}` })),
      );
  }
  // Pay after acceptance: the acceptance asks for the payment in the same write, and its mail
  // carries the amount and the payment link.
  const payment =
    input.action === 'accept' && paymentProvider
      ? await acceptancePayment(db, definition, row, paymentProvider, now)
      : undefined;
  const paymentState = payment ? 'requested' : result.next.payment;
  try {
    await writeWithAudit(
      db,
      [
        db
          .update(submissions)
          .set({
            state: result.next.state,
            paymentState,
            updatedAt: now,
            ...(result.next.state === 'rejected' ? { holdsPlace: false } : {}),
          })
          .where(and(eq(submissions.id, id), eq(submissions.state, row.state))),
        abortUnlessChanged(db),
        ...(payment?.statements ?? []),
        db.insert(submissionEvents).values({
          id: newId('evt'),
          submissionId: id,
          at: now,
          actor: 'staff',
          staffId: actor.staffId,
          action: input.action,
          fromState: row.state,
          toState: result.next.state,
          message: input.message ?? input.reason ?? null,
          fieldsToFix: input.fieldsToFix ?? null,
        }),
        ...(mail && mailEvents[input.action]
          ? applicantMail(db, {
              event: mailEvents[input.action] ?? 'acceptance',
              subject: row,
              definition,
              mail,
              locale: row.locale,
              now,
              occurrence: now,
              ...((input.message ?? input.reason)
                ? { staffMessage: input.message ?? input.reason }
                : {}),
              ...(input.fieldsToFix ? { fieldsToFix: input.fieldsToFix } : {}),
              ...(payment
                ? {
                    payment: {
                      amount: payment.amount,
                      url: payLinkUrl(mail.publicOrigin, mail.tenant.slug, payment.paymentId),
                    },
                  }
                : {}),
            })
          : []),
      ],
      [
        {
          actorType: 'staff',
          actorId: actor.staffId,
          action: `submission.${input.action}`,
          targetType: 'submission',
          targetId: id,
          details: {
            from: row.state,
            to: result.next.state,
            ...(payment ? { paymentId: payment.paymentId, amount: payment.amount } : {}),
          },
        },
      ],
      now,
    );
  } catch (error) {
    if (isUnchangedAbort(error)) throw new AppError('conflict');
    throw error;
  }
  return { id, state: result.next.state, paymentState };
}

/** Adds an internal note (対応記録) to an application. */
export async function addNote(db: TenantDb, actor: Actor, id: string, body: string, now: number) {
  const row = await db.query.submissions.findFirst({ where: eq(submissions.id, id) });
  if (!row) throw new AppError('not_found');
  const form = await readableForm(db, actor, row.formId, now);
  if (
    !authorize(
      actor,
      { kind: 'submission.handle', departmentId: form.departmentId, formId: form.id },
      now,
    )
  )
    throw new AppError('forbidden');
  const note = { id: newId('not'), submissionId: id, staffId: actor.staffId, at: now, body };
  await writeWithAudit(
    db,
    [db.insert(submissionNotes).values(note)],
    [
      {
        actorType: 'staff',
        actorId: actor.staffId,
        action: 'submission.note',
        targetType: 'submission',
        targetId: id,
      },
    ],
    now,
  );
  return note;
}
