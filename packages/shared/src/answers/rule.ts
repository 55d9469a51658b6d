import type { Locale } from '../i18n/locale';
import type { AnswerMessages } from '../i18n/messages';

/** One refused answer: where (path inside the answers) and why, in the resident's language. */
export interface AnswerIssue {
  path: (string | number)[];
  message: string;
}

/** What validating one field's answer gives: the normalised value (undefined = not answered). */
export type AnswerResult<T> =
  | { ok: true; value: T | undefined }
  | { ok: false; issues: AnswerIssue[] };

/** What a field's answer rule needs besides the answer. */
export interface AnswerContext {
  locale: Locale;
  /** The date validation happens on, YYYY-MM-DD, for relative date limits and ages. */
  today: string;
  m: AnswerMessages;
  /** The field's label in the resident's language. */
  label: string;
}

/** A successful result. */
export function ok<T>(value: T | undefined): AnswerResult<T> {
  return { ok: true, value };
}

/** A refused result with one message at a path relative to the field. */
export function fail<T>(message: string, path: (string | number)[] = []): AnswerResult<T> {
  return { ok: false, issues: [{ path, message }] };
}

/** The answer is missing: absent, null, an empty or blank string, or an empty list. */
export function isBlank(input: unknown): boolean {
  if (input === undefined || input === null) return true;
  if (typeof input === 'string') return input.trim() === '';
  if (Array.isArray(input)) return input.length === 0;
  return false;
}

/** An object whose own properties can be read safely, or undefined. */
export function asRecord(input: unknown): Record<string, unknown> | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  return input as Record<string, unknown>;
}

/** Reads an own property only, so inherited names such as `constructor` never count as answers. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Why a string was refused before any normalisation. */
export interface TextProblem {
  problem: 'type' | 'too_long' | 'characters';
}

/**
 * Reads a string answer; absent (undefined or null) reads as ''. Refuses non-strings, strings
 * far over the limit (before any costly normalisation runs on them), lone surrogates and
 * control characters; trims the rest.
 */
export function readText(
  input: unknown,
  maxLength: number,
  { multiline = false, acceptNumber = false } = {},
): string | TextProblem {
  let text: string;
  if (input === undefined || input === null) return '';
  if (typeof input === 'string') text = input;
  else if (acceptNumber && typeof input === 'number' && Number.isFinite(input))
    text = String(input);
  else return { problem: 'type' };
  // Normalisation can shorten a string (NFKC of half-width kana), never by more than half.
  if (text.length > maxLength * 4 + 100) return { problem: 'too_long' };
  // One pass finds what must be refused and whether line breaks or tabs need rewriting; most
  // answers need no rewriting at all (this runs for every text of every submit).
  let rewrite = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) {
      // CR becomes a line break; line breaks and tabs become a space on a single line.
      if (code === 0x0d || (!multiline && (code === 0x0a || code === 0x09))) rewrite = true;
      else if (code !== 0x0a && code !== 0x09) return { problem: 'characters' };
    } else if (code >= 0x7f && code <= 0x9f) {
      // C1 controls never belong in an answer (nor do C0 ones other than tab and line breaks).
      return { problem: 'characters' };
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A high surrogate must be followed by a low one; a low one alone is broken text.
      const next = text.charCodeAt(i + 1);
      if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return { problem: 'characters' };
      i++;
    }
  }
  if (rewrite) {
    text = text.replace(/\r\n?/g, '\n');
    if (!multiline) text = text.replace(/[\n\t]+/g, ' ');
  }
  return text.trim();
}

/** Turns a text problem into the matching message. */
export function textProblemMessage(
  { problem }: TextProblem,
  ctx: AnswerContext,
  max: number,
): string {
  if (problem === 'too_long') return ctx.m.tooLong(ctx.label, max);
  if (problem === 'characters') return ctx.m.invalidCharacters(ctx.label);
  return ctx.m.wrongType(ctx.label);
}

/** Counts characters as people do (code points, so 𠮷 is one), not UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const fullWidthAscii = /[\uFF01-\uFF5E\u3000]/;

/** Full-width ASCII (Ａ１＠) and the ideographic space to their half-width forms, nothing else. */
export function toHalfWidthAscii(text: string): string {
  // Most answers hold none of them: look before rewriting (every address, name and number).
  if (!fullWidthAscii.test(text)) return text;
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Collapses runs of spaces (half- or full-width) into one ASCII space. */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \u3000]+/g, ' ').trim();
}
