import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { locales } from '@madoguchi/shared';
import { transformSync } from 'esbuild';
import { Hono } from 'hono';
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
        return c.body(assets.stylesheet.body, 200, {
          'Content-Type': 'text/css; charset=utf-8',
          'Cache-Control': yearLong,
        });
      const locale = scripts.get(name);
      if (locale)
        return c.body(await assets.script.body(locale), 200, {
          'Content-Type': 'text/javascript; charset=utf-8',
          'Cache-Control': yearLong,
        });
      return c.notFound();
    })
    .get('/assets/:folder/:file', (c) => {
      const file = /^(\d{3})\.json$/.exec(c.req.param('file'));
      const chunk = file?.[1] ? assets.postalCodes.chunk(file[1]) : undefined;
      if (c.req.param('folder') !== postal || chunk === undefined) return c.notFound();
      return c.body(chunk, 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': yearLong,
      });
    });
}
