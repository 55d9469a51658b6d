import * as v from 'valibot';
import { type AnswerContext, type AnswerResult, fail, ok, readText } from '../answers/rule';
import { choiceOptionSchema, inputFieldEntries } from './common';

/** One choice among several, shown as radio buttons or a drop-down list. */
export const singleChoiceFieldSchema = v.strictObject({
  type: v.literal('single_choice'),
  ...inputFieldEntries,
  display: v.optional(v.picklist(['radio', 'select']), 'radio'),
  options: v.pipe(v.array(choiceOptionSchema), v.minLength(1), v.maxLength(500)),
});
export type SingleChoiceField = v.InferOutput<typeof singleChoiceFieldSchema>;

/** Validates a single-choice answer: one of the option values. */
export function validateSingleChoice(
  field: SingleChoiceField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<string> {
  const text = readText(input, 64);
  if (typeof text !== 'string') return fail(ctx.m.choice(ctx.label));
  if (text === '') return ok(undefined);
  if (!field.options.some((option) => option.value === text)) return fail(ctx.m.choice(ctx.label));
  return ok(text);
}
