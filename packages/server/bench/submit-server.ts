// The servers the submit benchmark loads, in their own process so the load generator does not
// share their event loop. Prints one JSON line with the ports and form ids once listening.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { exampleDefinitions } from '@madoguchi/shared/examples';
import { Hono } from 'hono';
import { createPublicApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/open';
import { openControlDatabase, TenantRegistry } from '../src/db/registry';
import { startWriterThread } from '../src/db/writer-thread';
import type { AppDeps } from '../src/deps';
import type { Logger } from '../src/http/logger';
import { publishForTest } from '../src/submissions/test-support';
import { createTenant } from '../src/tenants/service';

const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-'));
const config = loadConfig({
  DATA_DIR: dataDir,
  NODE_ENV: 'test',
  MASTER_KEY: 'cd'.repeat(32),
  DEMO: 'off',
});
const settings = {
  controlUrl: config.CONTROL_DATABASE_URL,
  tenantUrl: config.TENANT_DATABASE_URL,
  masterKey: Buffer.from('cd'.repeat(32), 'hex'),
};
const { db: control } = await openControlDatabase(settings);
const registry = new TenantRegistry(control, settings);
// As the server does at start-up (src/main.ts).
startWriterThread();
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const deps: AppDeps = {
  config,
  registry,
  logger: silent,
  now: Date.now,
  remoteAddress: () => '127.0.0.1',
};

await createTenant(
  registry,
  {
    slug: 'bench',
    name: 'ベンチ区',
    localGovernmentCode: '131041',
    adminEmail: 'a@bench.example.lg.jp',
    adminName: '管理',
  },
  Date.now(),
);
const db = await registry.database('bench');
const pregnancy = structuredClone(exampleDefinitions['pregnancy-support-benefit']);
const zeroWaste = structuredClone(exampleDefinitions['zero-waste-day']);
if (!pregnancy || !zeroWaste) throw new Error('examples missing');
const formId = await publishForTest(db, pregnancy, Date.now());
const raceFormId = await publishForTest(
  db,
  { ...zeroWaste, settings: { capacity: 50 }, options: { emailVerification: false } },
  Date.now(),
);

// The baseline: a bare route inserting one row into a libSQL file with the same settings
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

const app = createPublicApp(deps);
const servers = [
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }),
  serve({ fetch: baseline.fetch, port: 0, hostname: '127.0.0.1' }),
];
await new Promise((resolve) => setTimeout(resolve, 200));
const ports = servers.map((server) => {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
});
process.stdout.write(
  `${JSON.stringify({ appPort: ports[0], baselinePort: ports[1], formId, raceFormId, pid: process.pid })}\n`,
);
