import { Hono } from 'hono';
import { cardPageRoutes } from '../card-auth/pages';
import type { AppDeps } from '../deps';
import { type FileStorage, localFileStorage } from '../files/storage';
import { AppError } from '../http/errors';
import { payLinkRoutes } from '../payments/pay-link-pages';
import { sandboxPayRoutes } from '../payments/sandbox-pages';
import { applyPageRoutes } from './apply-pages';
import { assetRoutes, residentAssets, type Stylesheet } from './assets';
import { type PageEnv, type PageVariables, pageErrorHandler } from './page-context';
import { pageKit } from './page-kit';
import { statusPageRoutes } from './status-pages';

/**
 * Paths of the resident pages (everything under /t/{tenant}/ but the API): they set their own
 * body limits, larger only where a page takes files, and answer errors with pages.
 */
export const residentPagePathPattern = /^\/t\/[^/]+\/(?!api\/)/;

/**
 * The resident pages on the public listener: apply to a form page by page, confirm, submit;
 * follow, withdraw, correct or re-apply an application behind its secret link; ask for the
 * link again. Everything works without JavaScript; see docs/adr/0010-resident-pages.md.
 */
export function residentPageRoutes(
  deps: AppDeps,
  options: { storage?: FileStorage; stylesheet?: Stylesheet } = {},
) {
  const env: PageEnv = { deps, assets: residentAssets(options.stylesheet) };
  const storage =
    options.storage ??
    localFileStorage({
      dataDir: deps.config.DATA_DIR,
      masterKey: deps.registry.settings.masterKey,
    });
  const kit = pageKit(env, storage);
  const app = new Hono<{ Variables: PageVariables }>();
  // Set before the routes: Hono wraps each route with the error handler its app had then.
  app.onError(pageErrorHandler(env));
  return app
    .route('/', assetRoutes(env.assets))
    .route('/', applyPageRoutes(kit))
    .route('/', statusPageRoutes(kit))
    .route('/', cardPageRoutes(kit))
    .route('/', sandboxPayRoutes(kit))
    .route('/', payLinkRoutes(kit))
    .all('/t/:slug/*', async (c, next) => {
      // The resident API and uploads answer for themselves, in JSON.
      if (/^\/t\/[^/]+\/api\//.test(c.req.path)) return next();
      throw new AppError('not_found');
    });
}
