/**
 * A fixed-window counter per key, in this process: for the few public actions that cost us
 * something per call (storing a resident's upload), so one source cannot fill the disk. Limits
 * are generous: residents behind one carrier or municipal proxy share an address.
 */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /**
   * Counts one call for `key` at `now` (ms).
   * @returns undefined when allowed, else the whole seconds until the window reopens.
   * @example limiter.take(`${slug}|${ip}`, Date.now()) // undefined, or 412
   */
  take(key: string, now: number): number | undefined {
    let window = this.#windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.#windows.size >= 10_000) this.#prune(now);
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    if (window.count >= this.limit)
      return Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    window.count += 1;
    return undefined;
  }

  #prune(now: number): void {
    for (const [key, window] of this.#windows)
      if (now - window.start >= this.windowMs) this.#windows.delete(key);
    // Still full of live windows: forget them all rather than grow without bound.
    if (this.#windows.size >= 10_000) this.#windows.clear();
  }
}
