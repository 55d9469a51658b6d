import { parentPort } from 'node:worker_threads';
import { auditedUnit } from '../audit/rows';
import { GroupCommit } from './group-commit';
import type { FromWriter, ToWriter } from './writer-thread';

/**
 * The writer thread (db/writer-thread.ts): a group commit per open file. The writes of one
 * message, and of every message that arrived while the last transaction ran, share one
 * transaction; each write's outcome goes back once its transaction has committed.
 */
const port = parentPort;
if (!port) throw new Error('writer-worker runs as a worker thread');
const groups = new Map<number, GroupCommit>();

/** SQLite's words, with the cause's, so the caller can tell a constraint from a guard. */
function describe(error: unknown): { message: string; code: string | undefined } {
  if (!(error instanceof Error)) return { message: String(error), code: undefined };
  const cause = (error as { cause?: unknown }).cause;
  return {
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
    try {
      group?.close();
      port.postMessage({
        type: 'done',
        outcomes: [{ id: message.id, ok: true, value: undefined }],
      } satisfies FromWriter);
    } catch (error) {
      port.postMessage({
        type: 'done',
        outcomes: [{ id: message.id, ok: false, ...describe(error) }],
      } satisfies FromWriter);
    }
    return;
  }
  const group = groups.get(message.file);
  void Promise.allSettled(
    message.writes.map(({ write }) => {
      if (!group) return Promise.reject(new Error('writer thread: the database is not open'));
      return group.submit(auditedUnit(write.statements, write.entries, write.now));
    }),
  ).then((settled) => {
    port.postMessage({
      type: 'done',
      outcomes: settled.map((outcome, index) => {
        const id = message.writes[index]?.id ?? 0;
        return outcome.status === 'fulfilled'
          ? { id, ok: true, value: outcome.value }
          : { id, ok: false, ...describe(outcome.reason) };
      }),
    } satisfies FromWriter);
  });
});
