// Profiles the submit path in process: `node --cpu-prof --import tsx bench/profile-submit.ts`
// writes a .cpuprofile (open it in Chrome DevTools); without the flag it prints ms per submit.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleAnswers, exampleDefinitions } from '@madoguchi/shared/examples';
import { createPublicApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openControlDatabase, TenantRegistry } from '../src/db/registry';
import { publishForTest } from '../src/submissions/test-support';
import { createTenant } from '../src/tenants/service';

const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-prof-'));
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
await createTenant(
  registry,
  {
    slug: 'prof',
    name: 'prof',
    localGovernmentCode: '131041',
    adminEmail: 'a@p.jp',
    adminName: 'x',
  },
  Date.now(),
);
const db = await registry.database('prof');
const def = exampleDefinitions['pregnancy-support-benefit'];
if (!def) throw new Error('no def');
const formId = await publishForTest(db, def, Date.now());
const app = createPublicApp({
  config,
  registry,
  logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  now: Date.now,
  remoteAddress: () => '127.0.0.1',
});
const body = JSON.stringify({ answers: exampleAnswers['pregnancy-support-benefit'] });
// 50 in flight at a time, like the HTTP benchmark's 50 connections, so group commit can group.
const total = 4000;
const inFlight = 50;
let next = 0;
async function client(): Promise<void> {
  while (next < total) {
    next++;
    const response = await app.request(`/t/prof/api/forms/${formId}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (response.status !== 201) throw new Error(`submit: ${response.status}`);
  }
}
const started = performance.now();
const cpu = process.cpuUsage();
await Promise.all(Array.from({ length: inFlight }, client));
const used = process.cpuUsage(cpu);
console.log(
  'ms per submit',
  ((performance.now() - started) / total).toFixed(3),
  'cpu ms per submit',
  ((used.user + used.system) / 1000 / total).toFixed(3),
);
