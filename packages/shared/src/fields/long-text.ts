import * as v from 'valibot';
import {
  type AnswerContext,
  type AnswerResult,
  characterCount,
  fail,
  ok,
  readText,
  textProblemMessage,
} from '../answers/rule';
import { inputFieldEntries } from './common';

/** Several lines of free text, such as the reason for a request. Kept as typed, trimmed. */
export const longTextFieldSchema = v.strictObject({
  type: v.literal('long_text'),
  ...inputFieldEntries,
  minLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000))),
  maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)), 2000),
  rows: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(30)), 5),
});
export type LongTextField = v.InferOutput<typeof longTextFieldSchema>;

/** Validates a long-text answer; line breaks are kept and normalised to \n. */
export function validateLongText(
  field: LongTextField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<string> {
  const text = readText(input, field.maxLength, { multiline: true });
  if (typeof text !== 'string') return fail(textProblemMessage(text, ctx, field.maxLength));
  if (text === '') return ok(undefined);
  const count = characterCount(text);
  if (count > field.maxLength) return fail(ctx.m.tooLong(ctx.label, field.maxLength));
  if (field.minLength !== undefined && count < field.minLength) {
    return fail(ctx.m.tooShort(ctx.label, field.minLength));
  }
  return ok(text);
}
