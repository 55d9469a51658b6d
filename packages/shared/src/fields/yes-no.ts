import * as v from 'valibot';
import { type AnswerContext, type AnswerResult, fail, ok } from '../answers/rule';
import { inputFieldEntries } from './common';

/** A yes/no question (はい／いいえ). */
export const yesNoFieldSchema = v.strictObject({
  type: v.literal('yes_no'),
  ...inputFieldEntries,
});
export type YesNoField = v.InferOutput<typeof yesNoFieldSchema>;

/** Validates a yes/no answer: a boolean, or "yes"/"no" as an HTML form posts it. */
export function validateYesNo(
  _field: YesNoField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<boolean> {
  if (input === undefined || input === null || input === '') return ok(undefined);
  if (input === true || input === 'yes' || input === 'true') return ok(true);
  if (input === false || input === 'no' || input === 'false') return ok(false);
  return fail(ctx.m.requiredSelect(ctx.label));
}
