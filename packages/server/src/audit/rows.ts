import type { Unit } from '../db/group-commit';
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

/** The head of the chain: the last entry's seq and hash. */
export type Head = { seq: number; hash: string };

const headMemo = 'audit-head';

/** Reads the head of the chain (no row: the genesis). */
export const headSql = 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1';

/** The rows of `entries` chained after `head`, each carrying the hash of the one before. */
export function chainedRows(head: Head, entries: readonly AuditEntry[], now: number): AuditRow[] {
  let prevHash = head.hash;
  const rows: AuditRow[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as AuditEntry;
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
    // Spelt out: spreading `fields` into the row cost more than hashing it.
    rows.push({
      seq: fields.seq,
      at: fields.at,
      actorType: fields.actorType,
      actorId: fields.actorId,
      action: fields.action,
      targetType: fields.targetType,
      targetId: fields.targetId,
      ip: fields.ip,
      details: fields.details,
      prevHash,
      hash,
    });
    prevHash = hash;
  }
  return rows;
}

export type AuditRow = typeof auditLog.$inferInsert;

/**
 * One unit of the group commit (docs/adr/0007): the statements, then the entries chained after
 * the head read inside the same transaction, so entries follow whatever committed before them.
 * Runs wherever the writer connection is (the writer thread, see db/writer-thread.ts).
 * @returns how many rows each statement changed, in order.
 */
export function auditedUnit(
  statements: readonly Statement[],
  entries: readonly AuditEntry[],
  now: number,
): Unit<{ changes: number }[]> {
  return (tx) => {
    const results = statements.map((statement) => tx.run(statement));
    // The head the last unit of this transaction left, else read (one query less per unit).
    const head = (tx.memo.get(headMemo) as Head | undefined) ??
      tx.get<Head>(headSql, []) ?? { seq: 0, hash: genesisHash };
    const rows = chainedRows(head, entries, now);
    for (const row of rows) tx.run(insertStatement(auditLog, row));
    const last = rows.at(-1);
    if (last)
      tx.memo.set(headMemo, { seq: head.seq + rows.length, hash: last.hash } satisfies Head);
    return results;
  };
}
