import * as v from 'valibot';
import {
  type AnswerContext,
  type AnswerResult,
  asRecord,
  fail,
  isBlank,
  ok,
  own,
  readText,
  textProblemMessage,
} from '../answers/rule';
import { inputFieldEntries } from './common';

/** An email address, typed twice when `confirm` is on (the default) to catch typos. */
export const emailFieldSchema = v.strictObject({
  type: v.literal('email'),
  ...inputFieldEntries,
  confirm: v.optional(v.boolean(), true),
});
export type EmailField = v.InferOutput<typeof emailFieldSchema>;

// Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is proven by the
// verification mail, not by a regular expression.
const emailPattern =
  /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Normalises an email address: NFKC (full-width @ and letters), trimmed, domain lower-cased. */
export function normalizeEmail(text: string): string | undefined {
  const value = text.normalize('NFKC').trim();
  if (value.length > 254 || !emailPattern.test(value)) return undefined;
  const at = value.lastIndexOf('@');
  return `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}`;
}

/**
 * Validates an email answer. With `confirm`, the answer is `{ value, confirm }`; a plain string
 * is refused so a client cannot skip the second entry.
 */
export function validateEmail(
  field: EmailField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<string> {
  let raw: unknown = input;
  let confirmation: unknown;
  if (field.confirm) {
    if (isBlank(input)) return ok(undefined);
    const record = asRecord(input);
    if (!record) return fail(ctx.m.wrongType(ctx.label));
    raw = own(record, 'value');
    confirmation = own(record, 'confirm');
    if (isBlank(raw) && isBlank(confirmation)) return ok(undefined);
  }
  const text = readText(raw, 254);
  if (typeof text !== 'string')
    return fail(textProblemMessage(text, ctx, 254), field.confirm ? ['value'] : []);
  if (text === '') return fail(ctx.m.required(ctx.label), field.confirm ? ['value'] : []);
  const value = normalizeEmail(text);
  if (value === undefined) return fail(ctx.m.email(ctx.label), field.confirm ? ['value'] : []);
  if (field.confirm) {
    const second = readText(confirmation, 254);
    if (typeof second !== 'string' || second === '') {
      return fail(ctx.m.requiredPart(ctx.label, ctx.m.parts.confirm), ['confirm']);
    }
    if (normalizeEmail(second) !== value) return fail(ctx.m.emailMismatch(ctx.label), ['confirm']);
  }
  return ok(value);
}
