import type { AuditEntry } from '../audit/rows';
import type { SqlValue, Statement } from './statements';
import type { AuditedWrite } from './writer-thread';

/**
 * The writes the event loop posts to the writer thread, as one string (docs/adr/0007). Posting
 * the objects themselves made the structured clone walk every statement, argument and key on
 * both threads: about 40 µs per application, measured, against about 25 µs for this encoding,
 * whose one string crosses as a single copy. Each piece stands alone (no state shared between
 * messages), so a writer thread that starts again cannot misread a later message.
 *
 * A write: `id,now,count,` then each statement (its SQL as a string, `argCount,`, the arguments),
 * then the audit entries as JSON. Strings go as `s<length>:<text>`, so they may hold anything;
 * numbers as `d<number>;`, bigints as `i<digits>;`, bytes as `b<length>:<latin1>`, null as `n`.
 */
export function encodeWrite(id: number, write: AuditedWrite): string {
  let out = `${id},${write.now},${write.statements.length},`;
  for (const { sql, args } of write.statements) {
    out += `s${sql.length}:${sql}${args.length},`;
    for (const value of args) out += encodeValue(value);
  }
  // Throws on what JSON cannot hold (a bigint in details), before anything is posted.
  const entries = JSON.stringify(write.entries);
  return `${out}${entries.length}:${entries}`;
}

function encodeValue(value: SqlValue): string {
  if (value === null) return 'n';
  if (typeof value === 'string') return `s${value.length}:${value}`;
  if (typeof value === 'number') return `d${Object.is(value, -0) ? '-0' : value};`;
  if (typeof value === 'bigint') return `i${value};`;
  if (value instanceof Uint8Array) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1');
    return `b${bytes.length}:${bytes}`;
  }
  throw new TypeError(`writer thread: cannot send a value of type ${typeof value}`);
}

/** The writes of a message made of `encodeWrite` pieces, in order. */
export function decodeWrites(text: string): { id: number; write: AuditedWrite }[] {
  let at = 0;
  const upTo = (end: string): string => {
    const stop = text.indexOf(end, at);
    if (stop < 0) throw new Error('writer thread: a message was cut short');
    const part = text.slice(at, stop);
    at = stop + 1;
    return part;
  };
  const counted = (): string => {
    const length = Number(upTo(':'));
    const part = text.slice(at, at + length);
    at += length;
    return part;
  };
  const value = (): SqlValue => {
    const tag = text[at++];
    if (tag === 'n') return null;
    if (tag === 's') return counted();
    if (tag === 'd') return Number(upTo(';'));
    if (tag === 'i') return BigInt(upTo(';'));
    if (tag === 'b') return Buffer.from(counted(), 'latin1');
    throw new Error(`writer thread: unknown value tag ${tag}`);
  };
  const writes: { id: number; write: AuditedWrite }[] = [];
  while (at < text.length) {
    const id = Number(upTo(','));
    const now = Number(upTo(','));
    const count = Number(upTo(','));
    const statements: Statement[] = [];
    for (let s = 0; s < count; s++) {
      if (text[at++] !== 's') throw new Error('writer thread: a statement without its SQL');
      const sql = counted();
      const argCount = Number(upTo(','));
      const args: SqlValue[] = new Array(argCount);
      for (let a = 0; a < argCount; a++) args[a] = value();
      statements.push({ sql, args });
    }
    const entries = JSON.parse(counted()) as AuditEntry[];
    writes.push({ id, write: { statements, entries, now } });
  }
  return writes;
}

/**
 * The outcomes of a transaction's writes, for the event loop: `id:changes,changes;` per write
 * that committed. Writes that failed go beside it as objects (rare, and they carry messages).
 */
export function encodeChanges(committed: { id: number; changes: readonly number[] }[]): string {
  let out = '';
  for (const { id, changes } of committed) out += `${id}:${changes.join(',')};`;
  return out;
}

/** The committed writes of `encodeChanges`: each id with its statements' changed-row counts. */
export function decodeChanges(text: string): { id: number; changes: { changes: number }[] }[] {
  const committed: { id: number; changes: { changes: number }[] }[] = [];
  for (const part of text.split(';')) {
    if (part === '') continue;
    const colon = part.indexOf(':');
    const counts = part.slice(colon + 1);
    committed.push({
      id: Number(part.slice(0, colon)),
      changes: counts === '' ? [] : counts.split(',').map((n) => ({ changes: Number(n) })),
    });
  }
  return committed;
}
