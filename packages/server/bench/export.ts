// A 100,000-application export, CSV (UTF-8) and Excel, each through the export modules into a
// file: wall time, CPU time and the peak RSS of the whole process (sampled every 50 ms).
// Targets for the CSV: under 5 s and 200 MB. Run from packages/server:
//   node --import tsx bench/export.ts                 seed a fresh tenant, then export both
//   node --import tsx bench/export.ts --data DIR FORM  export from a folder seeded earlier
// Figures go to docs/benchmarks.md. Each export runs in a fresh child process built as the
// server is and started with its Node options (bench/export-child.ts), which has loaded the
// server's apps, so its RSS is a server's doing the export and not what seeding left behind.
// CPU time is the figure to compare when the machine is busy.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { cpus } from 'node:os';
import type { FieldInput, FormDefinitionInput } from '@madoguchi/shared';
import type { SeedSubmission } from '../src/exports/test-support';
import { builtScript, startNodeOptions } from './built';

const total = 100_000;

const choice = (labels: string[]) =>
  labels.map((label, index) => ({ value: `o${index}`, label: { ja: label } }));
const page = (id: string, fields: FieldInput[]) => ({ id, title: { ja: id }, fields });
// A benefit application of the usual shape: about 20 answers, composites included.
const definition = {
  schemaVersion: 1,
  title: { ja: '物価高騰対策給付金の申請' },
  purposeOfUse: { ja: '給付金の支給事務に利用します。' },
  category: 'application',
  yearlyVolume: 100_000,
  retentionDays: 1825,
  pages: [
    page('applicant', [
      { id: 'name', type: 'name', label: { ja: '氏名' }, pii: 'name', csvColumn: '申請者氏名' },
      { id: 'birth_date', type: 'birth_date', label: { ja: '生年月日' }, pii: 'birthdate' },
      { id: 'address', type: 'address', label: { ja: '住所' }, pii: 'address' },
      { id: 'phone', type: 'phone', label: { ja: '電話番号' }, pii: 'contact' },
      { id: 'email', type: 'email', label: { ja: 'メールアドレス' }, pii: 'contact' },
      { id: 'occupation', type: 'short_text', label: { ja: '職業' }, pii: 'employment' },
      {
        id: 'household',
        type: 'single_choice',
        label: { ja: '世帯区分' },
        pii: 'family',
        options: choice(['単身', '夫婦', '子育て', 'その他']),
      },
      { id: 'members', type: 'number', label: { ja: '世帯人数' }, pii: 'family', integer: true },
      { id: 'moved_in', type: 'date', label: { ja: '転入日' }, pii: 'address' },
      { id: 'tax_exempt', type: 'yes_no', label: { ja: '住民税非課税' }, pii: 'income' },
      { id: 'pension', type: 'yes_no', label: { ja: '年金受給' }, pii: 'income' },
      {
        id: 'income_kind',
        type: 'multiple_choice',
        label: { ja: '収入の種類' },
        pii: 'income',
        options: choice(['給与', '年金', '事業', '不動産', 'なし']),
      },
      { id: 'letter_number', type: 'short_text', label: { ja: '確認書番号' }, pii: 'other' },
    ]),
    page('payment', [
      { id: 'bank', type: 'bank_account', label: { ja: '振込先口座' }, pii: 'bank' },
      {
        id: 'contact_time',
        type: 'single_choice',
        label: { ja: '連絡希望時間帯' },
        pii: 'none',
        options: choice(['午前', '午後', '夕方']),
      },
      { id: 'note', type: 'long_text', label: { ja: '備考' }, pii: 'other' },
      { id: 'route', type: 'hidden', label: { ja: '申請経路' }, pii: 'none', fromQuery: 'via' },
      {
        id: 'agreement',
        type: 'consent',
        label: { ja: '同意事項' },
        pii: 'none',
        terms: { ja: '記載内容に相違ありません。' },
      },
    ]),
  ],
} satisfies FormDefinitionInput;

const families = ['佐藤', '鈴木', '髙橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
const givens = ['花子', '太郎', '美咲', '翔太', '陽菜', '大輝', '結衣', '蓮', '葵', '悠真'];
const kana = ['サトウ', 'スズキ', 'タカハシ', 'タナカ', 'イトウ', 'ワタナベ', 'ヤマモト'];

function answers(i: number): Record<string, unknown> {
  const pick = <T>(list: readonly T[], salt: number): T => list[(i * 31 + salt) % list.length] as T;
  return {
    name: {
      family: pick(families, 1),
      given: pick(givens, 2),
      familyKana: pick(kana, 3),
      givenKana: 'ハナコ',
    },
    birth_date: `19${50 + (i % 50)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
    address: {
      postalCode: String(1600000 + (i % 9999)).padStart(7, '0'),
      prefecture: '東京都',
      city: 'みどり区',
      town: `みどり${(i % 9) + 1}-${(i % 30) + 1}-${(i % 20) + 1}`,
      ...(i % 3 === 0 ? { building: `みどりハイツ${(i % 900) + 100}` } : {}),
    },
    phone: `090${String(10_000_000 + i).slice(-8)}`,
    email: `resident${i}@example.jp`,
    occupation: pick(['会社員', '自営業', 'パート', '無職', '学生'], 4),
    household: pick(['o0', 'o1', 'o2', 'o3'], 5),
    members: (i % 6) + 1,
    moved_in: `20${10 + (i % 15)}-04-01`,
    tax_exempt: i % 2 === 0,
    pension: i % 5 === 0,
    income_kind: i % 4 === 0 ? ['o0', 'o1'] : ['o0'],
    letter_number: String(i).padStart(10, '0'),
    bank: {
      bankCode: '0001',
      bankName: 'みずほ銀行',
      branchCode: String(i % 999).padStart(3, '0'),
      branchName: '本店営業部',
      accountType: 'ordinary',
      accountNumber: String(i).padStart(7, '0'),
      holderKana: 'サトウ ハナコ',
    },
    contact_time: pick(['o0', 'o1', 'o2'], 6),
    note: i % 10 === 0 ? '平日の日中は電話に出られません。\nメールでご連絡ください。' : '',
    route: 'letter',
    agreement: true,
  };
}

const slug = 'benchward';

/** Seeds a fresh tenant database with `total` applications; returns where it is. */
async function seed(): Promise<{ dataDir: string; formId: string }> {
  // Loaded here, so the export processes hold only what a server holds.
  const { createHarness } = await import('../src/testing/harness');
  const { createTenant } = await import('../src/tenants/service');
  const { publishForTest } = await import('../src/submissions/test-support');
  const { insertSubmissions } = await import('../src/exports/test-support');
  const h = await createHarness();
  await createTenant(
    h.registry,
    {
      slug,
      name: 'ベンチ区',
      localGovernmentCode: '131041',
      adminEmail: 'admin@benchward.example.lg.jp',
      adminName: '管理 太郎',
    },
    h.now(),
  );
  const db = await h.registry.database(slug);
  const formId = await publishForTest(db, definition, h.now());
  const started = performance.now();
  const base = Date.parse('2026-04-01T09:00:00+09:00');
  for (let from = 0; from < total; from += 1000) {
    const seeds: SeedSubmission[] = [];
    for (let i = from; i < Math.min(total, from + 1000); i++) {
      seeds.push({
        id: `sub_${String(i).padStart(16, '0')}`,
        referenceNumber: `2604-${String(i).padStart(7, '0')}`,
        submittedAt: base + i * 15_000,
        answers: answers(i),
        state: i % 3 === 0 ? 'accepted' : 'submitted',
      });
    }
    await insertSubmissions(db, formId, seeds);
  }
  console.log(
    `seeded ${total} applications in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // Not h.close(): that deletes the data folder, which the export processes read next.
  await h.registry.close();
  return { dataDir: h.dataDir, formId };
}

type Format = 'csv' | 'xlsx';

async function exportInChild(dataDir: string, formId: string, format: Format): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      ...startNodeOptions,
      builtScript('bench-export-child'),
      dataDir,
      formId,
      format,
      slug,
      String(total),
    ],
    { stdio: 'inherit' },
  );
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${format} export process failed with ${String(code)}`);
}

const [mode, dataDir, formId] = process.argv.slice(2);
{
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  const reuse = mode === '--data' && dataDir && formId;
  const seeded = reuse ? { dataDir, formId } : await seed();
  console.log(`data: --data ${seeded.dataDir} ${seeded.formId}`);
  await exportInChild(seeded.dataDir, seeded.formId, 'csv');
  await exportInChild(seeded.dataDir, seeded.formId, 'xlsx');
  // A folder this run seeded is not left behind (about 170 MB of fictional applications).
  if (!reuse) rmSync(seeded.dataDir, { recursive: true, force: true });
}
