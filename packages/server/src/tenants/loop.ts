/** What `startTenantLoop` needs. */
export interface TenantLoopOptions {
  listTenantSlugs: () => Promise<string[]>;
  intervalMs: number;
  /** The work for one tenant; an error is reported and the next tenant goes on. */
  forTenant: (slug: string) => Promise<void>;
  /** Reports a failure: of one tenant's work (with its slug), or of the pass itself. */
  onError: (error: unknown, slug?: string) => void;
}

/**
 * Runs background work over every tenant: one pass at once, then one every `intervalMs` after
 * the previous pass ended (passes never overlap). One tenant's broken database does not hold up
 * the others. `stop()` resolves when the pass under way has finished, so the databases can be
 * closed after it; the loop alone never keeps the process alive.
 * @example startTenantLoop({ listTenantSlugs, intervalMs: 5000, forTenant, onError })
 */
export function startTenantLoop(options: TenantLoopOptions): { stop(): Promise<void> } {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const runPass = async () => {
    for (const slug of await options.listTenantSlugs()) {
      if (stopped) return;
      await options.forTenant(slug).catch((error: unknown) => options.onError(error, slug));
    }
  };
  const tick = (): Promise<void> =>
    runPass()
      .catch((error: unknown) => options.onError(error))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(() => {
          pass = tick();
        }, options.intervalMs);
        timer.unref();
      });
  let pass = tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
