import { describe, expect, test } from 'vitest';
import { idPattern, newId } from './ids';

describe('newId', () => {
  test('a prefix, 9 characters of time and 16 random characters of the readable alphabet', () => {
    expect(newId('sub')).toMatch(/^sub_[0-9a-hjkmnp-tv-z]{25}$/);
  });

  test('ids sort in the order they were made, whatever their random part', () => {
    const times = [0, 1, 31, 32, 1_000, Date.UTC(2026, 11, 7), Date.UTC(2026, 11, 7) + 1, 2 ** 44];
    const ids = times.map((ms) => newId('evt', ms));
    expect([...ids].sort()).toEqual(ids);
    expect(newId('evt', Date.UTC(2026, 11, 7)).slice(4, 13)).toBe(
      newId('evt', Date.UTC(2026, 11, 7)).slice(4, 13),
    );
  });

  test('never repeats across many pool refills, and the random part uses the alphabet evenly', () => {
    const ids = Array.from({ length: 20_000 }, () => newId('evt'));
    expect(new Set(ids).size).toBe(ids.length);
    const counts = new Map<string, number>();
    for (const id of ids) for (const ch of id.slice(13)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 320,000 characters over 32 letters: 10,000 each, give or take a few percent.
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(600);
  });
});

describe('idPattern', () => {
  test('accepts new ids and the 16-character ids made before the time part', () => {
    expect(idPattern('pay').test(newId('pay'))).toBe(true);
    expect(idPattern('pay').test('pay_3k9v0q8h2m7c1x4z')).toBe(true);
  });

  test('refuses other prefixes, other lengths and letters outside the alphabet', () => {
    expect(idPattern('pay').test(newId('sub'))).toBe(false);
    expect(idPattern('pay').test('pay_3k9v0q8h2m7c1x4')).toBe(false);
    expect(idPattern('pay').test(`${newId('pay')}0`)).toBe(false);
    expect(idPattern('pay').test('pay_3k9v0q8h2m7c1x4u')).toBe(false);
    expect(idPattern('pay').test('pay_3k9v0q8h2m7c1x4z\n')).toBe(false);
  });
});
