import * as v from 'valibot';
import {
  type AnswerContext,
  type AnswerResult,
  fail,
  ok,
  readText,
  textProblemMessage,
} from '../answers/rule';
import { isValidMyNumber, normalizeMyNumber } from '../ja/my-number';
import { inputFieldEntries } from './common';

/**
 * An individual number (個人番号, My Number). Its PII category is fixed: only staff with the
 * My Number grant see it, and it is masked everywhere else.
 */
export const myNumberFieldSchema = v.strictObject({
  type: v.literal('my_number'),
  ...inputFieldEntries,
  pii: v.optional(v.literal('my_number'), 'my_number'),
});
export type MyNumberField = v.InferOutput<typeof myNumberFieldSchema>;

/** Validates a My Number: 12 digits (spaces and hyphens allowed) with a correct check digit. */
export function validateMyNumber(
  _field: MyNumberField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<string> {
  const text = readText(input, 20);
  if (typeof text !== 'string') return fail(textProblemMessage(text, ctx, 20));
  if (text === '') return ok(undefined);
  const digits = normalizeMyNumber(text);
  if (digits === null) return fail(ctx.m.myNumberLength(ctx.label));
  if (!isValidMyNumber(digits)) return fail(ctx.m.myNumberCheckDigit(ctx.label));
  return ok(digits);
}
