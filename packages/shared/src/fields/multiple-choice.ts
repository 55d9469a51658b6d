import * as v from 'valibot';
import { type AnswerContext, type AnswerResult, fail, ok } from '../answers/rule';
import { choiceOptionSchema, inputFieldEntries } from './common';

/** Any number of choices, shown as checkboxes. */
export const multipleChoiceFieldSchema = v.strictObject({
  type: v.literal('multiple_choice'),
  ...inputFieldEntries,
  options: v.pipe(v.array(choiceOptionSchema), v.minLength(1), v.maxLength(200)),
  minSelected: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
  maxSelected: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
});
export type MultipleChoiceField = v.InferOutput<typeof multipleChoiceFieldSchema>;

/**
 * Validates a multiple-choice answer: a list of option values (a single string counts as a
 * list of one, as an HTML form posts it). Returned in the order of the options, without repeats.
 */
export function validateMultipleChoice(
  field: MultipleChoiceField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<string[]> {
  const list = typeof input === 'string' ? [input] : input;
  if (list === undefined || list === null || list === '') return ok(undefined);
  if (!Array.isArray(list) || list.length > field.options.length * 2)
    return fail(ctx.m.choice(ctx.label));
  if (
    !list.every((item) => typeof item === 'string' && field.options.some((o) => o.value === item))
  ) {
    return fail(ctx.m.choice(ctx.label));
  }
  const value = field.options.map((o) => o.value).filter((item) => list.includes(item));
  if (value.length === 0) return ok(undefined);
  if (field.minSelected !== undefined && value.length < field.minSelected) {
    return fail(ctx.m.tooFewChoices(ctx.label, field.minSelected));
  }
  if (field.maxSelected !== undefined && value.length > field.maxSelected) {
    return fail(ctx.m.tooManyChoices(ctx.label, field.maxSelected));
  }
  return ok(value);
}
