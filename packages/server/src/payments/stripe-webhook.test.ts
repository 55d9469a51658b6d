import { certificateByMail } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPublicApp } from '../app';
import type { TenantDb } from '../db/registry';
import { auditLog, paymentEvents, submissions } from '../db/tenant-schema';
import { publishForTest } from '../submissions/test-support';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';
import { storePaymentSettings } from './credentials';
import { tenantPaymentProvider } from './providers';
import { requestPayment } from './service';
import { startStripeStandIn } from './stripe-stand-in';
import {
  insertAwaitingPayment,
  stripeRefundEvent,
  stripeSessionEvent,
  stripeSignature,
} from './test-support';

const secrets = { midori: 'whsec_midori_endpoint', aoba: 'whsec_aoba_endpoint' };
let h: Awaited<ReturnType<typeof createHarness>>;
let app: ReturnType<typeof createPublicApp>;
let db: TenantDb;
let formId: string;
let standIn: Awaited<ReturnType<typeof startStripeStandIn>>;

beforeAll(async () => {
  h = await createHarness();
  app = createPublicApp(h.deps);
  standIn = await startStripeStandIn();
  await h.tenantWithAdmin('midori', '131041');
  for (const slug of ['aoba', 'kita'])
    await createTenant(
      h.registry,
      {
        slug,
        name: slug,
        localGovernmentCode: slug === 'aoba' ? '141003' : '131172',
        adminEmail: `a@${slug}.example.lg.jp`,
        adminName: '管理',
      },
      h.now(),
    );
  db = await h.registry.database('midori');
  formId = await publishForTest(db, certificateByMail, h.now());
  // The stand-in's address is stored as tests do: the admin API cannot set it.
  for (const slug of ['midori', 'aoba'] as const)
    await storePaymentSettings(
      await h.registry.database(slug),
      h.registry.settings.masterKey,
      slug,
      {
        provider: 'stripe',
        stripe: {
          secretKey: 'sk_test_standin',
          webhookSecret: secrets[slug],
          apiBase: standIn.base,
        },
        paypay: {},
      },
      h.now(),
    );
});
afterAll(async () => {
  await standIn.close();
  await h.close();
});

/** An application awaiting 900 yen, paid through the tenant's configured provider (Stripe). */
async function awaitingPayment() {
  const submissionId = await insertAwaitingPayment(db, formId, h.now());
  const provider = await tenantPaymentProvider(h.deps, { slug: 'midori' }, db);
  expect(provider.name).toBe('stripe');
  const { paymentId, payUrl } = await requestPayment(
    db,
    provider,
    { submissionId, amount: 900, description: '住民票の写し', returnUrl: 'http://127.0.0.1/' },
    h.now(),
  );
  expect(payUrl).toMatch(/^https:\/\/checkout\.stand-in\.invalid\/cs_test_/);
  return { submissionId, paymentId };
}

/** Posts a webhook to a tenant's Stripe endpoint, signed by the SDK's own test helper. */
function deliver(slug: string, event: object, secret: string = secrets.midori) {
  const payload = JSON.stringify(event);
  const header = stripeSignature(payload, secret);
  return app.request(`http://127.0.0.1:3000/t/${slug}/api/payments/stripe/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
}

const stateOf = async (id: string) =>
  db.query.submissions.findFirst({ where: eq(submissions.id, id) });

describe('POST /t/{tenant}/api/payments/stripe/webhook', () => {
  test('a completed Checkout Session pays the application', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    const response = await deliver(
      'midori',
      stripeSessionEvent('evt_route_0001', 'checkout.session.completed', paymentId),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: true, state: 'paid' });
    expect(await stateOf(submissionId)).toMatchObject({ state: 'submitted', paymentState: 'paid' });
  });

  test('the same webhook ten times is recorded and credited once', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    const event = stripeSessionEvent('evt_route_0002', 'checkout.session.completed', paymentId);
    const answers: { duplicate?: boolean }[] = [];
    for (let i = 0; i < 10; i++)
      answers.push((await (await deliver('midori', event)).json()) as { duplicate?: boolean });
    expect(answers.filter((a) => a.duplicate === false)).toHaveLength(1);
    const log = await db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId));
    expect(log).toHaveLength(1);
    expect((await stateOf(submissionId))?.paymentState).toBe('paid');
  });

  test('two webhooks in reverse order (refund before success) end refunded', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    const refund = stripeRefundEvent('evt_route_0004', paymentId);
    expect((await deliver('midori', refund)).status).toBe(200);
    expect((await stateOf(submissionId))?.paymentState).toBe('requested');
    await deliver(
      'midori',
      stripeSessionEvent('evt_route_0003', 'checkout.session.completed', paymentId),
    );
    expect((await stateOf(submissionId))?.paymentState).toBe('refunded');
  });

  test('an event of no interest is answered and not recorded', async () => {
    const response = await deliver('midori', {
      id: 'evt_route_0005',
      object: 'event',
      type: 'customer.created',
      data: { object: { object: 'customer' } },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, ignored: true });
  });
});

describe('Stripe webhook security', () => {
  test('a forged signature is refused, audited, and nothing is recorded', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    const event = stripeSessionEvent('evt_route_0006', 'checkout.session.completed', paymentId);
    const forged = await deliver('midori', event, 'whsec_someone_else');
    expect(forged.status).toBe(400);
    const unsigned = await app.request(
      'http://127.0.0.1:3000/t/midori/api/payments/stripe/webhook',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      },
    );
    expect(unsigned.status).toBe(400);
    expect((await stateOf(submissionId))?.paymentState).toBe('requested');
    const refused = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'payment.webhook_refused'));
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.at(-1)?.details).toMatchObject({ provider: 'stripe' });
    expect(JSON.stringify(refused)).not.toContain('whsec_');
  });

  test("a webhook for another tenant's payment changes nothing", async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    const event = stripeSessionEvent('evt_route_0007', 'checkout.session.completed', paymentId);
    // Signed with aoba's secret and sent to aoba: the payment is not aoba's.
    expect((await deliver('aoba', event, secrets.aoba)).status).toBe(404);
    // Signed with midori's secret but sent to aoba's endpoint: it does not verify there.
    expect((await deliver('aoba', event, secrets.midori)).status).toBe(400);
    expect((await stateOf(submissionId))?.paymentState).toBe('requested');
  });

  test('a tenant without Stripe credentials has no Stripe endpoint (404)', async () => {
    const { paymentId } = await awaitingPayment();
    const event = stripeSessionEvent('evt_route_0008', 'checkout.session.completed', paymentId);
    expect((await deliver('kita', event)).status).toBe(404);
    expect((await deliver('nowhere', event)).status).toBe(404);
  });
});
