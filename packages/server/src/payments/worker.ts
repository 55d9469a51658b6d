import type { TenantRegistry } from '../db/registry';
import type { Logger } from '../http/logger';
import { startTenantLoop } from '../tenants/loop';
import { expireUnpaid } from './expiry';
import { pollWaitingPayments } from './poll';

/**
 * Runs the payment deadline sweep over every tenant every `intervalMs`, one pass at a time, and
 * asks providers that report by polling (PayPay) about payments still waiting.
 */
export function startPaymentWorker(options: {
  registry: TenantRegistry;
  listTenantSlugs: () => Promise<string[]>;
  intervalMs: number;
  logger: Logger;
  now?: () => number;
  /** The public origin (the sandbox's pay page); polling providers do not need it. */
  publicOrigin?: string;
}): { stop(): Promise<void> } {
  const now = options.now ?? Date.now;
  return startTenantLoop({
    listTenantSlugs: options.listTenantSlugs,
    intervalMs: options.intervalMs,
    forTenant: async (slug) => {
      const resolved = await options.registry.resolve(slug);
      if (!resolved) return;
      // Polled first: a payment made just before its deadline counts, as a webhook would.
      const keys = {
        masterKey: options.registry.settings.masterKey,
        publicOrigin: options.publicOrigin ?? '',
      };
      const polled = await pollWaitingPayments(resolved.db, keys, slug, now());
      if (polled > 0) options.logger.info('payments_polled', { tenant: slug, changed: polled });
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
