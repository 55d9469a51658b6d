import { describe, expect, it } from 'vitest';
import { collapseWhitespace, isWhitespaceUnit, mapUnits } from './text';

describe('collapseWhitespace', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['a', 'a'],
    ['  a  b  ', 'a b'],
    ['a\u3000\u3000b', 'a b'],
    ['a\t\n\r b', 'a b'],
    ['a\u00a0\u2003\u202f\ufeffb', 'a b'],
    ['\u3000ヤマダ\u3000タロウ\u3000', 'ヤマダ タロウ'],
  ])('%j -> %j', (input, expected) => {
    expect(collapseWhitespace(input)).toBe(expected);
  });
});

describe('isWhitespaceUnit', () => {
  it('agrees with the regular-expression class \\s on every BMP code unit', () => {
    const mismatches: number[] = [];
    for (let u = 0; u <= 0xffff; u++) {
      if (isWhitespaceUnit(u) !== /\s/.test(String.fromCharCode(u))) mismatches.push(u);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('mapUnits', () => {
  it('keeps lone surrogates and emits expansions across chunk boundaries', () => {
    const input = `\ud800${'x'.repeat(20_000)}\udfff`;
    const doubled = mapUnits(input, (u, out) => {
      out.push(u, u);
    });
    expect(doubled.length).toBe(input.length * 2);
    expect(doubled.startsWith('\ud800\ud800xx')).toBe(true);
    expect(doubled.endsWith('xx\udfff\udfff')).toBe(true);
  });
});
