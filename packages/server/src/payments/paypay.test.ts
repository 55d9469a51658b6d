import { certificateByMail } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TenantDb } from '../db/registry';
import { paymentEvents, payments, submissionEvents, submissions } from '../db/tenant-schema';
import { publishForTest } from '../submissions/test-support';
import { createHarness } from '../testing/harness';
import { storePaymentSettings } from './credentials';
import { PayPayError, paypayProvider } from './paypay';
import { standInPayPay, startPayPayStandIn } from './paypay-stand-in';
import { pollPayment, pollWaitingPayments, refreshPayment } from './poll';
import type { PaymentProvider } from './provider';
import { paymentProviderFor, tenantPaymentProvider } from './providers';
import { requestPayment } from './service';
import { insertAwaitingPayment } from './test-support';
import { startPaymentWorker } from './worker';

let h: Awaited<ReturnType<typeof createHarness>>;
let db: TenantDb;
let formId: string;
let standIn: Awaited<ReturnType<typeof startPayPayStandIn>>;
let provider: PaymentProvider;
const returnUrl = 'http://127.0.0.1:3000/t/midori/status';

beforeAll(async () => {
  h = await createHarness();
  await h.tenantWithAdmin('midori', '131041');
  db = await h.registry.database('midori');
  formId = await publishForTest(db, certificateByMail, h.now());
  standIn = await startPayPayStandIn();
  // The stand-in's address is stored as tests do: the admin API cannot set it.
  await storePaymentSettings(
    db,
    h.registry.settings.masterKey,
    'midori',
    {
      provider: 'paypay',
      stripe: {},
      paypay: { ...standInPayPay, environment: 'sandbox', apiBase: standIn.base },
    },
    h.now(),
  );
  provider = await tenantPaymentProvider(h.deps, { slug: 'midori' }, db);
});
afterAll(async () => {
  await standIn.close();
  await h.close();
});

async function awaitingPayment() {
  const submissionId = await insertAwaitingPayment(db, formId, h.now());
  const input = { submissionId, amount: 700, description: '戸籍証明書', returnUrl };
  const { paymentId, payUrl } = await requestPayment(db, provider, input, h.now());
  return { submissionId, paymentId, payUrl, input };
}

const keys = () => ({ masterKey: h.registry.settings.masterKey, publicOrigin: '' });
const stateOf = (id: string) => db.query.submissions.findFirst({ where: eq(submissions.id, id) });

describe('PayPay through the SDK against a local stand-in', () => {
  test('creates one dynamic QR code per payment, back to the return URL by WEB_LINK', async () => {
    expect(provider.name).toBe('paypay');
    const { paymentId, payUrl, input } = await awaitingPayment();
    expect(payUrl).toMatch(/^https:\/\/qr\.stand-in\.invalid\/04-/);
    const again = await requestPayment(db, provider, input, h.now());
    expect(again).toEqual({ paymentId, payUrl });
    const creates = standIn.requests.filter(
      (r) => r.path === '/v2/codes' && r.body?.merchantPaymentId === paymentId,
    );
    expect(creates).toHaveLength(2);
    expect(creates[0]?.body).toMatchObject({
      merchantPaymentId: paymentId,
      amount: { amount: 700, currency: 'JPY' },
      codeType: 'ORDER_QR',
      redirectUrl: returnUrl,
      redirectType: 'WEB_LINK',
    });
    expect(creates[0]?.merchant).toBe(standInPayPay.merchantId);
  });

  test('a completed payment is credited once however often it is polled', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    expect(await pollWaitingPayments(db, keys(), 'midori', h.now())).toBe(0);
    standIn.setStatus(paymentId, 'COMPLETED');
    expect(await pollWaitingPayments(db, keys(), 'midori', h.now())).toBe(1);
    const payment = await db.query.payments.findFirst({ where: eq(payments.id, paymentId) });
    if (!payment) throw new Error('no payment');
    for (let i = 0; i < 5; i++) await pollPayment(db, provider, payment, h.now());
    expect(await stateOf(submissionId)).toMatchObject({ state: 'submitted', paymentState: 'paid' });
    const log = await db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId));
    expect(log.map((e) => e.eventId)).toEqual([expect.stringMatching(/^paypay:\d+\w*:COMPLETED$/)]);
    const history = await db
      .select()
      .from(submissionEvents)
      .where(eq(submissionEvents.submissionId, submissionId));
    expect(history.filter((e) => e.action === 'payment_paid')).toHaveLength(1);
  });

  test('a failed payment is failed; an expired code expires the application', async () => {
    const failed = await awaitingPayment();
    standIn.setStatus(failed.paymentId, 'FAILED');
    const expired = await awaitingPayment();
    standIn.setStatus(expired.paymentId, 'EXPIRED');
    expect(await pollWaitingPayments(db, keys(), 'midori', h.now())).toBe(2);
    expect((await stateOf(failed.submissionId))?.paymentState).toBe('failed');
    expect(await stateOf(expired.submissionId)).toMatchObject({
      state: 'expired',
      paymentState: 'expired',
      holdsPlace: false,
    });
  });

  test('a refund goes through paymentRefund; polling then shows it refunded', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    standIn.setStatus(paymentId, 'COMPLETED');
    await pollWaitingPayments(db, keys(), 'midori', h.now());
    const payment = await db.query.payments.findFirst({ where: eq(payments.id, paymentId) });
    if (!payment) throw new Error('no payment');
    // As a staff refund does: the payment's own provider, built from the stored credentials.
    const own = await paymentProviderFor(h.deps, 'midori', payment.provider);
    expect(own.name).toBe('paypay');
    await own.refund(payment);
    const refund = standIn.requests.find((r) => r.path === '/v2/refunds');
    expect(refund?.body).toMatchObject({
      merchantRefundId: `refund-${paymentId}`,
      amount: { amount: 700, currency: 'JPY' },
    });
    expect(await pollPayment(db, provider, payment, h.now())).toBe('refunded');
    expect((await stateOf(submissionId))?.paymentState).toBe('refunded');
    const log = await db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId));
    expect(log).toHaveLength(2);
  });

  test('refreshPayment reads one payment now, as the status page will', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    expect(await refreshPayment(h.deps, { slug: 'midori' }, db, paymentId)).toBe('requested');
    standIn.setStatus(paymentId, 'COMPLETED');
    expect(await refreshPayment(h.deps, { slug: 'midori' }, db, paymentId)).toBe('paid');
    expect(await refreshPayment(h.deps, { slug: 'midori' }, db, paymentId)).toBe('paid');
    expect((await stateOf(submissionId))?.state).toBe('submitted');
    await expect(
      refreshPayment(h.deps, { slug: 'midori' }, db, 'pay_0000000000000000'),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  test('the payment worker polls waiting PayPay payments', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    standIn.setStatus(paymentId, 'COMPLETED');
    const worker = startPaymentWorker({
      registry: h.registry,
      listTenantSlugs: async () => ['midori'],
      intervalMs: 60_000,
      logger: h.logger,
      now: h.now,
    });
    try {
      await expect.poll(async () => (await stateOf(submissionId))?.paymentState).toBe('paid');
    } finally {
      await worker.stop();
    }
    expect(h.logger.lines).toContainEqual(expect.objectContaining({ event: 'payments_polled' }));
  });

  test('wrong credentials are refused by PayPay and say so without the secret', async () => {
    const wrong = paypayProvider({
      ...standInPayPay,
      apiSecret: 'not-the-secret',
      environment: 'sandbox',
      apiBase: standIn.base,
    });
    const error = await wrong
      .createPayment({ paymentId: 'pay_0000000000000001', amount: 1, description: 'x', returnUrl })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayPayError);
    expect(String(error)).toContain('UNAUTHORIZED');
    expect(String(error)).not.toContain('not-the-secret');
  });

  test('plain HTTP is refused for anything but the loopback address', () => {
    expect(() =>
      paypayProvider({ ...standInPayPay, environment: 'sandbox', apiBase: 'http://example.jp' }),
    ).toThrow(/loopback/);
  });
});
