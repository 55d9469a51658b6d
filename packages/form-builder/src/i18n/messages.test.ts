import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { format, translator } from './i18n';
import { en, ja, type MessageKey } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [path] : [];
  });
}

describe('the message catalog', () => {
  test('English has every Japanese key and nothing else, none of them empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const [key, text] of [...Object.entries(ja), ...Object.entries(en)])
      expect(text.trim(), key).not.toBe('');
  });

  test('both languages use the same placeholders in each message', () => {
    for (const key of Object.keys(ja) as MessageKey[])
      expect(placeholders(en[key]), key).toEqual(placeholders(ja[key]));
  });

  test('every key the screens use exists (literal t() calls and template keys)', () => {
    const root = join(import.meta.dirname, '..');
    const used = new Set<string>();
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z.]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !Object.hasOwn(ja, key))).toEqual([]);
  });

  test('placeholders are filled; unknown ones stay visible rather than vanish', () => {
    expect(translator('ja')('inbox.shown', { count: 3 })).toBe('3件を表示');
    expect(translator('en')('inbox.shown', { count: 3 })).toBe('3 shown');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('browser storage', () => {
  test('only the language preference module touches storage; no IndexedDB, no cookies', () => {
    const root = join(import.meta.dirname, '..');
    const touching = sources(root)
      .filter((file) =>
        /localStorage|sessionStorage|indexedDB|document\.cookie/.test(readFileSync(file, 'utf8')),
      )
      .map((file) => file.slice(root.length + 1));
    expect(touching).toEqual(['i18n/locale.ts']);
  });
});
