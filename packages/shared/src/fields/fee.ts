import * as v from 'valibot';
import {
  type AnswerContext,
  type AnswerResult,
  fail,
  ok,
  readText,
  textProblemMessage,
} from '../answers/rule';
import { fieldIdSchema, inputFieldEntries } from './common';
import { parseNumberInput } from './number';

/** Where a fee's quantity comes from. */
export const feeQuantitySchema = v.variant('source', [
  v.strictObject({
    source: v.literal('input'),
    min: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)), 1),
    max: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 10),
  }),
  v.strictObject({ source: v.literal('field'), fieldId: fieldIdSchema }),
  v.strictObject({
    source: v.literal('fixed'),
    value: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  }),
]);

/**
 * A fee line (手数料): unit price in yen × quantity. The quantity is asked here, read from a
 * number field (copies), or fixed. The server computes the amount; JPY has no decimals.
 */
export const feeFieldSchema = v.strictObject({
  type: v.literal('fee'),
  ...inputFieldEntries,
  pii: v.optional(v.literal('none'), 'none'),
  unitPrice: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)),
  quantity: feeQuantitySchema,
});
export type FeeField = v.InferOutput<typeof feeFieldSchema>;

/** Validates a fee answer: only an asked quantity is an answer; computed ones take none. */
export function validateFee(
  field: FeeField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<number> {
  if (field.quantity.source !== 'input') return ok(undefined);
  const text = readText(input, 10, { acceptNumber: true });
  if (typeof text !== 'string') return fail(textProblemMessage(text, ctx, 10));
  if (text === '') return ok(undefined);
  const value = parseNumberInput(text);
  if (value === undefined) return fail(ctx.m.notNumber(ctx.label));
  if (!Number.isInteger(value)) return fail(ctx.m.notInteger(ctx.label));
  if (value < field.quantity.min) return fail(ctx.m.numberMin(ctx.label, field.quantity.min));
  if (value > field.quantity.max) return fail(ctx.m.numberMax(ctx.label, field.quantity.max));
  return ok(value);
}
