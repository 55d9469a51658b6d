import type { FormDefinitionInput } from '@madoguchi/shared';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outbox, submissionRevisions, submissions } from '../db/tenant-schema';
import { heading, inputValue, pageWorld, shownFields } from './page-test-support';
import type { ResidentBrowser, Visit } from './test-browser';

let w: Awaited<ReturnType<typeof pageWorld>>;
let formId: string;

/** Two pages: who applies (with My Number) and how to reach them. */
const benefit: FormDefinitionInput = {
  schemaVersion: 1,
  title: { ja: '給付金の申請', en: 'Benefit application' },
  purposeOfUse: { ja: '給付の審査と振込に利用します' },
  category: 'application',
  yearlyVolume: 2000,
  retentionDays: 1825,
  pages: [
    {
      id: 'applicant',
      title: { ja: '申請者', en: 'Applicant' },
      fields: [
        { id: 'name', type: 'name', label: { ja: '氏名' }, pii: 'name', required: true },
        { id: 'my_number', type: 'my_number', label: { ja: '個人番号' }, required: true },
      ],
    },
    {
      id: 'contact',
      title: { ja: '連絡先', en: 'Contact' },
      fields: [
        { id: 'phone', type: 'phone', label: { ja: '電話番号' }, pii: 'contact', required: true },
        {
          id: 'mail',
          type: 'email',
          label: { ja: 'メールアドレス' },
          pii: 'contact',
          required: true,
          confirm: false,
        },
      ],
    },
  ],
};

beforeAll(async () => {
  w = await pageWorld();
  formId = await w.publish(benefit);
});
afterAll(() => w.h.close());

/** Applies through the pages and returns the link from the arrival mail. */
async function apply(
  n: number,
  b: ResidentBrowser = w.browser(),
): Promise<{ link: string; reference: string }> {
  const start = await b.get(`/t/midori/f/${formId}`);
  const page1 = await b.submit(start, 'start');
  const page2 = await b.submit(page1, 'next', {
    values: {
      'a.name.family': '緑',
      'a.name.given': `花子${n}`,
      'a.name.familyKana': 'みどり',
      'a.name.givenKana': 'はなこ',
      'a.my_number': '1234 5678 9018',
    },
  });
  const confirm = await b.submit(page2, 'next', {
    values: { 'a.phone': '03-5273-4000', 'a.mail': `hanako${n}@example.jp` },
  });
  const done = await b.submit(confirm, 'submit');
  const reference = done.doc.getElementById('reference-number')?.text ?? '';
  return { link: await latestLink(`hanako${n}@example.jp`), reference };
}

async function latestLink(to: string): Promise<string> {
  const mails = await w.db.select().from(outbox).where(eq(outbox.to, to));
  const body = mails.at(-1)?.body ?? '';
  const url = /http:\/\/127\.0\.0\.1:3000(\/t\/midori\/s\/[^\s]+)/.exec(body)?.[1];
  if (!url) throw new Error(`no link in the mail to ${to}`);
  return url;
}

async function rowOf(reference: string) {
  const row = await w.db.query.submissions.findFirst({
    where: eq(submissions.referenceNumber, reference),
  });
  if (!row) throw new Error('no application');
  return row;
}

async function openLink(b: ResidentBrowser, link: string): Promise<Visit> {
  const landing = await b.get(link);
  expect(landing.status).toBe(200);
  return b.get('/t/midori/status');
}

describe('the secret link', () => {
  test('sets a strict cookie for the tenant and moves on to a token-free status page', async () => {
    const { link, reference } = await apply(1);
    const b = w.browser();
    const landing = await b.get(link);
    expect(landing.status).toBe(200);
    const cookie = landing.headers
      .getSetCookie()
      .find((line) => line.startsWith('madoguchi_access='));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/t/midori');
    const refresh = landing.doc.querySelector('meta[http-equiv=refresh]')?.getAttribute('content');
    expect(refresh).toBe('0;url=/t/midori/status');
    const token = link.split('/').at(-1) ?? '';
    expect(landing.html).not.toContain(token);
    const status = await b.get('/t/midori/status');
    expect(status.status).toBe(200);
    expect(status.html).not.toContain(token);
    expect(status.doc.getElementById('current-state')?.text).toBe('到達');
    expect(status.html).toContain(reference);
    expect(status.doc.querySelector('#history')?.text).toContain('提出（到達）');
    // The answers, with the My Number masked to its last four digits.
    expect(status.html).toContain('********9018');
    expect(status.html).not.toContain('123456789018');
    expect(status.doc.getElementById('withdraw-link')?.getAttribute('href')).toBe(
      '/t/midori/status/withdraw',
    );
  });

  test('without the cookie the status page says to open the link (401)', async () => {
    const page = await w.browser().get('/t/midori/status');
    expect(page.status).toBe(401);
    expect(page.doc.querySelector('[data-problem]')?.getAttribute('data-problem')).toBe('no_link');
  });

  test('a forged link, another tenant’s link and a replaced link are refused (404)', async () => {
    const { link } = await apply(2);
    const forged = link.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));
    for (const path of [
      forged,
      link.replace('/t/midori/', '/t/aoba/'),
      '/t/midori/s/x',
      '/t/nowhere/s/x',
    ]) {
      const page = await w.browser().get(path);
      expect(page.status, path).toBe(404);
      expect(page.headers.get('content-type')).toContain('text/html');
    }
    expect(
      (await w.browser().get(forged)).doc
        .querySelector('[data-problem]')
        ?.getAttribute('data-problem'),
    ).toBe('link_invalid');
  });

  test('a remembered link that was replaced since is refused, and forgotten', async () => {
    const { link } = await apply(3);
    const b = w.browser();
    await openLink(b, link);
    const other = w.browser();
    const resend = await other.get(`/t/midori/f/${formId}/resend`);
    await other.submit(resend, 'resend', { values: { email: 'hanako3@example.jp' } });
    const stale = await b.get('/t/midori/status');
    expect(stale.status).toBe(404);
    expect(b.cookies.has('madoguchi_access')).toBe(false);
    expect((await w.browser().get(link)).status).toBe(404);
  });
});

describe('re-sending the link', () => {
  test('answers the same for any address, and the new link works', async () => {
    await apply(4);
    const b = w.browser();
    const page = await b.get(`/t/midori/f/${formId}/resend`);
    expect(page.status).toBe(200);
    expect(heading(page)).toBe('確認用リンクの再送');
    const known = await b.submit(page, 'resend', { values: { email: 'hanako4@example.jp' } });
    const unknown = await b.submit(page, 'resend', { values: { email: 'nobody@example.jp' } });
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(known.doc.querySelector('main')?.text).toBe(unknown.doc.querySelector('main')?.text);
    const status = await openLink(w.browser(), await latestLink('hanako4@example.jp'));
    expect(status.status).toBe(200);
  });

  test('a malformed address is shown again with a message (400)', async () => {
    const b = w.browser();
    const page = await b.get(`/t/midori/f/${formId}/resend`);
    const refused = await b.submit(page, 'resend', { values: { email: 'not an address' } });
    expect(refused.status).toBe(400);
    expect(inputValue(refused, 'email')).toBe('not an address');
    expect(refused.doc.querySelector('.error-summary a')?.getAttribute('href')).toBe(
      '#f-resend-email',
    );
  });
});

describe('withdrawing', () => {
  test('asks first, then withdraws once; a second click shows the same result', async () => {
    const { link, reference } = await apply(5);
    const b = w.browser();
    const status = await openLink(b, link);
    const ask = await b.get(status.doc.getElementById('withdraw-link')?.getAttribute('href') ?? '');
    expect(ask.status).toBe(200);
    expect(heading(ask)).toBe('申請の取下げ');
    expect((await rowOf(reference)).state).toBe('submitted');
    const [first, second] = await Promise.all([
      b.submit(ask, 'withdraw'),
      b.submit(ask, 'withdraw'),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(heading(second)).toBe('申請を取り下げました');
    expect((await b.submit(ask, 'withdraw')).status).toBe(200);
    expect(heading(first)).toBe('申請を取り下げました');
    expect(await rowOf(reference)).toMatchObject({ state: 'withdrawn', holdsPlace: false });
    const after = await b.get('/t/midori/status');
    expect(after.doc.getElementById('current-state')?.text).toBe('取下げ');
    expect(after.doc.getElementById('withdraw-link')).toBeNull();
    expect(after.doc.getElementById('reapply-link')).not.toBeNull();
    expect((await b.get('/t/midori/status/withdraw')).status).toBe(409);
  });
});

describe('re-applying', () => {
  test('starts a new application prefilled from the withdrawn one; My Number is not shown', async () => {
    const { link, reference } = await apply(6);
    const b = w.browser();
    await openLink(b, link);
    await b.submit(await b.get('/t/midori/status/withdraw'), 'withdraw');
    const page1 = await b.get('/t/midori/status/reapply');
    expect(page1.status).toBe(200);
    expect(heading(page1)).toBe('申請者');
    expect(page1.doc.querySelector('.notice')?.text).toContain('前回の申請内容');
    expect(inputValue(page1, 'a.name.given')).toBe('花子6');
    expect(inputValue(page1, 'a.my_number')).toBe('');
    expect(page1.html).toContain('********9018');
    expect(page1.html).not.toContain('123456789018');
    const page2 = await b.submit(page1, 'next');
    expect(inputValue(page2, 'a.phone')).toBe('0352734000');
    const confirm = await b.submit(page2, 'next');
    expect(confirm.html).toContain('********9018');
    const done = await b.submit(confirm, 'submit');
    const newReference = done.doc.getElementById('reference-number')?.text ?? '';
    expect(newReference).not.toBe(reference);
    const revision = await w.db.query.submissionRevisions.findFirst({
      where: eq(submissionRevisions.submissionId, (await rowOf(newReference)).id),
    });
    expect(revision?.answers.my_number).toBe('123456789018');
  });
});

describe('correcting after staff return it (補正)', () => {
  test('the request is shown; only the named page is changed; resubmitting makes revision 2', async () => {
    const { link, reference } = await apply(7);
    const row = await rowOf(reference);
    const returned = await w.staff('POST', `/api/submissions/${row.id}/actions`, {
      action: 'return_for_correction',
      message: '日中につながる電話番号をご記入ください',
      fieldsToFix: ['phone'],
    });
    expect(returned.status).toBe(200);
    const b = w.browser();
    const status = await openLink(b, link);
    expect(status.doc.getElementById('current-state')?.text).toBe('補正依頼中');
    expect(status.doc.getElementById('correction')?.text).toContain('日中につながる電話番号');
    expect(status.doc.getElementById('fields-to-fix')?.text).toContain('電話番号');
    const page = await b.get(status.doc.getElementById('correct-link')?.getAttribute('href') ?? '');
    expect(page.status).toBe(200);
    expect(heading(page)).toBe('連絡先');
    expect(page.doc.querySelector('.field--fix')?.getAttribute('data-field')).toBe('phone');
    expect(page.doc.querySelector('.caption')?.text).toContain('1ページ中 1ページ目');
    expect(page.doc.querySelector('button[value=back]')).toBeNull();
    const invalid = await b.submit(page, 'next', { values: { 'a.phone': '12' } });
    expect(invalid.status).toBe(400);
    const confirm = await b.submit(invalid, 'next', { values: { 'a.phone': '090-8888-7777' } });
    expect(heading(confirm)).toBe('申請内容の確認（申請内容の修正）');
    expect(confirm.doc.querySelector('button[value="goto:contact"]')).not.toBeNull();
    expect(confirm.doc.querySelector('button[value="goto:applicant"]')).toBeNull();
    expect(confirm.doc.querySelector('input[name=_client]')).toBeNull();
    const [done, twice] = await Promise.all([
      b.submit(confirm, 'submit'),
      b.submit(confirm, 'submit'),
    ]);
    expect(heading(done)).toBe('修正した内容で再申請しました');
    expect(heading(twice)).toBe('修正した内容で再申請しました');
    const again = await b.submit(confirm, 'submit');
    expect(again.status).toBe(200);
    expect(await rowOf(reference)).toMatchObject({ state: 'submitted', currentRevision: 2 });
    const revisions = await w.db
      .select()
      .from(submissionRevisions)
      .where(eq(submissionRevisions.submissionId, row.id));
    expect(revisions.map((r) => r.answers.phone)).toEqual(['0352734000', '09088887777']);
    expect(revisions[1]?.answers.my_number).toBe('123456789018');
    const mails = await w.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.to, 'hanako7@example.jp'), like(outbox.eventKey, '%resubmitted%')));
    expect(mails).toHaveLength(1);
    expect(shownFields(await b.get('/t/midori/status'))).toEqual([]);
  });

  test('correcting an application that is not returned is refused (409)', async () => {
    const { link } = await apply(8);
    const b = w.browser();
    await openLink(b, link);
    expect((await b.get('/t/midori/status/correct')).status).toBe(409);
  });
});
