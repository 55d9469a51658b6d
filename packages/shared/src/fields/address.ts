import * as v from 'valibot';
import {
  type AnswerContext,
  type AnswerIssue,
  type AnswerResult,
  asRecord,
  characterCount,
  collapseSpaces,
  fail,
  isBlank,
  ok,
  own,
  readText,
  toHalfWidthAscii,
} from '../answers/rule';
import { normalizePostalCode } from '../ja/postal-code';
import { isPrefecture } from '../ja/prefectures';
import { inputFieldEntries } from './common';

/** A Japanese address: postal code (with lookup), prefecture, city, town and block, building. */
export const addressFieldSchema = v.strictObject({
  type: v.literal('address'),
  ...inputFieldEntries,
  postalCodeRequired: v.optional(v.boolean(), true),
});
export type AddressField = v.InferOutput<typeof addressFieldSchema>;

/** A validated address. */
export interface AddressAnswer {
  postalCode?: string;
  prefecture: string;
  city: string;
  town: string;
  building?: string;
}

const lineParts = [
  ['city', 50],
  ['town', 100],
  ['building', 100],
] as const;

/**
 * Validates an address. Full-width ASCII digits and letters become half-width so addresses
 * match across systems; kanji are kept exactly as typed (no NFKC).
 */
export function validateAddress(
  field: AddressField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<AddressAnswer> {
  if (isBlank(input)) return ok(undefined);
  const record = asRecord(input);
  if (!record) return fail(ctx.m.wrongType(ctx.label));
  const keys = ['postalCode', 'prefecture', 'city', 'town', 'building'];
  if (keys.every((key) => isBlank(own(record, key)))) return ok(undefined);
  const issues: AnswerIssue[] = [];
  const value: AddressAnswer = { prefecture: '', city: '', town: '' };

  const postal = readText(own(record, 'postalCode'), 20);
  if (typeof postal !== 'string') {
    issues.push({ path: ['postalCode'], message: ctx.m.postalCode(ctx.label) });
  } else if (postal === '') {
    if (field.postalCodeRequired) {
      issues.push({
        path: ['postalCode'],
        message: ctx.m.requiredPart(ctx.label, ctx.m.parts.postalCode),
      });
    }
  } else {
    const code = normalizePostalCode(postal);
    if (code === null) issues.push({ path: ['postalCode'], message: ctx.m.postalCode(ctx.label) });
    else value.postalCode = code;
  }

  const prefecture = readText(own(record, 'prefecture'), 10);
  if (typeof prefecture !== 'string' || !isPrefecture(prefecture)) {
    issues.push({ path: ['prefecture'], message: ctx.m.prefecture(ctx.label) });
  } else {
    value.prefecture = prefecture;
  }

  for (const [part, max] of lineParts) {
    const partLabel = ctx.m.parts[part];
    const text = readText(own(record, part), max);
    if (typeof text !== 'string') {
      issues.push({ path: [part], message: ctx.m.invalidPart(ctx.label, partLabel) });
      continue;
    }
    const cleaned = collapseSpaces(toHalfWidthAscii(text));
    if (cleaned === '') {
      if (part !== 'building') {
        issues.push({ path: [part], message: ctx.m.requiredPart(ctx.label, partLabel) });
      }
    } else if (characterCount(cleaned) > max) {
      issues.push({ path: [part], message: ctx.m.tooLong(`${ctx.label}（${partLabel}）`, max) });
    } else {
      value[part] = cleaned;
    }
  }
  return issues.length > 0 ? { ok: false, issues } : ok(value);
}
