import * as v from 'valibot';
import {
  type AnswerContext,
  type AnswerResult,
  fail,
  ok,
  readText,
  textProblemMessage,
} from '../answers/rule';
import { addDays, isValidIsoDate } from '../ja/dates';
import { type DateBound, dateBoundSchema, inputFieldEntries } from './common';

/** A calendar date, entered in the western calendar with 和暦 shown beside it. */
export const dateFieldSchema = v.strictObject({
  type: v.literal('date'),
  ...inputFieldEntries,
  min: v.optional(dateBoundSchema),
  max: v.optional(dateBoundSchema),
});
export type DateField = v.InferOutput<typeof dateFieldSchema>;

/** Resolves a date bound against the validation date; null when it falls off the calendar. */
export function resolveDateBound(bound: DateBound, today: string): string | null {
  return typeof bound === 'string' ? bound : addDays(today, bound.days);
}

/** Reads a date as people type it: 2025-04-01, 2025/4/1, 2025.4.1, full-width digits. */
export function parseDateInput(text: string): string | undefined {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.normalize('NFKC').trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const iso = `${y}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : undefined;
}

/** Reads a date answer and checks it against the bounds; shared by date and birth date. */
export function readDateAnswer(
  input: unknown,
  ctx: AnswerContext,
  min: DateBound | undefined,
  max: DateBound | undefined,
): AnswerResult<string> {
  const text = readText(input, 20);
  if (typeof text !== 'string') return fail(textProblemMessage(text, ctx, 20));
  if (text === '') return ok(undefined);
  const value = parseDateInput(text);
  if (value === undefined) return fail(ctx.m.date(ctx.label));
  if (min !== undefined) {
    const bound = resolveDateBound(min, ctx.today);
    // ISO dates order as strings, so no parsing (and no throwing) is needed to compare them.
    if (bound !== null && value < bound) return fail(ctx.m.dateMin(ctx.label, bound));
  }
  if (max !== undefined) {
    const bound = resolveDateBound(max, ctx.today);
    if (bound !== null && value > bound) return fail(ctx.m.dateMax(ctx.label, bound));
  }
  return ok(value);
}

/** Validates a date answer (YYYY-MM-DD). */
export function validateDate(
  field: DateField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<string> {
  return readDateAnswer(input, ctx, field.min, field.max);
}
