import { certificateByMail } from '@madoguchi/shared/examples';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPublicApp } from '../app';
import { feeForm } from '../applicant/page-test-support';
import { ResidentBrowser } from '../applicant/test-browser';
import { newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { payments, submissionRevisions, submissions } from '../db/tenant-schema';
import { formatAccessToken, hashAccessSecret, randomAccessSecret } from '../submissions/access';
import { publishForTest } from '../submissions/test-support';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';
import { storePaymentSettings } from './credentials';
import { payLinkUrl, providerReturnUrl } from './pay-link';
import { startStripeStandIn } from './stripe-stand-in';

// Stripe (and PayPay) send the resident back with a cross-site redirect, which carries no
// SameSite=Strict cookie: the return URL must be a page that opens without it.
const origin = 'http://127.0.0.1:3000';
let h: Awaited<ReturnType<typeof createHarness>>;
let app: ReturnType<typeof createPublicApp>;
let db: TenantDb;
let standIn: Awaited<ReturnType<typeof startStripeStandIn>>;
let atSubmission: string;
let afterAcceptance: string;

beforeAll(async () => {
  h = await createHarness();
  app = createPublicApp(h.deps);
  standIn = await startStripeStandIn();
  await createTenant(
    h.registry,
    {
      slug: 'kita',
      name: '北区',
      localGovernmentCode: '131172',
      adminEmail: 'a@kita.example.lg.jp',
      adminName: '管理',
    },
    h.now(),
  );
  db = await h.registry.database('kita');
  await storePaymentSettings(
    db,
    h.registry.settings.masterKey,
    'kita',
    {
      provider: 'stripe',
      stripe: { secretKey: 'sk_test_standin', webhookSecret: 'whsec_kita', apiBase: standIn.base },
      paypay: {},
    },
    h.now(),
  );
  atSubmission = await publishForTest(db, certificateByMail, h.now());
  afterAcceptance = await publishForTest(db, feeForm('after_acceptance'), h.now());
});
afterAll(async () => {
  await standIn.close();
  await h.close();
});

/** An application and its link's token; an accepted one has its payment row, as acceptance makes. */
async function application(kind: 'awaiting_payment' | 'accepted') {
  const id = newId('sub');
  const secret = randomAccessSecret();
  await db.insert(submissions).values({
    id,
    formId: kind === 'accepted' ? afterAcceptance : atSubmission,
    formVersion: 1,
    referenceNumber: `2611-${Math.floor(Math.random() * 1e7)
      .toString()
      .padStart(7, '0')}`,
    state: kind,
    paymentState: 'requested',
    accessSecretHash: hashAccessSecret(secret),
    holdsPlace: true,
    currentRevision: 1,
    paymentDeadline: kind === 'awaiting_payment' ? h.now() + 3600_000 : null,
    submittedAt: h.now(),
    updatedAt: h.now(),
  });
  await db.insert(submissionRevisions).values({
    submissionId: id,
    revision: 1,
    answers: kind === 'accepted' ? { copies: 3, fee: 3 } : { copies: 2, fee: 2 },
    createdAt: h.now(),
    createdBy: 'applicant',
  });
  let paymentId: string | undefined;
  if (kind === 'accepted') {
    paymentId = newId('pay');
    await db.insert(payments).values({
      id: paymentId,
      submissionId: id,
      provider: 'stripe',
      amount: 1000,
      state: 'requested',
      createdAt: h.now(),
      updatedAt: h.now(),
    });
  }
  return { id, token: formatAccessToken(id, secret), paymentId };
}

const start = (token: string) =>
  app.request(`${origin}/t/kita/api/payments/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  });

/** The success and cancel URLs of the last Checkout Session asked of the stand-in. */
function lastSessionUrls() {
  const created = standIn.requests.filter(
    (request) => request.method === 'POST' && request.path === '/v1/checkout/sessions',
  );
  const form = created.at(-1)?.form;
  return { success: form?.get('success_url'), cancel: form?.get('cancel_url') };
}

describe('providerReturnUrl', () => {
  test('pay at submission returns to the status return page, pay after acceptance to the pay link', () => {
    expect(providerReturnUrl(origin, 'kita', 'at_submission')).toBe(
      `${origin}/t/kita/status/return`,
    );
    expect(providerReturnUrl(origin, 'kita', 'after_acceptance', 'pay_0000000000000001')).toBe(
      `${origin}/t/kita/pay/pay_0000000000000001`,
    );
    // Without a payment row yet, the status return page (the resident has their link).
    expect(providerReturnUrl(origin, 'kita', 'after_acceptance')).toBe(
      `${origin}/t/kita/status/return`,
    );
  });
});

describe('the return URL given to a provider', () => {
  test('POST /api/payments/start, pay at submission: the status return page, which leads to the status', async () => {
    const { token } = await application('awaiting_payment');
    const response = await start(token);
    expect(response.status).toBe(200);
    expect(lastSessionUrls()).toEqual({
      success: `${origin}/t/kita/status/return`,
      cancel: `${origin}/t/kita/status/return`,
    });
    // Back from the provider: the return page opens without the cookie and refreshes to the
    // status page, which (a same-site visit) carries the remembered link.
    const b = new ResidentBrowser(app);
    expect((await b.get(`/t/kita/s/${token}`)).status).toBe(200);
    const back = await b.get('/t/kita/status/return');
    expect(back.status).toBe(200);
    expect(back.doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
      '0;url=/t/kita/status',
    );
    const status = await b.get('/t/kita/status');
    expect(status.status).toBe(200);
    expect(status.doc.querySelector('#payment-amount')?.text.trim()).toBe('600円');
  });

  test('POST /api/payments/start, pay after acceptance: the payment link, which opens without a cookie', async () => {
    const { token, paymentId = '' } = await application('accepted');
    const response = await start(token);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { amount: number }).amount).toBe(1000);
    expect(lastSessionUrls()).toEqual({
      success: payLinkUrl(origin, 'kita', paymentId),
      cancel: payLinkUrl(origin, 'kita', paymentId),
    });
    const page = await new ResidentBrowser(app).get(`/t/kita/pay/${paymentId}`);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('#payment-amount')?.text.trim()).toBe('1,000円');
  });

  test('the payment link’s pay button returns to the payment link', async () => {
    const { paymentId = '' } = await application('accepted');
    const b = new ResidentBrowser(app);
    const page = await b.get(`/t/kita/pay/${paymentId}`);
    const toProvider = await b.submitIn(page, '#pay-form', 'pay');
    expect(toProvider.status).toBe(200);
    expect(toProvider.html).toContain('https://checkout.stand-in.invalid/cs_test_');
    expect(lastSessionUrls().success).toBe(payLinkUrl(origin, 'kita', paymentId));
  });

  test('an unknown tenant is 404 and asks no provider', async () => {
    const { token } = await application('awaiting_payment');
    const before = standIn.requests.length;
    const response = await app.request(`${origin}/t/aoba-none/api/payments/start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
    expect(standIn.requests.length).toBe(before);
  });
});
