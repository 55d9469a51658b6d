import { describe, expect, it } from 'vitest';
import { formatPostalCode, normalizePostalCode } from './postal-code';

describe('normalizePostalCode', () => {
  it.each([
    ['1600022', '1600022'],
    ['160-0022', '1600022'],
    ['〒160-0022', '1600022'],
    ['〒 160-0022', '1600022'],
    [' 〒160 0022 ', '1600022'],
    ['１６０－００２２', '1600022'],
    ['〒１６０ー００２２', '1600022'],
    ['160ｰ0022', '1600022'],
    ['160‐0022', '1600022'],
    ['160‑0022', '1600022'],
    ['160–0022', '1600022'],
    ['160—0022', '1600022'],
    ['160―0022', '1600022'],
    ['160−0022', '1600022'],
    ['160\u30000022', '1600022'],
    ['', null],
    ['〒', null],
    ['160-002', null],
    ['160-00222', null],
    ['16O-0022', null],
    ['160_0022', null],
    ['1600022〒', null],
    ['〒〒1600022', null],
    ['١٦٠٠٠٢٢', null],
  ])('%j -> %j', (input, expected) => {
    expect(normalizePostalCode(input)).toBe(expected);
  });
});

describe('formatPostalCode', () => {
  it.each([
    ['1600022', '160-0022'],
    ['〒０６０－８５８８', '060-8588'],
    ['9000001', '900-0001'],
    ['160002', null],
    ['abc', null],
  ])('%j -> %j', (input, expected) => {
    expect(formatPostalCode(input)).toBe(expected);
  });
});
