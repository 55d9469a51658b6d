import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CardVerification } from '../card-auth/prefill';

/** Departments (課), which own forms and to which staff roles are granted. */
export const departments = sqliteTable('departments', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Where new-application alerts go. */
  email: text('email'),
  createdAt: integer('created_at').notNull(),
  archivedAt: integer('archived_at'),
});

/** Staff accounts of this municipality. */
export const staff = sqliteTable(
  'staff',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Null until the invitation is accepted. */
    passwordHash: text('password_hash'),
    totpSecret: text('totp_secret'),
    /** The last TOTP step used, so a code cannot be replayed. */
    totpLastStep: integer('totp_last_step'),
    isTenantAdmin: integer('is_tenant_admin', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: ['invited', 'active', 'disabled'] }).notNull(),
    /** A contractor's account stops working after this moment. */
    expiresAt: integer('expires_at'),
    /** When set, the account sees only these forms (JSON array of form ids). */
    formIds: text('form_ids', { mode: 'json' }).$type<string[]>(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [uniqueIndex('staff_email_unique').on(sql`lower(${table.email})`)],
);

/** A staff member's role in one department, with the separate export and My Number grants. */
export const roleGrants = sqliteTable(
  'role_grants',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['designer', 'reviewer', 'viewer'] }).notNull(),
    canExport: integer('can_export', { mode: 'boolean' }).notNull().default(false),
    canSeeMyNumber: integer('can_see_my_number', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [uniqueIndex('role_grants_staff_department').on(table.staffId, table.departmentId)],
);

/** Staff sessions (Lucia's design): only a SHA-256 of the secret half of the token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at').notNull(),
    lastActiveAt: integer('last_active_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (table) => [index('sessions_staff').on(table.staffId)],
);

/** One-time links: invitations and second-factor re-enrolment; only a hash is stored. */
export const invites = sqliteTable('invites', {
  id: text('id').primaryKey(),
  staffId: text('staff_id')
    .notNull()
    .references(() => staff.id, { onDelete: 'cascade' }),
  purpose: text('purpose', { enum: ['invite', 'totp_reset'] }).notNull(),
  secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
});

/** Failed sign-in counters per account and per address, kept in the database (not in memory). */
export const throttles = sqliteTable('throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailureAt: integer('first_failure_at').notNull(),
  lockedUntil: integer('locked_until'),
});

/** The municipality's settings (one row). */
export const tenantSettings = sqliteTable('tenant_settings', {
  id: integer('id').primaryKey(),
  mailFrom: text('mail_from'),
  mailReplyTo: text('mail_reply_to'),
  /** Defaults for new forms: department alerts on or off, the signature under mails. */
  notificationDefaults: text('notification_defaults', { mode: 'json' })
    .$type<{ alertDepartment: boolean; signature: string }>()
    .notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Forms of a department. The draft is what designers edit; each publication freezes the draft
 * as a numbered version, and residents only ever see published versions.
 */
export const forms = sqliteTable(
  'forms',
  {
    id: text('id').primaryKey(),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id),
    /** The draft's Japanese title, for lists. */
    title: text('title').notNull(),
    status: text('status', { enum: ['draft', 'published', 'closed'] }).notNull(),
    /** The definition being edited (FormDefinitionInput as JSON). */
    draft: text('draft', { mode: 'json' }).$type<unknown>().notNull(),
    /** The version residents see now; null before the first publication. */
    publishedVersion: integer('published_version'),
    /** For forms reachable by secret link only: the key the link carries. */
    accessKey: text('access_key'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [index('forms_department').on(table.departmentId)],
);

/** Immutable published versions of a form. */
export const formVersions = sqliteTable(
  'form_versions',
  {
    formId: text('form_id')
      .notNull()
      .references(() => forms.id),
    version: integer('version').notNull(),
    /** The parsed definition (FormDefinition as JSON, defaults filled in). */
    definition: text('definition', { mode: 'json' }).$type<unknown>().notNull(),
    publishedAt: integer('published_at').notNull(),
    publishedBy: text('published_by').notNull(),
  },
  (table) => [uniqueIndex('form_versions_pk').on(table.formId, table.version)],
);

/** Applications. Answers live in revisions; this row holds the state and the keys. */
export const submissions = sqliteTable(
  'submissions',
  {
    id: text('id').primaryKey(),
    formId: text('form_id')
      .notNull()
      .references(() => forms.id),
    formVersion: integer('form_version').notNull(),
    /** 受付番号: short, readable aloud, unique in the tenant. */
    referenceNumber: text('reference_number').notNull().unique(),
    state: text('state', {
      enum: [
        'awaiting_payment',
        'submitted',
        'in_review',
        'returned',
        'accepted',
        'completed',
        'rejected',
        'withdrawn',
        'expired',
      ],
    }).notNull(),
    paymentState: text('payment_state', {
      enum: ['none', 'requested', 'paid', 'failed', 'expired', 'refunded'],
    }).notNull(),
    /** SHA-256 of the secret of the applicant's access link. */
    accessSecretHash: blob('access_secret_hash', { mode: 'buffer' }).notNull(),
    applicantEmail: text('applicant_email'),
    /** Name as answered, for the inbox search (氏名・フリガナ). */
    searchName: text('search_name'),
    /** One-per-person key (verified email or card subject); unique per form while it holds. */
    personKey: text('person_key'),
    /** The client's idempotency token: a retried submit returns the first result. */
    clientToken: text('client_token'),
    /** Whether this application holds one of the form's capacity places. */
    holdsPlace: integer('holds_place', { mode: 'boolean' }).notNull(),
    currentRevision: integer('current_revision').notNull(),
    /** The language the applicant used; later mails to them are written in it. */
    locale: text('locale', { enum: ['ja', 'en'] })
      .notNull()
      .default('ja'),
    /** Set when staff entered it at the counter on the resident's behalf (代理入力). */
    proxyStaffId: text('proxy_staff_id'),
    /** Pay-at-submission deadline. */
    paymentDeadline: integer('payment_deadline'),
    /** My Number card authentication: pairwise subject, when, and the verified values (never a card number). */
    cardVerification: text('card_verification', { mode: 'json' }).$type<CardVerification>(),
    submittedAt: integer('submitted_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    index('submissions_form_state').on(table.formId, table.state),
    // Inbox and export pages walk a form's applications in submission order.
    index('submissions_form_submitted').on(table.formId, table.submittedAt, table.id),
    uniqueIndex('submissions_client_token').on(table.formId, table.clientToken),
    uniqueIndex('submissions_person')
      .on(table.formId, table.personKey)
      .where(sql`${table.personKey} IS NOT NULL AND ${table.holdsPlace} = 1`),
  ],
);

/** Every version of the answers: the first submission, and each resubmission after a return. */
export const submissionRevisions = sqliteTable(
  'submission_revisions',
  {
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    revision: integer('revision').notNull(),
    answers: text('answers', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer('created_at').notNull(),
    /** 'applicant', or the staff id for proxy entry. */
    createdBy: text('created_by').notNull(),
  },
  (table) => [uniqueIndex('submission_revisions_pk').on(table.submissionId, table.revision)],
);

/**
 * The reservation slot an application holds for each slot field it answered. A slot's places
 * are counted here (joined to applications that hold a place), inside the submit's own write.
 */
export const slotBookings = sqliteTable(
  'slot_bookings',
  {
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    formId: text('form_id').notNull(),
    fieldId: text('field_id').notNull(),
    slotId: text('slot_id').notNull(),
  },
  (table) => [
    uniqueIndex('slot_bookings_pk').on(table.submissionId, table.fieldId),
    index('slot_bookings_slot').on(table.formId, table.fieldId, table.slotId),
  ],
);

/** The history of an application: every state change, with who, when and why. */
export const submissionEvents = sqliteTable(
  'submission_events',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    at: integer('at').notNull(),
    actor: text('actor', { enum: ['applicant', 'staff', 'system'] }).notNull(),
    staffId: text('staff_id'),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    /** The message to the applicant (return for correction) or the reason (rejection). */
    message: text('message'),
    fieldsToFix: text('fields_to_fix', { mode: 'json' }).$type<string[]>(),
  },
  (table) => [index('submission_events_submission').on(table.submissionId, table.at)],
);

/** Internal handling notes (対応記録); never shown to the applicant. */
export const submissionNotes = sqliteTable(
  'submission_notes',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    staffId: text('staff_id').notNull(),
    at: integer('at').notNull(),
    body: text('body').notNull(),
  },
  (table) => [index('submission_notes_submission').on(table.submissionId, table.at)],
);

/** Uploaded files; bound to a submission when it is submitted. Bytes live in file storage. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    formId: text('form_id')
      .notNull()
      .references(() => forms.id),
    fieldId: text('field_id').notNull(),
    submissionId: text('submission_id').references(() => submissions.id),
    name: text('name').notNull(),
    size: integer('size').notNull(),
    /** The type sniffed from the bytes, not the one the browser claimed. */
    type: text('type').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('attachments_submission').on(table.submissionId)],
);

/** Mails to send, written in the same batch as the change that causes them. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    /** One mail per event: a retried change cannot queue the same mail twice. */
    eventKey: text('event_key').notNull().unique(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** Set while a worker sends it, so two workers never send the same mail at once. */
    claimedUntil: integer('claimed_until'),
    sentAt: integer('sent_at'),
    lastError: text('last_error'),
  },
  (table) => [index('outbox_due').on(table.sentAt, table.nextAttemptAt)],
);

/** Append-only audit log; each entry carries the hash of the previous one, so tampering shows. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: integer('at').notNull(),
    actorType: text('actor_type', { enum: ['staff', 'applicant', 'system', 'operator'] }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  // The admin's filters: by time, by who, by what, by which application or form.
  (table) => [
    index('audit_log_at').on(table.at),
    index('audit_log_actor').on(table.actorId, table.seq),
    index('audit_log_action').on(table.action, table.seq),
    index('audit_log_target').on(table.targetId, table.seq),
  ],
);

/** Email verification before filling a form: a code sent to the address, stored hashed. */
export const emailVerifications = sqliteTable('email_verifications', {
  id: text('id').primaryKey(),
  formId: text('form_id')
    .notNull()
    .references(() => forms.id),
  email: text('email').notNull(),
  codeHash: blob('code_hash', { mode: 'buffer' }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  verifiedAt: integer('verified_at'),
});

/** One payment per application (re-requested after a failure or expiry, it stays the same row). */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    provider: text('provider', { enum: ['sandbox', 'stripe', 'paypay'] }).notNull(),
    /** The provider's id of the payment (checkout session, order); null until created there. */
    providerRef: text('provider_ref'),
    /** Yen, computed on the server from the fee fields (JPY has no minor unit). */
    amount: integer('amount').notNull(),
    /** Recomputed from payment_events on every event; never set from one event alone. */
    state: text('state', {
      enum: ['requested', 'paid', 'failed', 'expired', 'refunded'],
    }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [uniqueIndex('payments_submission').on(table.submissionId)],
);

/** Every provider event, recorded once by its event id: the log the payment state comes from. */
export const paymentEvents = sqliteTable(
  'payment_events',
  {
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    kind: text('kind', { enum: ['succeeded', 'failed', 'expired', 'refunded'] }).notNull(),
    amount: integer('amount').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (table) => [
    uniqueIndex('payment_events_pk').on(table.provider, table.eventId),
    index('payment_events_payment').on(table.paymentId),
  ],
);

/**
 * The provider a municipality takes new payments with, and each provider's credentials sealed
 * with AES-256-GCM under a key derived for this tenant (payments/credentials.ts). One row (id 1);
 * without it the tenant uses the built-in sandbox. Never returned by the API as stored.
 */
export const paymentSettings = sqliteTable('payment_settings', {
  id: integer('id').primaryKey(),
  provider: text('provider', { enum: ['sandbox', 'stripe', 'paypay'] }).notNull(),
  /** `iv | tag | ciphertext` of the Stripe credentials as JSON; null when none are stored. */
  stripeCredentials: blob('stripe_credentials', { mode: 'buffer' }),
  /** `iv | tag | ciphertext` of the PayPay credentials as JSON; null when none are stored. */
  paypayCredentials: blob('paypay_credentials', { mode: 'buffer' }),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * How a municipality is registered with its My Number card authentication provider. One row
 * (id 1); without it, or with `provider` null, the server's own configuration applies (env
 * CARD_PROVIDER, the local provider outside production). The client's private EC P-256 key is
 * generated on the server and stored only sealed with AES-256-GCM under a key derived for this
 * tenant (card-auth/tenant-settings.ts); the API shows its public half only.
 */
export const cardAuthSettings = sqliteTable('card_auth_settings', {
  id: integer('id').primaryKey(),
  /** `local` (the server's local provider), `oidc` (the fields below) or `off`; null: the server's default. */
  provider: text('provider', { enum: ['local', 'oidc', 'off'] }),
  issuer: text('issuer'),
  clientId: text('client_id'),
  /** `iv | tag | ciphertext` of the client's private JWK as JSON; null until a key is generated. */
  clientKey: blob('client_key', { mode: 'buffer' }),
  updatedAt: integer('updated_at').notNull(),
});
