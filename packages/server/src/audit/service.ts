import { setTimeout as sleep } from 'node:timers/promises';
import { LibsqlBatchError } from '@libsql/client';
import { and, asc, desc, eq, gt, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { TenantDb } from '../db/registry';
import { insertStatement, type Statement } from '../db/statements';
import { auditLog } from '../db/tenant-schema';
import { localWriterOf } from '../db/writer-thread';
import { entryHash, genesisHash } from './chain';
import { type AuditEntry, chainedRows, type Head } from './rows';

export type { AuditEntry } from './rows';

/** A stored audit entry. */
export type AuditRecord = typeof auditLog.$inferSelect;

/** The result of checking the hash chain: every entry, or the first one that does not hold. */
export type ChainCheck =
  | { ok: true; entries: number }
  | { ok: false; brokenAt: number; reason: 'hash_mismatch' | 'prev_mismatch' | 'gap' };

/** What the audit list can be narrowed to; `to` is exclusive, times in ms since the epoch. */
export interface AuditFilters {
  from?: number;
  to?: number;
  actorId?: string;
  action?: string;
  targetId?: string;
  limit: number;
  /** Entries older than this seq, for the next page. */
  beforeSeq?: number;
}

/** The most entries one list page returns. */
export const maxListLimit = 500;
const pageSize = 1000;
const maxAttempts = 10;

async function chainHead(db: TenantDb): Promise<Head> {
  const [last] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return last ?? { seq: 0, hash: genesisHash };
}

function chainedInserts(db: TenantDb, head: Head, entries: readonly AuditEntry[], now: number) {
  return chainedRows(head, entries, now).map((row) => db.insert(auditLog).values(row));
}

/** Whether a batch failed on an audit insert's constraint: another writer took that seq first. */
function lostRace(error: unknown, firstAuditIndex: number): boolean {
  let current: unknown = error;
  while (current instanceof Error) {
    if (current instanceof LibsqlBatchError)
      return (
        current.statementIndex >= firstAuditIndex && current.code.startsWith('SQLITE_CONSTRAINT')
      );
    current = current.cause;
  }
  return false;
}

/**
 * Runs a batch whose audit inserts start at `firstAuditIndex`; when another writer (request or
 * process) took the next seq first, it reads the new head and tries again, a few times.
 */
async function retryOnLostSeq<T>(firstAuditIndex: number, attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!lostRace(error, firstAuditIndex)) throw error;
      if (tries === maxAttempts)
        throw new Error(`audit log: lost the race for the next seq ${maxAttempts} times`, {
          cause: error,
        });
      // Random, so writers that collided do not collide again in step.
      await sleep(Math.random() * 5 * tries);
    }
  }
}

/**
 * Runs a change and its audit entries in one atomic batch, so both commit or neither does. The
 * entries take the next seqs after the chain head; seq is the primary key, so a writer that
 * raced another (request or process) fails, rolls back whole, and tries again on the new head.
 * @returns the results of `statements`, in order.
 * @example await writeWithAudit(db, [db.insert(departments).values(row)], [entry], now)
 */
export async function writeWithAudit<const T extends readonly BatchItem<'sqlite'>[]>(
  db: TenantDb,
  statements: T,
  entries: readonly [AuditEntry, ...AuditEntry[]],
  now: number,
): Promise<BatchResponse<T>> {
  return retryOnLostSeq(statements.length, async () => {
    const inserts = chainedInserts(db, await chainHead(db), entries, now);
    const batch: BatchItem<'sqlite'>[] = [...statements, ...inserts];
    // Never empty (there is always an entry); drizzle types a batch as a non-empty tuple.
    const results = await db.batch(batch as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    return results.slice(0, statements.length) as BatchResponse<T>;
  });
}

/**
 * Like `writeWithAudit`, for the hot write paths (submitting): plain statements, no query
 * builder. On a local file the change joins the group commit: it runs in a transaction shared
 * with the changes that arrived with it (and is undone alone if it fails), and reads the chain
 * head inside that transaction, so its entries follow whatever committed before them. On a
 * libSQL server it is one batch, retried when another writer took the next seq first.
 * @returns how many rows each of `statements` changed, in order.
 */
export async function writeStatementsWithAudit(
  db: TenantDb,
  statements: readonly Statement[],
  entries: readonly [AuditEntry, ...AuditEntry[]],
  now: number,
): Promise<{ changes: number }[]> {
  const writer = localWriterOf(db);
  if (writer) return writer.write({ statements, entries, now });
  return retryOnLostSeq(statements.length, async () => {
    const inserts = chainedRows(await chainHead(db), entries, now).map((row) =>
      insertStatement(auditLog, row),
    );
    const results = await db.$client.batch([...statements, ...inserts], 'write');
    return results
      .slice(0, statements.length)
      .map((result: { rowsAffected: number }) => ({ changes: result.rowsAffected }));
  });
}

/**
 * Records one audit entry on its own.
 * @example await appendAudit(db, { actorType: 'staff', actorId, action: 'auth.sign_out' }, now)
 */
export async function appendAudit(db: TenantDb, entry: AuditEntry, now: number): Promise<void> {
  await writeWithAudit(db, [], [entry], now);
}

/**
 * The log oldest first, a page at a time, up to the entry that was last when it started, so a
 * long read neither holds everything in memory nor runs after entries written meanwhile.
 */
export async function* auditPages(db: TenantDb): AsyncGenerator<AuditRecord[]> {
  const last = (await chainHead(db)).seq;
  let after = 0;
  while (after < last) {
    const page = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.seq, after), lte(auditLog.seq, last)))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    const tail = page.at(-1);
    if (!tail) return;
    yield page;
    after = tail.seq;
  }
}

/**
 * Checks every link of the hash chain in seq order and reports the first that does not hold:
 * a missing seq (`gap`, at the missing seq), an entry not pointing at its predecessor's hash
 * (`prev_mismatch`), or an entry whose content no longer gives its hash (`hash_mismatch`).
 * Removing entries from the very end leaves no trace in the chain itself.
 * @example const check = await verifyChain(db); if (!check.ok) alert(check.brokenAt)
 */
export async function verifyChain(db: TenantDb): Promise<ChainCheck> {
  let expectedSeq = 1;
  let prevHash = genesisHash;
  for await (const page of auditPages(db)) {
    for (const row of page) {
      if (row.seq !== expectedSeq) return { ok: false, brokenAt: expectedSeq, reason: 'gap' };
      if (row.prevHash !== prevHash)
        return { ok: false, brokenAt: row.seq, reason: 'prev_mismatch' };
      if (entryHash(row.prevHash, row) !== row.hash)
        return { ok: false, brokenAt: row.seq, reason: 'hash_mismatch' };
      prevHash = row.hash;
      expectedSeq += 1;
    }
  }
  return { ok: true, entries: expectedSeq - 1 };
}

/**
 * Audit entries newest first, narrowed by the filters; `nextBeforeSeq` asks for the next page.
 * @example await listAudit(db, { action: 'staff.disable', limit: 50 })
 */
export async function listAudit(
  db: TenantDb,
  filters: AuditFilters,
): Promise<{ entries: AuditRecord[]; nextBeforeSeq: number | null }> {
  const limit = Math.min(filters.limit, maxListLimit);
  const conditions: SQL[] = [];
  if (filters.from !== undefined) conditions.push(gte(auditLog.at, filters.from));
  if (filters.to !== undefined) conditions.push(lt(auditLog.at, filters.to));
  if (filters.actorId !== undefined) conditions.push(eq(auditLog.actorId, filters.actorId));
  if (filters.action !== undefined) conditions.push(eq(auditLog.action, filters.action));
  if (filters.targetId !== undefined) conditions.push(eq(auditLog.targetId, filters.targetId));
  if (filters.beforeSeq !== undefined) conditions.push(lt(auditLog.seq, filters.beforeSeq));
  // One more than asked, to know whether another page follows.
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(limit + 1);
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  return { entries, nextBeforeSeq: rows.length > limit && last ? last.seq : null };
}
