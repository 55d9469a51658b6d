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
import { isFurigana, normalizeFurigana } from '../ja/kana';
import { inputFieldEntries } from './common';

/**
 * What a short text may contain. `katakana`, `digits` and `alphanumeric` are codes or readings,
 * so they are NFKC-normalised; `any` keeps what the resident typed, trimmed.
 */
export const shortTextCharsets = ['any', 'katakana', 'digits', 'alphanumeric'] as const;

/** One line of text, such as an occupation or a certificate number. */
export const shortTextFieldSchema = v.strictObject({
  type: v.literal('short_text'),
  ...inputFieldEntries,
  charset: v.optional(v.picklist(shortTextCharsets), 'any'),
  minLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
  maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 100),
  placeholder: v.optional(v.pipe(v.string(), v.maxLength(100))),
});
export type ShortTextField = v.InferOutput<typeof shortTextFieldSchema>;

/** Validates and normalises a short-text answer. */
export function validateShortText(
  field: ShortTextField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<string> {
  // A digits field holds codes (letter numbers), so a JSON number is refused: it would lose
  // leading zeros and precision.
  const text = readText(input, field.maxLength);
  if (typeof text !== 'string' || text === '') {
    return typeof text === 'string'
      ? ok(undefined)
      : fail(textProblemMessage(text, ctx, field.maxLength));
  }
  let value = text;
  if (field.charset === 'katakana') {
    value = normalizeFurigana(text);
    if (!isFurigana(value)) return fail(ctx.m.katakanaOnly(ctx.label));
  } else if (field.charset === 'digits') {
    value = text.normalize('NFKC').replace(/[\s-]/g, '');
    if (!/^[0-9]+$/.test(value)) return fail(ctx.m.digitsOnly(ctx.label));
  } else if (field.charset === 'alphanumeric') {
    value = text.normalize('NFKC').replace(/\s/g, '').toUpperCase();
    if (!/^[A-Z0-9]+$/.test(value)) return fail(ctx.m.alphanumericOnly(ctx.label));
  }
  const count = characterCount(value);
  if (count > field.maxLength) return fail(ctx.m.tooLong(ctx.label, field.maxLength));
  if (field.minLength !== undefined && count < field.minLength) {
    return fail(ctx.m.tooShort(ctx.label, field.minLength));
  }
  return ok(value);
}
