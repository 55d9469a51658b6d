import type { Context } from 'hono';
import type { AppDeps } from '../deps';
import { AppError } from '../http/errors';
import { RateLimiter } from '../http/rate-limit';

// 100 files per address and tenant in ten minutes: far above what one application needs (a form
// has a few file fields), far below what fills a disk before the retention worker deletes
// uploads no application claimed. One counter per app (deps), shared by the upload API and the
// resident pages, which store files through the same service.
const limiters = new WeakMap<AppDeps, RateLimiter>();

/** Counts one upload from the request's address; too many is 429 with when to try again. */
export function ensureUploadAllowed(deps: AppDeps, c: Context, tenantSlug: string): void {
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = new RateLimiter(100, 10 * 60_000);
    limiters.set(deps, limiter);
  }
  const wait = limiter.take(`${tenantSlug}|${deps.remoteAddress(c) ?? ''}`, deps.now());
  if (wait !== undefined)
    throw new AppError(
      'too_many_requests',
      {
        ja: 'ファイルの送信が多すぎます。しばらくしてからもう一度お試しください',
        en: 'Too many files were sent. Please try again in a while',
      },
      undefined,
      wait,
    );
}
