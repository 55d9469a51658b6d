import { certificateByMail } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TenantDb } from '../db/registry';
import { paymentEvents, payments, submissions } from '../db/tenant-schema';
import { publishForTest } from '../submissions/test-support';
import { createHarness } from '../testing/harness';
import type { PaymentProvider } from './provider';
import { WebhookSignatureError } from './sandbox';
import { recordPaymentEvent, requestPayment } from './service';
import { IgnoredEvent, stripeProvider } from './stripe';
import { startStripeStandIn } from './stripe-stand-in';
import {
  insertAwaitingPayment,
  stripeRefundEvent,
  stripeSessionEvent,
  stripeSignature,
} from './test-support';

const webhookSecret = 'whsec_standin_secret';
let h: Awaited<ReturnType<typeof createHarness>>;
let db: TenantDb;
let formId: string;
let standIn: Awaited<ReturnType<typeof startStripeStandIn>>;
let provider: PaymentProvider;

beforeAll(async () => {
  h = await createHarness();
  await h.tenantWithAdmin('midori', '131041');
  db = await h.registry.database('midori');
  formId = await publishForTest(db, certificateByMail, h.now());
  standIn = await startStripeStandIn();
  provider = stripeProvider({ secretKey: 'sk_test_standin', webhookSecret, apiBase: standIn.base });
});
afterAll(async () => {
  await standIn.close();
  await h.close();
});

async function awaitingPayment() {
  const submissionId = await insertAwaitingPayment(db, formId, h.now());
  const input = {
    submissionId,
    amount: 900,
    description: '住民票の写し',
    returnUrl: 'http://127.0.0.1:3000/t/midori/status',
  };
  const { paymentId, payUrl } = await requestPayment(db, provider, input, h.now());
  return { submissionId, paymentId, payUrl, input };
}

/** A webhook as Stripe sends it, signed with the SDK's own test helper. */
function signed(event: Record<string, unknown>, secret = webhookSecret) {
  const payload = JSON.stringify(event);
  const header = stripeSignature(payload, secret);
  return { payload, headers: new Headers({ 'stripe-signature': header }) };
}

async function deliver(event: Record<string, unknown>) {
  const { payload, headers } = signed(event);
  const verified = await provider.verifyWebhook(payload, headers, h.now());
  return recordPaymentEvent(db, 'stripe', verified, h.now());
}

describe('Stripe through the SDK against a local stand-in', () => {
  test('creates one Checkout Session in JPY (zero-decimal) per payment, idempotently', async () => {
    const { paymentId, payUrl, input } = await awaitingPayment();
    const again = await requestPayment(db, provider, input, h.now());
    expect(again.payUrl).toBe(payUrl);
    const creates = standIn.requests.filter((r) => r.path === '/v1/checkout/sessions');
    const mine = creates.filter((r) => r.form.get('client_reference_id') === paymentId);
    expect(mine).toHaveLength(2);
    expect(new Set(mine.map((r) => r.idempotencyKey))).toEqual(new Set([`checkout:${paymentId}`]));
    expect(mine[0]?.form.get('line_items[0][price_data][currency]')).toBe('jpy');
    expect(mine[0]?.form.get('line_items[0][price_data][unit_amount]')).toBe('900');
    const row = await db.query.payments.findFirst({ where: eq(payments.id, paymentId) });
    expect(row?.providerRef).toMatch(/^cs_test_/);
  });

  test('the same completed webhook ten times is credited once', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    const event = stripeSessionEvent('evt_stripe_0001', 'checkout.session.completed', paymentId);
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await deliver(event));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    const row = await db.query.submissions.findFirst({ where: eq(submissions.id, submissionId) });
    expect(row).toMatchObject({ state: 'submitted', paymentState: 'paid' });
    const log = await db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId));
    expect(log).toHaveLength(1);
  });

  test('a failure delivered after the success (out of order) leaves it paid', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    await deliver(stripeSessionEvent('evt_stripe_0003', 'checkout.session.completed', paymentId));
    await deliver(
      stripeSessionEvent('evt_stripe_0002', 'checkout.session.async_payment_failed', paymentId),
    );
    const row = await db.query.submissions.findFirst({ where: eq(submissions.id, submissionId) });
    expect(row?.paymentState).toBe('paid');
  });

  test('an expired session expires the application and frees its place', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    await deliver(
      stripeSessionEvent('evt_stripe_0004', 'checkout.session.expired', paymentId, {
        payment_status: 'unpaid',
      }),
    );
    const row = await db.query.submissions.findFirst({ where: eq(submissions.id, submissionId) });
    expect(row).toMatchObject({ state: 'expired', paymentState: 'expired', holdsPlace: false });
  });

  test('a refund goes to the SDK with an idempotency key; its webhook marks it refunded', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    await deliver(stripeSessionEvent('evt_stripe_0005', 'checkout.session.completed', paymentId));
    const payment = await db.query.payments.findFirst({ where: eq(payments.id, paymentId) });
    if (!payment) throw new Error('no payment');
    await provider.refund(payment);
    const refund = standIn.requests.find((r) => r.idempotencyKey === `refund:${paymentId}`);
    expect(refund?.form.get('payment_intent')).toMatch(/^pi_test_/);
    await deliver(stripeRefundEvent('evt_stripe_0006', paymentId));
    const row = await db.query.submissions.findFirst({ where: eq(submissions.id, submissionId) });
    expect(row?.paymentState).toBe('refunded');
  });

  test('a forged signature is refused; an event of no interest is ignored', async () => {
    const { paymentId } = await awaitingPayment();
    const { payload } = signed(
      stripeSessionEvent('evt_stripe_0007', 'checkout.session.completed', paymentId),
    );
    const forged = signed(JSON.parse(payload), 'whsec_someone_else');
    await expect(provider.verifyWebhook(payload, forged.headers, h.now())).rejects.toBeInstanceOf(
      WebhookSignatureError,
    );
    const other = signed({
      id: 'evt_stripe_0008',
      object: 'event',
      type: 'customer.created',
      data: { object: { object: 'customer' } },
    });
    await expect(
      provider.verifyWebhook(other.payload, other.headers, h.now()),
    ).rejects.toBeInstanceOf(IgnoredEvent);
  });

  test('an event for a payment of another tenant is not found here', async () => {
    await expect(
      deliver(
        stripeSessionEvent('evt_stripe_0009', 'checkout.session.completed', 'pay_0000000000000000'),
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
