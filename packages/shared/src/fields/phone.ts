import * as v from 'valibot';
import {
  type AnswerContext,
  type AnswerResult,
  fail,
  ok,
  readText,
  textProblemMessage,
} from '../answers/rule';
import { type PhoneKind, parsePhoneNumber } from '../ja/phone';
import { inputFieldEntries } from './common';

/** Kinds of Japanese number a phone field can accept. */
export const phoneKinds = [
  'fixed',
  'mobile',
  'ip',
  'toll_free',
  'navi_dial',
] as const satisfies readonly PhoneKind[];

/** A Japanese phone number; hyphens optional, stored as digits. */
export const phoneFieldSchema = v.strictObject({
  type: v.literal('phone'),
  ...inputFieldEntries,
  accept: v.optional(v.pipe(v.array(v.picklist(phoneKinds)), v.minLength(1)), [
    'fixed',
    'mobile',
    'ip',
  ]),
});
export type PhoneField = v.InferOutput<typeof phoneFieldSchema>;

/** Validates a phone answer and returns its digits (0312345678). */
export function validatePhone(
  field: PhoneField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<string> {
  const text = readText(input, 30);
  if (typeof text !== 'string') return fail(textProblemMessage(text, ctx, 30));
  if (text === '') return ok(undefined);
  const phone = parsePhoneNumber(text);
  if (!phone) return fail(ctx.m.phone(ctx.label));
  if (!field.accept.includes(phone.kind)) {
    const kinds = field.accept
      .map((kind) => ctx.m.phoneKinds[kind])
      .join(ctx.locale === 'ja' ? '・' : ', ');
    return fail(ctx.m.phoneKind(ctx.label, kinds));
  }
  return ok(phone.digits);
}
