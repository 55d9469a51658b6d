// The server the submit benchmark loads, in its own process so the load generator does not share
// its event loop. Prints one JSON line with the port and form ids once listening.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { exampleDefinitions } from '@madoguchi/shared/examples';
import { createPublicApp } from '../src/app';
import { loadConfig } from '../src/config';
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

const app = createPublicApp(deps);
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => setTimeout(resolve, 200));
const address = server.address();
const appPort = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ appPort, formId, raceFormId, pid: process.pid })}\n`);
