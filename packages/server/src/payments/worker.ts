import type { TenantRegistry } from '../db/registry';
import type { Logger } from '../http/logger';
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
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const runPass = async () => {
    for (const slug of await options.listTenantSlugs()) {
      if (stopped) return;
      try {
        const resolved = await options.registry.resolve(slug);
        if (!resolved) continue;
        const expired = await expireUnpaid(resolved.db, now());
        if (expired > 0) options.logger.info('unpaid_expired', { tenant: slug, expired });
      } catch (error) {
        options.logger.error('payment_sweep_failed', {
          tenant: slug,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  };
  let running: Promise<void> = Promise.resolve();
  const loop = () => {
    running = runPass()
      .catch(() => {})
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, options.intervalMs);
      });
  };
  loop();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
