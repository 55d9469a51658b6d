import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TenantDb } from '../db/registry';
import { attachments } from '../db/tenant-schema';
import { saveUpload } from '../files/service';
import { type FileStorage, localFileStorage } from '../files/storage';
import { fileFormDefinition, samplePdf } from '../files/test-support';
import { loadPublishedForm, type PublishedForm } from '../submissions/forms';
import { submitApplication } from '../submissions/service';
import { publishForTest } from '../submissions/test-support';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';
import { deleteUnclaimedUploads, unclaimedUploadMs } from './uploads';

let h: Awaited<ReturnType<typeof createHarness>>;
let storage: FileStorage;
let db: TenantDb;
let form: PublishedForm;
beforeAll(async () => {
  h = await createHarness();
  storage = localFileStorage({ dataDir: h.dataDir, masterKey: h.registry.settings.masterKey });
  await createTenant(
    h.registry,
    {
      slug: 'nakano',
      name: '中野区',
      localGovernmentCode: '131148',
      adminEmail: 'a@nakano.example.lg.jp',
      adminName: '管理',
    },
    h.now(),
  );
  db = await h.registry.database('nakano');
  form = await loadPublishedForm(
    db,
    await publishForTest(db, fileFormDefinition, h.now()),
    undefined,
  );
});
afterAll(() => h.close());

const upload = () =>
  saveUpload(db, storage, {
    tenantSlug: 'nakano',
    form,
    fieldId: 'bankbook',
    name: 'scan.pdf',
    bytes: samplePdf(),
    now: h.now(),
  });
const fileOf = (id: string) => join(h.dataDir, 'files', 'nakano', id);

describe('unclaimed uploads', () => {
  test('an upload no application claimed within 25 hours is deleted, row and bytes; a newer one stays', async () => {
    const old = await upload();
    h.advance(unclaimedUploadMs - 60_000);
    const recent = await upload();
    expect(await deleteUnclaimedUploads(db, storage, 'nakano', h.now())).toBe(0);
    h.advance(2 * 60_000);
    expect(await deleteUnclaimedUploads(db, storage, 'nakano', h.now())).toBe(1);
    const left = (await db.select().from(attachments)).map((a) => a.id);
    expect(left).toContain(recent.id);
    expect(left).not.toContain(old.id);
    expect(existsSync(fileOf(old.id))).toBe(false);
    expect(existsSync(fileOf(recent.id))).toBe(true);
  });

  test('an upload bound to an application is kept however old', async () => {
    const bound = await upload();
    const tenant = await h.registry.find('nakano');
    if (!tenant) throw new Error('no tenant');
    await submitApplication(
      db,
      tenant,
      form,
      { answers: { bankbook: [bound] }, locale: 'ja' },
      { masterKey: h.registry.settings.masterKey, now: h.now() },
    );
    h.advance(10 * unclaimedUploadMs);
    // Only the first test's newer upload, still unclaimed, goes now.
    expect(await deleteUnclaimedUploads(db, storage, 'nakano', h.now())).toBe(1);
    expect((await db.select().from(attachments)).map((a) => a.id)).toEqual([bound.id]);
    expect(existsSync(fileOf(bound.id))).toBe(true);
  });
});
