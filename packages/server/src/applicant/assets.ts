import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';

/** The resident pages' stylesheet, read once, with a URL that changes whenever its content does. */
export interface Stylesheet {
  href: string;
  body: string;
}

/** Loads the stylesheet that applicant-ui ships. */
export function loadStylesheet(): Stylesheet {
  const path = createRequire(import.meta.url).resolve('@madoguchi/applicant-ui/styles.css');
  const body = readFileSync(path, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { href: `/assets/resident-${hash}.css`, body };
}

/**
 * Serves the stylesheet at its versioned URL, cacheable for a year: a new version has a new
 * URL, so no resident ever sees an old one. Any other name is not found.
 */
export function assetRoutes(stylesheet: Stylesheet) {
  const name = stylesheet.href.slice('/assets/'.length);
  return new Hono().get('/assets/:name', (c) => {
    if (c.req.param('name') !== name) return c.notFound();
    return c.body(stylesheet.body, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });
}
