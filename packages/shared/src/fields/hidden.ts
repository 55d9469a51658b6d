import * as v from 'valibot';
import {
  type AnswerContext,
  type AnswerResult,
  fail,
  ok,
  readText,
  textProblemMessage,
} from '../answers/rule';
import { inputFieldEntries } from './common';

/**
 * A value the resident does not type: fixed by the designer (`value`), or prefilled from the
 * link's query string (`fromQuery`, e.g. a campaign or a letter number).
 */
export const hiddenFieldSchema = v.strictObject({
  type: v.literal('hidden'),
  ...inputFieldEntries,
  value: v.optional(v.pipe(v.string(), v.maxLength(500))),
  fromQuery: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'use A–Z, 0–9, _ and -')),
  ),
});
export type HiddenField = v.InferOutput<typeof hiddenFieldSchema>;

/** Validates a hidden value; a fixed value always wins over what the client sent. */
export function validateHidden(
  field: HiddenField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<string> {
  if (field.value !== undefined) return ok(field.value === '' ? undefined : field.value);
  const text = readText(input, 500);
  if (typeof text !== 'string') return fail(textProblemMessage(text, ctx, 500));
  if (text.length > 500) return fail(ctx.m.tooLong(ctx.label, 500));
  return ok(text === '' ? undefined : text);
}
