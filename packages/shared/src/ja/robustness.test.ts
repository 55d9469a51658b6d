import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPostalCode,
  formatWareki,
  isFurigana,
  isValidMyNumber,
  maskMyNumber,
  normalizeAccountHolderKana,
  normalizeAccountNumber,
  normalizeBankCode,
  normalizeBranchCode,
  normalizeFurigana,
  normalizeMyNumber,
  normalizePostalCode,
  parsePhoneNumber,
  toKatakana,
  toWareki,
  toZenginKana,
  yuchoToZengin,
} from './index';

// Every string-taking entry point that promises not to throw, with single-argument adapters.
const ENTRY_POINTS: readonly [string, (s: string) => unknown][] = [
  ['toKatakana', toKatakana],
  ['normalizeFurigana', normalizeFurigana],
  ['isFurigana', isFurigana],
  ['normalizePostalCode', normalizePostalCode],
  ['formatPostalCode', formatPostalCode],
  ['parsePhoneNumber', parsePhoneNumber],
  ['normalizeMyNumber', normalizeMyNumber],
  ['isValidMyNumber', isValidMyNumber],
  ['maskMyNumber', (s) => maskMyNumber(s, 4)],
  ['normalizeBankCode', normalizeBankCode],
  ['normalizeBranchCode', normalizeBranchCode],
  ['normalizeAccountNumber', normalizeAccountNumber],
  ['normalizeAccountHolderKana', normalizeAccountHolderKana],
  ['toZenginKana', toZenginKana],
  ['yuchoToZengin', (s) => yuchoToZengin(s, s)],
  ['toWareki', toWareki],
  ['formatWareki', (s) => formatWareki(s, 'en')],
];

// Any UTF-16 code unit, lone surrogates included, weighted towards the characters these
// functions treat specially.
const codeUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
  fc.constantFrom(
    ...'0123456789０１２３４５６７８９-‐‑–—―−ーｰ〒+()（）. \u3000あがゞアガヴｶﾞﾟｯャ\ud800\udfff\u3099',
  ),
);

const TEN_MB = 10 * 1024 * 1024;

// Four shapes cover the slow paths: digits for the short-field normalisers, kana with dakuten and
// ideographic spaces for the unit-by-unit rewriters, katakana words for isFurigana's checks, and
// lone surrogates.
const HUGE_INPUTS: readonly [string, string][] = [
  ['digits', '1'.repeat(TEN_MB)],
  ['half-width kana and ideographic spaces', 'ｶﾞ\u3000ｧ'.repeat(TEN_MB / 4)],
  ['katakana words', 'ア '.repeat(TEN_MB / 2)],
  ['lone surrogates', '\ud800'.repeat(TEN_MB)],
];

// Multi-megabyte passes take around a second here; slower CI machines get headroom.
const HUGE_TIMEOUT_MS = 30_000;

describe('never throws on string input', () => {
  it.each(ENTRY_POINTS)('%s on arbitrary code-unit strings', (_, fn) => {
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, maxLength: 40 }), (s) => {
        fn(s);
      }),
      { numRuns: 500 },
    );
  });

  it.each(ENTRY_POINTS)('%s on lone surrogates', (_, fn) => {
    for (const s of ['\ud800', '\udfff', '1\ud8001', 'あ\udc00い', '\udfff\ud800']) {
      expect(() => fn(s)).not.toThrow();
    }
  });

  describe.each(HUGE_INPUTS)('10 MB of %s', (_, huge) => {
    it.each(ENTRY_POINTS)(
      '%s',
      (_name, fn) => {
        expect(() => fn(huge)).not.toThrow();
      },
      HUGE_TIMEOUT_MS,
    );
  });
});

describe('results on hostile input', () => {
  it('rejects oversized short fields outright', () => {
    const padded = `${' '.repeat(300)}1600022`;
    expect(normalizePostalCode(padded)).toBeNull();
    expect(parsePhoneNumber(`${' '.repeat(300)}0312345678`)).toBeNull();
  });

  it('keeps lone surrogates out of accepted values', () => {
    expect(normalizeAccountHolderKana('ヤマダ\ud800')).toBeNull();
    expect(isFurigana('ヤマダ\ud800')).toBe(false);
    expect(normalizeFurigana('や\ud800ま')).toBe('ヤ\ud800マ');
  });

  it(
    'converts 10 MB of hiragana completely',
    () => {
      const converted = normalizeFurigana('あ'.repeat(TEN_MB));
      expect(converted.length).toBe(TEN_MB);
      expect(isFurigana(converted)).toBe(true);
    },
    HUGE_TIMEOUT_MS,
  );
});
