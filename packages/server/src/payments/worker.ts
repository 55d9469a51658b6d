import type { TenantRegistry } from '../db/registry';
import type { Logger } from '../http/logger';
import { startTenantLoop } from '../tenants/loop';
import { expireUnpaid } from './expiry';

/** Runs the payment deadline sweep over every tenant every `intervalMs`, one pass at a time. */
export function startPaymentWorker(options: {
  registry: TenantRegistry;
  listTenantSlugs: () => Promise<string[]>;
  intervalMs: number;
  logger: Logger;
  now?: () => number;
}): { stop(): Promise<void> } {
  const now = options.now ?? Date.now;
  return startTenantLoop({
    listTenantSlugs: options.listTenantSlugs,
    intervalMs: options.intervalMs,
    forTenant: async (slug) => {
      const resolved = await options.registry.resolve(slug);
      if (!resolved) return;
      const expired = await expireUnpaid(resolved.db, now());
      if (expired > 0) options.logger.info('unpaid_expired', { tenant: slug, expired });
    },
    onError: (error, slug) =>
      options.logger.error('payment_sweep_failed', {
        ...(slug ? { tenant: slug } : {}),
        message: error instanceof Error ? error.message : String(error),
      }),
  });
}
