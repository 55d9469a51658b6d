import { eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../db/registry';
import { throttles } from '../db/tenant-schema';

/** How many failures, within what window, lock what for how long. */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** Per account: 5 failures in 15 minutes lock it for 15 minutes. */
export const accountPolicy: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};
/** Per address: more tolerant, since a ward office shares one address behind its proxy. */
export const addressPolicy: ThrottlePolicy = {
  maxFailures: 50,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

/** Milliseconds until a key unlocks, or 0 when it is not locked. */
export async function lockedFor(db: TenantDb, key: string, now: number): Promise<number> {
  const row = await db.query.throttles.findFirst({ where: eq(throttles.key, key) });
  return row?.lockedUntil != null && row.lockedUntil > now ? row.lockedUntil - now : 0;
}

/**
 * Records one failure in a single statement, so concurrent attempts from several processes
 * count exactly: a failure after the window starts a new count; reaching the limit locks.
 */
export async function recordFailure(
  db: TenantDb,
  key: string,
  policy: ThrottlePolicy,
  now: number,
): Promise<void> {
  const windowStart = now - policy.windowMs;
  const lockUntil = now + policy.lockMs;
  await db
    .insert(throttles)
    .values({
      key,
      failures: 1,
      firstFailureAt: now,
      lockedUntil: policy.maxFailures <= 1 ? lockUntil : null,
    })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        failures: sql`CASE WHEN ${throttles.firstFailureAt} < ${windowStart} THEN 1 ELSE ${throttles.failures} + 1 END`,
        firstFailureAt: sql`CASE WHEN ${throttles.firstFailureAt} < ${windowStart} THEN ${now} ELSE ${throttles.firstFailureAt} END`,
        lockedUntil: sql`CASE WHEN ${throttles.firstFailureAt} >= ${windowStart} AND ${throttles.failures} + 1 >= ${policy.maxFailures} THEN ${lockUntil} ELSE ${throttles.lockedUntil} END`,
      },
    });
}

/** Forgets the failures of a key after a successful sign-in. */
export async function clearFailures(db: TenantDb, key: string): Promise<void> {
  await db.delete(throttles).where(eq(throttles.key, key));
}
