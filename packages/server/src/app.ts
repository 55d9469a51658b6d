import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { residentPagePathPattern, residentPageRoutes } from './applicant/pages';
import { residentRoutes } from './applicant/routes';
import type { AppDeps } from './deps';
import { residentFileRoutes, uploadPathPattern } from './files/routes';
import { previewRenderer } from './forms/preview';
import { applyHttpBasics, type BaseVariables } from './http/middleware';
import { paymentWebhookRoutes } from './payments/routes';
import { createStaffApp as createStaffAppWith } from './staff-app';

export type { AppDeps } from './deps';
// The staff app lives in its own module so the console's typed client can import its type
// without pulling in the resident pages (hono/jsx) it never talks to.
export type { StaffAppType } from './staff-app';

/** The staff listener, with the builder's preview rendered by the resident pages. */
export function createStaffApp(deps: AppDeps) {
  return createStaffAppWith(deps, previewRenderer);
}

/** The client address of a request served by @hono/node-server; undefined in-process. */
export function nodeRemoteAddress(c: Parameters<typeof getConnInfo>[0]): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** The public listener: resident pages and the resident API. */
export function createPublicApp(deps: AppDeps) {
  const app = new Hono<{ Variables: BaseVariables }>();
  // Uploads and the resident pages set body limits of their own (larger where files are sent).
  const ownBodyLimit = new RegExp(`${uploadPathPattern.source}|${residentPagePathPattern.source}`);
  applyHttpBasics(app, deps.logger, undefined, ownBodyLimit);
  // Resident pages go out gzipped (a 20-question page: 24 KB → 5 KB) for phones on slow lines;
  // the API's answers are small, and the assets carry their own encodings (applicant/assets.ts).
  const gzipPages = compress({ encoding: 'gzip' });
  app.use('/t/*', (c, next) =>
    /^\/t\/[^/]+\/api\//.test(c.req.path) ? next() : gzipPages(c, next),
  );
  return app
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .route('/', residentPageRoutes(deps))
    .route('/t', residentRoutes(deps))
    .route('/t', residentFileRoutes(deps))
    .route('/t', paymentWebhookRoutes(deps));
}
