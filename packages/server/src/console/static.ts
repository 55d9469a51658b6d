import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { AppError } from '../http/errors';

/** The server package's folder, from wherever this code runs: src/console, or the build in dist. */
function serverPackageDir(): string {
  let dir = import.meta.dirname;
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === '@madoguchi/server') return dir;
    } catch {
      // No package.json here: look further up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('console: cannot find the server package folder');
    dir = parent;
  }
}

/**
 * The built staff console of this checkout. The server reads the files only: it imports nothing
 * of the console's code (ARCHITECTURE.md §2).
 */
export const defaultConsoleDir = resolve(serverPackageDir(), '..', 'form-builder', 'dist');

/**
 * The console's policy: its own scripts and styles only, API calls to its own origin. No inline
 * script or style can run, so an injected string in an answer stays text.
 */
export const consoleContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Hashed file names (Vite's `assets/name-<hash>.js`) never change content: cache them a year. */
const immutable = 'public, max-age=31536000, immutable';

async function fileIn(dir: string, path: string): Promise<string | undefined> {
  // Decoded and normalised, then required to stay inside the folder: no `..` escapes it.
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, '');
  } catch {
    return undefined;
  }
  const full = join(dir, relative);
  if (relative === '' || !full.startsWith(dir + sep)) return undefined;
  try {
    return (await stat(full)).isFile() ? full : undefined;
  } catch {
    return undefined;
  }
}

const notBuilt = `<!doctype html><html lang="ja"><meta charset="utf-8"><title>Madoguchi</title>
<h1>職員コンソールがビルドされていません / The staff console is not built</h1>
<p><code>pnpm --filter @madoguchi/form-builder build</code></p></html>`;

/**
 * Serves the console for every GET outside /api: a file of the build when the path names one,
 * otherwise index.html, so the console's own routes (/inbox/…, /admin/…) load on a reload or a
 * bookmark. Mounted after the API, so an API path never reaches it.
 * @example app.get('*', consoleHandler(config.CONSOLE_DIR ?? defaultConsoleDir))
 */
export function consoleHandler(dir: string) {
  const root = resolve(dir);
  return async (c: Context): Promise<Response> => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) throw new AppError('not_found');
    c.header('Content-Security-Policy', consoleContentSecurityPolicy);
    c.header('X-Content-Type-Options', 'nosniff');
    const file = await fileIn(root, c.req.path);
    if (file && file !== join(root, 'index.html')) {
      const type = types[extname(file)] ?? 'application/octet-stream';
      const hashed = file.startsWith(join(root, 'assets') + sep);
      return c.body(await readFile(file), 200, {
        'Content-Type': type,
        'Cache-Control': hashed ? immutable : 'no-cache',
      });
    }
    // A missing asset is a 404, not the page: a stale tab asking for an old bundle must fail
    // loudly rather than parse HTML as JavaScript.
    if (c.req.path.startsWith('/assets/')) throw new AppError('not_found');
    c.header('Cache-Control', 'no-cache');
    try {
      const html = await readFile(join(root, 'index.html'));
      return c.body(html, 200, { 'Content-Type': types['.html'] ?? 'text/html' });
    } catch {
      return c.html(notBuilt, 503);
    }
  };
}
