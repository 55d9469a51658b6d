import { gunzipSync } from 'node:zlib';
import { zeroWasteDay } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { forms, outbox, submissions } from '../db/tenant-schema';
import { forgetForm } from '../forms/resident-row';
import { publishForTest } from '../submissions/test-support';
import { pageContentSecurityPolicy } from './page-security';
import { heading, openNow, pageWorld } from './page-test-support';
import type { ResidentBrowser, Visit } from './test-browser';

let w: Awaited<ReturnType<typeof pageWorld>>;
let formId: string;
let aobaFormId: string;

const participant = (n: number) => ({
  'a.participant_name.family': '山本',
  'a.participant_name.given': `健${n}`,
  'a.participant_name.familyKana': 'ヤマモト',
  'a.participant_name.givenKana': 'ケン',
  'a.phone': '03-5555-0123',
  'a.email.value': `ken${n}@example.jp`,
  'a.email.confirm': `ken${n}@example.jp`,
});

beforeAll(async () => {
  w = await pageWorld();
  formId = await w.publish(openNow(zeroWasteDay));
  aobaFormId = await publishForTest(w.aobaDb, openNow(zeroWasteDay), w.h.now());
});
afterAll(() => w.h.close());

async function firstPage(b: ResidentBrowser, id = formId): Promise<Visit> {
  return b.submit(await b.get(`/t/midori/f/${id}`), 'start');
}

const count = async () => (await w.db.select().from(submissions)).length;
const problem = (page: Visit) =>
  page.doc.querySelector('[data-problem]')?.getAttribute('data-problem');

describe('CSRF: every POST needs the page’s token and our origin', () => {
  test('no token, a forged token, another browser’s token, another origin: 403, nothing stored; our own page with Origin null passes', async () => {
    const b = w.browser();
    const page = await firstPage(b);
    const confirm = await b.submit(page, 'next', { values: participant(1) });
    expect(heading(confirm)).toBe('申請内容の確認');
    const before = await count();
    const token = confirm.doc.querySelector('input[name=_csrf]')?.getAttribute('value') ?? '';
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const cases: [string, Parameters<ResidentBrowser['submit']>[2], RequestInit][] = [
      ['no token', { values: { _csrf: '' } }, {}],
      ['a forged token', { values: { _csrf: forged } }, {}],
      ['another site', {}, { headers: { origin: 'https://evil.example' } }],
      ['a cross-site fetch', {}, { headers: { origin: '', 'sec-fetch-site': 'cross-site' } }],
      [
        'an opaque origin, cross-site',
        {},
        { headers: { origin: 'null', 'sec-fetch-site': 'cross-site' } },
      ],
      ['an opaque origin, no fetch metadata', {}, { headers: { origin: 'null' } }],
    ];
    for (const [name, changes, init] of cases) {
      const refused = await b.submit(confirm, 'submit', changes, init);
      expect(refused.status, name).toBe(403);
      expect(problem(refused), name).toBe('csrf');
    }
    const stranger = w.browser();
    await stranger.get(`/t/midori/f/${formId}`);
    const theirs = await stranger.submit(confirm, 'submit');
    expect(theirs.status).toBe(403);
    expect(await count()).toBe(before);
    // What Chromium sends for our own page, which has no referrer: Origin null, same-origin.
    const sent = await b.submit(
      confirm,
      'submit',
      {},
      { headers: { origin: 'null', 'sec-fetch-site': 'same-origin' } },
    );
    expect(sent.status).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  test('withdrawing without the token is refused and changes nothing', async () => {
    const b = w.browser();
    const done = await b.submit(
      await b.submit(await firstPage(b), 'next', { values: participant(2) }),
      'submit',
    );
    expect(done.status).toBe(200);
    const ask = await b.get('/t/midori/status/withdraw');
    const refused = await b.submit(ask, 'withdraw', { values: { _csrf: 'x' } });
    expect(refused.status).toBe(403);
    const row = await w.db.query.submissions.findFirst({
      where: eq(submissions.applicantEmail, 'ken2@example.jp'),
    });
    expect(row?.state).toBe('submitted');
  });
});

describe('headers', () => {
  test('pages go out gzipped to browsers that accept it, the API does not', async () => {
    const page = await w.app.request(`/t/midori/f/${formId}`, {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await page.arrayBuffer())).toString('utf8')).toContain('</html>');
    const api = await w.app.request(`/t/midori/api/forms/${formId}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(api.headers.get('content-encoding')).toBeNull();
  });

  test('every page has the strict CSP and no-store, no inline script or style, only our script file', async () => {
    const b = w.browser();
    const visits: Visit[] = [];
    visits.push(await b.get(`/t/midori/f/${formId}`));
    visits.push(await b.submit(visits[0] as Visit, 'start'));
    visits.push(await b.submit(visits[1] as Visit, 'next'));
    visits.push(await b.submit(visits[2] as Visit, 'next', { values: participant(3) }));
    visits.push(await b.submit(visits[3] as Visit, 'submit'));
    visits.push(await b.get('/t/midori/status'));
    visits.push(await b.get('/t/midori/status/withdraw'));
    visits.push(await b.get(`/t/midori/f/${formId}/resend`));
    visits.push(await w.browser().get('/t/midori/status'));
    visits.push(await w.browser().get('/t/midori/nope'));
    for (const visit of visits) {
      expect(visit.headers.get('content-security-policy'), visit.path).toBe(
        pageContentSecurityPolicy,
      );
      expect(visit.headers.get('cache-control'), visit.path).toBe('no-store');
      expect(visit.headers.get('content-type'), visit.path).toContain('text/html');
      // One script element: the versioned client script file, empty, from this origin.
      const scripts = visit.html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [];
      expect(scripts, visit.path).toEqual([
        expect.stringMatching(
          /^<script type="module" src="\/assets\/resident-(ja|en)-[0-9a-f]{12}\.js"><\/script>$/,
        ),
      ]);
      const withoutScript = visit.html.replace(scripts[0] ?? '', '');
      expect(withoutScript, visit.path).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
      expect(visit.html.startsWith('<!DOCTYPE html>'), visit.path).toBe(true);
    }
    expect(pageContentSecurityPolicy).toContain("default-src 'self'");
    expect(pageContentSecurityPolicy).toContain("form-action 'self'");
    expect(pageContentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(pageContentSecurityPolicy).not.toContain('unsafe-inline');
  });

  test('the token of a link never reaches the log', async () => {
    const b = w.browser();
    await b.submit(
      await b.submit(await firstPage(b), 'next', { values: participant(4) }),
      'submit',
    );
    const mail = (await w.db.select().from(outbox).where(eq(outbox.to, 'ken4@example.jp')))[0];
    const path = /(\/t\/midori\/s\/\S+)/.exec(mail?.body ?? '')?.[1] ?? '';
    const token = path.split('/').at(-1) ?? '';
    expect(token).toMatch(/^sub_/);
    await w.browser().get(path);
    await w.browser().get(`/t/midori/s/${token}x`);
    const lines = JSON.stringify(w.h.logger.lines);
    expect(lines).toContain('/t/midori/s/[redacted]');
    expect(lines).not.toContain(token.split('.')[1] ?? token);
  });
});

describe('bad input of any kind is a clear 4xx page, and nothing half-stored', () => {
  test('a tampered, foreign or expired draft', async () => {
    const b = w.browser();
    const page = await firstPage(b);
    const state = page.doc.querySelector('input[name=_state]')?.getAttribute('value') ?? '';
    const flipped = `${state.slice(0, 20)}${state[20] === 'A' ? 'B' : 'A'}${state.slice(21)}`;
    expect((await b.submit(page, 'next', { values: { _state: flipped } })).status).toBe(400);
    expect((await b.submit(page, 'next', { values: { _state: '' } })).status).toBe(400);
    const other = await w.publish(openNow(zeroWasteDay));
    const foreign = await b.request('POST', `/t/midori/f/${other}`, {
      body: new URLSearchParams({
        _csrf: page.doc.querySelector('input[name=_csrf]')?.getAttribute('value') ?? '',
        _state: state,
        _action: 'next',
      }),
    });
    expect(foreign.status).toBe(400);
    w.h.advance(25 * 60 * 60_000);
    const expired = await b.submit(page, 'next', { values: participant(5) });
    expect(expired.status).toBe(410);
    expect(problem(expired)).toBe('draft_expired');
    expect(expired.doc.querySelector('main a')?.getAttribute('href')).toBe(`/t/midori/f/${formId}`);
  });

  test('unknown names, repeated values, a file for a text field, unknown actions: 400', async () => {
    const b = w.browser();
    const page = await firstPage(b);
    const before = await count();
    expect((await b.submit(page, 'next', { values: { 'a.salary': '1' } })).status).toBe(400);
    expect((await b.submit(page, 'next', { values: { 'a.phone': ['1', '2'] } })).status).toBe(400);
    expect((await b.submit(page, 'next', { values: { _action: 'drop_tables' } })).status).toBe(400);
    const withFile = new FormData();
    for (const [name, value] of Object.entries({
      _csrf: page.doc.querySelector('input[name=_csrf]')?.getAttribute('value') ?? '',
      _state: page.doc.querySelector('input[name=_state]')?.getAttribute('value') ?? '',
      _action: 'next',
    }))
      withFile.append(name, value);
    withFile.append('a.phone', new File(['x'], 'x.txt'));
    expect((await b.request('POST', `/t/midori/f/${formId}`, { body: withFile })).status).toBe(400);
    expect(await count()).toBe(before);
  });

  test('a huge body is 413 and JSON is 415, as pages', async () => {
    const b = w.browser();
    const page = await firstPage(b);
    const huge = await b.submit(page, 'next', {
      values: { 'a.phone': 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(problem(huge)).toBe('too_large');
    const json = await b.request('POST', `/t/midori/f/${formId}`, {
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
  });

  test('a long answer is a message beside its field, kept as typed', async () => {
    const b = w.browser();
    const page = await firstPage(b);
    const long = await b.submit(page, 'next', {
      values: { ...participant(6), 'a.participant_name.family': '長'.repeat(300) },
    });
    expect(long.status).toBe(400);
    expect(long.doc.querySelector('.error-summary a')?.getAttribute('href')).toBe(
      '#f-participant_name-family',
    );
  });

  test('another tenant’s form, unknown forms and pages are HTML 404s; the API keeps JSON', async () => {
    for (const path of [
      `/t/midori/f/${aobaFormId}`,
      '/t/midori/f/frm_0000000000000000',
      '/t/nowhere/f/x',
      '/t/midori/nope',
      '/t/midori/status/nope',
    ]) {
      const page = await w.browser().get(path);
      expect(page.status, path).toBe(404);
      expect(problem(page), path).toBe('not_found');
    }
    const api = await w.app.request('/t/midori/api/nope');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
    expect((await w.app.request(`/t/midori/api/forms/${formId}`)).status).toBe(200);
  });

  test('posting another tenant’s form under this tenant stores nothing in either', async () => {
    const b = w.browser();
    const page = await firstPage(b);
    const before = [await count(), (await w.aobaDb.select().from(submissions)).length];
    const posted = await b.request('POST', `/t/midori/f/${aobaFormId}`, {
      body: new URLSearchParams({
        _csrf: page.doc.querySelector('input[name=_csrf]')?.getAttribute('value') ?? '',
        _action: 'start',
      }),
    });
    expect(posted.status).toBe(404);
    expect([await count(), (await w.aobaDb.select().from(submissions)).length]).toEqual(before);
  });
});

describe('forms that cannot be applied to', () => {
  test('closed, not yet open and full forms are 409 pages; a secret-link form needs its key', async () => {
    const closed = await w.publish(openNow(zeroWasteDay));
    await w.db.update(forms).set({ status: 'closed' }).where(eq(forms.id, closed));
    forgetForm(w.db, closed);
    const later = await w.publish({
      ...openNow(zeroWasteDay),
      settings: { opensAt: '2027-04-01T09:00:00+09:00' },
    });
    const full = await w.publish({ ...openNow(zeroWasteDay), settings: { capacity: 1 } });
    const secret = await w.publish(
      { ...openNow(zeroWasteDay), settings: { access: 'secret_link' } },
      { accessKey: 'k'.repeat(32) },
    );
    const b = w.browser();
    await b.submit(
      await b.submit(await firstPage(b, full), 'next', { values: participant(7) }),
      'submit',
    );
    const cases: [string, number, string][] = [
      [`/t/midori/f/${closed}`, 409, 'closed'],
      [`/t/midori/f/${later}`, 409, 'not_open'],
      [`/t/midori/f/${full}`, 409, 'full'],
      [`/t/midori/f/${secret}`, 404, 'not_found'],
      [`/t/midori/f/${secret}?key=${'x'.repeat(32)}`, 404, 'not_found'],
    ];
    for (const [path, status, kind] of cases) {
      const page = await w.browser().get(path);
      expect(page.status, path).toBe(status);
      expect(problem(page), path).toBe(kind);
    }
    expect(
      (await w.browser().get(`/t/midori/f/${later}`)).doc.querySelector('main')?.text,
    ).toContain('受付開始：2027年4月1日 09:00');
    const keyed = await w.browser().get(`/t/midori/f/${secret}?key=${'k'.repeat(32)}`);
    expect(keyed.status).toBe(200);
    expect(keyed.doc.querySelector('meta[name=robots]')?.getAttribute('content')).toContain(
      'noindex',
    );
  });

  test('a form that closes while being filled refuses the next step with a 409 page', async () => {
    const closing = await w.publish(openNow(zeroWasteDay));
    const b = w.browser();
    const page = await firstPage(b, closing);
    await w.db.update(forms).set({ status: 'closed' }).where(eq(forms.id, closing));
    forgetForm(w.db, closing);
    const refused = await b.submit(page, 'next', { values: participant(8) });
    expect(refused.status).toBe(409);
    expect(problem(refused)).toBe('closed');
  });
});
