import { schoolPlansSurvey, zeroWasteDay } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { submissionRevisions, submissions } from '../db/tenant-schema';
import {
  expectLinksResolve,
  heading,
  inputValue,
  openNow,
  pageWorld,
  shownFields,
  summaryLinks,
} from './page-test-support';
import type { ResidentBrowser, Visit } from './test-browser';

let w: Awaited<ReturnType<typeof pageWorld>>;
let schoolForm: string;
let zeroWasteForm: string;

beforeAll(async () => {
  w = await pageWorld();
  schoolForm = await w.publish(openNow(schoolPlansSurvey));
  zeroWasteForm = await w.publish(openNow(zeroWasteDay));
});
afterAll(() => w.h.close());

const child = (row: number, overrides: Record<string, string> = {}) => {
  const at = (name: string) => `a.children.${row}.${name}`;
  return {
    [at('child_name.family')]: '緑',
    [at('child_name.given')]: `一郎${row}`,
    [at('child_name.familyKana')]: 'みどり',
    [at('child_name.givenKana')]: 'いちろう',
    [at('child_birth_date')]: '2020-06-01',
    [at('child_sex')]: 'male',
    [at('current_school')]: 'みどり保育園',
    [at('school_plan')]: 'designated',
    [at('child_nationality')]: 'japan',
    ...Object.fromEntries(Object.entries(overrides).map(([key, value]) => [at(key), value])),
  };
};

const guardian = {
  'a.guardian_name.family': '緑',
  'a.guardian_name.given': '花子',
  'a.guardian_name.familyKana': 'ミドリ',
  'a.guardian_name.givenKana': 'ハナコ',
  'a.address.postalCode': '１６０－８４８４',
  'a.address.prefecture': '東京都',
  'a.address.city': 'みどり区',
  'a.address.town': '中央一丁目2番3号',
  'a.address.building': '',
  'a.phone': '03-5273-4000',
  'a.email.value': 'hanako@example.jp',
  'a.email.confirm': 'hanako@example.jp',
};

async function firstPage(b: ResidentBrowser, formId = schoolForm): Promise<Visit> {
  const start = await b.get(`/t/midori/f/${formId}`);
  expect(start.status).toBe(200);
  return b.submit(start, 'start');
}

async function toConfirmation(b: ResidentBrowser): Promise<Visit> {
  const page1 = await firstPage(b);
  const page2 = await b.submit(page1, 'next', { values: child(0) });
  expect(heading(page2)).toBe('保護者の情報');
  const confirm = await b.submit(page2, 'next', { values: guardian });
  expect(heading(confirm)).toBe('申請内容の確認');
  return confirm;
}

describe('the start page', () => {
  test('shows the title, what to have ready and the purpose of use, and starts with a POST', async () => {
    const page = await w.browser().get(`/t/midori/f/${schoolForm}`);
    expect(page.status).toBe(200);
    expect(heading(page)).toBe('令和9年度 区立学校への就学予定調査');
    expect(page.html).toContain('個人情報の利用目的');
    expect(page.html).toContain('在留カード');
    const form = page.doc.querySelector('#resident-form');
    expect(form?.getAttribute('method')).toBe('post');
    expect(form?.querySelector('input[name=_csrf]')?.getAttribute('value')).toMatch(/^[\w-]{43}$/);
    expect(page.doc.querySelector('html')?.getAttribute('lang')).toBe('ja');
    expect(page.doc.querySelector('link[rel=stylesheet]')?.getAttribute('href')).toMatch(
      /^\/assets\/resident-[0-9a-f]{12}\.css$/,
    );
  });

  test('English is chosen by a link and remembered; the form’s own English texts are used', async () => {
    const b = w.browser();
    const page = await b.get(`/t/midori/f/${schoolForm}`);
    const link = page.doc.querySelector('.language a')?.getAttribute('href') ?? '';
    const chosen = await b.get(link);
    expect(chosen.status).toBe(303);
    const english = await b.get(`/t/midori/f/${schoolForm}`);
    expect(english.doc.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(heading(english)).toBe('School plans for April 2027 (ward schools)');
    expect(english.html).toContain('How we use your personal information');
    const page1 = await b.submit(english, 'start');
    expect(heading(page1)).toBe('Your children');
  });

  test('the stylesheet is served at its versioned URL, cacheable for a year', async () => {
    const page = await w.browser().get(`/t/midori/f/${schoolForm}`);
    const href = page.doc.querySelector('link[rel=stylesheet]')?.getAttribute('href') ?? '';
    const css = await w.app.request(href);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await css.text()).toContain('@media print');
    expect((await w.app.request('/assets/resident-000000000000.css')).status).toBe(404);
  });
});

describe('filling a form page by page without JavaScript', () => {
  test('an empty required group is refused with a summary linking to it', async () => {
    const b = w.browser();
    const page1 = await firstPage(b);
    expect(heading(page1)).toBe('お子さんの情報');
    const refused = await b.submit(page1, 'next');
    expect(refused.status).toBe(400);
    expect(refused.doc.querySelector('.error-summary')?.getAttribute('role')).toBe('alert');
    expect(summaryLinks(refused)).toEqual([
      { href: '#f-children', text: '対象のお子さんは1件以上入力してください' },
    ]);
    expectLinksResolve(refused);
    expect(refused.doc.querySelector('title')?.text).toMatch(/^エラー：/);
  });

  test('invalid answers: messages beside the fields, aria-invalid, typed values kept', async () => {
    const b = w.browser();
    const page1 = await firstPage(b);
    const refused = await b.submit(page1, 'next', {
      values: child(0, { child_birth_date: '2005-01-01', 'child_name.familyKana': 'Midori' }),
    });
    expect(refused.status).toBe(400);
    const links = summaryLinks(refused);
    expect(links.map((link) => link.href)).toEqual([
      '#f-children-0-child_name-familyKana',
      '#f-children-0-child_birth_date',
    ]);
    expectLinksResolve(refused);
    const kana = refused.doc.getElementById('f-children-0-child_name-familyKana');
    expect(kana?.getAttribute('aria-invalid')).toBe('true');
    expect(kana?.getAttribute('value')).toBe('Midori');
    for (const id of (kana?.getAttribute('aria-describedby') ?? '').split(' '))
      expect(refused.doc.getElementById(id), id).not.toBeNull();
    expect(refused.doc.getElementById('f-children-0-child_birth_date-error')?.text).toContain(
      '15歳以下',
    );
    expect(inputValue(refused, 'a.children.0.current_school')).toBe('みどり保育園');
    expect(
      refused.doc
        .querySelector('[name="a.children.0.child_sex"][value=male]')
        ?.hasAttribute('checked'),
    ).toBe(true);
  });

  test('a question that a condition adds is shown first, without an error; then required', async () => {
    const b = w.browser();
    const page1 = await firstPage(b);
    expect(shownFields(page1)).not.toContain('children.0.planned_school');
    const added = await b.submit(page1, 'next', { values: child(0, { school_plan: 'private' }) });
    expect(added.status).toBe(200);
    expect(heading(added)).toBe('お子さんの情報');
    expect(added.doc.querySelector('.notice')?.text).toContain('追加されました');
    expect(shownFields(added)).toContain('children.0.planned_school');
    expect(added.doc.querySelector('.error-summary')).toBeNull();
    // The hidden question stays in the page for the client script, with its condition.
    expect(
      added.doc
        .querySelector('[data-field="children.0.nationality_name"]')
        ?.getAttribute('data-show-if'),
    ).toBe(JSON.stringify({ field: 'child_nationality', op: 'equals', value: 'other' }));
    const required = await b.submit(added, 'next');
    expect(required.status).toBe(400);
    expect(summaryLinks(required)[0]?.href).toBe('#f-children-0-planned_school');
    const next = await b.submit(required, 'next', {
      values: { 'a.children.0.planned_school': 'みどり学園' },
    });
    expect(heading(next)).toBe('保護者の情報');
  });

  test('with the client script the new question was seen while answering: judged at once, no notice', async () => {
    const b = w.browser();
    const page1 = await firstPage(b);
    // The client script posts `_live` with the page (names.ts).
    page1.doc
      .querySelector('#resident-form')
      ?.appendChild(parse('<input type="hidden" name="_live" value="1">'));
    const judged = await b.submit(page1, 'next', { values: child(0, { school_plan: 'private' }) });
    expect(judged.status).toBe(400);
    expect(judged.doc.querySelector('.notice')).toBeNull();
    expect(summaryLinks(judged)[0]?.href).toBe('#f-children-0-planned_school');
  });

  test('rows are added and removed with buttons that work without JavaScript', async () => {
    const b = w.browser();
    const page1 = await firstPage(b);
    const addButton = page1.doc.querySelector('button[value="add_row:children"]');
    expect(addButton?.getAttribute('formaction')).toBe(`/t/midori/f/${schoolForm}#f-children-1`);
    const two = await b.submit(page1, 'add_row:children', { values: child(0) });
    expect(two.status).toBe(200);
    expect(two.doc.querySelectorAll('fieldset.group__row')).toHaveLength(2);
    expect(inputValue(two, 'a.children.0.child_name.given')).toBe('一郎0');
    const three = await b.submit(two, 'add_row:children', { values: child(1) });
    expect(three.doc.querySelectorAll('fieldset.group__row')).toHaveLength(3);
    const removed = await b.submit(three, 'remove_row:children:0');
    expect(removed.doc.querySelectorAll('fieldset.group__row')).toHaveLength(2);
    expect(inputValue(removed, 'a.children.0.child_name.given')).toBe('一郎1');
    // The last (blank) row is not an answer: continuing skips it.
    const next = await b.submit(removed, 'next');
    expect(heading(next)).toBe('保護者の情報');
  });

  test('Enter in a text box continues: the first submit button of the form is "next"', async () => {
    const page1 = await firstPage(w.browser());
    const first = page1.doc.querySelector('#resident-form button[type=submit]');
    expect(first?.getAttribute('value')).toBe('next');
  });

  test('back keeps what was typed on both pages', async () => {
    const b = w.browser();
    const page2 = await b.submit(await firstPage(b), 'next', { values: child(0) });
    const back = await b.submit(page2, 'back', { values: { 'a.phone': '090-1234-5678' } });
    expect(heading(back)).toBe('お子さんの情報');
    expect(inputValue(back, 'a.children.0.current_school')).toBe('みどり保育園');
    const again = await b.submit(back, 'next');
    expect(inputValue(again, 'a.phone')).toBe('090-1234-5678');
  });

  test('switching language on a page keeps the answers', async () => {
    const b = w.browser();
    const page1 = await firstPage(b);
    const english = await b.submit(page1, 'language:en', { values: child(0) });
    expect(heading(english)).toBe('Your children');
    expect(inputValue(english, 'a.children.0.child_name.given')).toBe('一郎0');
    const page2 = await b.submit(english, 'next');
    expect(heading(page2)).toBe('Parent or guardian');
  });
});

describe('the confirmation page and submitting', () => {
  test('shows every answer with 和暦 and a change button back to its page', async () => {
    const b = w.browser();
    const confirm = await toConfirmation(b);
    const text = confirm.doc.querySelector('main')?.text ?? '';
    expect(text).toContain('2020-06-01（令和2年6月1日）');
    expect(text).toContain('〒160-8484');
    expect(text).toContain('03-5273-4000');
    expect(text).toContain('指定校（通学区域の区立学校）');
    const change = confirm.doc.querySelector('button[value="goto:guardian"]');
    expect(change?.text).toContain('変更');
    const guardianPage = await b.submit(confirm, 'goto:guardian');
    expect(heading(guardianPage)).toBe('保護者の情報');
    expect(guardianPage.doc.querySelector('.actions button')?.text).toBe('確認画面に戻る');
    const back = await b.submit(guardianPage, 'next', { values: { 'a.phone': '090-1111-2222' } });
    expect(heading(back)).toBe('申請内容の確認');
    expect(back.doc.querySelector('main')?.text).toContain('090-1111-2222');
  });

  test('posting the confirmation twice with its client token makes one application', async () => {
    const b = w.browser();
    const confirm = await toConfirmation(b);
    const token = confirm.doc.querySelector('input[name=_client]')?.getAttribute('value');
    expect(token).toMatch(/^[\w-]{32}$/);
    const before = (await w.db.select().from(submissions)).length;
    const [first, second] = await Promise.all([
      b.submit(confirm, 'submit'),
      b.submit(confirm, 'submit'),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(heading(first)).toBe('申請を受け付けました');
    const reference = first.doc.getElementById('reference-number')?.text;
    expect(reference).toMatch(/^\d{4}-\d{7}$/);
    expect(second.doc.getElementById('reference-number')?.text).toBe(reference);
    expect((await w.db.select().from(submissions)).length).toBe(before + 1);
    const third = await b.submit(confirm, 'submit');
    expect(third.doc.getElementById('reference-number')?.text).toBe(reference);
    expect((await w.db.select().from(submissions)).length).toBe(before + 1);
  });

  test('answers to questions hidden again are not stored', async () => {
    const b = w.browser();
    const page1 = await firstPage(b);
    const added = await b.submit(page1, 'next', { values: child(0, { school_plan: 'private' }) });
    const page2 = await b.submit(added, 'next', {
      values: { 'a.children.0.planned_school': 'みどり学園' },
    });
    const back = await b.submit(page2, 'back');
    const changed = await b.submit(back, 'next', {
      values: { 'a.children.0.school_plan': 'designated' },
    });
    const confirm = await b.submit(changed, 'next', {
      values: {
        ...guardian,
        'a.email.value': 'hidden@example.jp',
        'a.email.confirm': 'hidden@example.jp',
      },
    });
    expect(confirm.doc.querySelector('main')?.text).not.toContain('みどり学園');
    const done = await b.submit(confirm, 'submit');
    expect(done.status).toBe(200);
    const row = await w.db.query.submissions.findFirst({
      where: eq(submissions.applicantEmail, 'hidden@example.jp'),
    });
    const revision = await w.db.query.submissionRevisions.findFirst({
      where: eq(submissionRevisions.submissionId, row?.id ?? ''),
    });
    const children = revision?.answers.children as Record<string, unknown>[];
    expect(children).toHaveLength(1);
    expect(children[0]).not.toHaveProperty('planned_school');
    expect(children[0]).toMatchObject({ school_plan: 'designated' });
  });

  test('the completion page says what happens next and links to the status', async () => {
    const b = w.browser();
    const page = await b.submit(await firstPage(b, zeroWasteForm), 'next', {
      values: {
        'a.participant_name.family': '山本',
        'a.participant_name.given': '健',
        'a.participant_name.familyKana': 'ヤマモト',
        'a.participant_name.givenKana': 'ケン',
        'a.phone': '03-5555-0123',
        'a.email.value': 'ken@example.jp',
        'a.email.confirm': 'ken@example.jp',
      },
    });
    const done = await b.submit(page, 'submit');
    expect(done.html).toContain('今後の流れ');
    expect(done.html).toContain('受付のお知らせを送信しました');
    const status = done.doc.querySelector('a[href="/t/midori/status"]');
    expect(status).not.toBeNull();
    expect(done.doc.querySelector('.printable')).not.toBeNull();
  });
});
