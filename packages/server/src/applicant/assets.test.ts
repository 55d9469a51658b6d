import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { assetRoutes, residentAssets } from './assets';
import { onlyLanguage, withoutDefinitionSchemas } from './client-script';

const assets = residentAssets();
const app = assetRoutes(assets);
const yearLong = 'public, max-age=31536000, immutable';

describe('encodings', () => {
  test('brotli when accepted, else gzip, else plain; the same bytes once decoded', async () => {
    const href = assets.script.href('ja');
    const plain = await assets.script.body('ja');
    const br = await app.request(href, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString('utf8')).toBe(plain);
    const gz = await app.request(href, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(plain);
    const none = await app.request(href);
    expect(none.headers.get('content-encoding')).toBeNull();
    expect(await none.text()).toBe(plain);
    expect(brBytes.length).toBeLessThan(plain.length / 2);
    const css = await app.request(assets.stylesheet.href, { headers: { 'accept-encoding': 'br' } });
    expect(brotliDecompressSync(Buffer.from(await css.arrayBuffer())).toString('utf8')).toBe(
      assets.stylesheet.body,
    );
  });
});

describe('the client script', () => {
  test('one bundle per language at a versioned URL, cacheable for a year; other names 404', async () => {
    expect(assets.script.href('ja')).toMatch(/^\/assets\/resident-ja-[0-9a-f]{12}\.js$/);
    expect(assets.script.href('en')).toBe(assets.script.href('ja').replace('-ja-', '-en-'));
    const response = await app.request(assets.script.href('ja'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(yearLong);
    expect((await app.request('/assets/resident-ja-000000000000.js')).status).toBe(404);
    expect((await app.request('/assets/resident-fr-000000000000.js')).status).toBe(404);
  });

  test('carries the answer rules in its own language only, and no definition schema', async () => {
    const ja = await assets.script.body('ja');
    const en = await assets.script.body('en');
    expect(ja).toContain('を入力してください');
    expect(ja).not.toContain('must be a real date');
    expect(en).toContain('must be a real date');
    expect(en).not.toContain('を入力してください');
    // valibot schemas carry the Standard Schema key; none is left once the schemas are dropped.
    expect(ja).not.toContain('~standard');
    expect(ja).not.toContain('ids use a–z');
  });

  test('stays within its share of the 20 KB page budget (docs/benchmarks.md)', async () => {
    for (const locale of ['ja', 'en'] as const)
      expect(gzipSync(await assets.script.body(locale)).length, locale).toBeLessThan(14 * 1024);
  });

  test('the bundling drops schema spreads and marks valibot calls pure, comments untouched', () => {
    const source = [
      'export const x = v.strictObject({',
      '  ...inputFieldEntries,',
      "  kind: v.optional(v.picklist(['a']), 'a'),",
      '});',
      ' * v.safeParse(schema, input) in a comment',
    ].join('\n');
    expect(withoutDefinitionSchemas(source).split('\n')).toEqual([
      'export const x = /* @__PURE__ */ v.strictObject({',
      '',
      "  kind: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.picklist(['a']), 'a'),",
      '});',
      ' * v.safeParse(schema, input) in a comment',
    ]);
    expect(onlyLanguage("  return locale === 'en' ? en : ja;", 'ja')).toBe('  return ja;');
    expect(() => onlyLanguage('return messages[locale];', 'ja')).toThrow(/messages\.ts/);
  });
});

describe('postal-code chunks', () => {
  test('a chunk holds the codes of its three digits with their cities, cacheable for a year', async () => {
    expect(assets.postalCodes.base).toMatch(/^\/assets\/postal-[0-9a-f]{12}\/$/);
    const response = await app.request(`${assets.postalCodes.base}160.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(yearLong);
    const chunk = (await response.json()) as {
      cities: Record<string, [string, string]>;
      zip5: Record<string, unknown>;
      zip7: Record<string, unknown>;
    };
    expect(chunk.zip7['1600023']).toBe('西新宿');
    expect(chunk.cities['13104']).toEqual(['東京都', '新宿区']);
    expect(Object.keys(chunk.zip7).every((code) => code.startsWith('160'))).toBe(true);
    // Hokkaido's city codes start with 0: the chunk names them without it, as the rows do.
    const sapporo = (await (await app.request(`${assets.postalCodes.base}060.json`)).json()) as {
      cities: Record<string, [string, string]>;
    };
    expect(sapporo.cities['1101']).toEqual(['北海道', '札幌市中央区']);
  });

  test('a prefix without codes is an empty chunk; anything else is not found', async () => {
    const empty = await app.request(`${assets.postalCodes.base}000.json`);
    expect(await empty.json()).toEqual({ cities: {}, zip5: {}, zip7: {} });
    for (const path of [
      `${assets.postalCodes.base}16.json`,
      `${assets.postalCodes.base}abc.json`,
      '/assets/postal-000000000000/160.json',
    ])
      expect((await app.request(path)).status, path).toBe(404);
  });
});
