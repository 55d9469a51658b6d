import { movingOutNotice, pregnancySupportBenefit, zeroWasteDay } from '@madoguchi/shared/examples';
import { desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { Hono } from 'hono';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ErrorAnswer, type Harness, send, signedInMember } from '../admin/test-support';
import type { Grant } from '../auth/authorize';
import type { StaffVariables } from '../auth/middleware';
import type { TenantDb } from '../db/registry';
import { auditLog } from '../db/tenant-schema';
import { applyHttpBasics } from '../http/middleware';
import { publishForTest } from '../submissions/test-support';
import { createHarness } from '../testing/harness';
import { exportRoutes } from './routes';
import { insertSubmissions } from './test-support';

let h: Harness;
let app: Hono<{ Variables: StaffVariables }>;
let db: TenantDb;
let admin: string;
let formId: string;
let movingFormId: string;
let otherTenantFormId: string;
let brokenFormId: string;
const people: Record<string, string> = {};
const start = Date.parse('2026-11-01T10:00:00+09:00');

const applicant = (family: string, myNumber: string) => ({
  applicant_name: { family, given: '花子', familyKana: 'タカハシ', givenKana: 'ハナコ' },
  phone: '0352734000',
  my_number: myNumber,
  benefit_number: '0012345678',
});

/** A signed-in staff member with exactly these grants; returns the session cookie. */
async function member(email: string, grants: Grant[]): Promise<string> {
  const { staff, cookie } = await signedInMember(h, 'midori', admin, { email });
  const answer = await send(h, 'PUT', `/api/admin/staff/${staff.id}/grants`, {
    cookie: admin,
    body: grants,
  });
  if (answer.status !== 200) throw new Error(`grants failed: ${answer.status}`);
  return cookie;
}

beforeAll(async () => {
  h = await createHarness();
  admin = (await h.tenantWithAdmin('midori', '131041')).cookie;
  const department = async (name: string) =>
    (
      await send<{ department: { id: string } }>(h, 'POST', '/api/admin/departments', {
        cookie: admin,
        body: { name },
      })
    ).body.department.id;
  const health = await department('健康づくり課');
  const residents = await department('戸籍住民課');
  db = await h.registry.database('midori');
  formId = await publishForTest(db, pregnancySupportBenefit, h.now(), { departmentId: health });
  movingFormId = await publishForTest(db, movingOutNotice, h.now(), { departmentId: residents });
  await insertSubmissions(db, formId, [
    {
      id: 'sub_0000000000000001',
      referenceNumber: '2611-0000001',
      submittedAt: start,
      state: 'accepted',
      answers: applicant('髙橋', '123456789018'),
    },
    {
      id: 'sub_0000000000000002',
      referenceNumber: '2611-0000002',
      submittedAt: start + 60_000,
      answers: applicant('𠮷田', '234567890120'),
    },
    {
      id: 'sub_0000000000000003',
      referenceNumber: '2611-0000003',
      submittedAt: start + 120_000,
      state: 'accepted',
      answers: applicant('=1+1', '345678901231'),
    },
  ]);
  await insertSubmissions(db, movingFormId, [
    {
      id: 'sub_0000000000000004',
      referenceNumber: '2611-0000004',
      submittedAt: start,
      answers: {
        name: { family: '青葉', given: '一郎' },
        members: [
          { member_name: { family: '青葉', given: '花子' }, member_relationship: 'spouse' },
          { member_name: { family: '青葉', given: '太郎' }, member_relationship: 'child' },
        ],
      },
    },
  ]);
  // Enough applications that the file is well under way when the one whose version is missing
  // (a damaged database) comes up.
  brokenFormId = await publishForTest(db, zeroWasteDay, h.now(), { departmentId: health });
  await insertSubmissions(db, brokenFormId, [
    ...Array.from({ length: 3000 }, (_, i) => ({
      id: `sub_broken${String(i).padStart(10, '0')}`,
      referenceNumber: `2611-8${String(i).padStart(6, '0')}`,
      submittedAt: start + i,
      answers: { participant_name: { family: '青葉', given: '花子' }, phone: '0452345678' },
    })),
    {
      id: 'sub_brokenzzzzzzzzzz',
      referenceNumber: '2611-8999999',
      submittedAt: start + 10_000,
      formVersion: 99,
      answers: {},
    },
  ]);
  const grant = (departmentId: string, extra: Partial<Grant> = {}): Grant => ({
    departmentId,
    role: 'reviewer',
    canExport: true,
    canSeeMyNumber: false,
    ...extra,
  });
  people.exporter = await member('export@city.midori.lg.jp', [grant(health), grant(residents)]);
  people.myNumber = await member('mynumber@city.midori.lg.jp', [
    grant(health, { canSeeMyNumber: true }),
  ]);
  people.noExport = await member('reviewer@city.midori.lg.jp', [
    grant(health, { canExport: false }),
  ]);
  people.elsewhere = await member('residents@city.midori.lg.jp', [grant(residents)]);

  const other = await h.tenantWithAdmin('aoba', '141003');
  otherTenantFormId = await publishForTest(
    await h.registry.database('aoba'),
    zeroWasteDay,
    h.now(),
    {},
  );
  expect(other.cookie).not.toBe('');

  app = new Hono<{ Variables: StaffVariables }>();
  applyHttpBasics(app, h.logger);
  app.route('/api/exports', exportRoutes(h.deps));
}, 60_000);
afterAll(() => h.close());

const get = (path: string, cookie?: string) =>
  app.request(`/api/exports${path}`, { headers: cookie ? { cookie } : {} });

const csvLines = async (response: Response) =>
  Buffer.from(await response.arrayBuffer())
    .subarray(3)
    .toString('utf8')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));

const errorCode = async (response: Response) => ((await response.json()) as ErrorAnswer).error.code;

describe('GET /forms/:formId/submissions.csv', () => {
  test('downloads UTF-8 CSV with a BOM, named after the form, not cached', async () => {
    const response = await get(`/forms/${formId}/submissions.csv`, people.exporter);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const title = encodeURIComponent('妊婦支援給付金（妊娠時）の申請_20261123.csv')
      .replaceAll('(', '%28')
      .replaceAll(')', '%29');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="submissions_20261123.csv"; filename*=UTF-8''${title}`,
    );
    const bytes = Buffer.from(await response.clone().arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = await csvLines(response);
    expect(lines[0]?.slice(0, 7)).toEqual([
      '受付番号',
      '状態',
      '支払状態',
      '申請日時',
      '版',
      '代理入力',
      '申請者氏名_氏',
    ]);
    expect(lines.slice(1).map((line) => [line[0], line[1], line[3], line[6]])).toEqual([
      ['2611-0000001', '受付完了', '2026/11/01 10:00', '髙橋'],
      ['2611-0000002', '到達', '2026/11/01 10:01', '𠮷田'],
      ['2611-0000003', '受付完了', '2026/11/01 10:02', "'=1+1"],
    ]);
  });

  test('My Number: no column at all without the grant, the number with it', async () => {
    const without = await csvLines(await get(`/forms/${formId}/submissions.csv`, people.exporter));
    expect(without[0]).not.toContain('個人番号');
    expect(without.flat()).not.toContain('123456789018');
    const withGrant = await csvLines(
      await get(`/forms/${formId}/submissions.csv`, people.myNumber),
    );
    const column = withGrant[0]?.indexOf('個人番号') ?? -1;
    expect(column).toBeGreaterThan(0);
    expect(withGrant.slice(1).map((line) => line[column])).toEqual([
      '123456789018',
      '234567890120',
      '345678901231',
    ]);
  });

  test('filters as the inbox does', async () => {
    const accepted = await csvLines(
      await get(`/forms/${formId}/submissions.csv?states=accepted`, people.exporter),
    );
    expect(accepted.slice(1).map((line) => line[0])).toEqual(['2611-0000001', '2611-0000003']);
    const window = await csvLines(
      await get(
        `/forms/${formId}/submissions.csv?from=${start + 60_000}&to=${start + 120_000}`,
        people.exporter,
      ),
    );
    expect(window.slice(1).map((line) => line[0])).toEqual(['2611-0000002']);
  });

  test('Shift_JIS: CP932 bytes, 〓 where a character does not fit', async () => {
    const response = await get(`/forms/${formId}/submissions.csv?encoding=sjis`, people.exporter);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    const text = iconv.decode(Buffer.from(await response.arrayBuffer()), 'cp932');
    expect(text.startsWith('受付番号,')).toBe(true);
    expect(text).toContain('2611-0000001,受付完了,なし,2026/11/01 10:00,1,いいえ,髙橋,花子');
    expect(text).toContain('2611-0000002,到達,なし,2026/11/01 10:01,1,いいえ,〓田,花子');
  });

  test('every download is in the audit log, with the filters and without the search text', async () => {
    await get(
      `/forms/${formId}/submissions.csv?states=submitted&q=${encodeURIComponent('髙橋')}`,
      people.exporter,
    );
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'export.download'))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(entry).toMatchObject({ actorType: 'staff', targetType: 'form', targetId: formId });
    expect(entry?.details).toMatchObject({
      format: 'csv',
      encoding: 'utf8',
      myNumber: false,
      states: ['submitted'],
      search: true,
    });
    expect(JSON.stringify(entry?.details)).not.toContain('髙橋');
  });
});

describe('GET /forms/:formId/submissions.xlsx', () => {
  const load = async (response: Response) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    return book;
  };

  test('downloads a workbook with 申請一覧', async () => {
    const response = await get(`/forms/${formId}/submissions.xlsx`, people.exporter);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toContain('.xlsx');
    const sheet = (await load(response)).getWorksheet('申請一覧');
    expect(sheet?.getRow(1).getCell(1).value).toBe('受付番号');
    expect(sheet?.getRow(4).getCell(1).value).toBe('2611-0000003');
    expect(sheet?.getRow(4).getCell(7).value).toBe('=1+1');
    expect(sheet?.getRow(4).getCell(7).formula).toBeUndefined();
  });

  test('groups=sheet puts household members on their own sheet', async () => {
    const response = await get(
      `/forms/${movingFormId}/submissions.xlsx?groups=sheet`,
      people.exporter,
    );
    const book = await load(response);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      '申請一覧',
      '一緒に異動する世帯員',
    ]);
    const members = book.getWorksheet('一緒に異動する世帯員');
    expect([2, 3].map((n) => members?.getRow(n).getCell(3).value)).toEqual(['花子', '太郎']);
    expect(members?.getRow(2).getCell(1).value).toBe('2611-0000004');
  });
});

describe('GET /forms/:formId/shift-jis-report', () => {
  test('lists the cells a Shift_JIS download would change', async () => {
    const response = await get(`/forms/${formId}/shift-jis-report`, people.exporter);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      total: 1,
      truncated: false,
      problems: [
        {
          row: 3,
          column: 7,
          header: '申請者氏名_氏',
          referenceNumber: '2611-0000002',
          character: '𠮷',
          codePoint: 'U+20BB7',
        },
      ],
    });
  });
});

describe('errors and security', () => {
  const paths = [
    (id: string) => `/forms/${id}/submissions.csv`,
    (id: string) => `/forms/${id}/submissions.xlsx`,
    (id: string) => `/forms/${id}/shift-jis-report`,
  ];

  test('no session: 401', async () => {
    for (const path of paths) expect((await get(path(formId))).status).toBe(401);
  });

  test('an unknown form, or another tenant’s: 404', async () => {
    for (const path of paths) {
      const unknown = await get(path('frm_nosuchform00000'), people.exporter);
      expect(unknown.status).toBe(404);
      expect(await errorCode(unknown)).toBe('not_found');
      expect((await get(path(otherTenantFormId), people.exporter)).status).toBe(404);
    }
  });

  test('a reviewer without the export grant: 403; from another department: 404, as if no such form', async () => {
    for (const path of paths) {
      const response = await get(path(formId), people.noExport);
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe('forbidden');
      const elsewhere = await get(path(formId), people.elsewhere);
      expect(elsewhere.status).toBe(404);
      expect(await errorCode(elsewhere)).toBe('not_found');
    }
  });

  test('a failure once the file is under way breaks the download instead of cutting it short', async () => {
    const response = await get(`/forms/${brokenFormId}/submissions.csv`, people.exporter);
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  test('a failure before the first bytes is an error response', async () => {
    const response = await get(
      `/forms/${brokenFormId}/submissions.csv?from=${start + 10_000}`,
      people.exporter,
    );
    expect(response.status).toBe(500);
    expect(await errorCode(response)).toBe('internal');
  });

  test('a misspelt filter or an unknown encoding is refused, not ignored', async () => {
    const misspelt = await get(`/forms/${formId}/submissions.csv?state=accepted`, people.exporter);
    expect(misspelt.status).toBe(400);
    expect(await errorCode(misspelt)).toBe('validation_failed');
    expect(
      (await get(`/forms/${formId}/submissions.csv?encoding=latin1`, people.exporter)).status,
    ).toBe(400);
    expect(
      (await get(`/forms/${formId}/submissions.xlsx?groups=nested`, people.exporter)).status,
    ).toBe(400);
    expect(
      (await get(`/forms/${formId}/submissions.csv?states=lost`, people.exporter)).status,
    ).toBe(400);
  });
});
