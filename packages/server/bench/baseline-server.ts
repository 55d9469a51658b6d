// The submit benchmark's baseline (bench/submit.ts): a bare Hono route inserting one row into a
// libSQL file with the server's durability settings, in a process of its own, so neither side
// runs in the other's heap (a round after the other's used to pay for its garbage). Prints one
// JSON line with its port once listening.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { openDatabase } from '../src/db/open';

const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-baseline-'));
// A bare route inserting one row into a libSQL file with the same settings
// (encrypted, WAL, synchronous=FULL, one connection).
const baselineDb = await openDatabase({
  url: `file:${join(dataDir, 'baseline.db')}`,
  encryptionKey: 'ef'.repeat(32),
});
await baselineDb.execute(
  'CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at INTEGER NOT NULL)',
);
const baseline = new Hono().post('/insert', async (c) => {
  const body = await c.req.text();
  await baselineDb.execute({
    sql: 'INSERT INTO rows (body, at) VALUES (?, ?)',
    args: [body, Date.now()],
  });
  return c.json({ ok: true }, 201);
});

const server = serve({ fetch: baseline.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => setTimeout(resolve, 200));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ port, pid: process.pid })}\n`);
