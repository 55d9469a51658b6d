import {
  type Answers,
  computeFee,
  type FormDefinition,
  type Locale,
  listFields,
  localize,
  type NotificationEvent,
} from '@madoguchi/shared';
import type { Tenant, TenantDb } from '../db/registry';
import type { Statement } from '../db/statements';
import {
  type QueuedMail,
  queueDepartmentMailStatement,
  queueMail,
  queueMailStatement,
} from '../mail/outbox';
import { mailDate, renderMail } from '../mail/templates';

/** Where links in mails point. */
export interface MailContext {
  tenant: Tenant;
  publicOrigin: string;
  staffOrigin: string;
}

/** The mail context of a request: its tenant and the configured origins. */
export function mailContextFor(
  config: { PUBLIC_ORIGIN: string; STAFF_ORIGIN: string },
  tenant: Tenant,
): MailContext {
  return { tenant, publicOrigin: config.PUBLIC_ORIGIN, staffOrigin: config.STAFF_ORIGIN };
}

/** What a mail about one application needs to know of it. */
export interface MailSubject {
  id: string;
  formId: string;
  referenceNumber: string;
  applicantEmail: string | null;
  submittedAt: number;
}

/**
 * The secret link to an application: the page it opens keeps the token in a cookie and moves
 * on to a token-free address, so the link works without JavaScript and is never shown again.
 * @example statusLinkUrl('https://forms.example.lg.jp', 'midori', token) // '…/t/midori/s/<token>'
 */
export function statusLinkUrl(publicOrigin: string, slug: string, accessToken: string): string {
  return `${publicOrigin}/t/${slug}/s/${accessToken}`;
}

/**
 * Where an applicant finds their application again: the status link when we have its secret
 * (right after submitting), else the page that re-sends the link to the address on file.
 */
function statusUrl(mail: MailContext, subject: MailSubject, accessToken?: string): string {
  return accessToken
    ? statusLinkUrl(mail.publicOrigin, mail.tenant.slug, accessToken)
    : `${mail.publicOrigin}/t/${mail.tenant.slug}/f/${subject.formId}/resend`;
}

/** The field labels of `fieldsToFix`, for the return-for-correction mail. */
function fieldLabels(
  definition: FormDefinition,
  ids: string[] | undefined,
  locale: Locale,
): string {
  if (!ids?.length) return '';
  const labels = new Map(
    listFields(definition).map(({ field }) => [
      field.id,
      'label' in field ? localize(field.label, locale) : field.id,
    ]),
  );
  return ids.map((id) => `・${labels.get(id) ?? id}`).join('\n');
}

/** What `applicantMail` takes. */
export interface ApplicantMailInput {
  event: NotificationEvent;
  subject: MailSubject;
  definition: FormDefinition;
  mail: MailContext;
  locale: Locale;
  now: number;
  /** Distinguishes repeated events of one kind (the revision, a timestamp). */
  occurrence: string | number;
  accessToken?: string;
  staffMessage?: string;
  fieldsToFix?: string[];
  /**
   * A payment request: the amount in yen and the link to pay; with its deadline when the
   * application waits for the payment at submission.
   */
  payment?: { amount: number; url: string; deadline?: number };
}

/**
 * An amount in yen as {{amount}} holds it: the digits grouped, without the unit, since the
 * templates write it after (`{{amount}}円`, `{{amount}} yen`).
 */
export function mailAmount(amount: number): string {
  return new Intl.NumberFormat('ja-JP').format(amount);
}

/** The outbox statement for a mail to the applicant about an event, or none without an address. */
export function applicantMail(db: TenantDb, input: ApplicantMailInput) {
  return applicantMailContent(input).map((mail) => queueMail(db, mail, input.now));
}

/** The mail to the applicant about an event, or none without an address. */
export function applicantMailContent(input: ApplicantMailInput): QueuedMail[] {
  if (!input.subject.applicantEmail) return [];
  const rendered = renderMail({
    event: input.event,
    locale: input.locale,
    municipality: input.mail.tenant.name,
    definition: input.definition,
    values: {
      referenceNumber: input.subject.referenceNumber,
      formTitle: localize(input.definition.title, input.locale),
      submittedAt: mailDate(input.subject.submittedAt, input.locale),
      statusUrl: statusUrl(input.mail, input.subject, input.accessToken),
      ...(input.staffMessage ? { staffMessage: input.staffMessage } : {}),
      ...(input.fieldsToFix
        ? { fieldsToFix: fieldLabels(input.definition, input.fieldsToFix, input.locale) }
        : {}),
      ...(input.payment
        ? {
            amount: mailAmount(input.payment.amount),
            paymentUrl: input.payment.url,
            ...(input.payment.deadline !== undefined
              ? { paymentDeadline: mailDate(input.payment.deadline, input.locale) }
              : {}),
          }
        : {}),
    },
  });
  return [
    {
      eventKey: `${input.subject.id}:${input.event}:${input.occurrence}`,
      to: input.subject.applicantEmail,
      ...rendered,
    },
  ];
}

/** What `departmentAlertContent` takes. */
export interface DepartmentAlertInput {
  subject: MailSubject;
  definition: FormDefinition;
  departmentId: string;
  mail: MailContext;
  now: number;
  /** Set when the application waits for its payment at submission: the alert says so. */
  paymentDeadline?: number | null;
}

/**
 * The new-application alert to the department, when the form wants it: queued to the
 * department's address as it stands inside the write, and not at all when it has none (one read
 * less on the event loop per submit; the address was checked when an admin set it).
 */
export function departmentAlertStatements(input: DepartmentAlertInput): Statement[] {
  if (!input.definition.notifications.alertDepartment) return [];
  const rendered = renderMail({
    event: 'department_alert',
    locale: 'ja',
    municipality: input.mail.tenant.name,
    definition: input.definition,
    values: {
      referenceNumber: input.subject.referenceNumber,
      formTitle: input.definition.title.ja,
      submittedAt: mailDate(input.subject.submittedAt, 'ja'),
      consoleUrl: `${input.mail.staffOrigin}/submissions/${input.subject.id}`,
      ...(input.paymentDeadline != null
        ? { paymentDeadline: mailDate(input.paymentDeadline, 'ja') }
        : {}),
    },
  });
  return [
    queueDepartmentMailStatement(
      { eventKey: `${input.subject.id}:department_alert`, ...rendered },
      input.departmentId,
      input.now,
    ),
  ];
}

/** What `arrivalMailsContent` takes: the new application, its answers and its link's token. */
export interface ArrivalMailsInput {
  subject: MailSubject;
  definition: FormDefinition;
  departmentId: string;
  mail: MailContext;
  locale: Locale;
  now: number;
  accessToken: string;
  /** The validated answers, for the fee of a form that charges at submission. */
  answers: Answers;
  /** The end of the payment period of an application awaiting payment; null otherwise. */
  paymentDeadline: number | null;
}

/**
 * The mails of a new application: the arrival mail (到達) to the applicant and the department's
 * alert. An application that waits for its payment at submission gets the arrival mail that says
 * it is not complete until paid, with the amount (the shared fee computation over the answers),
 * the deadline and the status link, whose page has the pay button ({{amount}} and {{paymentUrl}}
 * for a form's own arrival text too); the alert says it awaits payment.
 */
export function arrivalMailStatements(input: ArrivalMailsInput): Statement[] {
  const awaiting =
    input.paymentDeadline !== null && input.definition.options.payment.mode === 'at_submission';
  return [
    ...applicantMailContent({
      event: 'arrival',
      subject: input.subject,
      definition: input.definition,
      mail: input.mail,
      locale: input.locale,
      now: input.now,
      occurrence: 1,
      accessToken: input.accessToken,
      ...(awaiting && input.paymentDeadline !== null
        ? {
            payment: {
              amount: computeFee(input.definition, input.answers).total,
              url: statusUrl(input.mail, input.subject, input.accessToken),
              deadline: input.paymentDeadline,
            },
          }
        : {}),
    }).map((mail) => queueMailStatement(mail, input.now)),
    ...departmentAlertStatements({
      subject: input.subject,
      definition: input.definition,
      departmentId: input.departmentId,
      mail: input.mail,
      now: input.now,
      paymentDeadline: awaiting ? input.paymentDeadline : null,
    }),
  ];
}

/** The mail with a renewed status link, to the address on file. */
export function accessLinkMail(
  db: TenantDb,
  input: {
    subject: MailSubject & { locale?: Locale };
    accessToken: string;
    definition: FormDefinition;
    mail: MailContext;
    now: number;
  },
) {
  if (!input.subject.applicantEmail) return [];
  const rendered = renderMail({
    event: 'access_link',
    locale: input.subject.locale ?? 'ja',
    municipality: input.mail.tenant.name,
    definition: input.definition,
    values: {
      referenceNumber: input.subject.referenceNumber,
      formTitle: localize(input.definition.title, input.subject.locale ?? 'ja'),
      submittedAt: mailDate(input.subject.submittedAt, input.subject.locale ?? 'ja'),
      statusUrl: statusUrl(input.mail, input.subject, input.accessToken),
    },
  });
  return [
    queueMail(
      db,
      {
        eventKey: `${input.subject.id}:access_link:${input.now}`,
        to: input.subject.applicantEmail,
        ...rendered,
      },
      input.now,
    ),
  ];
}
