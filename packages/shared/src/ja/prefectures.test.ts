import { describe, expect, it } from 'vitest';
import { isPrefecture, PREFECTURES } from './prefectures';

describe('PREFECTURES', () => {
  it('lists 47 prefectures with codes 01 to 47 in order', () => {
    expect(PREFECTURES).toHaveLength(47);
    PREFECTURES.forEach((prefecture, i) => {
      expect(prefecture.code).toBe(String(i + 1).padStart(2, '0'));
    });
  });

  it.each([
    ['01', '北海道', 'Hokkaido'],
    ['02', '青森県', 'Aomori'],
    ['07', '福島県', 'Fukushima'],
    ['08', '茨城県', 'Ibaraki'],
    ['13', '東京都', 'Tokyo'],
    ['14', '神奈川県', 'Kanagawa'],
    ['15', '新潟県', 'Niigata'],
    ['23', '愛知県', 'Aichi'],
    ['26', '京都府', 'Kyoto'],
    ['27', '大阪府', 'Osaka'],
    ['28', '兵庫県', 'Hyogo'],
    ['31', '鳥取県', 'Tottori'],
    ['36', '徳島県', 'Tokushima'],
    ['40', '福岡県', 'Fukuoka'],
    ['44', '大分県', 'Oita'],
    ['46', '鹿児島県', 'Kagoshima'],
    ['47', '沖縄県', 'Okinawa'],
  ])('%s is %s (%s)', (code, ja, en) => {
    expect(PREFECTURES.find((p) => p.code === code)).toEqual({ code, ja, en });
  });

  it('has 1 都, 1 道, 2 府 and 43 県 with unique names', () => {
    const suffixes = PREFECTURES.map((p) => p.ja.slice(-1));
    expect(suffixes.filter((s) => s === '都')).toHaveLength(1);
    expect(suffixes.filter((s) => s === '道')).toHaveLength(1);
    expect(suffixes.filter((s) => s === '府')).toHaveLength(2);
    expect(suffixes.filter((s) => s === '県')).toHaveLength(43);
    expect(new Set(PREFECTURES.map((p) => p.ja)).size).toBe(47);
    expect(new Set(PREFECTURES.map((p) => p.en)).size).toBe(47);
  });
});

describe('isPrefecture', () => {
  it.each([
    ['東京都', true],
    ['北海道', true],
    ['京都府', true],
    ['沖縄県', true],
    ['東京', false],
    ['大阪', false],
    ['Tokyo', false],
    ['13', false],
    [' 東京都', false],
    ['', false],
  ])('%j -> %s', (name, expected) => {
    expect(isPrefecture(name)).toBe(expected);
  });
});
