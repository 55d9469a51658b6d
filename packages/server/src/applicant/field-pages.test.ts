import type { FormDefinitionInput } from '@madoguchi/shared';
import { certificateByMail } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attachments, outbox, submissionRevisions, submissions } from '../db/tenant-schema';
import { heading, inputValue, openNow, pageWorld, summaryLinks } from './page-test-support';
import type { ResidentBrowser, Visit } from './test-browser';

let w: Awaited<ReturnType<typeof pageWorld>>;

beforeAll(async () => {
  w = await pageWorld();
});
afterAll(() => w.h.close());

async function start(b: ResidentBrowser, formId: string): Promise<Visit> {
  return b.submit(await b.get(`/t/midori/f/${formId}`), 'start');
}

const pdf = (name: string) =>
  new File([new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')], name, {
    type: 'application/pdf',
  });

describe('files and fees (certificate by mail)', () => {
  let formId: string;
  beforeAll(async () => {
    formId = await w.publish({
      ...openNow(certificateByMail),
      options: { payment: { mode: 'none' } },
    });
  });

  const request = {
    'a.certificate_kind': 'record_household',
    'a.copies': '３',
    'a.purpose': 'pension',
  };
  const requester = {
    'a.requester_name.family': '高橋',
    'a.requester_name.given': '誠',
    'a.requester_name.familyKana': 'タカハシ',
    'a.requester_name.givenKana': 'マコト',
    'a.address.postalCode': '1608484',
    'a.address.prefecture': '東京都',
    'a.address.city': 'みどり区',
    'a.address.town': '中央一丁目2番3号',
    'a.birth_date': '1980-01-31',
    'a.phone': '090-2222-3333',
    'a.email.value': 'makoto@example.jp',
    'a.email.confirm': 'makoto@example.jp',
  };

  test('the fee shows its unit price, then the amount once the quantity is known', async () => {
    const b = w.browser();
    const page1 = await start(b, formId);
    expect(page1.doc.querySelector('[data-fee-for=fee]')?.text).toBe(
      '金額は、確認画面で表示します。',
    );
    const page2 = await b.submit(page1, 'next', { values: request });
    const back = await b.submit(page2, 'back');
    expect(back.doc.querySelector('[data-fee-for=fee]')?.text).toBe('300円 × 3 ＝ 900円');
  });

  test('files go up with the page, are listed with the limits stated, and can be removed', async () => {
    const b = w.browser();
    const page2 = await b.submit(await start(b, formId), 'next', { values: request });
    expect(heading(page2)).toBe('請求者の情報');
    const form = page2.doc.querySelector('#resident-form');
    expect(form?.getAttribute('enctype')).toBe('multipart/form-data');
    const input = page2.doc.getElementById('f-identity_document');
    expect(input?.getAttribute('type')).toBe('file');
    expect(input?.getAttribute('accept')).toBe('image/jpeg,image/png,application/pdf');
    expect(page2.doc.getElementById('f-identity_document-hint')?.text).toContain(
      '10MBまで、2ファイルまで',
    );
    const refused = await b.submit(page2, 'next', {
      values: requester,
      files: { 'a.identity_document': [new File(['hello'], 'note.txt')] },
    });
    expect(refused.status).toBe(400);
    expect(summaryLinks(refused)[0]?.href).toBe('#f-identity_document');
    expect(refused.doc.getElementById('f-identity_document-error')?.text).toContain('note.txt');
    const uploaded = await b.submit(refused, 'next', {
      files: { 'a.identity_document': [pdf('license.pdf')] },
    });
    expect(heading(uploaded)).toBe('申請内容の確認');
    expect(uploaded.doc.querySelector('main')?.text).toContain('license.pdf');
    expect(uploaded.doc.querySelector('main')?.text).toContain('900円');
    const again = await b.submit(uploaded, 'goto:requester');
    expect(again.doc.querySelector('.files__name')?.text).toContain('license.pdf');
    const removed = await b.submit(
      again,
      again.doc.querySelector('.files button')?.getAttribute('value') ?? '',
    );
    expect(removed.doc.querySelector('.files')).toBeNull();
    const withTwo = await b.submit(removed, 'next', {
      files: { 'a.identity_document': [pdf('front.pdf'), pdf('back.pdf')] },
    });
    expect(heading(withTwo)).toBe('申請内容の確認');
    const done = await b.submit(withTwo, 'submit');
    expect(done.status).toBe(200);
    const row = await w.db.query.submissions.findFirst({
      where: eq(submissions.applicantEmail, 'makoto@example.jp'),
    });
    const bound = await w.db
      .select()
      .from(attachments)
      .where(eq(attachments.submissionId, row?.id ?? ''));
    expect(bound.map((file) => file.name).sort()).toEqual(['back.pdf', 'front.pdf']);
    const revision = await w.db.query.submissionRevisions.findFirst({
      where: eq(submissionRevisions.submissionId, row?.id ?? ''),
    });
    expect(revision?.answers.fee).toBe(3);
  });
});

describe('My Number', () => {
  const definition: FormDefinitionInput = {
    schemaVersion: 1,
    title: { ja: '個人番号の届出' },
    purposeOfUse: { ja: '届出の処理に利用します' },
    category: 'application',
    yearlyVolume: 10,
    retentionDays: 365,
    pages: [
      {
        id: 'p1',
        title: { ja: '個人番号' },
        fields: [{ id: 'my_number', type: 'my_number', label: { ja: '個人番号' }, required: true }],
      },
      {
        id: 'p2',
        title: { ja: '確認' },
        fields: [
          {
            id: 'ok',
            type: 'yes_no',
            label: { ja: '内容に誤りはありませんか' },
            pii: 'none',
            required: true,
          },
        ],
      },
    ],
  };

  test('masked on the confirmation page, never sent back in full once accepted', async () => {
    const formId = await w.publish(definition);
    const b = w.browser();
    const page1 = await start(b, formId);
    const input = page1.doc.getElementById('f-my_number');
    expect(input?.getAttribute('inputmode')).toBe('numeric');
    expect(input?.getAttribute('autocomplete')).toBe('off');
    const wrong = await b.submit(page1, 'next', { values: { 'a.my_number': '1234 5678 9010' } });
    expect(wrong.status).toBe(400);
    // What was just typed wrongly is shown again, to be corrected.
    expect(inputValue(wrong, 'a.my_number')).toBe('1234 5678 9010');
    const page2 = await b.submit(wrong, 'next', { values: { 'a.my_number': '1234 5678 9018' } });
    expect(page2.html).not.toContain('9018');
    const confirm = await b.submit(page2, 'next', { values: { 'a.ok': 'yes' } });
    expect(confirm.doc.querySelector('.masked')?.text).toBe('********9018');
    expect(confirm.html).not.toMatch(/1234\s?5678\s?9018|123456789018/);
    const back = await b.submit(confirm, 'goto:p1');
    expect(inputValue(back, 'a.my_number')).toBe('');
    expect(back.html).toContain('********9018');
    const kept = await b.submit(back, 'next');
    expect(heading(kept)).toBe('申請内容の確認');
    expect(kept.doc.querySelector('.masked')?.text).toBe('********9018');
  });
});

describe('reservation slots', () => {
  test('each slot shows its places left; a full slot cannot be chosen', async () => {
    const formId = await w.publish({
      schemaVersion: 1,
      title: { ja: '相談の予約' },
      purposeOfUse: { ja: '予約の管理に利用します' },
      category: 'consultation',
      yearlyVolume: 10,
      retentionDays: 365,
      pages: [
        {
          id: 'p1',
          title: { ja: '日時' },
          fields: [
            {
              id: 'slot',
              type: 'reservation_slot',
              label: { ja: '相談日時' },
              pii: 'none',
              required: true,
              slots: [
                { id: 'a', date: '2026-12-04', start: '13:00', end: '13:30', capacity: 1 },
                { id: 'b', date: '2026-12-04', start: '13:30', end: '14:00', capacity: 3 },
                { id: 'past', date: '2026-11-01', start: '13:30', end: '14:00', capacity: 3 },
              ],
            },
          ],
        },
      ],
    });
    const taken = await w.app.request(`/t/midori/api/forms/${formId}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: { slot: 'a' } }),
    });
    expect(taken.status).toBe(201);
    const page = await start(w.browser(), formId);
    const options = page.doc.querySelectorAll('input[name="a.slot"]');
    expect(options.map((option) => option.getAttribute('value'))).toEqual(['a', 'b']);
    expect(options[0]?.hasAttribute('disabled')).toBe(true);
    expect(page.doc.querySelectorAll('.slot__left').map((left) => left.text)).toEqual([
      '満員',
      '残り3枠',
    ]);
    expect(page.doc.querySelector('.slot__when')?.text).toContain('2026年12月4日');
  });
  test('a slot that fills up before the submit is told beside its field (409), to choose again', async () => {
    const formId = await w.publish({
      schemaVersion: 1,
      title: { ja: '相談の予約' },
      purposeOfUse: { ja: '予約の管理に利用します' },
      category: 'consultation',
      yearlyVolume: 10,
      retentionDays: 365,
      pages: [
        {
          id: 'p1',
          title: { ja: '日時' },
          fields: [
            {
              id: 'slot',
              type: 'reservation_slot',
              label: { ja: '相談日時' },
              pii: 'none',
              required: true,
              slots: [
                { id: 'a', date: '2026-12-04', start: '13:00', end: '13:30', capacity: 1 },
                { id: 'b', date: '2026-12-04', start: '13:30', end: '14:00', capacity: 1 },
              ],
            },
          ],
        },
      ],
    });
    const b = w.browser();
    const confirm = await b.submit(await start(b, formId), 'next', { values: { 'a.slot': 'a' } });
    expect(heading(confirm)).toBe('申請内容の確認');
    const taken = await w.app.request(`/t/midori/api/forms/${formId}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: { slot: 'a' } }),
    });
    expect(taken.status).toBe(201);
    const refused = await b.submit(confirm, 'submit');
    expect(refused.status).toBe(409);
    expect(heading(refused)).toBe('日時');
    expect(summaryLinks(refused)).toEqual([
      { href: '#f-slot', text: '選んだ日時は定員に達しました。別の日時を選んでください' },
    ]);
    expect(refused.doc.getElementById('f-slot')?.hasAttribute('disabled')).toBe(true);
    const rebooked = await b.submit(refused, 'next', { values: { 'a.slot': 'b' } });
    expect((await b.submit(rebooked, 'submit')).status).toBe(200);
  });
});

describe('email verification before filling', () => {
  test('a code by mail, a wrong code refused, the right one leads to the form with the address', async () => {
    const formId = await w.publish({
      ...openNow(certificateByMail),
      options: { emailVerification: true, payment: { mode: 'none' } },
    });
    const b = w.browser();
    const ask = await start(b, formId);
    expect(heading(ask)).toBe('メールアドレスの確認');
    const bad = await b.submit(ask, 'send_code', { values: { email: 'nope' } });
    expect(bad.status).toBe(400);
    const code = await b.submit(bad, 'send_code', { values: { email: 'Verify@Example.jp' } });
    expect(heading(code)).toBe('確認コードの入力');
    const mail = (await w.db.select().from(outbox).where(eq(outbox.to, 'verify@example.jp')))[0];
    const sent = /\b(\d{6})\b/.exec(mail?.body ?? '')?.[1] ?? '';
    const wrong = await b.submit(code, 'check_code', {
      values: { code: sent === '000000' ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.doc.querySelector('.error-summary a')?.getAttribute('href')).toBe(
      '#f-verify-code',
    );
    const page1 = await b.submit(wrong, 'check_code', { values: { code: sent } });
    expect(heading(page1)).toBe('請求する証明書');
    expect(page1.doc.querySelector('.notice')?.text).toContain('verify@example.jp');
    const page2 = await b.submit(page1, 'next', {
      values: {
        'a.certificate_kind': 'record_individual',
        'a.copies': '1',
        'a.purpose': 'pension',
      },
    });
    expect(inputValue(page2, 'a.email.value')).toBe('verify@example.jp');
  });
});

describe('values the link carries', () => {
  test('a hidden field takes its value from the link and is stored, never shown', async () => {
    const formId = await w.publish({
      schemaVersion: 1,
      title: { ja: 'アンケート' },
      purposeOfUse: { ja: '集計に利用します' },
      category: 'survey',
      yearlyVolume: 10,
      retentionDays: 365,
      pages: [
        {
          id: 'p1',
          title: { ja: 'ご意見' },
          fields: [
            {
              id: 'letter',
              type: 'hidden',
              label: { ja: '通知番号' },
              pii: 'other',
              fromQuery: 'n',
            },
            {
              id: 'opinion',
              type: 'long_text',
              label: { ja: 'ご意見' },
              pii: 'other',
              required: true,
            },
          ],
        },
      ],
    });
    const b = w.browser();
    const startPage = await b.get(`/t/midori/f/${formId}?n=A-123`);
    expect(inputValue(startPage, 'a.letter')).toBe('A-123');
    const page = await b.submit(startPage, 'start');
    expect(page.doc.querySelector('[name="a.letter"]')).toBeNull();
    const confirm = await b.submit(page, 'next', { values: { 'a.opinion': 'よい取組です' } });
    expect(confirm.html).not.toContain('A-123');
    await b.submit(confirm, 'submit');
    const revisions = await w.db.select().from(submissionRevisions);
    expect(
      revisions.some((r) => r.answers.letter === 'A-123' && r.answers.opinion === 'よい取組です'),
    ).toBe(true);
  });
});
