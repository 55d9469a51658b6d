import { describe, expect, it } from 'vitest';
import { formatWareki, toWareki } from './wareki';

describe('toWareki', () => {
  it.each([
    ['1873-01-01', { era: '明治', eraEn: 'Meiji', year: 6, month: 1, day: 1 }],
    ['1912-07-29', { era: '明治', eraEn: 'Meiji', year: 45, month: 7, day: 29 }],
    ['1912-07-30', { era: '大正', eraEn: 'Taisho', year: 1, month: 7, day: 30 }],
    ['1926-12-24', { era: '大正', eraEn: 'Taisho', year: 15, month: 12, day: 24 }],
    ['1926-12-25', { era: '昭和', eraEn: 'Showa', year: 1, month: 12, day: 25 }],
    ['1989-01-07', { era: '昭和', eraEn: 'Showa', year: 64, month: 1, day: 7 }],
    ['1989-01-08', { era: '平成', eraEn: 'Heisei', year: 1, month: 1, day: 8 }],
    ['2019-04-30', { era: '平成', eraEn: 'Heisei', year: 31, month: 4, day: 30 }],
    ['2019-05-01', { era: '令和', eraEn: 'Reiwa', year: 1, month: 5, day: 1 }],
    ['2024-02-29', { era: '令和', eraEn: 'Reiwa', year: 6, month: 2, day: 29 }],
  ])('%s', (iso, expected) => {
    expect(toWareki(iso)).toEqual(expected);
  });

  it.each(['1872-12-31', '1868-10-23', '2023-02-29', '2024-13-01', 'abc', '', '2019-5-1'])(
    '%j -> null',
    (iso) => {
      expect(toWareki(iso)).toBeNull();
    },
  );
});

describe('formatWareki', () => {
  it.each([
    ['1873-01-01', '明治6年1月1日'],
    ['1912-07-29', '明治45年7月29日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['2019-04-30', '平成31年4月30日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2024-11-03', '令和6年11月3日'],
  ])('%s -> %s (ja)', (iso, expected) => {
    expect(formatWareki(iso)).toBe(expected);
    expect(formatWareki(iso, 'ja')).toBe(expected);
  });

  it.each([
    ['2019-05-01', 'May 1, Reiwa 1 (2019)'],
    ['2019-04-30', 'April 30, Heisei 31 (2019)'],
    ['1989-01-07', 'January 7, Showa 64 (1989)'],
    ['1912-07-30', 'July 30, Taisho 1 (1912)'],
    ['1900-12-31', 'December 31, Meiji 33 (1900)'],
  ])('%s -> %s (en)', (iso, expected) => {
    expect(formatWareki(iso, 'en')).toBe(expected);
  });

  it.each(['2023-02-29', '2024-13-01', 'abc', '1872-12-31'])('%j -> null', (iso) => {
    expect(formatWareki(iso)).toBeNull();
    expect(formatWareki(iso, 'en')).toBeNull();
  });
});
