import { setTimeout as sleep } from 'node:timers/promises';
import { LibsqlBatchError } from '@libsql/client';
import { and, asc, desc, eq, gt, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import { groupCommitOf } from '../db/group-commit';
import type { TenantDb } from '../db/registry';
import { insertStatement, type Statement } from '../db/statements';
import { auditLog } from '../db/tenant-schema';
import { type ActorType, type ChainedFields, entryHash, genesisHash } from './chain';

/** One event to record: who did what to which thing, from where. */
export interface AuditEntry {
  actorType: ActorType;
  actorId?: string;
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string;
  /** Ids and codes only: no names, answers, passwords or tokens (the log is kept and exported). */
  details?: Record<string, unknown>;
}

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

type Head = { seq: number; hash: string };

async function chainHead(db: TenantDb): Promise<Head> {
  const [last] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return last ?? { seq: 0, hash: genesisHash };
}

/** The rows of `entries` chained after `head`, each carrying the hash of the one before. */
function chainedRows(head: Head, entries: readonly AuditEntry[], now: number): AuditRow[] {
  let prevHash = head.hash;
  return entries.map((entry, index) => {
    const fields: ChainedFields = {
      seq: head.seq + index + 1,
      at: now,
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip ?? null,
      // Hash what the JSON column will give back (no undefined members, no NaN), or it never verifies.
      details:
        entry.details === undefined
          ? null
          : (JSON.parse(JSON.stringify(entry.details)) as Record<string, unknown>),
    };
    const hash = entryHash(prevHash, fields);
    const row = { ...fields, prevHash, hash };
    prevHash = hash;
    return row;
  });
}

type AuditRow = typeof auditLog.$inferInsert;

function chainedInserts(db: TenantDb, head: Head, entries: readonly AuditEntry[], now: number) {
  return chainedRows(head, entries, now).map((row) => db.insert(auditLog).values(row));
}

const headSql = 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1';

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
 * builder. On a local file the change joins the group commit: it runs in its own savepoint of a
 * transaction shared with the changes that arrived with it, and reads the chain head inside that
 * transaction, so its entries follow whatever committed before them. On a libSQL server it is one
 * batch, retried when another writer took the next seq first.
 * @returns how many rows each of `statements` changed, in order.
 */
export async function writeStatementsWithAudit(
  db: TenantDb,
  statements: readonly Statement[],
  entries: readonly [AuditEntry, ...AuditEntry[]],
  now: number,
): Promise<{ changes: number }[]> {
  const group = groupCommitOf(db);
  if (group) {
    return group.submit((tx) => {
      const results = statements.map((statement) => tx.run(statement));
      const head = tx.get<Head>(headSql, []) ?? { seq: 0, hash: genesisHash };
      for (const row of chainedRows(head, entries, now)) tx.run(insertStatement(auditLog, row));
      return results;
    });
  }
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
