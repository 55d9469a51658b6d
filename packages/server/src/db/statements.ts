import { getTableColumns, getTableName } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** A value SQLite stores: what a statement binds. */
export type SqlValue = string | number | bigint | Buffer | Uint8Array | null;

/** One SQL statement with positional arguments, ready for any libSQL connection. */
export interface Statement {
  sql: string;
  args: SqlValue[];
}

type Query = { sql: string; params: unknown[] };

/**
 * A drizzle batch item as a plain statement, for the write paths that bypass drizzle's batch:
 * query builders give their SQL through `toSQL()`, `db.run(sql)` through `getQuery()`.
 * @example fromDrizzle(db.update(forms).set({ status }).where(eq(forms.id, id)))
 */
export function fromDrizzle(item: BatchItem<'sqlite'>): Statement {
  const query = item as unknown as { toSQL?: () => Query; getQuery?: () => Query };
  const built = query.toSQL?.() ?? query.getQuery?.();
  if (!built) throw new Error('fromDrizzle: not a drizzle query');
  return { sql: built.sql, args: built.params as SqlValue[] };
}

const insertTexts = new WeakMap<SQLiteTable, Map<string, string>>();

/**
 * An INSERT of one row, without drizzle's query builder: the hot write paths build several per
 * request, and the builder showed in profiles. Values go through each column's own mapping
 * (JSON, booleans), exactly as drizzle would store them; keys left undefined take the column's
 * SQL default. The SQL text is built once per table and set of keys.
 * @example insertStatement(outbox, row, 'event_key') // … ON CONFLICT ("event_key") DO NOTHING
 */
export function insertStatement<T extends SQLiteTable>(
  table: T,
  row: Partial<T['$inferInsert']>,
  ignoreConflictOn?: string,
): Statement {
  const columns = getTableColumns(table);
  const keys: string[] = [];
  const args: SqlValue[] = [];
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined) continue;
    const column = columns[key];
    if (!column) throw new Error(`insertStatement: ${getTableName(table)} has no column ${key}`);
    keys.push(key);
    args.push(value === null ? null : (column.mapToDriverValue(value) as SqlValue));
  }
  let texts = insertTexts.get(table);
  if (!texts) {
    texts = new Map();
    insertTexts.set(table, texts);
  }
  const signature = `${keys.join(',')}|${ignoreConflictOn ?? ''}`;
  let sql = texts.get(signature);
  if (sql === undefined) {
    const names = keys.map((key) => `"${columns[key]?.name}"`).join(', ');
    const marks = keys.map(() => '?').join(', ');
    sql = `INSERT INTO "${getTableName(table)}" (${names}) VALUES (${marks})`;
    if (ignoreConflictOn) sql += ` ON CONFLICT ("${ignoreConflictOn}") DO NOTHING`;
    texts.set(signature, sql);
  }
  return { sql, args };
}
