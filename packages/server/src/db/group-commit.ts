import Database from 'libsql';
import type { SqlValue, Statement } from './statements';

/** What a unit of work may do inside the shared transaction; every call runs at once. */
export interface UnitTransaction {
  /** Runs a statement; how many rows it changed. */
  run(statement: Statement): { changes: number };
  /** The first row of a query as an object, or undefined. */
  get<Row>(sql: string, args: readonly SqlValue[]): Row | undefined;
  /**
   * What units of this transaction learnt and the next may reuse (the audit chain's head): the
   * transaction holds the write lock, so nothing else changes it meanwhile. Emptied when a unit
   * is rolled back, since what it learnt may have been undone with it.
   */
  memo: Map<string, unknown>;
}

/**
 * One unit: a synchronous function whose statements commit together, or not at all. A unit may
 * run more than once (when another unit of its transaction fails after writing, the group runs
 * again, see `GroupCommit`), so it must do nothing but read and write through `tx`.
 */
export type Unit<T> = (tx: UnitTransaction) => T;

interface Pending {
  work: Unit<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The most units one transaction takes; the rest wait for the next. */
const maxGroup = 256;

/**
 * A connection to a local database file with its prepared statements cached: what the group
 * writer writes through, and what the event loop reads through (db/writer-thread.ts).
 */
export class PreparedConnection {
  readonly db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #queries = new Map<string, { statement: Database.Statement; columns: string[] }>();

  /**
   * @param use 'write' for the group writer, 'read' for the event loop's reads (SQLite's default
   *   2 MiB page cache: an export reads every page once, and a larger cache only held them).
   */
  constructor(path: string, encryptionKey: string | undefined, use: 'write' | 'read' = 'write') {
    // The same options @libsql/client gives its own connection (the typings predate encryption).
    const options = (encryptionKey ? { encryptionKey } : {}) as Database.Options;
    this.db = new Database(path, options);
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = FULL');
    this.db.exec('PRAGMA foreign_keys = ON');
    this.db.exec('PRAGMA busy_timeout = 5000');
    // Inserts land all over the indexes; a page read back from the file must be decrypted again,
    // so a larger cache than SQLite's 2 MiB default pays for itself on the write path.
    if (use === 'write') this.db.exec('PRAGMA cache_size = -32768');
  }

  /** Runs a statement; how many rows it changed. */
  run({ sql, args }: Statement): { changes: number } {
    const info = this.prepared(sql).run(args);
    return { changes: Number(info.changes) };
  }

  /** The first row of a query as an object, or undefined. */
  get<Row>(sql: string, args: readonly SqlValue[]): Row | undefined {
    const { statement, columns } = this.#query(sql);
    const values = statement.get([...args]) as unknown[] | undefined;
    if (!values) return undefined;
    const row: Record<string, unknown> = {};
    columns.forEach((name, index) => {
      row[name] = values[index];
    });
    return row as Row;
  }

  /** Every row of a query, each as an array of its values in the query's column order. */
  all(sql: string, args: readonly SqlValue[]): unknown[][] {
    return this.#query(sql).statement.all([...args]) as unknown[][];
  }

  /** A statement prepared once for this connection. */
  prepared(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.#statements.size > 500) this.#statements.clear();
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** A prepared query in raw mode with its column names (object mode adds timing metadata). */
  #query(sql: string): { statement: Database.Statement; columns: string[] } {
    let query = this.#queries.get(sql);
    if (!query) {
      const statement = this.db.prepare(sql).raw(true);
      query = { statement, columns: statement.columns().map((column) => column.name) };
      if (this.#queries.size > 500) this.#queries.clear();
      this.#queries.set(sql, query);
    }
    return query;
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Group commit for a local database file. Units of work that arrive while the event loop is busy
 * are written in one transaction: a unit that fails (a constraint, a full form) is rolled back
 * alone and its caller gets the error, the others commit together. Every caller's promise settles
 * only after COMMIT has returned, so with synchronous=FULL an acknowledged write is on disk; one
 * fsync serves the whole group instead of one per request.
 *
 * A unit's failure is undone without a savepoint when it changed no row before failing: SQLite
 * undoes a failing statement itself, so there is nothing of the unit to undo (a full form, a
 * taken reference number, a second application fail on their first write). A unit that fails
 * after changing rows rolls the whole transaction back, and the group runs again with a
 * savepoint per unit. Savepoints are the exception because they were a unit's largest cost:
 * under one, every page the group had already changed is copied, encrypted, to the statement
 * journal before the unit changes it again (about 70 of the writer thread's 420 µs per submission,
 * docs/adr/0007).
 *
 * It has its own connection (PRAGMAs are per connection). The whole transaction runs within one
 * turn of the event loop of the thread it lives in (the writer thread, db/writer-thread.ts), so
 * it never holds the write lock across turns; other connections wait up to busy_timeout.
 */
export class GroupCommit {
  readonly #connection: PreparedConnection;
  #pending: Pending[] = [];
  #scheduled = false;
  #closed = false;

  constructor(path: string, encryptionKey: string | undefined) {
    this.#connection = new PreparedConnection(path, encryptionKey);
  }

  /**
   * Runs `work` in the next group transaction.
   * @returns what `work` returned, once the transaction has committed.
   */
  submit<T>(work: Unit<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('group commit: the database is closed'));
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  /** Writes what is pending, then closes the connection. */
  close(): void {
    if (this.#closed) return;
    while (this.#pending.length > 0) this.#flush();
    this.#closed = true;
    this.#connection.close();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // After the I/O callbacks of this turn: requests that arrived together commit together.
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#closed) return;
      this.#flush();
      if (this.#pending.length > 0) this.#schedule();
    });
  }

  #flush(): void {
    const group = this.#pending.splice(0, maxGroup);
    if (group.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.#commit(group);
    } catch (error) {
      // Nothing of this group is stored: every caller hears of it, none is told it succeeded.
      if (this.#connection.db.inTransaction) {
        try {
          this.#connection.db.exec('ROLLBACK');
        } catch {
          // The connection is unusable; the callers still learn that nothing was stored.
        }
      }
      for (const unit of group) unit.reject(error);
      return;
    }
    group.forEach((unit, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) unit.resolve(outcome.value);
      else unit.reject(outcome?.error);
    });
  }

  /** One transaction for the group; throws when the group as a whole did not commit. */
  #commit(group: readonly Pending[]): Outcome[] {
    return this.#transaction(group, false) ?? (this.#transaction(group, true) as Outcome[]);
  }

  /**
   * The group in one transaction, with a savepoint per unit or none. Without, a unit that fails
   * after changing rows cannot be undone alone: the transaction is rolled back and the result is
   * undefined, for the caller to run the group again with savepoints.
   */
  #transaction(group: readonly Pending[], savepoints: boolean): Outcome[] | undefined {
    const connection = this.#connection;
    const db = connection.db;
    const outcomes: Outcome[] = [];
    let changed = false;
    const tx: UnitTransaction = {
      run: (statement) => {
        const result = connection.run(statement);
        if (result.changes > 0) changed = true;
        return result;
      },
      get: (sql, args) => {
        // A query that writes (… RETURNING) counts as a change, like any statement but a SELECT.
        if (!selectOnly.test(sql)) changed = true;
        return connection.get(sql, args);
      },
      memo: new Map(),
    };
    db.exec('BEGIN IMMEDIATE');
    // Prepared once: two per unit, parsing them each time showed in the profile.
    const savepoint = savepoints ? connection.prepared('SAVEPOINT unit') : undefined;
    const release = savepoints ? connection.prepared('RELEASE unit') : undefined;
    for (const unit of group) {
      changed = false;
      savepoint?.run();
      try {
        const value = unit.work(tx);
        release?.run();
        outcomes.push({ ok: true, value });
      } catch (error) {
        // SQLite gave up the whole transaction (I/O error, disk full): the group fails as one.
        if (!db.inTransaction) throw error;
        if (savepoints) {
          db.exec('ROLLBACK TO unit');
          db.exec('RELEASE unit');
        } else if (changed) {
          db.exec('ROLLBACK');
          return undefined;
        }
        tx.memo.clear();
        outcomes.push({ ok: false, error });
      }
    }
    db.exec('COMMIT');
    return outcomes;
  }
}

const selectOnly = /^\s*SELECT\s/i;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
