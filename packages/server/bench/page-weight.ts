// What a resident downloads for one page of a 20-field form: the HTML, the stylesheet and the
// client script, each compressed as a server or proxy would send it (gzip level 6 and brotli at
// its default quality), plus the postal-code chunk a lookup fetches. Target: under 20 KB for
// the whole page. Run with `pnpm bench` (or `node --import tsx bench/page-weight.ts` in
// packages/server); figures go to docs/benchmarks.md.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FieldInput, FormDefinitionInput } from '@madoguchi/shared';
import { createPublicApp } from '../src/app';
import { ResidentBrowser } from '../src/applicant/test-browser';
import { publishForTest } from '../src/submissions/test-support';
import { createTenant } from '../src/tenants/service';
import { createHarness } from '../src/testing/harness';

const label = (ja: string) => ({ ja });
const options = (labels: string[]) =>
  labels.map((text, index) => ({ value: `o${index}`, label: label(text) }));

// Twenty questions of the kinds a benefit application asks on one page, composites included.
const fields: FieldInput[] = [
  { id: 'name', type: 'name', label: label('氏名'), required: true, pii: 'name' },
  {
    id: 'birth_date',
    type: 'birth_date',
    label: label('生年月日'),
    required: true,
    pii: 'birthdate',
  },
  { id: 'address', type: 'address', label: label('住所'), required: true, pii: 'address' },
  { id: 'phone', type: 'phone', label: label('電話番号'), required: true, pii: 'contact' },
  { id: 'email', type: 'email', label: label('メールアドレス'), required: true, pii: 'contact' },
  { id: 'occupation', type: 'short_text', label: label('職業'), pii: 'employment' },
  {
    id: 'household',
    type: 'single_choice',
    label: label('世帯区分'),
    required: true,
    pii: 'family',
    options: options(['単身', '夫婦のみ', '子育て世帯', 'その他']),
  },
  {
    id: 'members',
    type: 'number',
    label: label('世帯人数'),
    integer: true,
    min: 1,
    max: 20,
    pii: 'family',
  },
  { id: 'moved_in', type: 'date', label: label('転入日'), pii: 'address' },
  {
    id: 'tax_exempt',
    type: 'yes_no',
    label: label('住民税非課税世帯ですか'),
    required: true,
    pii: 'income',
  },
  {
    id: 'income_note',
    type: 'long_text',
    label: label('収入の状況'),
    help: label('非課税でない場合、家計が急変した事情をお書きください。'),
    required: true,
    pii: 'income',
    showIf: { field: 'tax_exempt', op: 'equals', value: false },
  },
  { id: 'pension', type: 'yes_no', label: label('年金を受給していますか'), pii: 'income' },
  {
    id: 'support',
    type: 'multiple_choice',
    label: label('受けている支援'),
    pii: 'other_sensitive',
    options: options(['児童手当', '児童扶養手当', '生活保護', '就学援助', 'なし']),
  },
  {
    id: 'relation',
    type: 'single_choice',
    label: label('世帯主との続柄'),
    display: 'select',
    required: true,
    pii: 'family',
    options: options(['本人', '配偶者', '子', '父母', 'その他']),
  },
  { id: 'employer', type: 'short_text', label: label('勤務先'), pii: 'employment', maxLength: 60 },
  { id: 'work_phone', type: 'phone', label: label('勤務先の電話番号'), pii: 'contact' },
  { id: 'contact_time', type: 'time', label: label('連絡のつきやすい時間'), pii: 'none' },
  {
    id: 'kana_note',
    type: 'short_text',
    label: label('ふりがな（任意）'),
    charset: 'katakana',
    pii: 'name',
  },
  { id: 'remarks', type: 'long_text', label: label('その他お伝えしたいこと'), pii: 'other' },
  {
    id: 'agree',
    type: 'consent',
    label: label('確認事項'),
    terms: label('申請内容に偽りがないことを確認します。\n必要に応じて課税状況を確認します。'),
    pii: 'none',
  },
];

const definition: FormDefinitionInput = {
  schemaVersion: 1,
  title: label('物価高騰対策給付金の申請'),
  purposeOfUse: label('給付金の支給事務に利用します。'),
  category: 'application',
  yearlyVolume: 10_000,
  retentionDays: 1825,
  pages: [{ id: 'applicant', title: label('申請者の情報'), fields }],
};

const h = await createHarness();
try {
  await createTenant(
    h.registry,
    {
      slug: 'bench',
      name: 'みどり区',
      localGovernmentCode: '131041',
      adminEmail: 'admin@bench.example.lg.jp',
      adminName: '管理',
    },
    h.now(),
  );
  const formId = await publishForTest(await h.registry.database('bench'), definition, h.now());
  const browser = new ResidentBrowser(createPublicApp(h.deps));
  const start = await browser.get(`/t/bench/f/${formId}`);
  const page = await browser.submit(start, 'start');
  if (page.status !== 200) throw new Error(`form page: ${page.status}`);
  const inputs = page.doc.querySelectorAll('[data-field]').length;
  const asset = async (selector: string, attribute: string) => {
    const href = page.doc.querySelector(selector)?.getAttribute(attribute);
    if (!href) throw new Error(`no ${selector} on the page`);
    return browser.get(href).then((visit) => visit.html);
  };
  const css = await asset('link[rel=stylesheet]', 'href');
  const script = page.doc.querySelector('script[type=module]');
  const js = script ? await asset('script[type=module]', 'src') : '';
  const client = JSON.parse(
    page.doc.querySelector('#resident-form')?.getAttribute('data-client') ?? '{}',
  ) as { postalCodes?: string };
  const postalBase = client.postalCodes ?? '';
  const postal = postalBase ? await browser.get(`${postalBase}100.json`).then((v) => v.html) : '';

  const sizes = (text: string) => {
    const bytes = Buffer.from(text);
    return {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 6 }).length,
      brotli: brotliCompressSync(bytes).length,
    };
  };
  const rows = [
    ['HTML', sizes(page.html)],
    ['CSS', sizes(css)],
    ['JS', sizes(js)],
  ] as const;
  const total = rows.reduce(
    (sum, [, size]) => ({
      raw: sum.raw + size.raw,
      gzip: sum.gzip + size.gzip,
      brotli: sum.brotli + size.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`form page with ${inputs} fields (${fields.length} questions), first visit:`);
  for (const [name, size] of [...rows, ['total', total] as const])
    console.log(
      `${name.padEnd(6)} raw ${kb(size.raw).padStart(9)}   gzip ${kb(size.gzip).padStart(8)}   brotli ${kb(size.brotli).padStart(8)}`,
    );
  if (postal) {
    const size = sizes(postal);
    console.log(
      `postal-code chunk 100 (on lookup): raw ${kb(size.raw)}   gzip ${kb(size.gzip)}   brotli ${kb(size.brotli)}`,
    );
  }
  const verdict = (bytes: number) => (bytes < 20 * 1024 ? 'met' : 'NOT met');
  console.log(
    `target under 20 KB for the whole page: gzip ${verdict(total.gzip)}, brotli ${verdict(total.brotli)}`,
  );
} finally {
  await h.close();
}
