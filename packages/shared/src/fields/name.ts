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
} from '../answers/rule';
import { isFurigana, normalizeFurigana } from '../ja/kana';
import { inputFieldEntries } from './common';

/** A person's name: 氏 and 名, with their readings (フリガナ) in katakana. */
export const nameFieldSchema = v.strictObject({
  type: v.literal('name'),
  ...inputFieldEntries,
  kana: v.optional(v.picklist(['required', 'optional', 'none']), 'required'),
});
export type NameField = v.InferOutput<typeof nameFieldSchema>;

/** A validated name. */
export interface NameAnswer {
  family: string;
  given: string;
  familyKana?: string;
  givenKana?: string;
}

const maxPart = 50;

/**
 * Validates a name. Names are NOT NFKC-normalised: NFKC rewrites compatibility ideographs
 * (﨑 → 崎) that people use in their registered names. Only spaces are tidied.
 */
export function validateName(
  field: NameField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<NameAnswer> {
  if (isBlank(input)) return ok(undefined);
  const record = asRecord(input);
  if (!record) return fail(ctx.m.wrongType(ctx.label));
  const parts = ['family', 'given', 'familyKana', 'givenKana'] as const;
  if (parts.every((part) => isBlank(own(record, part)))) return ok(undefined);
  const issues: AnswerIssue[] = [];
  const value: NameAnswer = { family: '', given: '' };
  for (const part of parts) {
    const isKana = part === 'familyKana' || part === 'givenKana';
    if (isKana && field.kana === 'none') continue;
    const partLabel = ctx.m.parts[part];
    const text = readText(own(record, part), maxPart);
    if (typeof text !== 'string') {
      issues.push({ path: [part], message: ctx.m.invalidPart(ctx.label, partLabel) });
      continue;
    }
    const cleaned = isKana ? normalizeFurigana(text) : collapseSpaces(text);
    if (cleaned === '') {
      if (!isKana || field.kana === 'required') {
        issues.push({ path: [part], message: ctx.m.requiredPart(ctx.label, partLabel) });
      }
      continue;
    }
    if (characterCount(cleaned) > maxPart) {
      issues.push({
        path: [part],
        message: ctx.m.tooLong(`${ctx.label}（${partLabel}）`, maxPart),
      });
    } else if (isKana && !isFurigana(cleaned)) {
      issues.push({ path: [part], message: ctx.m.katakanaOnly(`${ctx.label}（${partLabel}）`) });
    } else {
      value[part] = cleaned;
    }
  }
  return issues.length > 0 ? { ok: false, issues } : ok(value);
}
