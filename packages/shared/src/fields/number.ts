import * as v from 'valibot';
import {
  type AnswerContext,
  type AnswerResult,
  fail,
  ok,
  readText,
  textProblemMessage,
} from '../answers/rule';
import { localizedTextSchema } from '../i18n/locale';
import { inputFieldEntries } from './common';

const limit = v.pipe(v.number(), v.finite(), v.minValue(-1e12), v.maxValue(1e12));

/** A number, such as a household size or the number of copies. */
export const numberFieldSchema = v.strictObject({
  type: v.literal('number'),
  ...inputFieldEntries,
  integer: v.optional(v.boolean(), true),
  min: v.optional(limit),
  max: v.optional(limit),
  unit: v.optional(localizedTextSchema),
});
export type NumberField = v.InferOutput<typeof numberFieldSchema>;

/** Parses a number typed by a person: full-width digits, thousands separators, a minus sign. */
export function parseNumberInput(text: string): number | undefined {
  const cleaned = text
    .normalize('NFKC')
    .replace(/[,\s]/g, '')
    .replace(/^[−ー‐]/, '-');
  if (!/^-?(?:\d+(?:\.\d+)?|\.\d+)$/.test(cleaned) || cleaned.length > 30) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

/** Validates a number answer (a JSON number or the digits typed in a form). */
export function validateNumber(
  field: NumberField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<number> {
  const text = readText(input, 30, { acceptNumber: true });
  if (typeof text !== 'string') return fail(textProblemMessage(text, ctx, 30));
  if (text === '') return ok(undefined);
  const value = parseNumberInput(text);
  if (value === undefined) return fail(ctx.m.notNumber(ctx.label));
  if (field.integer && !Number.isInteger(value)) return fail(ctx.m.notInteger(ctx.label));
  if (field.min !== undefined && value < field.min)
    return fail(ctx.m.numberMin(ctx.label, field.min));
  if (field.max !== undefined && value > field.max)
    return fail(ctx.m.numberMax(ctx.label, field.max));
  return ok(value);
}
