// One export of the export benchmark (bench/export.ts), in a process of its own: opens the seeded
// data folder as the server would and streams a CSV or Excel file, then prints its time, CPU and
// peak RSS. Built into dist/ with the server (scripts/build.mjs --bench), so it carries what a
// server started by `pnpm start` carries and nothing of the seeding.
//   node dist/bench-export-child.mjs DIR FORM csv|xlsx TENANT ROWS (the rows seeded, for the report)
import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
// What a server process has loaded before anyone asks for a download (exported, so that the
// build keeps it all: nothing here calls it).
import { createPublicApp, createStaffApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openControlDatabase, TenantRegistry } from '../src/db/registry';
import { exportColumns, mergeVersions } from '../src/exports/columns';
import { csvUtf8Stream } from '../src/exports/csv';
import { publishedDefinitions, streamSubmissions, tableRows } from '../src/exports/service';
import { xlsxStream } from '../src/exports/xlsx';

export { createPublicApp, createStaffApp };

type Format = 'csv' | 'xlsx';
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** One export, in its own process: opens the seeded data folder as the server would. */
async function exportOnce(
  dataDir: string,
  formId: string,
  format: Format,
  slug: string,
  total: string,
): Promise<void> {
  const rss = () => process.memoryUsage().rss;
  const rssBefore = rss();
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss());
  }, 50);
  // The master key createHarness() uses, so the seeded (encrypted) files open.
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', MASTER_KEY: 'ab'.repeat(32) });
  const settings = {
    controlUrl: config.CONTROL_DATABASE_URL,
    tenantUrl: config.TENANT_DATABASE_URL,
    masterKey: Buffer.from(config.MASTER_KEY ?? '', 'hex'),
  };
  const registry = new TenantRegistry((await openControlDatabase(settings)).db, settings);
  const db = await registry.database(slug);
  const file = join(dataDir, `export.${format}`);
  const out = createWriteStream(file);

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const layout = exportColumns(mergeVersions(await publishedDefinitions(db, formId)), {
    includeMyNumber: false,
    groupMode: 'flatten',
  });
  const chunks =
    format === 'csv'
      ? csvUtf8Stream(tableRows(layout.columns, streamSubmissions(db, formId, {})))
      : xlsxStream(layout, () => streamSubmissions(db, formId, {}));
  for await (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peak = Math.max(peak, rss());
  await registry.close();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `${format === 'csv' ? 'CSV, UTF-8 with BOM' : 'Excel (.xlsx)'}: ${total} rows × ${layout.columns.length} columns, ${mb(statSync(file).size)}`,
  );
  console.log(
    `  ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (all threads); RSS ${mb(rssBefore)} before the export, peak ${mb(peak)}`,
  );
}

const [dataDir, formId, format, slug, total] = process.argv.slice(2);
if (!dataDir || !formId || !slug || !total || (format !== 'csv' && format !== 'xlsx'))
  throw new Error('usage: bench-export-child.mjs DIR FORM csv|xlsx TENANT ROWS');
await exportOnce(dataDir, formId, format, slug, total);
