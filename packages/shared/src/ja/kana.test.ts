import { describe, expect, it } from 'vitest';
import { isFurigana, normalizeFurigana, toKatakana } from './kana';

describe('toKatakana', () => {
  it.each([
    ['', ''],
    ['やまだ たろう', 'ヤマダ タロウ'],
    ['ぁぃぅぇぉっゃゅょゎゕゖ', 'ァィゥェォッャュョヮヵヶ'],
    ['ゔぁいおりん', 'ヴァイオリン'],
    ['ゝゞ', 'ヽヾ'],
    ['ｶﾞｯｺｳ', 'ガッコウ'],
    ['ﾊﾟｰﾃｨｰ', 'パーティー'],
    ['カタカナ', 'カタカナ'],
    ['山田 abc 123', '山田 abc 123'],
    ['ＡＢＣ１２３', 'ABC123'],
  ])('%j -> %j', (input, expected) => {
    expect(toKatakana(input)).toBe(expected);
  });
});

describe('normalizeFurigana', () => {
  it.each([
    ['', ''],
    ['やまだ　たろう', 'ヤマダ タロウ'],
    ['  ヤマダ   タロウ  ', 'ヤマダ タロウ'],
    ['\u3000ｽｽﾞｷ\u3000\u3000ｲﾁﾛｳ\u3000', 'スズキ イチロウ'],
    ['さとう\tはなこ\n', 'サトウ ハナコ'],
    ['すみす・じょん', 'スミス・ジョン'],
    ['ﾁｮｰ', 'チョー'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeFurigana(input)).toBe(expected);
  });
});

describe('isFurigana', () => {
  it.each([
    ['ヤマダ', true],
    ['ヤマダ タロウ', true],
    ['スミス・ジョン', true],
    ['チョー', true],
    ['ヴァヵヶ', true],
    ['ヷヸヹヺ', true],
    ['', false],
    [' ヤマダ', false],
    ['ヤマダ ', false],
    ['ヤマダ  タロウ', false],
    ['ヤマダ\u3000タロウ', false],
    ['やまだ', false],
    ['ﾔﾏﾀﾞ', false],
    ['山田', false],
    ['ヤマダ1', false],
    ['ササヽ', false],
    ['カ\u3099', false],
  ])('%j -> %s', (input, expected) => {
    expect(isFurigana(input)).toBe(expected);
  });

  it('accepts what normalizeFurigana makes of typical input', () => {
    expect(isFurigana(normalizeFurigana(' ｽｽﾞｷ　いちろう '))).toBe(true);
  });
});
