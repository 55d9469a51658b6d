import { describe, expect, test } from 'vitest';
import { randomString } from './random';

/** How many times each character of `alphabet` occurs in `text`. */
function counts(text: string, alphabet: string): number[] {
  const tally = new Map<string, number>();
  for (const char of text) tally.set(char, (tally.get(char) ?? 0) + 1);
  return Array.from(alphabet, (char) => tally.get(char) ?? 0);
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('randomString', () => {
  test('has the asked length and uses only the alphabet', () => {
    for (const length of [0, 1, 24, 1000]) {
      const text = randomString(length, 'abc');
      expect(text).toHaveLength(length);
      expect(text).toMatch(/^[abc]*$/);
    }
  });

  test('uses every character of a 32-character alphabet about equally often', () => {
    const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
    const tally = counts(randomString(32_000, alphabet), alphabet);
    // Expected 1000 each, standard deviation about 31: ±200 fails only on a real fault.
    for (const count of tally) expect(count).toBeGreaterThan(800);
    for (const count of tally) expect(count).toBeLessThan(1200);
  });

  test('has no modulo bias when 256 is not a multiple of the alphabet size', () => {
    // With 200 characters, `byte % 200` would give the first 56 twice the chance of the rest.
    const alphabet = Array.from({ length: 200 }, (_, i) => String.fromCharCode(0x4e00 + i)).join(
      '',
    );
    const tally = counts(randomString(100_000, alphabet), alphabet);
    expect(tally.reduce((a, b) => a + b, 0)).toBe(100_000);
    // Expected 500 each; the biased version would average about 781 over the first 56.
    expect(mean(tally.slice(0, 56))).toBeGreaterThan(470);
    expect(mean(tally.slice(0, 56))).toBeLessThan(530);
    expect(mean(tally.slice(56))).toBeGreaterThan(470);
    expect(mean(tally.slice(56))).toBeLessThan(530);
  });

  test('differs from call to call', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => randomString(64, 'ab')));
    expect(seen.size).toBe(1000);
  });

  test.each([
    [-1, 'ab'],
    [1.5, 'ab'],
    [Number.NaN, 'ab'],
    [4, ''],
    [4, 'a'],
    [4, 'aab'],
    [4, Array.from({ length: 257 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('')],
    [4, 'a\u{1F600}'],
  ])('refuses length %s with alphabet %j', (length, alphabet) => {
    expect(() => randomString(length, alphabet)).toThrow(RangeError);
  });
});
