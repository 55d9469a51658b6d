import * as v from 'valibot';
import { type AnswerContext, type AnswerResult, fail } from '../answers/rule';
import { ageOn } from '../ja/dates';
import { dateBoundSchema, inputFieldEntries } from './common';
import { readDateAnswer, resolveDateBound } from './date';

const age = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(150));

/** A birth date, with optional age limits on a reference date (today unless `ageOn` is set). */
export const birthDateFieldSchema = v.strictObject({
  type: v.literal('birth_date'),
  ...inputFieldEntries,
  pii: v.optional(v.literal('birthdate'), 'birthdate'),
  minAge: v.optional(age),
  maxAge: v.optional(age),
  ageOn: v.optional(dateBoundSchema),
});
export type BirthDateField = v.InferOutput<typeof birthDateFieldSchema>;

/** Validates a birth date: a real date, not in the future, within the age limits. */
export function validateBirthDate(
  field: BirthDateField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<string> {
  const result = readDateAnswer(input, ctx, '1873-01-01', undefined);
  if (!result.ok || result.value === undefined) return result;
  if (result.value > ctx.today) return fail(ctx.m.futureDate(ctx.label));
  const reference =
    (field.ageOn ? resolveDateBound(field.ageOn, ctx.today) : ctx.today) ?? ctx.today;
  const years = ageOn(result.value, reference);
  if (years !== null && field.minAge !== undefined && years < field.minAge) {
    return fail(ctx.m.ageMin(ctx.label, field.minAge));
  }
  if (years !== null && field.maxAge !== undefined && years > field.maxAge) {
    return fail(ctx.m.ageMax(ctx.label, field.maxAge));
  }
  return result;
}
