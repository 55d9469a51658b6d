import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type FileAnswer, type FormDefinition, validateAnswers } from '@madoguchi/shared';
import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../auth/authorize';
import { isUnchangedAbort } from '../db/guards';
import type { Tenant, TenantDb } from '../db/registry';
import { attachments } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { loadPublishedForm, type PublishedForm } from '../submissions/forms';
import { submitApplication } from '../submissions/service';
import { publishForTest } from '../submissions/test-support';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';
import {
  type AttachmentRef,
  attachmentsBindStatements,
  readAttachment,
  refsInAnswers,
  sanitizeFileName,
  saveUpload,
} from './service';
import { type FileStorage, localFileStorage } from './storage';
import { fileFormDefinition, pdfOfSize, sampleJpeg, samplePdf, samplePng } from './test-support';

let h: Awaited<ReturnType<typeof createHarness>>;
let storage: FileStorage;
type Slug = 'midori' | 'aoba';
const worlds = new Map<Slug, { tenant: Tenant; db: TenantDb; form: PublishedForm }>();
function world(slug: Slug) {
  const found = worlds.get(slug);
  if (!found) throw new Error(`no tenant ${slug}`);
  return found;
}
let otherForm: PublishedForm;

beforeAll(async () => {
  h = await createHarness();
  storage = localFileStorage({ dataDir: h.dataDir, masterKey: h.registry.settings.masterKey });
  for (const [slug, code] of [
    ['midori', '131041'],
    ['aoba', '141003'],
  ] as const) {
    const { tenant } = await createTenant(
      h.registry,
      {
        slug,
        name: `${slug}区`,
        localGovernmentCode: code,
        adminEmail: `a@${slug}.example.lg.jp`,
        adminName: '管理',
      },
      h.now(),
    );
    const db = await h.registry.database(slug);
    const formId = await publishForTest(db, fileFormDefinition, h.now());
    worlds.set(slug, { tenant, db, form: await loadPublishedForm(db, formId, undefined) });
  }
  const midori = world('midori');
  otherForm = await loadPublishedForm(
    midori.db,
    await publishForTest(midori.db, fileFormDefinition, h.now()),
    undefined,
  );
});
afterAll(() => h.close());

function upload(
  fieldId: string,
  bytes: Uint8Array,
  name = 'scan.pdf',
  where: { slug?: Slug; form?: PublishedForm } = {},
) {
  const slug = where.slug ?? 'midori';
  const { db, form } = world(slug);
  return saveUpload(db, storage, {
    tenantSlug: slug,
    form: where.form ?? form,
    fieldId,
    name,
    bytes,
    now: h.now(),
  });
}

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('saveUpload', () => {
  test('stores a top-level upload encrypted and returns the reference a file answer carries', async () => {
    const bytes = samplePng();
    const reference = await upload('bankbook', bytes, '通帳.png');
    expect(reference).toEqual({
      id: expect.stringMatching(/^att_[0-9a-z]{25}$/),
      name: '通帳.png',
      size: bytes.length,
      type: 'image/png',
    });
    const row = await world('midori').db.query.attachments.findFirst({
      where: eq(attachments.id, reference.id),
    });
    expect(row).toMatchObject({
      formId: world('midori').form.form.id,
      fieldId: 'bankbook',
      submissionId: null,
      type: 'image/png',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await storage.get('midori', reference.id)).toEqual(bytes);
  });

  test('takes uploads for a file field inside a repeatable group', async () => {
    const reference = await upload('insurance_card', sampleJpeg(), 'hoken.jpg');
    expect(reference.type).toBe('image/jpeg');
  });

  test('the type is sniffed, not taken from the name', async () => {
    expect((await upload('bankbook', samplePdf(), 'photo.png')).type).toBe('application/pdf');
  });

  test('an unknown field is a validation error', async () => {
    const error = await refused(upload('no_such_field', samplePdf()));
    expect(error.code).toBe('validation_failed');
    expect(error.details?.[0]?.path).toBe('field');
  });

  test.each(['note', 'children'])(
    'a field that takes no files (%s) is a validation error',
    async (fieldId) => {
      expect((await refused(upload(fieldId, samplePdf()))).code).toBe('validation_failed');
    },
  );

  test('a file over the field’s limit is refused with 413 naming the limit', async () => {
    const error = await refused(upload('bankbook', pdfOfSize(1024 * 1024 + 1)));
    expect(error.code).toBe('payload_too_large');
    expect(error.status).toBe(413);
    expect(error.messages.ja).toContain('1 MB');
    expect(error.messages.en).toContain('1 MB');
    expect((await upload('bankbook', pdfOfSize(1024 * 1024))).size).toBe(1024 * 1024);
  });

  test('a type the field does not accept is refused with 415 listing the accepted types', async () => {
    const error = await refused(upload('bankbook', sampleJpeg(), 'scan.pdf'));
    expect(error.code).toBe('unsupported_media_type');
    expect(error.status).toBe(415);
    expect(error.messages.ja).toContain('PDF、PNG');
    expect(error.messages.en).toContain('PDF, PNG');
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    expect((await refused(upload('bankbook', html, 'scan.pdf'))).code).toBe(
      'unsupported_media_type',
    );
  });

  test('a closed form takes no uploads', async () => {
    const { form } = world('midori');
    const closed = { ...form, form: { ...form.form, status: 'closed' as const } };
    expect((await refused(upload('bankbook', samplePdf(), 'a.pdf', { form: closed }))).code).toBe(
      'form_closed',
    );
  });

  test('when the row cannot be written, the stored bytes are removed again', async () => {
    const { form } = world('midori');
    const missing = { ...form, form: { ...form.form, id: 'frm_missing' } };
    const before = readdirSync(join(h.dataDir, 'files', 'midori')).length;
    await expect(upload('bankbook', samplePdf(), 'a.pdf', { form: missing })).rejects.toThrow();
    expect(readdirSync(join(h.dataDir, 'files', 'midori')).length).toBe(before);
  });
});

describe('sanitizeFileName', () => {
  const pdf = 'application/pdf';
  test.each([
    ['keeps Japanese', '住民票の写し（令和8年）.pdf', '住民票の写し（令和8年）.pdf'],
    ['strips Unix folders', '/home/taro/../書類/通帳.pdf', '通帳.pdf'],
    ['strips Windows folders', 'C:\\Users\\花子\\Desktop\\通帳.pdf', '通帳.pdf'],
    ['strips control characters', 'scan\u0000\r\n\u0007.pdf', 'scan.pdf'],
    ['strips bidirectional overrides', 'invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['composes macOS decomposed kana', 'ハ\u309aスホ\u309aート.pdf', 'パスポート.pdf'],
    ['trims spaces', '  scan.pdf  ', 'scan.pdf'],
    ['names an empty name', '', 'attachment.pdf'],
    ['names a bare folder', 'C:\\scans\\', 'attachment.pdf'],
    ['names a dot-dot', '..', 'attachment.pdf'],
  ])('%s', (_, input, expected) => {
    expect(sanitizeFileName(input, pdf)).toBe(expected);
  });

  test('cuts long names to 255 characters, keeping the extension', () => {
    const name = sanitizeFileName(`${'申'.repeat(300)}.pdf`, pdf);
    expect(name.length).toBe(255);
    expect(name.endsWith('申.pdf')).toBe(true);
  });

  test('never cuts a character outside the BMP in half', () => {
    const name = sanitizeFileName(`${'𠮷'.repeat(200)}.pdf`, pdf);
    expect(name.length).toBeLessThanOrEqual(255);
    expect(name).toBe(`${'𠮷'.repeat(125)}.pdf`);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(name)).toBe(false);
  });

  test('uses the sniffed type for the fallback extension', () => {
    expect(sanitizeFileName('', 'image/jpeg')).toBe('attachment.jpg');
  });
});

describe('refsInAnswers', () => {
  test('lists every file reference at the top level and in group rows, with its field', () => {
    const ref = (n: number, type: FileAnswer['type']): FileAnswer => ({
      id: `att_${n}`,
      name: `${n}.bin`,
      size: n,
      type,
    });
    const definition = world('midori').form.definition;
    const validated = validateAnswers(
      definition,
      {
        note: 'よろしくお願いします',
        bankbook: [ref(1, 'application/pdf'), ref(2, 'image/png')],
        children: [
          { child_name: '太郎', insurance_card: [ref(3, 'image/jpeg')] },
          { child_name: '次郎' },
          { child_name: '花子', insurance_card: [ref(4, 'image/jpeg')] },
        ],
      },
      'ja',
    );
    if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
    expect(refsInAnswers(definition, validated.answers)).toEqual([
      { ...ref(1, 'application/pdf'), fieldId: 'bankbook' },
      { ...ref(2, 'image/png'), fieldId: 'bankbook' },
      { ...ref(3, 'image/jpeg'), fieldId: 'insurance_card' },
      { ...ref(4, 'image/jpeg'), fieldId: 'insurance_card' },
    ]);
  });

  test('answers without files list nothing', () => {
    const definition: FormDefinition = world('midori').form.definition;
    expect(refsInAnswers(definition, { note: 'x' })).toEqual([]);
  });
});

async function newSubmission() {
  const { db, tenant, form } = world('midori');
  h.advance(1000);
  const result = await submitApplication(
    db,
    tenant,
    form,
    { answers: {}, locale: 'ja' },
    { masterKey: h.registry.settings.masterKey, now: h.now() },
  );
  return result.submissionId;
}

async function runBatch(db: TenantDb, statements: BatchItem<'sqlite'>[]) {
  const [first, ...rest] = statements;
  if (!first) throw new Error('no statements');
  await db.batch([first, ...rest]);
}

async function bind(submissionId: string, refs: AttachmentRef[], formId?: string) {
  const { db, form } = world('midori');
  return runBatch(
    db,
    attachmentsBindStatements(db, submissionId, formId ?? form.form.id, refs),
  ).then(
    () => 'bound' as const,
    (error: unknown) => {
      if (isUnchangedAbort(error)) return 'refused' as const;
      throw error;
    },
  );
}

async function boundTo(id: string, slug: Slug = 'midori') {
  const row = await world(slug).db.query.attachments.findFirst({
    where: eq(attachments.id, id),
  });
  return row?.submissionId;
}

describe('attachmentsBindStatements', () => {
  test('binds uploads of this form to the application, top level and in groups', async () => {
    const pdf = await upload('bankbook', samplePdf());
    const jpeg = await upload('insurance_card', sampleJpeg(), 'card.jpg');
    const submissionId = await newSubmission();
    expect(
      await bind(submissionId, [
        { ...pdf, fieldId: 'bankbook' },
        { ...jpeg, fieldId: 'insurance_card' },
      ]),
    ).toBe('bound');
    expect(await boundTo(pdf.id)).toBe(submissionId);
    expect(await boundTo(jpeg.id)).toBe(submissionId);
    // A resubmission after a return for correction keeps its files.
    expect(await bind(submissionId, [{ ...pdf, fieldId: 'bankbook' }])).toBe('bound');
  });

  test('an upload bound to one application cannot be bound to another', async () => {
    const pdf = await upload('bankbook', samplePdf());
    const first = await newSubmission();
    const second = await newSubmission();
    expect(await bind(first, [{ ...pdf, fieldId: 'bankbook' }])).toBe('bound');
    expect(await bind(second, [{ ...pdf, fieldId: 'bankbook' }])).toBe('refused');
    expect(await boundTo(pdf.id)).toBe(first);
  });

  test("another form's upload is refused", async () => {
    const pdf = await upload('bankbook', samplePdf(), 'a.pdf', { form: otherForm });
    expect(await bind(await newSubmission(), [{ ...pdf, fieldId: 'bankbook' }])).toBe('refused');
    expect(await boundTo(pdf.id)).toBeNull();
  });

  test("another tenant's upload is refused", async () => {
    const pdf = await upload('bankbook', samplePdf(), 'a.pdf', { slug: 'aoba' });
    expect(await bind(await newSubmission(), [{ ...pdf, fieldId: 'bankbook' }])).toBe('refused');
    expect(await boundTo(pdf.id, 'aoba')).toBeNull();
  });

  test.each([
    ['size', { size: 1 }],
    ['name', { name: 'other.pdf' }],
    ['type', { type: 'image/png' as const }],
    ['field', { fieldId: 'insurance_card' }],
  ])('a reference whose %s differs from the upload is refused', async (_, change) => {
    const pdf = await upload('bankbook', samplePdf());
    expect(await bind(await newSubmission(), [{ ...pdf, fieldId: 'bankbook', ...change }])).toBe(
      'refused',
    );
    expect(await boundTo(pdf.id)).toBeNull();
  });

  test('one bad reference binds none of them', async () => {
    const good = await upload('bankbook', samplePdf());
    const submissionId = await newSubmission();
    expect(
      await bind(submissionId, [
        { ...good, fieldId: 'bankbook' },
        {
          id: 'att_0000000000000000',
          name: 'x.pdf',
          size: 1,
          type: 'application/pdf',
          fieldId: 'bankbook',
        },
      ]),
    ).toBe('refused');
    expect(await boundTo(good.id)).toBeNull();
  });

  test('no references give no statements', () => {
    expect(attachmentsBindStatements(world('midori').db, 'sub_x', 'frm_x', [])).toEqual([]);
  });
});

describe('readAttachment', () => {
  const actor = (departmentId: string, formIds: string[] | null = null): Actor => ({
    staffId: 'stf_reader',
    isTenantAdmin: false,
    status: 'active',
    expiresAt: null,
    formIds,
    grants: [{ departmentId, role: 'viewer', canExport: false, canSeeMyNumber: false }],
  });
  const read = (submissionId: string, attachmentId: string, who: Actor) =>
    readAttachment(world('midori').db, storage, 'midori', {
      actor: who,
      submissionId,
      attachmentId,
      now: h.now(),
    });

  test('gives staff who may read the application its attachment and bytes', async () => {
    const bytes = samplePdf();
    const pdf = await upload('bankbook', bytes, '通帳.pdf');
    const submissionId = await newSubmission();
    await bind(submissionId, [{ ...pdf, fieldId: 'bankbook' }]);
    const found = await read(submissionId, pdf.id, actor(world('midori').form.form.departmentId));
    expect(found.attachment).toMatchObject({
      id: pdf.id,
      name: '通帳.pdf',
      type: 'application/pdf',
    });
    expect(found.bytes).toEqual(bytes);
  });

  test('is not found for staff without a role, for unbound uploads and for other applications', async () => {
    const departmentId = world('midori').form.form.departmentId;
    const pdf = await upload('bankbook', samplePdf());
    const submissionId = await newSubmission();
    expect((await refused(read(submissionId, pdf.id, actor(departmentId)))).code).toBe('not_found');
    await bind(submissionId, [{ ...pdf, fieldId: 'bankbook' }]);
    const other = await newSubmission();
    for (const [submission, who] of [
      [submissionId, actor('dep_other')],
      [submissionId, actor(departmentId, ['frm_another'])],
      [other, actor(departmentId)],
    ] as const)
      expect((await refused(read(submission, pdf.id, who))).code).toBe('not_found');
  });
});
