import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
