import * as v from 'valibot';
import { conditionSchema } from '../conditions/schema';
import { localizedTextSchema } from '../i18n/locale';

/**
 * Personal-data categories. They drive the privacy inventory, masking and export grants,
 * so every input field names one, `none` included.
 */
export const piiCategories = [
  'none',
  'name',
  'contact',
  'address',
  'birthdate',
  'sex',
  'my_number',
  'bank',
  'health',
  'family',
  'nationality',
  'employment',
  'income',
  'other_sensitive',
  'other',
] as const;
export type PiiCategory = (typeof piiCategories)[number];

/**
 * Field ids are the keys of answers, CSV columns and HTML names, so they are restricted to
 * lower-case ASCII. `constructor` is refused because it names a property every object inherits.
 */
export const fieldIdSchema = v.pipe(
  v.string(),
  v.regex(
    /^[a-z][a-z0-9_]{0,62}$/,
    'ids use a–z, 0–9 and _, start with a letter, 63 characters at most',
  ),
  v.check((id) => id !== 'constructor', 'this id is reserved'),
);

/** Entries shared by static fields (heading, paragraph). */
export const staticFieldEntries = {
  id: fieldIdSchema,
  showIf: v.optional(conditionSchema),
};

/** Entries every input field carries. */
export const inputFieldEntries = {
  id: fieldIdSchema,
  label: localizedTextSchema,
  help: v.optional(localizedTextSchema),
  required: v.optional(v.boolean(), false),
  pii: v.picklist(piiCategories),
  csvColumn: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  showIf: v.optional(conditionSchema),
};

/** A non-negative whole number, as used for limits and counts. */
export const countSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));

/** One choice of a single- or multiple-choice field. */
export const choiceOptionSchema = v.strictObject({
  value: v.pipe(
    v.string(),
    v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'option values use A–Z, 0–9, _ and -'),
  ),
  label: localizedTextSchema,
});
export type ChoiceOption = v.InferOutput<typeof choiceOptionSchema>;

/** A calendar date, YYYY-MM-DD. */
export const isoDateSchema = v.pipe(v.string(), v.isoDate());

/** A date bound: a fixed date or "today" shifted by a number of days, evaluated at validation. */
export const dateBoundSchema = v.union([
  isoDateSchema,
  v.strictObject({
    relative: v.literal('today'),
    days: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-73_000), v.maxValue(73_000)), 0),
  }),
]);
export type DateBound = v.InferOutput<typeof dateBoundSchema>;
