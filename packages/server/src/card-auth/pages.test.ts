import type { FormDefinitionInput } from '@madoguchi/shared';
import { movingOutNotice } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  heading,
  inputValue,
  openNow,
  pageWorld,
  summaryLinks,
} from '../applicant/page-test-support';
import type { ResidentBrowser, Visit } from '../applicant/test-browser';
import { auditLog, submissionRevisions, submissions } from '../db/tenant-schema';
import { type LocalCardProvider, startLocalCardProvider } from './local-provider';
import { openPending, sealPending } from './service';
import { authenticateAtProvider } from './test-support';

let w: Awaited<ReturnType<typeof pageWorld>>;
let provider: LocalCardProvider;
let formId: string;

/** The moving-out notice's first page only: name, address, birth date, sex (from the card), phone, email. */
function cardForm(): FormDefinitionInput {
  const definition = openNow(movingOutNotice);
  return { ...definition, pages: definition.pages.slice(0, 1) };
}

beforeAll(async () => {
  w = await pageWorld();
  provider = await startLocalCardProvider({
    port: 0,
    redirectUris: [`${w.h.deps.config.PUBLIC_ORIGIN}/t/midori/card/callback`],
    redirectUriPattern: /^http:\/\/127\.0\.0\.1:3000\/t\/[a-z0-9-]+\/card\/callback$/,
  });
  w.h.deps.cardAuth = {
    issuer: provider.issuer,
    clientId: provider.clientId,
    privateJwk: provider.clientPrivateJwk,
  };
  formId = await w.publish(cardForm());
});
afterAll(async () => {
  await provider.close();
  await w.h.close();
});

/** Starts the form and returns the link to the provider. */
async function toProvider(b: ResidentBrowser): Promise<string> {
  const start = await b.get(`/t/midori/f/${formId}`);
  const card = await b.submit(start, 'start');
  expect(card.status).toBe(200);
  const href = card.doc.querySelector('#card-start')?.getAttribute('href') ?? '';
  expect(href.startsWith(provider.issuer)).toBe(true);
  return href;
}

/** Back from the provider: the path and query of the callback the provider redirected to. */
async function callbackPath(b: ResidentBrowser, holder = 'holder-1'): Promise<string> {
  const url = await authenticateAtProvider(await toProvider(b), holder);
  expect(url.pathname).toBe('/t/midori/card/callback');
  return `${url.pathname}${url.search}`;
}

async function failures(reason: string): Promise<number> {
  const rows = await w.db.select().from(auditLog).where(eq(auditLog.action, 'card_auth.failed'));
  return rows.filter((row) => (row.details as { reason?: string } | null)?.reason === reason)
    .length;
}

async function submissionCount(): Promise<number> {
  return (await w.db.select().from(submissions).where(eq(submissions.formId, formId))).length;
}

function expectCardProblem(page: Visit): void {
  expect(page.status).toBe(400);
  expect(page.doc.querySelector('[data-problem]')?.getAttribute('data-problem')).toBe(
    'card_failed',
  );
}

const typed = {
  'a.name.familyKana': 'マドグチ',
  'a.name.givenKana': 'ハナコ',
  'a.phone': '03-5273-4000',
  'a.email.value': 'hanako@example.jp',
  'a.email.confirm': 'hanako@example.jp',
};

describe('a form with My Number card authentication', () => {
  test('authenticates first, prefills and locks the verified fields, stores the subject', async () => {
    const b = w.browser();
    const page = await b.get(await callbackPath(b));
    expect(page.status).toBe(200);
    expect(heading(page)).toBe('届出人');
    expect(inputValue(page, 'a.name.family')).toBe('窓口');
    expect(inputValue(page, 'a.name.given')).toBe('花子');
    expect(inputValue(page, 'a.address.town')).toBe('西新宿二丁目8番1号');
    // A changed name is ignored: the verified value is what is confirmed and stored.
    const confirm = await b.submit(page, 'next', {
      values: { ...typed, 'a.name.family': '偽名', 'a.birth_date': '2000-01-01' },
    });
    expect(summaryLinks(confirm)).toEqual([]);
    expect(heading(confirm)).toBe('申請内容の確認');
    expect(confirm.html).toContain('窓口');
    expect(confirm.html).not.toContain('偽名');
    const done = await b.submit(confirm, 'submit');
    expect(done.status).toBe(200);
    const [row] = await w.db.select().from(submissions).where(eq(submissions.formId, formId));
    expect(row?.cardVerification?.subject).toMatch(/^[\w-]{20,}$/);
    expect(row?.cardVerification?.subject).not.toContain('holder');
    expect(Object.keys(row?.cardVerification?.values ?? {}).sort()).toEqual([
      'address',
      'birthdate',
      'gender',
      'name',
    ]);
    expect(row?.personKey).toBe(`card:${row?.cardVerification?.subject}`);
    const [revision] = await w.db
      .select()
      .from(submissionRevisions)
      .where(eq(submissionRevisions.submissionId, row?.id ?? ''));
    expect(revision?.answers).toMatchObject({
      name: { family: '窓口', given: '花子' },
      birth_date: '1985-04-12',
      sex: 'female',
    });
    // Staff see "verified by card" and the verified values.
    const detail = await w.staff('GET', `/api/submissions/${row?.id}`);
    expect(detail.status).toBe(200);
    const submission = detail.body.submission as { verifiedByCard: { attributes: string[] } };
    expect(submission.verifiedByCard.attributes).toContain('name');
    // One per person by the card's subject: the same holder cannot apply twice.
    const again = w.browser();
    const second = await again.get(await callbackPath(again));
    const confirm2 = await again.submit(second, 'next', { values: typed });
    const refused = await again.submit(confirm2, 'submit');
    expect(refused.status).toBe(409);
    expect(await submissionCount()).toBe(1);
  });

  test('a callback without the pending cookie (forged, or another browser) is refused', async () => {
    const b = w.browser();
    const path = await callbackPath(b, 'holder-2');
    const before = await failures('state_mismatch');
    const page = await w.browser().get(path);
    expectCardProblem(page);
    expect(await failures('state_mismatch')).toBe(before + 1);
  });

  test('a callback with another state is refused', async () => {
    const b = w.browser();
    const path = await callbackPath(b, 'holder-2');
    const page = await b.get(path.replace(/state=[^&]+/, 'state=forged'));
    expectCardProblem(page);
    expect(await failures('state_mismatch')).toBeGreaterThan(0);
  });

  test('a replayed code is refused by the provider', async () => {
    const b = w.browser();
    const path = await callbackPath(b, 'holder-2');
    const pending = b.cookies.get('card_pending');
    expect((await b.get(path)).status).toBe(200);
    if (pending) b.cookies.set('card_pending', pending);
    const before = await failures('code_rejected');
    expectCardProblem(await b.get(path));
    expect(await failures('code_rejected')).toBe(before + 1);
  });

  test('an ID token with a bad signature is refused', async () => {
    const b = w.browser();
    const path = await callbackPath(b, 'holder-2');
    const settings = w.h.deps.cardAuth;
    if (!settings) throw new Error('no card settings');
    w.h.deps.cardAuth = {
      ...settings,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!String(input).endsWith('/token')) return response;
        const body = (await response.json()) as { id_token: string };
        const parts = body.id_token.split('.');
        const signature = parts[2] ?? '';
        const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
        return Response.json({ ...body, id_token: `${parts[0]}.${parts[1]}.${flipped}` });
      },
    };
    try {
      expectCardProblem(await b.get(path));
    } finally {
      w.h.deps.cardAuth = settings;
    }
    expect(await failures('token_invalid')).toBeGreaterThan(0);
  });

  test('an expired ID token is refused', async () => {
    // The harness clock starts before the real one: bring it to the provider's time, then past
    // the ID token's five minutes (the pending cookie's ten are still running).
    const behind = Date.now() - w.h.now();
    w.h.advance(behind);
    const b = w.browser();
    const path = await callbackPath(b, 'holder-2');
    w.h.advance(6 * 60_000);
    try {
      expectCardProblem(await b.get(path));
    } finally {
      w.h.advance(-6 * 60_000 - behind);
    }
    expect(await failures('token_expired')).toBeGreaterThan(0);
  });

  test('an ID token with another nonce is refused', async () => {
    const b = w.browser();
    const path = await callbackPath(b, 'holder-2');
    const masterKey = w.h.registry.settings.masterKey;
    const pending = openPending(
      b.cookies.get('card_pending')?.value,
      masterKey,
      'midori',
      w.h.now(),
    );
    if (!pending) throw new Error('no pending cookie');
    const cookie = b.cookies.get('card_pending');
    if (cookie) cookie.value = sealPending({ ...pending, nonce: 'another' }, masterKey, 'midori');
    expectCardProblem(await b.get(path));
    expect(await failures('nonce_mismatch')).toBeGreaterThan(0);
  });

  test('a cancelled authentication and a provider that is down end on the problem page', async () => {
    const b = w.browser();
    const url = await authenticateAtProvider(await toProvider(b), 'holder-1', 'abort');
    expectCardProblem(await b.get(`${url.pathname}${url.search}`));
    expect(await failures('denied')).toBeGreaterThan(0);
    const settings = w.h.deps.cardAuth;
    if (!settings) throw new Error('no card settings');
    w.h.deps.cardAuth = { ...settings, issuer: 'http://127.0.0.1:9' };
    try {
      const b2 = w.browser();
      const start = await b2.get(`/t/midori/f/${formId}`);
      const page = await b2.submit(start, 'start');
      expectCardProblem(page);
    } finally {
      w.h.deps.cardAuth = settings;
    }
    expect(await failures('provider_unreachable')).toBeGreaterThan(0);
    expect(await submissionCount()).toBe(1);
  });
});

describe('card authentication security', () => {
  test("one tenant's pending cookie does not open another tenant's callback", async () => {
    const b = w.browser();
    const path = await callbackPath(b, 'holder-2');
    const cookie = b.cookies.get('card_pending');
    if (cookie) cookie.path = '/';
    const page = await b.get(path.replace('/t/midori/', '/t/aoba/'));
    expect(page.status).toBe(400);
    expect(page.doc.querySelector('[data-problem]')?.getAttribute('data-problem')).toBe(
      'card_failed',
    );
  });

  test('a draft without the card cannot skip it, and the resident API refuses to submit', async () => {
    const api = await w.app.request(
      `http://127.0.0.1:3000/t/midori/api/forms/${formId}/submissions`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:3000' },
        body: JSON.stringify({ answers: {}, locale: 'ja' }),
      },
    );
    expect(api.status).toBe(400);
    expect(await submissionCount()).toBe(1);
  });
});
