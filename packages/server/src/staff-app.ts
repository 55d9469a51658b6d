import { Hono } from 'hono';
import { adminRoutes } from './admin/routes';
import { auditRoutes } from './audit/routes';
import { csrfProtection, type StaffVariables } from './auth/middleware';
import { authRoutes, inviteRoutes } from './auth/routes';
import { consoleHandler, defaultConsoleDir } from './console/static';
import type { AppDeps } from './deps';
import { exportRoutes } from './exports/routes';
import { staffFileRoutes } from './files/routes';
import { departmentNameRoutes } from './forms/department-names';
import { type PreviewRenderer, previewStylesheetPath } from './forms/preview-port';
import { formRoutes } from './forms/routes';
import { applyHttpBasics } from './http/middleware';
import { staffOpenApiDocument } from './openapi';
import { submissionRoutes } from './submissions/routes';

/**
 * The staff listener: the staff console and staff API, meant for LGWAN. The builder's preview
 * renderer comes from app.ts, which may import the resident pages (see forms/preview-port.ts).
 */
export function createStaffApp(deps: AppDeps, preview?: PreviewRenderer) {
  const app = new Hono<{ Variables: StaffVariables }>();
  const openApi = staffOpenApiDocument();
  applyHttpBasics(app, deps.logger);
  app.use('/api/*', csrfProtection(deps.config.STAFF_ORIGIN));
  const api = app
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .route('/api/auth', authRoutes(deps))
    .route('/api/invites', inviteRoutes(deps))
    .route('/api/admin', adminRoutes(deps))
    .route('/api/audit', auditRoutes(deps))
    .route('/api/submissions', submissionRoutes(deps))
    .route('/api/submissions', staffFileRoutes(deps))
    .route('/api/exports', exportRoutes(deps))
    .route('/api/forms', formRoutes(deps, preview))
    .route('/api/departments', departmentNameRoutes(deps))
    // The builder's preview is a sandboxed frame under the console's policy: same-origin CSS only.
    .get(previewStylesheetPath, (c) => {
      if (!preview) return c.notFound();
      c.header('Content-Type', 'text/css; charset=utf-8');
      c.header('Cache-Control', 'no-cache');
      return c.body(preview.stylesheet(), 200);
    })
    .get('/api/openapi.json', (c) => c.json(openApi));
  // The console itself, after every API route; registered outside the chain so the typed
  // client's type holds the API only.
  app.get('*', consoleHandler(deps.config.CONSOLE_DIR ?? defaultConsoleDir));
  return api;
}

/** The staff API's type, for the console's typed client (`hc<StaffAppType>`). */
export type StaffAppType = ReturnType<typeof createStaffApp>;
