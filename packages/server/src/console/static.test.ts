import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { memoryLogger } from '../http/logger';
import { applyHttpBasics, type BaseVariables } from '../http/middleware';
import { consoleHandler } from './static';

/** A staff-listener-like app serving a console build from a temporary folder. */
function appWith(files: Record<string, string> | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'console-'));
  if (files) {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  }
  writeFileSync(join(dir, '..', `${dir.split('/').at(-1)}-secret.txt`), 'outside');
  const app = new Hono<{ Variables: BaseVariables }>();
  applyHttpBasics(app, memoryLogger());
  app.get('/api/thing', (c) => c.json({ ok: true }));
  app.get('*', consoleHandler(dir));
  return { app, dir };
}

const build = {
  'index.html':
    '<!doctype html><title>console</title><script src="/assets/index-abc123.js"></script>',
  'assets/index-abc123.js': 'console.log(1)',
  'assets/index-abc123.css': 'body{}',
  'favicon.svg': '<svg/>',
};

describe('the console on the staff listener', () => {
  test('serves index.html for console routes, no-cache, with a strict policy', async () => {
    const { app } = appWith(build);
    for (const path of ['/', '/inbox', '/submissions/sub_1', '/admin/staff?x=1']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).toContain("frame-ancestors 'none'");
      expect(await response.text()).toContain('<title>console</title>');
    }
  });

  test('hashed assets are cached for a year; other files are revalidated', async () => {
    const { app } = appWith(build);
    const script = await app.request('/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app.request('/assets/index-abc123.css')).headers.get('content-type')).toContain(
      'text/css',
    );
    const icon = await app.request('/favicon.svg');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  test('a missing asset and an unknown API path are 404s, never the page', async () => {
    const { app } = appWith(build);
    const asset = await app.request('/assets/index-old999.js');
    expect(asset.status).toBe(404);
    const api = await app.request('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await app.request('/api/thing')).status).toBe(200);
  });

  test('without a build it says how to make one (503)', async () => {
    const { app } = appWith(undefined);
    const response = await app.request('/inbox');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('pnpm --filter @madoguchi/form-builder build');
  });

  test('no path leaves the build folder', async () => {
    const { app, dir } = appWith(build);
    const name = `${dir.split('/').at(-1)}-secret.txt`;
    for (const path of [`/../${name}`, `/%2e%2e/${name}`, `/assets/..%2f..%2f${name}`, '/%']) {
      const response = await app.request(path);
      expect(await response.text(), path).not.toContain('outside');
    }
  });
});
