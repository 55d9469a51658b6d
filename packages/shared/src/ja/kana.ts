import { collapseWhitespace, mapUnits } from './text';

// Hiragana and katakana are laid out in parallel blocks, so conversion is a fixed offset.
const HIRAGANA_TO_KATAKANA = 0x60;

function hiraganaUnitToKatakana(u: number): number {
  const isConvertible = (u >= 0x3041 && u <= 0x3096) || u === 0x309d || u === 0x309e;
  return isConvertible ? u + HIRAGANA_TO_KATAKANA : u;
}

// Anything outside full-width katakana (ァ–ヺ), the middle dot, the long vowel mark and space.
const NON_FURIGANA = /[^ァ-ヺ・ー ]/;

/** Converts hiragana (and ゝゞ) to katakana after NFKC, which widens half-width katakana first. */
export function toKatakana(s: string): string {
  return mapUnits(s.normalize('NFKC'), (u, out) => {
    out.push(hiraganaUnitToKatakana(u));
  });
}

/** Normalises a reading to full-width katakana separated by single ASCII spaces. */
export function normalizeFurigana(input: string): string {
  // Hiragana is converted, not rejected: residents type readings in hiragana on phones, and the
  // data is stored as katakana.
  return collapseWhitespace(toKatakana(input));
}

/** True when `s` is non-empty full-width katakana, ー and ・, with single spaces between words. */
export function isFurigana(s: string): boolean {
  // Separate checks instead of one /^x+( x+)*$/ pattern, whose backtracking overflows the
  // regular-expression stack on multi-megabyte input.
  return (
    s.length > 0 &&
    !NON_FURIGANA.test(s) &&
    !s.startsWith(' ') &&
    !s.endsWith(' ') &&
    !s.includes('  ')
  );
}
