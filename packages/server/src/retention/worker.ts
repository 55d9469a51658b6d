import type { TenantRegistry } from '../db/registry';
import type { FileStorage } from '../files/storage';
import type { Logger } from '../http/logger';
import { startTenantLoop } from '../tenants/loop';
import { deleteUnclaimedUploads } from './uploads';

/** What the retention worker needs. */
export interface RetentionWorkerOptions {
  registry: TenantRegistry;
  listTenantSlugs: () => Promise<string[]>;
  storage: FileStorage;
  intervalMs: number;
  logger: Logger;
  now?: () => number;
}

/**
 * Deletes what nobody may keep any longer, for every active tenant: one pass at start, then one
 * every `intervalMs` after the previous pass ended. A tenant that fails is logged and retried on
 * the next pass; the others go on. `stop()` resolves when the pass under way has finished.
 */
export function startRetentionWorker(options: RetentionWorkerOptions): { stop(): Promise<void> } {
  const now = options.now ?? Date.now;
  return startTenantLoop({
    listTenantSlugs: options.listTenantSlugs,
    intervalMs: options.intervalMs,
    forTenant: async (slug) => {
      const resolved = await options.registry.resolve(slug);
      if (!resolved) return;
      const deleted = await deleteUnclaimedUploads(resolved.db, options.storage, slug, now());
      if (deleted > 0) options.logger.info('unclaimed_uploads_deleted', { tenant: slug, deleted });
    },
    onError: (error, slug) =>
      options.logger.error('retention_failed', {
        ...(slug ? { tenant: slug } : {}),
        message: error instanceof Error ? error.message : String(error),
      }),
  });
}
