import * as v from 'valibot';
import { departmentRoles } from '../auth/authorize';

// Names are shown in lists and mail headers, so line breaks and other control characters are out.
const noControlCharacters = v.regex(
  /^[^\p{Cc}]*$/u,
  'must not contain line breaks or control characters',
);
const name = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(100),
  noControlCharacters,
);
const email = v.pipe(v.string(), v.trim(), v.maxLength(254), v.email('must be an email address'));
// Any string up to the length of our ids: an id of the wrong shape is simply not found (404).
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
// The last millisecond of 9999, so a typo cannot store a number JavaScript dates cannot hold.
const moment = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(253_402_300_799_999));
const formIds = v.pipe(
  v.array(v.pipe(v.string(), v.regex(/^[a-z0-9_]{1,64}$/, 'must be a form id'))),
  v.maxLength(100),
  v.transform((ids) => [...new Set(ids)]),
);
const hasSomeChange = (input: object) => Object.keys(input).length > 0;
const noChange = 'give at least one value to change';

/** The `:id` of a department or staff URL. */
export const idParam = v.strictObject({ id });

/** A new department (課). */
export const createDepartmentSchema = v.strictObject({
  name,
  email: v.optional(v.nullable(email)),
});

/** A change to a department; `email: null` removes its alert address. */
export const updateDepartmentSchema = v.pipe(
  v.strictObject({ name: v.optional(name), email: v.optional(v.nullable(email)) }),
  v.check((input) => hasSomeChange(input), noChange),
);

/** A new staff account; `expiresAt` (ms since the epoch) ends a contractor's access. */
export const createStaffSchema = v.strictObject({
  email,
  name,
  isTenantAdmin: v.optional(v.boolean()),
  expiresAt: v.optional(v.nullable(moment)),
  formIds: v.optional(v.nullable(formIds)),
});

/** A change to a staff account; `null` clears the end date or the form limit. */
export const updateStaffSchema = v.pipe(
  v.strictObject({
    name: v.optional(name),
    isTenantAdmin: v.optional(v.boolean()),
    expiresAt: v.optional(v.nullable(moment)),
    formIds: v.optional(v.nullable(formIds)),
  }),
  v.check((input) => hasSomeChange(input), noChange),
);

/** The full list of a person's department roles, which replaces the current one. */
export const grantsSchema = v.pipe(
  v.array(
    v.strictObject({
      departmentId: id,
      role: v.picklist(departmentRoles),
      canExport: v.boolean(),
      canSeeMyNumber: v.boolean(),
    }),
  ),
  v.maxLength(200),
  v.checkItems(
    (grant, index, grants) =>
      grants.findIndex((other) => other.departmentId === grant.departmentId) === index,
    'one grant per department: this department is listed twice',
  ),
);

// A mail signature spans lines, so only line breaks and tabs are let through.
const signature = v.pipe(
  v.string(),
  v.transform((text) => text.replace(/\r\n?/g, '\n')),
  v.maxLength(500),
  v.regex(/^(?:\P{Cc}|[\n\t])*$/u, 'must not contain control characters'),
);

/** The municipality's settings, all given at once. */
export const settingsSchema = v.strictObject({
  mailFrom: v.nullable(email),
  mailReplyTo: v.nullable(email),
  notificationDefaults: v.strictObject({ alertDepartment: v.boolean(), signature }),
});

/** A new department, as validated. */
export type CreateDepartmentInput = v.InferOutput<typeof createDepartmentSchema>;
/** A department change, as validated. */
export type UpdateDepartmentInput = v.InferOutput<typeof updateDepartmentSchema>;
/** A new staff account, as validated. */
export type CreateStaffInput = v.InferOutput<typeof createStaffSchema>;
/** A staff change, as validated. */
export type UpdateStaffInput = v.InferOutput<typeof updateStaffSchema>;
/** A full grant list, as validated. */
export type GrantsInput = v.InferOutput<typeof grantsSchema>;
/** The settings, as validated. */
export type SettingsInput = v.InferOutput<typeof settingsSchema>;
