import * as v from 'valibot';
import { conditionSchema } from '../conditions/schema';
import { fieldIdSchema } from '../fields/common';
import { fieldSchema } from '../fields/index';
import { localizedTextSchema } from '../i18n/locale';
import { paymentModes } from '../state-machine/submission';

/** The version of this definition format; bumped when a change needs a migration. */
export const currentSchemaVersion = 1;

/** Kinds of procedure (手続の種類), as the municipal council papers classify them. */
export const procedureCategories = [
  'certificate',
  'application',
  'consultation',
  'facility',
  'event',
  'survey',
] as const;
export type ProcedureCategory = (typeof procedureCategories)[number];

/** One page of a form; shown unless its condition fails. */
export const pageSchema = v.strictObject({
  id: fieldIdSchema,
  title: localizedTextSchema,
  description: v.optional(localizedTextSchema),
  showIf: v.optional(conditionSchema),
  fields: v.pipe(v.array(fieldSchema), v.maxLength(200)),
});
export type Page = v.InferOutput<typeof pageSchema>;

const timestamp = v.pipe(v.string(), v.isoTimestamp('use an ISO 8601 timestamp with a time zone'));

/** When and where a form is open and to whom. */
export const formSettingsSchema = v.strictObject({
  opensAt: v.optional(timestamp),
  closesAt: v.optional(timestamp),
  capacity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000_000))),
  /** One application per person: by verified email address or by card-authenticated subject. */
  onePerPerson: v.optional(v.picklist(['none', 'email', 'card_subject']), 'none'),
  /** Internet (residents), LGWAN (staff inside the municipal network), or both. */
  channel: v.optional(v.picklist(['internet', 'lgwan', 'both']), 'internet'),
  access: v.optional(v.picklist(['public', 'secret_link']), 'public'),
});
export type FormSettings = v.InferOutput<typeof formSettingsSchema>;

/** Attributes the My Number card authentication app can return. */
export const cardAttributes = ['name', 'address', 'birthdate', 'gender'] as const;
export type CardAttribute = (typeof cardAttributes)[number];

/** Per-form options that change the flow. */
export const formOptionsSchema = v.strictObject({
  emailVerification: v.optional(v.boolean(), false),
  cardAuthentication: v.optional(
    v.strictObject({
      enabled: v.boolean(),
      attributes: v.optional(v.array(v.picklist(cardAttributes)), []),
      /** Which field each verified attribute prefills (and locks). */
      prefill: v.optional(
        v.strictObject({
          name: v.optional(fieldIdSchema),
          address: v.optional(fieldIdSchema),
          birthdate: v.optional(fieldIdSchema),
          gender: v.optional(fieldIdSchema),
        }),
        {},
      ),
    }),
    { enabled: false },
  ),
  payment: v.optional(
    v.strictObject({
      mode: v.picklist(paymentModes),
      /** A fee charged once per application on top of the fee fields, in yen. */
      fixedFee: v.optional(
        v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)),
        0,
      ),
      /** How long an unpaid application holds its place (pay at submission). */
      deadlineMinutes: v.optional(
        v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(60 * 24 * 30)),
        60,
      ),
    }),
    { mode: 'none' },
  ),
});
export type FormOptions = v.InferOutput<typeof formOptionsSchema>;

/** Events that send the applicant a mail. */
export const notificationEvents = [
  'arrival',
  'acceptance',
  'returned',
  'resubmitted',
  'withdrawn',
  'completed',
  'rejected',
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

/** Placeholders a mail template may use, written {{name}}. */
export const templatePlaceholders = [
  'referenceNumber',
  'formTitle',
  'municipality',
  'submittedAt',
  'statusUrl',
  'staffMessage',
  'fieldsToFix',
  'amount',
  'paymentUrl',
] as const;
export type TemplatePlaceholder = (typeof templatePlaceholders)[number];

/** One mail template: subject and body per locale. */
export const mailTemplateSchema = v.strictObject({
  subject: localizedTextSchema,
  body: localizedTextSchema,
});
export type MailTemplate = v.InferOutput<typeof mailTemplateSchema>;

/** Mail texts per event (the platform's defaults apply where none is given). */
export const notificationsSchema = v.strictObject({
  arrival: v.optional(mailTemplateSchema),
  acceptance: v.optional(mailTemplateSchema),
  returned: v.optional(mailTemplateSchema),
  resubmitted: v.optional(mailTemplateSchema),
  withdrawn: v.optional(mailTemplateSchema),
  completed: v.optional(mailTemplateSchema),
  rejected: v.optional(mailTemplateSchema),
  /** Alert the department's address when an application arrives. */
  alertDepartment: v.optional(v.boolean(), true),
});
export type Notifications = v.InferOutput<typeof notificationsSchema>;

/** A complete form definition: what a designer edits and what a published version freezes. */
export const formDefinitionSchema = v.strictObject({
  schemaVersion: v.literal(currentSchemaVersion),
  title: localizedTextSchema,
  description: v.optional(localizedTextSchema),
  /** What to have ready before starting (shown on the start page). */
  whatYouNeed: v.optional(localizedTextSchema),
  /** Purpose of use of the personal data (利用目的), required by the personal information law. */
  purposeOfUse: localizedTextSchema,
  category: v.picklist(procedureCategories),
  yearlyVolume: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000_000)),
  retentionDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(36_500)),
  pages: v.pipe(v.array(pageSchema), v.minLength(1), v.maxLength(50)),
  settings: v.optional(formSettingsSchema, {}),
  options: v.optional(formOptionsSchema, {}),
  notifications: v.optional(notificationsSchema, {}),
});
export type FormDefinition = v.InferOutput<typeof formDefinitionSchema>;
/** What a designer writes; defaults are filled in by parsing. */
export type FormDefinitionInput = v.InferInput<typeof formDefinitionSchema>;
