import { Worker } from 'node:worker_threads';
import type { Client } from '@libsql/client';
import type { AuditEntry } from '../audit/rows';
import { PreparedConnection } from './group-commit';
import type { SqlValue, Statement } from './statements';
import { decodeChanges, encodeWrite } from './writer-codec';

/** A write the writer thread runs as one unit: statements, then audit entries chained after them. */
export interface AuditedWrite {
  statements: readonly Statement[];
  entries: readonly AuditEntry[];
  now: number;
}

/** Messages to the writer thread. */
export type ToWriter =
  | { type: 'open'; file: number; path: string; encryptionKey: string | undefined }
  /** The writes, each encoded by `encodeWrite` (db/writer-codec.ts), one after the other. */
  | { type: 'writes'; file: number; text: string }
  | { type: 'close'; file: number; id: number };

/** A write the writer thread refused, with SQLite's words. */
export type WriteFailure = { id: number; message: string; code: string | undefined };

/** Messages from the writer thread: each write's outcome, after its transaction committed. */
export type FromWriter =
  | {
      type: 'written';
      /** The writes that committed, by `encodeChanges` (db/writer-codec.ts). */
      committed: string;
      failed: WriteFailure[];
    }
  | { type: 'closed'; id: number; failure: WriteFailure | undefined };

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The one writer thread of this process (docs/adr/0007). It holds a group-commit connection per
 * local tenant file and runs every hot write there, so SQLite's work and the COMMIT (page
 * encryption, WAL, fsync) run beside the event loop instead of on it. Started at the first write,
 * stopped when the last file closes; while nothing is pending it does not keep the process alive.
 */
class WriterThread {
  #worker: Worker | undefined;
  readonly #files = new Map<number, { path: string; encryptionKey: string | undefined }>();
  readonly #waiting = new Map<number, Waiting>();
  /** Encoded writes per file, waiting for the end of this turn of the event loop. */
  #queued = new Map<number, string[]>();
  #scheduled = false;
  #nextId = 1;

  open(file: number, path: string, encryptionKey: string | undefined): void {
    this.#files.set(file, { path, encryptionKey });
    // The thread itself starts at the first write: a process that only reads (an export, a
    // backup) never pays for it (about 50 MB with its module graph).
    this.#worker?.postMessage({ type: 'open', file, path, encryptionKey } satisfies ToWriter);
  }

  /** Starts the thread now, so the first application does not wait for its start-up. */
  warm(): void {
    this.#started();
  }

  write(file: number, write: AuditedWrite): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      // A write that cannot be encoded is refused here (the executor's throw rejects it).
      const piece = encodeWrite(id, write);
      this.#waiting.set(id, { resolve, reject });
      let queue = this.#queued.get(file);
      if (!queue) {
        queue = [];
        this.#queued.set(file, queue);
      }
      queue.push(piece);
      this.#worker?.ref();
      if (this.#scheduled) return;
      this.#scheduled = true;
      // The writes of this turn of the event loop go in one message, and so in one transaction.
      setImmediate(() => this.#send());
    });
  }

  /** Writes what the file has pending, then closes its connection in the thread. */
  close(file: number): Promise<void> {
    if (!this.#files.has(file)) return Promise.resolve();
    this.#send();
    this.#files.delete(file);
    const worker = this.#worker;
    if (!worker) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const id = this.#nextId++;
      this.#waiting.set(id, { resolve: () => resolve(), reject });
      worker.ref();
      worker.postMessage({ type: 'close', file, id } satisfies ToWriter);
    }).finally(() => {
      if (this.#files.size === 0 && this.#worker === worker) {
        this.#worker = undefined;
        void worker.terminate();
      }
    });
  }

  #send(): void {
    this.#scheduled = false;
    if (this.#queued.size === 0) return;
    const worker = this.#started();
    for (const [file, pieces] of this.#queued)
      worker.postMessage({ type: 'writes', file, text: pieces.join('') } satisfies ToWriter);
    this.#queued = new Map();
  }

  #settle(id: number, value: unknown, failure: WriteFailure | undefined): void {
    const waiting = this.#waiting.get(id);
    if (!waiting) return;
    this.#waiting.delete(id);
    if (failure) waiting.reject(Object.assign(new Error(failure.message), { code: failure.code }));
    else waiting.resolve(value);
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./writer-worker-entry.mjs', import.meta.url));
    worker.on('message', (message: FromWriter) => {
      if (message.type === 'closed') {
        this.#settle(message.id, undefined, message.failure);
      } else {
        for (const { id, changes } of decodeChanges(message.committed))
          this.#settle(id, changes, undefined);
        for (const failure of message.failed) this.#settle(failure.id, undefined, failure);
      }
      if (this.#waiting.size === 0) worker.unref();
    });
    // A thread that died takes nothing with it silently: every write it held is refused (none was
    // acknowledged), and the next write starts a new thread.
    const stopped = (error: unknown) => {
      if (this.#worker === worker) this.#worker = undefined;
      const failure = new Error('the writer thread stopped', { cause: error });
      for (const waiting of this.#waiting.values()) waiting.reject(failure);
      this.#waiting.clear();
      // Writes not yet posted were refused with the rest: none may reach the next thread and be
      // stored after its caller heard that it was not.
      this.#queued = new Map();
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`exit code ${code}`)));
    for (const [file, { path, encryptionKey }] of this.#files)
      worker.postMessage({ type: 'open', file, path, encryptionKey } satisfies ToWriter);
    if (this.#waiting.size === 0) worker.unref();
    this.#worker = worker;
    return worker;
  }
}

const thread = new WriterThread();
let nextFile = 1;

/**
 * Starts the writer thread ahead of the first write: the server does at start-up, so the first
 * residents' submits do not wait for it (it loads its sources, about half a second). Processes
 * that only read (exports, backups) leave it unstarted.
 */
export function startWriterThread(): void {
  thread.warm();
}

/**
 * The hot-path access to a local tenant file: writes through the writer thread's group commit,
 * reads on a connection of this thread (they see everything committed, by any connection).
 */
export class LocalWriter {
  readonly #file = nextFile++;
  readonly #reader: PreparedConnection;
  #closed = false;

  constructor(path: string, encryptionKey: string | undefined) {
    this.#reader = new PreparedConnection(path, encryptionKey, 'read');
    thread.open(this.#file, path, encryptionKey);
  }

  /**
   * Runs the statements and chains the audit entries after them, in the next group transaction.
   * @returns how many rows each statement changed, once the transaction has committed.
   */
  write(write: AuditedWrite): Promise<{ changes: number }[]> {
    if (this.#closed) return Promise.reject(new Error('local writer: the database is closed'));
    return thread.write(this.#file, write) as Promise<{ changes: number }[]>;
  }

  /** One row of a query, columns named as in `sql`, or undefined. */
  read<Row>(sql: string, args: readonly SqlValue[]): Row | undefined {
    if (this.#closed) throw new Error('local writer: the database is closed');
    return this.#reader.get<Row>(sql, args);
  }

  /** Every row of a query as an array of values, in the query's column order. */
  readAll(sql: string, args: readonly SqlValue[]): unknown[][] {
    if (this.#closed) throw new Error('local writer: the database is closed');
    return this.#reader.all(sql, args);
  }

  /** Writes what is pending, then closes both connections. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await thread.close(this.#file);
    this.#reader.close();
  }
}

const writers = new WeakMap<object, LocalWriter>();

/** Makes `writer` the hot-path writer of `db` (a tenant's drizzle database on a local file). */
export function attachLocalWriter(db: object, writer: LocalWriter): void {
  writers.set(db, writer);
}

/** The local writer of a database, or undefined for a remote one (libSQL server). */
export function localWriterOf(db: object): LocalWriter | undefined {
  return writers.get(db);
}

/**
 * One row of a hot read (every resident request makes it), columns named as in `sql`: on a
 * local file through this thread's prepared statements, else through the libSQL client.
 * @example await readRow<{ email: string | null }>(db, 'SELECT email FROM departments WHERE id = ?', [id])
 */
export async function readRow<Row>(
  db: { $client: Client },
  sql: string,
  args: readonly SqlValue[],
): Promise<Row | undefined> {
  const writer = writers.get(db);
  if (writer) return writer.read<Row>(sql, args);
  const result = await db.$client.execute({ sql, args: [...args] });
  const row = result.rows[0];
  if (!row) return undefined;
  return Object.fromEntries(result.columns.map((name) => [name, row[name]])) as Row;
}

/**
 * Every row of a query as an array of values (a page of an export): on a local file through this
 * thread's prepared statements in raw mode, else through the libSQL client. The client builds
 * each row as an object with a property per column; in raw mode a row is an array.
 */
export async function readRows(
  db: { $client: Client },
  sql: string,
  args: readonly SqlValue[],
): Promise<unknown[][]> {
  const writer = writers.get(db);
  if (writer) return writer.readAll(sql, args);
  const result = await db.$client.execute({ sql, args: [...args] });
  return result.rows.map((row) => Array.from(row));
}
