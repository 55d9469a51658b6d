import * as v from 'valibot';
import { type AnswerContext, type AnswerResult, fail, ok } from '../answers/rule';
import { localizedTextSchema } from '../i18n/locale';
import { inputFieldEntries } from './common';

/** Terms the resident must read and agree to (同意事項). Always required. */
export const consentFieldSchema = v.strictObject({
  type: v.literal('consent'),
  ...inputFieldEntries,
  required: v.optional(v.literal(true), true),
  terms: localizedTextSchema,
  agreeLabel: v.optional(localizedTextSchema),
});
export type ConsentField = v.InferOutput<typeof consentFieldSchema>;

/** Validates consent: only an explicit agreement counts; anything else is "not agreed". */
export function validateConsent(
  _field: ConsentField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<true> {
  if (input === undefined || input === null || input === '' || input === false)
    return ok(undefined);
  if (input === true || input === 'on' || input === 'yes' || input === 'true') return ok(true);
  return fail(ctx.m.requiredAgree(ctx.label));
}
