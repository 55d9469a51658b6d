/**
 * Internal string helpers shared by the Japanese normalisers. Everything works on UTF-16 code
 * units so lone surrogates pass through untouched instead of making an encoder throw.
 */

/**
 * Longest raw input the short-field normalisers (codes and numbers) look at. No valid value comes
 * close, so longer input is rejected before NFKC and hostile input costs constant time.
 */
export const MAX_FIELD_LENGTH = 256;

/**
 * Hyphen-like characters residents put between digit groups: ASCII, the Unicode dashes that IMEs
 * and word processors produce, the minus sign, and the long vowel mark that kana input yields for
 * the hyphen key. Written as the body of a regular-expression character class.
 */
export const HYPHEN_CLASS = '\\-\\u2010\\u2011\\u2013\\u2014\\u2015\\u2212\\u30FC\\uFF70';

// String.fromCharCode takes its units as arguments, and engines cap the argument count, so
// multi-megabyte output is assembled in chunks of this size.
const FLUSH_AT = 8192;

/** Rebuilds a string unit by unit; `step` pushes zero or more output units for each input unit. */
export function mapUnits(s: string, step: (unit: number, out: number[]) => void): string {
  const parts: string[] = [];
  let out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    step(s.charCodeAt(i), out);
    if (out.length >= FLUSH_AT) {
      parts.push(String.fromCharCode(...out));
      out = [];
    }
  }
  parts.push(String.fromCharCode(...out));
  return parts.join('');
}

/** True for the code units that the regular-expression class `\s` matches. */
export function isWhitespaceUnit(u: number): boolean {
  return (
    (u >= 0x09 && u <= 0x0d) ||
    u === 0x20 ||
    u === 0xa0 ||
    u === 0x1680 ||
    (u >= 0x2000 && u <= 0x200a) ||
    u === 0x2028 ||
    u === 0x2029 ||
    u === 0x202f ||
    u === 0x205f ||
    u === 0x3000 ||
    u === 0xfeff
  );
}

/** Collapses every whitespace run (U+3000 included) to one ASCII space and trims both ends. */
export function collapseWhitespace(s: string): string {
  // A replace(/\s+/g) call takes seconds on megabytes of alternating spaces; one pass does not.
  let previousWasSpace = false;
  return mapUnits(s, (u, out) => {
    if (isWhitespaceUnit(u)) {
      if (!previousWasSpace) out.push(0x20);
      previousWasSpace = true;
    } else {
      out.push(u);
      previousWasSpace = false;
    }
  }).trim();
}
