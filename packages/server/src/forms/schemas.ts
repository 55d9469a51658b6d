import { exceedsDepth, maxDefinitionDepth } from '@madoguchi/shared';
import * as v from 'valibot';

/** The largest definition accepted, in bytes of JSON; the app's body limit (1 MiB) leaves room. */
export const maxDefinitionBytes = 1_000_000;

// Any string up to the length of our ids: an id of the wrong shape is simply not found (404).
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
// The last millisecond of 9999, so a typo cannot store a number JavaScript dates cannot hold.
const moment = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(253_402_300_799_999));

/**
 * A definition as a designer's draft: any JSON object, since drafts may be incomplete, but no
 * deeper than the form language allows and at most 1 MB. Depth is checked first because
 * serialising (to measure, and to store) recurses.
 */
const definition = v.pipe(
  v.custom<Record<string, unknown>>(
    (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
    'must be a JSON object',
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    if (exceedsDepth(dataset.value, maxDefinitionDepth)) {
      addIssue({ message: `must not be nested more than ${maxDefinitionDepth} levels deep` });
    } else if (Buffer.byteLength(JSON.stringify(dataset.value)) > maxDefinitionBytes) {
      addIssue({ message: `must be at most ${maxDefinitionBytes} bytes of JSON` });
    }
  }),
);

/** The `:id` of a form URL. */
export const idParam = v.strictObject({ id });

/** A published version's URL: the form and a version number. */
export const versionParam = v.strictObject({
  id,
  version: v.pipe(
    v.string(),
    v.regex(/^[1-9][0-9]{0,8}$/, 'must be a version number'),
    v.transform(Number),
  ),
});

/** A template of the shared catalog. */
export const templateParam = v.strictObject({ templateId: id });

/** A new form: a draft in a department, from a definition or from the minimal one. */
export const createFormSchema = v.strictObject({
  departmentId: id,
  definition: v.optional(definition),
});

/** An imported definition file; the service also requires it to pass the shape check. */
export const importFormSchema = v.strictObject({ departmentId: id, definition });

/** A saved draft, with the `updatedAt` of the draft the designer started from. */
export const saveDraftSchema = v.strictObject({ definition, updatedAt: moment });

/** A definition to check without saving it; the saved draft when omitted. */
export const validateSchema = v.strictObject({ definition: v.optional(definition) });

/** A draft to preview as residents would see it (nothing stored), one page of it. */
export const previewSchema = v.strictObject({
  definition,
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(49)), 0),
  locale: v.optional(v.picklist(['ja', 'en']), 'ja'),
});

/** Publication; with `updatedAt`, only the draft the publisher last read is published. */
export const publishSchema = v.strictObject({ updatedAt: v.optional(moment) });

/** A copy of a form, in its own department unless another is named. */
export const duplicateSchema = v.strictObject({ departmentId: v.optional(id) });

/** A new draft from a template of the shared catalog. */
export const templateImportSchema = v.strictObject({ departmentId: id });

/** A draft definition, as validated (not yet checked against the form language). */
export type DraftDefinition = v.InferOutput<typeof definition>;
/** A new form, as validated. */
export type CreateFormInput = v.InferOutput<typeof createFormSchema>;
