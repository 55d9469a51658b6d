import {
  type Answers,
  computeFee,
  type FormDefinition,
  initialState,
  type Locale,
  listFields,
  todayInJapan,
  validateAnswers,
} from '@madoguchi/shared';
import { and, count, eq } from 'drizzle-orm';
import { writeStatementsWithAudit } from '../audit/service';
import { type CardVerification, lockedToCard } from '../card-auth/prefill';
import { isBookingAbort, isUnchangedAbort } from '../db/guards';
import { newId } from '../db/ids';
import { deriveDatabaseKey } from '../db/keys';
import type { Tenant, TenantDb } from '../db/registry';
import { fromDrizzle, insertStatement, type Statement } from '../db/statements';
import { submissionEvents, submissionRevisions, submissions } from '../db/tenant-schema';
import { attachmentsBindStatements, refsInAnswers } from '../files/service';
import { AppError } from '../http/errors';
import { accessSecret, formatAccessToken, hashAccessSecret } from './access';
import { verifiedEmail } from './email-verification';
import { ensureOpen, type PublishedForm } from './forms';
import { arrivalMailStatements, type MailContext } from './mails';
import { newReferenceNumber } from './reference-number';
import { slotBookingStatements, slotChoices, slotFull } from './slots';

const submissionColumns =
  'id, form_id, form_version, reference_number, state, payment_state, access_secret_hash, applicant_email, search_name, person_key, client_token, holds_place, current_revision, proxy_staff_id, payment_deadline, submitted_at, updated_at, locale, card_verification';
const submissionValues = '?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?, ?, ?, ?';
const insertSubmission = `INSERT INTO submissions (${submissionColumns}) VALUES (${submissionValues})`;
/** Inserts only while the form has room: the capacity check is part of the write itself. */
const insertSubmissionWithRoom = `INSERT INTO submissions (${submissionColumns}) SELECT ${submissionValues} WHERE (SELECT count(*) FROM submissions WHERE form_id = ? AND holds_place = 1) < ?`;

/** What a resident sends to submit. */
export interface SubmitInput {
  answers: unknown;
  /** Chosen by the client once per attempt; a retry with the same token gets the first result. */
  clientToken?: string;
  locale: Locale;
  /** The proof from confirming the emailed code, on forms that verify addresses. */
  emailVerificationToken?: string;
  /** The resident's My Number card authentication, on forms that ask for it (from the sealed draft). */
  card?: CardVerification;
}

/** The result a resident gets: the reference number and the secret access token. */
export interface SubmitResult {
  submissionId: string;
  referenceNumber: string;
  accessToken: string;
  state: string;
}

/** Facts drawn from the answers: who applied, for the inbox search and the one-per-person rule. */
export function applicantFacts(
  definition: FormDefinition,
  answers: Answers,
): { email: string | null; searchName: string | null } {
  let email: string | null = null;
  let searchName: string | null = null;
  for (const { field, group } of listFields(definition)) {
    if (group || !Object.hasOwn(answers, field.id)) continue;
    const value = answers[field.id];
    if (field.type === 'email' && email === null && typeof value === 'string') email = value;
    if (
      field.type === 'name' &&
      searchName === null &&
      value &&
      typeof value === 'object' &&
      'family' in value
    ) {
      searchName = [value.family, value.given, value.familyKana ?? '', value.givenKana ?? '']
        .join(' ')
        .trim();
    }
  }
  return { email, searchName };
}

/** An answer names an upload that does not exist, is used elsewhere, or was altered. */
export const attachmentProblem = new AppError('validation_failed', {
  ja: '添付ファイルを確認できませんでした。もう一度添付してください',
  en: 'An attached file could not be found. Please attach it again',
});

const cardRequired = new AppError('bad_request', {
  ja: 'この申請はマイナンバーカードでの本人確認が必要です',
  en: 'This form needs authentication with your My Number card',
});

/** The per-tenant key from which applicants' link secrets are derived. */
export function tenantAccessKey(masterKey: Buffer, slug: string): string {
  // HKDF per request showed in profiles; the key never changes for a master key and a slug.
  let keys = accessKeys.get(masterKey);
  if (!keys) {
    keys = new Map();
    accessKeys.set(masterKey, keys);
  }
  let key = keys.get(slug);
  if (key === undefined) {
    key = deriveDatabaseKey(masterKey, `access:${slug}`);
    keys.set(slug, key);
  }
  return key;
}

const accessKeys = new WeakMap<Buffer, Map<string, string>>();

/**
 * Submits an application. The answers are validated with the form's own schema; the
 * submission, its first revision and its history entry are written in ONE batch whose first
 * statement inserts only while the form has room — so capacity holds with any number of
 * concurrent submits and several processes — and whose later statements reference it, so when
 * it inserts nothing, nothing else is stored. A retry with the same client token returns the
 * first result; one-per-person is a unique index on (form, person) among places held.
 */
export async function submitApplication(
  db: TenantDb,
  tenant: Tenant,
  published: PublishedForm,
  input: SubmitInput,
  ctx: { masterKey: Buffer; now: number; proxyStaffId?: string; mail?: MailContext },
): Promise<SubmitResult> {
  const { form, definition, version } = published;
  ensureOpen(published, ctx.now);
  // Online, a card form needs the authentication, and its verified values win over anything posted.
  if (definition.options.cardAuthentication.enabled && !ctx.proxyStaffId && !input.card)
    throw cardRequired;
  const answersIn =
    typeof input.answers === 'object' && input.answers !== null
      ? lockedToCard(definition, input.card, input.answers as Record<string, unknown>)
      : input.answers;
  const validated = validateAnswers(definition, answersIn, input.locale, {
    today: todayInJapan(new Date(ctx.now)),
  });
  if (!validated.ok) {
    throw new AppError(
      'validation_failed',
      undefined,
      validated.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  const accessKey = tenantAccessKey(ctx.masterKey, tenant.slug);
  if (input.clientToken !== undefined) {
    const first = await findByClientToken(db, form.id, input.clientToken, accessKey);
    if (first) return first;
  }
  const facts = applicantFacts(definition, validated.answers);
  // At the counter staff see the person; online, the address must have been proven first.
  if (definition.options.emailVerification && !ctx.proxyStaffId) {
    const verified = await verifiedEmail(db, form.id, input.emailVerificationToken, ctx.now);
    if (facts.email !== null && facts.email.toLowerCase() !== verified) {
      throw new AppError('validation_failed', undefined, [
        {
          path: 'email',
          message: '確認したメールアドレスと異なります / This is not the address you verified',
        },
      ]);
    }
    facts.email = facts.email ?? verified;
  }
  const rule = definition.settings.onePerPerson;
  const personKey =
    rule === 'email' && facts.email
      ? facts.email.toLowerCase()
      : rule === 'card_subject' && input.card
        ? `card:${input.card.subject}`
        : null;
  // Pay at submission with nothing to pay (no copies, a fee field not shown): received at once.
  const mode = definition.options.payment.mode;
  const nothingOwed =
    mode === 'at_submission' && computeFee(definition, validated.answers).total === 0;
  const { state, payment } = initialState(nothingOwed ? 'none' : mode);
  const capacity = definition.settings.capacity ?? null;
  const slots = slotChoices(definition, validated.answers);

  for (let attempt = 0; attempt < 5; attempt++) {
    const id = newId('sub');
    const secret = accessSecret(accessKey, form.id, input.clientToken);
    const referenceNumber = newReferenceNumber(ctx.now);
    const row = {
      id,
      formId: form.id,
      formVersion: version,
      referenceNumber,
      state,
      paymentState: payment,
      accessSecretHash: hashAccessSecret(secret),
      applicantEmail: facts.email,
      searchName: facts.searchName,
      personKey,
      clientToken: input.clientToken ?? null,
      holdsPlace: true,
      currentRevision: 1,
      proxyStaffId: ctx.proxyStaffId ?? null,
      paymentDeadline:
        payment === 'requested'
          ? ctx.now + definition.options.payment.deadlineMinutes * 60_000
          : null,
      submittedAt: ctx.now,
      updatedAt: ctx.now,
    };
    const accessToken = formatAccessToken(id, secret);
    const subject = {
      id,
      formId: form.id,
      referenceNumber,
      applicantEmail: facts.email,
      submittedAt: ctx.now,
    };
    const mails = ctx.mail
      ? arrivalMailStatements({
          subject,
          definition,
          departmentId: form.departmentId,
          mail: ctx.mail,
          locale: input.locale,
          now: ctx.now,
          accessToken,
          answers: validated.answers,
          paymentDeadline: row.paymentDeadline,
        })
      : [];
    const statements: Statement[] = [
      {
        sql: capacity === null ? insertSubmission : insertSubmissionWithRoom,
        args: [
          row.id,
          row.formId,
          row.formVersion,
          row.referenceNumber,
          row.state,
          row.paymentState,
          row.accessSecretHash,
          row.applicantEmail,
          row.searchName,
          row.personKey,
          row.clientToken,
          row.proxyStaffId,
          row.paymentDeadline,
          row.submittedAt,
          row.updatedAt,
          input.locale,
          input.card ? JSON.stringify(input.card) : null,
          ...(capacity === null ? [] : [form.id, capacity]),
        ],
      },
      // References the row above: with no room it was not inserted, this fails the foreign key
      // and the whole unit is rolled back.
      insertStatement(submissionRevisions, {
        submissionId: id,
        revision: 1,
        answers: validated.answers,
        createdAt: ctx.now,
        createdBy: ctx.proxyStaffId ?? 'applicant',
      }),
      // Each chosen reservation slot is booked while it has room, or the unit fails.
      ...slotBookingStatements(db, id, form.id, slots).map(fromDrizzle),
      // Uploaded files named in the answers are bound to this application, or the unit fails.
      ...attachmentsBindStatements(
        db,
        id,
        form.id,
        refsInAnswers(definition, validated.answers),
      ).map(fromDrizzle),
      insertStatement(submissionEvents, {
        id: newId('evt'),
        submissionId: id,
        at: ctx.now,
        actor: ctx.proxyStaffId ? 'staff' : 'applicant',
        staffId: ctx.proxyStaffId ?? null,
        action: 'submit',
        fromState: null,
        toState: state,
      }),
      // The arrival mail (到達) and the department's alert commit with the application or not at all.
      ...mails,
    ];
    try {
      const [inserted] = await writeStatementsWithAudit(
        db,
        statements,
        [
          {
            actorType: ctx.proxyStaffId ? 'staff' : 'applicant',
            ...(ctx.proxyStaffId ? { actorId: ctx.proxyStaffId } : {}),
            action: ctx.proxyStaffId ? 'submission.proxy_entry' : 'submission.submit',
            targetType: 'submission',
            targetId: id,
            details: { formId: form.id, version, state },
          },
        ],
        ctx.now,
      );
      if (inserted?.changes !== 1) throw new AppError('form_full');
      return {
        submissionId: id,
        referenceNumber,
        accessToken: formatAccessToken(id, secret),
        state,
      };
    } catch (error) {
      if (error instanceof AppError) throw error;
      const message = String(
        error instanceof Error
          ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`
          : error,
      );
      if (message.includes('FOREIGN KEY')) throw new AppError('form_full');
      if (isBookingAbort(error)) throw slotFull(slots);
      if (isUnchangedAbort(error)) throw attachmentProblem;
      // A retry that raced the first attempt: whichever unique index tripped, the first wins.
      if (message.includes('UNIQUE') && input.clientToken !== undefined) {
        const first = await findByClientToken(db, form.id, input.clientToken, accessKey);
        if (first) return first;
      }
      if (message.includes('submissions.form_id, submissions.person_key'))
        throw new AppError('already_applied');
      // A reference number already taken this month: draw another.
      if (message.includes('submissions.reference_number')) continue;
      throw error;
    }
  }
  throw new AppError('internal');
}

async function findByClientToken(
  db: TenantDb,
  formId: string,
  clientToken: string,
  accessKey: string,
): Promise<SubmitResult | undefined> {
  const row = await db.query.submissions.findFirst({
    where: and(eq(submissions.formId, formId), eq(submissions.clientToken, clientToken)),
  });
  if (!row) return undefined;
  const secret = accessSecret(accessKey, formId, clientToken);
  return {
    submissionId: row.id,
    referenceNumber: row.referenceNumber,
    accessToken: formatAccessToken(row.id, secret),
    state: row.state,
  };
}

/** How many places a form's applications hold now. */
export async function placesHeld(db: TenantDb, formId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(submissions)
    .where(and(eq(submissions.formId, formId), eq(submissions.holdsPlace, true)));
  return row?.n ?? 0;
}
