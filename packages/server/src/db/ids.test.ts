import { describe, expect, test } from 'vitest';
import { newId } from './ids';

describe('newId', () => {
  test('a prefix and 16 characters of the readable alphabet', () => {
    expect(newId('sub')).toMatch(/^sub_[0-9a-hjkmnp-tv-z]{16}$/);
  });

  test('never repeats across many pool refills, and uses the whole alphabet evenly', () => {
    const ids = Array.from({ length: 20_000 }, () => newId('evt'));
    expect(new Set(ids).size).toBe(ids.length);
    const counts = new Map<string, number>();
    for (const id of ids) for (const ch of id.slice(4)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 320,000 characters over 32 letters: 10,000 each, give or take a few percent.
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(600);
  });
});
