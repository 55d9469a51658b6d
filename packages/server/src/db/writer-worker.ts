import { parentPort } from 'node:worker_threads';
import { auditedUnit } from '../audit/rows';
import { GroupCommit } from './group-commit';
import { decodeWrites, encodeChanges } from './writer-codec';
import type { FromWriter, ToWriter, WriteFailure } from './writer-thread';

/**
 * The writer thread (db/writer-thread.ts): a group commit per open file. The writes of one
 * message, and of every message that arrived while the last transaction ran, share one
 * transaction; each write's outcome goes back once its transaction has committed.
 */
const port = parentPort;
if (!port) throw new Error('writer-worker runs as a worker thread');
const groups = new Map<number, GroupCommit>();

/** SQLite's words, with the cause's, so the caller can tell a constraint from a guard. */
function describe(id: number, error: unknown): WriteFailure {
  if (!(error instanceof Error)) return { id, message: String(error), code: undefined };
  const cause = (error as { cause?: unknown }).cause;
  return {
    id,
    message: cause === undefined ? error.message : `${error.message} ${String(cause)}`,
    code: (error as { code?: string }).code,
  };
}

port.on('message', (message: ToWriter) => {
  if (message.type === 'open') {
    groups.get(message.file)?.close();
    groups.set(message.file, new GroupCommit(message.path, message.encryptionKey));
    return;
  }
  if (message.type === 'close') {
    const group = groups.get(message.file);
    groups.delete(message.file);
    let failure: WriteFailure | undefined;
    try {
      group?.close();
    } catch (error) {
      failure = describe(message.id, error);
    }
    port.postMessage({ type: 'closed', id: message.id, failure } satisfies FromWriter);
    return;
  }
  const group = groups.get(message.file);
  const writes = decodeWrites(message.text);
  void Promise.allSettled(
    writes.map(({ write }) => {
      if (!group) return Promise.reject(new Error('writer thread: the database is not open'));
      return group.submit(auditedUnit(write.statements, write.entries, write.now));
    }),
  ).then((settled) => {
    const committed: { id: number; changes: number[] }[] = [];
    const failed: WriteFailure[] = [];
    settled.forEach((outcome, index) => {
      const id = writes[index]?.id ?? 0;
      if (outcome.status === 'fulfilled')
        committed.push({ id, changes: outcome.value.map((result) => result.changes) });
      else failed.push(describe(id, outcome.reason));
    });
    port.postMessage({
      type: 'written',
      committed: encodeChanges(committed),
      failed,
    } satisfies FromWriter);
  });
});
