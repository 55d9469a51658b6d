import { parseDefinition } from '@madoguchi/shared';
import { zeroWasteDay } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TenantDb } from '../db/registry';
import { formVersions, submissionRevisions, submissions } from '../db/tenant-schema';
import { publishForTest } from '../submissions/test-support';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';
import { exportColumns } from './columns';
import {
  type ExportFilters,
  exportPageSize,
  shiftJisReport,
  streamSubmissions,
  submissionPages,
  tableRows,
} from './service';
import { example, exportItem, insertSubmissions, type SeedSubmission } from './test-support';

let h: Awaited<ReturnType<typeof createHarness>>;
let db: TenantDb;
let formId: string;
let otherFormId: string;
let seeds: SeedSubmission[];
const start = Date.parse('2026-11-01T00:00:00+09:00');
const count = 2000;

const participant = (given: string) => ({
  family: '青葉',
  given,
  familyKana: 'アオバ',
  givenKana: 'ハナコ',
});

beforeAll(async () => {
  h = await createHarness();
  await createTenant(
    h.registry,
    {
      slug: 'midori',
      name: 'みどり区',
      localGovernmentCode: '131041',
      adminEmail: 'admin@midori.example.lg.jp',
      adminName: '管理 太郎',
    },
    h.now(),
  );
  db = await h.registry.database('midori');
  formId = await publishForTest(db, zeroWasteDay, h.now());
  const parsed = parseDefinition(zeroWasteDay);
  if (!parsed.ok) throw new Error('example does not parse');
  await db.insert(formVersions).values({
    formId,
    version: 2,
    definition: parsed.definition,
    publishedAt: h.now(),
    publishedBy: 'stf_test',
  });
  seeds = Array.from({ length: count }, (_, i) => ({
    // Ids do not follow time, and three applications share each second, so order needs both keys.
    id: `sub_${String((i * 7919) % 10007).padStart(16, '0')}`,
    referenceNumber: `2611-${String(i).padStart(7, '0')}`,
    submittedAt: start + Math.floor(i / 3) * 1000,
    answers: { participant_name: participant(`花子${i}`), phone: '0452345678' },
    state: i % 4 === 0 ? 'accepted' : 'submitted',
    paymentState: i % 5 === 0 ? 'paid' : 'none',
    formVersion: i < count / 2 ? 1 : 2,
    searchName: `青葉 花子${i} アオバ ハナコ`,
    ...(i % 10 === 0 ? { earlierRevisions: [{ participant_name: participant('旧') }] } : {}),
  }));
  // Inserted out of order, so the export cannot pass by following the insertion order.
  await insertSubmissions(db, formId, [...seeds].reverse());
  otherFormId = await publishForTest(db, zeroWasteDay, h.now());
  await insertSubmissions(db, otherFormId, [
    {
      id: 'sub_other0000000000',
      referenceNumber: '2611-9999999',
      submittedAt: start,
      answers: {},
      searchName: '50%_商会',
    },
  ]);
}, 60_000);
afterAll(() => h.close());

const collect = async (filters: ExportFilters = {}) => {
  const items = [];
  for await (const item of streamSubmissions(db, formId, filters)) items.push(item);
  return items;
};
const expectedOrder = () =>
  [...seeds].sort((a, b) => a.submittedAt - b.submittedAt || (a.id < b.id ? -1 : 1));

describe('streamSubmissions', () => {
  test('yields every application of the form, oldest first, ties by id', async () => {
    const items = await collect();
    expect(items).toHaveLength(count);
    expect(items.map((item) => item.submission.id)).toEqual(expectedOrder().map((s) => s.id));
  });

  test('reads in pages of constant size', async () => {
    const sizes: number[] = [];
    for await (const page of submissionPages(db, formId, {})) sizes.push(page.length);
    expect(exportPageSize).toBe(500);
    expect(sizes).toEqual([500, 500, 500, 500]);
  });

  test('each application comes with its current revision and its version’s definition', async () => {
    const items = await collect();
    const first = items[0];
    expect(first?.submission.referenceNumber).toBe('2611-0000000');
    // Revision 2 is current for every tenth application; revision 1 held the old name.
    expect(first?.answers).toEqual(seeds[0]?.answers);
    expect(items.some((item) => JSON.stringify(item.answers).includes('旧'))).toBe(false);
    // One definition object per version: parsed once, then cached.
    const byVersion = new Map(items.map((item) => [item.submission.formVersion, item.definition]));
    expect(new Set(items.map((item) => item.definition)).size).toBe(2);
    expect(byVersion.get(1)).not.toBe(byVersion.get(2));
  });

  test('filters by state, payment state and time (from inclusive, to exclusive)', async () => {
    const accepted = await collect({ states: ['accepted'] });
    expect(accepted).toHaveLength(count / 4);
    expect(accepted.every((item) => item.submission.state === 'accepted')).toBe(true);
    const paidAccepted = await collect({ states: ['accepted'], payment: ['paid'] });
    expect(paidAccepted).toHaveLength(count / 20);
    // Seconds 10 to 19 hold applications 30 to 59.
    const window = await collect({ from: start + 10_000, to: start + 20_000 });
    expect(window.map((item) => item.submission.referenceNumber).sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `2611-${String(30 + i).padStart(7, '0')}`),
    );
  });

  test('q finds a name part, with % and _ taken literally', async () => {
    const byName = await collect({ q: '花子1999' });
    expect(byName.map((item) => item.submission.referenceNumber)).toEqual(['2611-0001999']);
    expect(await collect({ q: '%' })).toHaveLength(0);
    expect(await collect({ q: '花子_99' })).toHaveLength(0);
    const literal = [];
    for await (const item of streamSubmissions(db, otherFormId, { q: '50%_' })) literal.push(item);
    expect(literal.map((item) => item.submission.referenceNumber)).toEqual(['2611-9999999']);
  });
});

describe('streamSubmissions: what each application carries', () => {
  test('the row as stored (types kept, proxy entry), and blank answers when the revision is missing', async () => {
    const lonelyFormId = await publishForTest(db, zeroWasteDay, h.now());
    await insertSubmissions(db, lonelyFormId, [
      {
        id: 'sub_lonely0000000001',
        referenceNumber: '2611-8888881',
        submittedAt: start,
        answers: { phone: '0452345678', note: 'ｶﾀｶﾅ "quoted" \\ 𠮷', count: 3, flag: false },
        state: 'returned',
        paymentState: 'paid',
      },
      {
        id: 'sub_lonely0000000002',
        referenceNumber: '2611-8888882',
        submittedAt: start + 1,
        answers: { phone: '0452345678' },
      },
    ]);
    await db
      .update(submissions)
      .set({ proxyStaffId: 'stf_counter' })
      .where(eq(submissions.id, 'sub_lonely0000000001'));
    await db
      .delete(submissionRevisions)
      .where(eq(submissionRevisions.submissionId, 'sub_lonely0000000002'));
    const items = [];
    for await (const item of streamSubmissions(db, lonelyFormId, {})) items.push(item);
    expect(items.map((item) => item.submission)).toEqual([
      {
        id: 'sub_lonely0000000001',
        referenceNumber: '2611-8888881',
        state: 'returned',
        paymentState: 'paid',
        formVersion: 1,
        submittedAt: start,
        proxyStaffId: 'stf_counter',
      },
      {
        id: 'sub_lonely0000000002',
        referenceNumber: '2611-8888882',
        state: 'submitted',
        paymentState: 'none',
        formVersion: 1,
        submittedAt: start + 1,
        proxyStaffId: null,
      },
    ]);
    expect(items.map((item) => item.answers)).toEqual([
      { phone: '0452345678', note: 'ｶﾀｶﾅ "quoted" \\ 𠮷', count: 3, flag: false },
      {},
    ]);
  });
});

describe('tableRows and shiftJisReport', () => {
  const definition = example('zero-waste-day');
  const { columns } = exportColumns(definition, { includeMyNumber: false, groupMode: 'flatten' });
  async function* items() {
    yield exportItem(definition, { participant_name: participant('𠮷子'), phone: '0452345678' });
    yield exportItem(
      definition,
      { participant_name: { family: '鷗', given: '花子' } },
      { referenceNumber: '2611-0000002' },
    );
  }

  test('the header line, then one line per application', async () => {
    const lines: string[][] = [];
    for await (const line of tableRows(columns, items())) lines.push(line);
    expect(lines).toHaveLength(3);
    expect(lines[0]?.slice(0, 2)).toEqual(['受付番号', '状態']);
    expect(lines[1]?.[columns.findIndex((c) => c.header === '参加者氏名_名')]).toBe('𠮷子');
  });

  test('lists each character Shift_JIS lacks with its application and column', async () => {
    const report = await shiftJisReport(columns, items(), 1000);
    expect(report).toEqual({
      total: 2,
      problems: [
        {
          row: 2,
          column: columns.findIndex((c) => c.header === '参加者氏名_名') + 1,
          character: '𠮷',
          codePoint: 'U+20BB7',
          referenceNumber: '2611-0000001',
          header: '参加者氏名_名',
        },
        {
          row: 3,
          column: columns.findIndex((c) => c.header === '参加者氏名_氏') + 1,
          character: '鷗',
          codePoint: 'U+9DD7',
          referenceNumber: '2611-0000002',
          header: '参加者氏名_氏',
        },
      ],
    });
    const capped = await shiftJisReport(columns, items(), 1);
    expect(capped.total).toBe(2);
    expect(capped.problems).toHaveLength(1);
  });
});
