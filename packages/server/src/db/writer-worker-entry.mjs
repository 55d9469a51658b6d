// The writer thread's entry (db/writer-thread.ts): the thread runs the TypeScript sources as the
// server does, through tsx, with a loader scoped to this import.
import { tsImport } from 'tsx/esm/api';

await tsImport('./writer-worker.ts', import.meta.url);
