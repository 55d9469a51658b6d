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

const timeOfDay = v.pipe(
  v.string(),
  v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 00:00–23:59'),
);

/** A time of day, HH:MM (24-hour clock). */
export const timeFieldSchema = v.strictObject({
  type: v.literal('time'),
  ...inputFieldEntries,
  min: v.optional(timeOfDay),
  max: v.optional(timeOfDay),
  stepMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(720)), 1),
});
export type TimeField = v.InferOutput<typeof timeFieldSchema>;

/** Validates a time answer: accepts 9:30, 09:30, full-width digits and 9時30分. */
export function validateTime(
  field: TimeField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<string> {
  const text = readText(input, 20);
  if (typeof text !== 'string') return fail(textProblemMessage(text, ctx, 20));
  if (text === '') return ok(undefined);
  const match = /^(\d{1,2})(?::|時)(\d{2})分?$/.exec(text.normalize('NFKC'));
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) return fail(ctx.m.time(ctx.label));
  const value = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  if (field.min !== undefined && value < field.min)
    return fail(ctx.m.timeMin(ctx.label, field.min));
  if (field.max !== undefined && value > field.max)
    return fail(ctx.m.timeMax(ctx.label, field.max));
  if ((hours * 60 + minutes) % field.stepMinutes !== 0) return fail(ctx.m.time(ctx.label));
  return ok(value);
}
