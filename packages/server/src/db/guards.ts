import { sql } from 'drizzle-orm';
import type { TenantDb } from './registry';

const marker = 'madoguchi:unchanged';

/**
 * A batch statement that aborts the batch when the statement just before it changed no row.
 * SQLite has no RAISE outside triggers, so it makes json() fail on a marker string; `changes()`
 * counts the previous statement on the same connection, which is where a batch runs. This is
 * how a state change guarded by `WHERE state = ?` takes its history entry and mails with it, or
 * nothing at all when another request changed the state first.
 */
export function abortUnlessChanged(db: TenantDb) {
  return db.run(sql`SELECT json(CASE WHEN changes() > 0 THEN '1' ELSE ${marker} END)`);
}

/** Whether an error is the abort of `abortUnlessChanged`. */
export function isUnchangedAbort(error: unknown): boolean {
  return errorText(error).includes('malformed JSON');
}

/** An error's message with its cause's (the libSQL client wraps SQLite's error). */
function errorText(error: unknown): string {
  return error instanceof Error
    ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`
    : String(error);
}

/**
 * Like `abortUnlessChanged`, with an error of its own kind (an integer overflow), so a caller can
 * tell "the place was taken" from the other guards of the same batch.
 */
export function abortUnlessBooked(db: TenantDb) {
  return db.run(sql`SELECT CASE WHEN changes() > 0 THEN 1 ELSE abs(-9223372036854775808) END`);
}

/** Whether an error is the abort of `abortUnlessBooked`. */
export function isBookingAbort(error: unknown): boolean {
  return errorText(error).includes('integer overflow');
}
