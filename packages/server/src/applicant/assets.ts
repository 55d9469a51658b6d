import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { locales } from '@madoguchi/shared';
import { transformSync } from 'esbuild';
import { type Context, Hono } from 'hono';
import { type ClientScript, clientScript } from './client-script';
import { type PostalCodes, postalCodes } from './postal-codes';

/** The resident pages' stylesheet, read once, with a URL that changes whenever its content does. */
export interface Stylesheet {
  href: string;
  body: string;
}

/** What the resident pages load besides themselves. */
export interface ResidentAssets {
  stylesheet: Stylesheet;
  script: ClientScript;
  postalCodes: PostalCodes;
}

/** Loads the stylesheet that applicant-ui ships, minified (its comments are for its authors). */
export function loadStylesheet(): Stylesheet {
  const path = createRequire(import.meta.url).resolve('@madoguchi/applicant-ui/styles.css');
  const body = transformSync(readFileSync(path, 'utf8'), { loader: 'css', minify: true }).code;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { href: `/assets/resident-${hash}.css`, body };
}

/** The stylesheet, the client script and the postal-code chunks. */
export function residentAssets(stylesheet: Stylesheet = loadStylesheet()): ResidentAssets {
  return { stylesheet, script: clientScript(), postalCodes: postalCodes() };
}

const yearLong = 'public, max-age=31536000, immutable';

/**
 * An asset in the best encoding the browser accepts: brotli, else gzip, else as it is. Assets
 * never change under their URL, so each encoding is made once (brotli at its highest quality)
 * and kept; a resident on a slow line gets the smallest file without a proxy in front.
 */
function encoded(
  c: Context,
  name: string,
  body: string,
  headers: Record<string, string>,
): Response {
  const accepted = c.req.header('accept-encoding') ?? '';
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
  const vary = { ...headers, Vary: 'Accept-Encoding' };
  if (!encoding) return c.body(body, 200, vary);
  const key = `${encoding}:${name}`;
  let bytes = encodedCache.get(key);
  if (!bytes) {
    bytes =
      encoding === 'br'
        ? brotliCompressSync(body, {
            params: { [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY },
          })
        : gzipSync(body, { level: 9 });
    if (encodedCache.size > 4000) encodedCache.clear();
    encodedCache.set(key, bytes);
  }
  return c.body(new Uint8Array(bytes), 200, { ...vary, 'Content-Encoding': encoding });
}

const encodedCache = new Map<string, Buffer>();

/**
 * Serves the assets at their versioned URLs, cacheable for a year: a new version has a new
 * URL, so no resident ever sees an old one. Any other name is not found.
 */
export function assetRoutes(assets: ResidentAssets) {
  const css = assets.stylesheet.href.slice('/assets/'.length);
  const scripts = new Map(
    locales.map((locale) => [assets.script.href(locale).slice('/assets/'.length), locale]),
  );
  const postal = assets.postalCodes.base.slice('/assets/'.length, -1);
  return new Hono()
    .get('/assets/:name', async (c) => {
      const name = c.req.param('name');
      if (name === css)
        return encoded(c, name, assets.stylesheet.body, {
          'Content-Type': 'text/css; charset=utf-8',
          'Cache-Control': yearLong,
        });
      const locale = scripts.get(name);
      if (locale)
        return encoded(c, name, await assets.script.body(locale), {
          'Content-Type': 'text/javascript; charset=utf-8',
          'Cache-Control': yearLong,
        });
      return c.notFound();
    })
    .get('/assets/:folder/:file', (c) => {
      const file = /^(\d{3})\.json$/.exec(c.req.param('file'));
      const chunk = file?.[1] ? assets.postalCodes.chunk(file[1]) : undefined;
      if (c.req.param('folder') !== postal || chunk === undefined) return c.notFound();
      return encoded(c, `${postal}/${file?.[1]}`, chunk, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': yearLong,
      });
    });
}
