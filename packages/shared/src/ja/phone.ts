import { HYPHEN_CLASS, MAX_FIELD_LENGTH } from './text';

/** The kinds of Japanese number this platform accepts as a contact number. */
export type PhoneKind = 'fixed' | 'mobile' | 'ip' | 'toll_free' | 'navi_dial';

/** A phone number in domestic form with its kind and conventional hyphenation. */
export interface ParsedPhoneNumber {
  /** Domestic digits with the leading 0, e.g. '09012345678'. */
  digits: string;
  kind: PhoneKind;
  /** Hyphenated for display, e.g. '090-1234-5678'. */
  formatted: string;
}

const PHONE_KINDS: readonly PhoneKind[] = ['fixed', 'mobile', 'ip', 'toll_free', 'navi_dial'];

const SEPARATORS = new RegExp(`[\\s${HYPHEN_CLASS}().]`, 'g');
const DOMESTIC = /^0\d{9,10}$/;

/** True when `value` is one of the PhoneKind strings. */
export function isPhoneKind(value: unknown): value is PhoneKind {
  return typeof value === 'string' && (PHONE_KINDS as readonly string[]).includes(value);
}

function toDomestic(compact: string): string {
  let national: string;
  if (compact.startsWith('+81')) national = compact.slice(3);
  else if (compact.startsWith('81')) national = compact.slice(2);
  else return compact;
  // '+81 (0)3 …' keeps the trunk 0 in brackets; without it the trunk 0 has to be restored.
  return national.startsWith('0') ? national : `0${national}`;
}

function classify(digits: string): PhoneKind | null {
  if (digits.length === 11) {
    // 0800 is checked before 080: mobile numbers are never issued in the 080-0 block, which
    // belongs to toll-free 0800.
    if (digits.startsWith('0800')) return 'toll_free';
    if (/^0[789]0/.test(digits)) return 'mobile';
    if (digits.startsWith('050')) return 'ip';
    // 020 (M2M) and anything else of this length.
    return null;
  }
  if (digits.startsWith('0120')) return 'toll_free';
  if (digits.startsWith('0570')) return 'navi_dial';
  // A 0A0 prefix is never geographic: it covers the 00x carrier prefixes, the 010 international
  // prefix, 020 M2M, 060 FMC and 10-digit forms of the mobile and IP ranges. 0990 (premium rate)
  // and 0180 (televoting) follow geographic area codes with a 0 that no subscriber number starts
  // with, so they are excluded by name.
  if (/^0[1-9][1-9]/.test(digits) && !digits.startsWith('0990') && !digits.startsWith('0180')) {
    return 'fixed';
  }
  return null;
}

function format(digits: string, kind: PhoneKind): string {
  const groups = (...lengths: number[]): string => {
    const parts: string[] = [];
    let start = 0;
    for (const length of lengths) {
      parts.push(digits.slice(start, start + length));
      start += length;
    }
    return parts.join('-');
  };
  switch (kind) {
    case 'mobile':
    case 'ip':
      return groups(3, 4, 4);
    case 'toll_free':
      return digits.length === 11 ? groups(4, 3, 4) : groups(4, 3, 3);
    case 'navi_dial':
      return groups(4, 3, 3);
    case 'fixed':
      // Area codes run from 2 to 5 digits and telling them apart needs the MIC numbering table,
      // which we do not ship. Tokyo (03) and Osaka (06) are 2 digits; every other number is shown
      // with a 3-digit area code. The digits are unchanged, so a misplaced hyphen still dials.
      return /^0[36]/.test(digits) ? groups(2, 4, 4) : groups(3, 3, 4);
  }
}

/** Parses a Japanese phone number (domestic or +81) into digits, kind and display form. */
export function parsePhoneNumber(input: string): ParsedPhoneNumber | null {
  if (input.length > MAX_FIELD_LENGTH) return null;
  const digits = toDomestic(input.normalize('NFKC').replace(SEPARATORS, ''));
  if (!DOMESTIC.test(digits)) return null;
  const kind = classify(digits);
  return kind === null ? null : { digits, kind, formatted: format(digits, kind) };
}
