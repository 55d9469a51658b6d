import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { adminRoutes } from './admin/routes';
import { residentPagePathPattern, residentPageRoutes } from './applicant/pages';
import { residentRoutes } from './applicant/routes';
import { auditRoutes } from './audit/routes';
import { csrfProtection, type StaffVariables } from './auth/middleware';
import { authRoutes, inviteRoutes } from './auth/routes';
import type { AppDeps } from './deps';
import { exportRoutes } from './exports/routes';
import { residentFileRoutes, staffFileRoutes, uploadPathPattern } from './files/routes';
import { formRoutes } from './forms/routes';
import { applyHttpBasics, type BaseVariables } from './http/middleware';
import { staffOpenApiDocument } from './openapi';
import { submissionRoutes } from './submissions/routes';

export type { AppDeps } from './deps';

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
  return app
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .route('/', residentPageRoutes(deps))
    .route('/t', residentRoutes(deps))
    .route('/t', residentFileRoutes(deps));
}

/** The staff listener: the staff console and staff API, meant for LGWAN. */
export function createStaffApp(deps: AppDeps) {
  const app = new Hono<{ Variables: StaffVariables }>();
  const openApi = staffOpenApiDocument();
  applyHttpBasics(app, deps.logger);
  app.use('/api/*', csrfProtection(deps.config.STAFF_ORIGIN));
  return app
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .route('/api/auth', authRoutes(deps))
    .route('/api/invites', inviteRoutes(deps))
    .route('/api/admin', adminRoutes(deps))
    .route('/api/audit', auditRoutes(deps))
    .route('/api/submissions', submissionRoutes(deps))
    .route('/api/submissions', staffFileRoutes(deps))
    .route('/api/exports', exportRoutes(deps))
    .route('/api/forms', formRoutes(deps))
    .get('/api/openapi.json', (c) => c.json(openApi));
}

/** The staff API's type, for the console's typed client (`hc<StaffAppType>`). */
export type StaffAppType = ReturnType<typeof createStaffApp>;
