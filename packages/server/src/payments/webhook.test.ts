import { certificateByMail } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPublicApp } from '../app';
import type { TenantDb } from '../db/registry';
import {
  outbox,
  paymentEvents,
  payments,
  submissionEvents,
  submissions,
} from '../db/tenant-schema';
import { publishForTest } from '../submissions/test-support';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';
import { sandboxProvider, sandboxSignatureHeader, signSandboxWebhook } from './sandbox';
import { requestPayment } from './service';
import { insertAwaitingPayment } from './test-support';

let h: Awaited<ReturnType<typeof createHarness>>;
let app: ReturnType<typeof createPublicApp>;
let db: TenantDb;
let formId: string;

beforeAll(async () => {
  h = await createHarness();
  app = createPublicApp(h.deps);
  await h.tenantWithAdmin('midori', '131041');
  await createTenant(
    h.registry,
    {
      slug: 'aoba',
      name: 'あおば区',
      localGovernmentCode: '141003',
      adminEmail: 'a@aoba.example.lg.jp',
      adminName: '管理',
    },
    h.now(),
  );
  db = await h.registry.database('midori');
  formId = await publishForTest(db, certificateByMail, h.now());
});
afterAll(() => h.close());

/** An application awaiting payment of 600 yen, and its sandbox payment. */
async function awaitingPayment(): Promise<{ submissionId: string; paymentId: string }> {
  const submissionId = await insertAwaitingPayment(db, formId, h.now(), {
    applicantEmail: 'hanako@example.jp',
  });
  const provider = sandboxProvider({
    masterKey: h.registry.settings.masterKey,
    slug: 'midori',
    publicOrigin: h.deps.config.PUBLIC_ORIGIN,
  });
  const input = { submissionId, amount: 600, description: '証明書', returnUrl: '/' };
  const first = await requestPayment(db, provider, input, h.now());
  const again = await requestPayment(db, provider, input, h.now());
  expect(again.paymentId).toBe(first.paymentId);
  return { submissionId, paymentId: first.paymentId };
}

function webhook(
  slug: string,
  event: { id: string; paymentId: string; kind: string; amount: number },
  signAs = slug,
) {
  const body = JSON.stringify(event);
  return app.request(`http://127.0.0.1:3000/t/${slug}/api/payments/sandbox/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [sandboxSignatureHeader]: signSandboxWebhook(
        h.registry.settings.masterKey,
        signAs,
        body,
        h.now(),
      ),
    },
    body,
  });
}

async function stateOf(submissionId: string) {
  const row = await db.query.submissions.findFirst({ where: eq(submissions.id, submissionId) });
  return { state: row?.state, payment: row?.paymentState, holdsPlace: row?.holdsPlace };
}

describe('sandbox payment webhooks', () => {
  test('the same success delivered ten times is recorded and credited once', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    const event = { id: 'sbx_evt_success0001', paymentId, kind: 'succeeded', amount: 600 };
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await webhook('midori', event));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await stateOf(submissionId)).toEqual({
      state: 'submitted',
      payment: 'paid',
      holdsPlace: true,
    });
    const log = await db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId));
    expect(log).toHaveLength(1);
    const history = await db
      .select()
      .from(submissionEvents)
      .where(eq(submissionEvents.submissionId, submissionId));
    expect(history.filter((e) => e.action === 'payment_paid')).toHaveLength(1);
    // One "payment received" mail, in the applicant's language, with no answers.
    const mails = await db
      .select()
      .from(outbox)
      .where(eq(outbox.eventKey, `payment:${paymentId}:paid`));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('お支払いを確認しました');
  });

  test('a refund that arrives before the success gives the same final state', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    await webhook('midori', {
      id: 'sbx_evt_refund00002',
      paymentId,
      kind: 'refunded',
      amount: 600,
    });
    expect((await stateOf(submissionId)).payment).toBe('requested');
    await webhook('midori', {
      id: 'sbx_evt_success0002',
      paymentId,
      kind: 'succeeded',
      amount: 600,
    });
    expect((await stateOf(submissionId)).payment).toBe('refunded');
    const row = await db.query.payments.findFirst({ where: eq(payments.id, paymentId) });
    expect(row?.state).toBe('refunded');
  });

  test('a late failure after a success does not undo it; expiry frees the place', async () => {
    const paidOne = await awaitingPayment();
    await webhook('midori', {
      id: 'sbx_evt_success0003',
      paymentId: paidOne.paymentId,
      kind: 'succeeded',
      amount: 600,
    });
    await webhook('midori', {
      id: 'sbx_evt_failure0003',
      paymentId: paidOne.paymentId,
      kind: 'failed',
      amount: 600,
    });
    expect((await stateOf(paidOne.submissionId)).payment).toBe('paid');
    const unpaid = await awaitingPayment();
    await webhook('midori', {
      id: 'sbx_evt_expired0004',
      paymentId: unpaid.paymentId,
      kind: 'expired',
      amount: 600,
    });
    expect(await stateOf(unpaid.submissionId)).toEqual({
      state: 'expired',
      payment: 'expired',
      holdsPlace: false,
    });
  });

  test('a success for another amount is recorded but credits nothing', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    const response = await webhook('midori', {
      id: 'sbx_evt_success0005',
      paymentId,
      kind: 'succeeded',
      amount: 1,
    });
    expect(response.status).toBe(200);
    expect((await stateOf(submissionId)).payment).toBe('requested');
  });
});

describe('sandbox webhook security', () => {
  test('a forged or missing signature is refused and nothing is recorded', async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    const body = JSON.stringify({
      id: 'sbx_evt_forged00006',
      paymentId,
      kind: 'succeeded',
      amount: 600,
    });
    const forged = await app.request(
      'http://127.0.0.1:3000/t/midori/api/payments/sandbox/webhook',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [sandboxSignatureHeader]: `t=${h.now()},v1=${'0'.repeat(64)}`,
        },
        body,
      },
    );
    expect(forged.status).toBe(400);
    const unsigned = await app.request(
      'http://127.0.0.1:3000/t/midori/api/payments/sandbox/webhook',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body },
    );
    expect(unsigned.status).toBe(400);
    expect(await stateOf(submissionId)).toMatchObject({ payment: 'requested' });
    const log = await db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId));
    expect(log).toHaveLength(0);
  });

  test("a webhook for another tenant's payment changes nothing", async () => {
    const { submissionId, paymentId } = await awaitingPayment();
    const event = { id: 'sbx_evt_tenant00007', paymentId, kind: 'succeeded', amount: 600 };
    // Signed with aoba's key and sent to aoba: the payment is not aoba's.
    expect((await webhook('aoba', event)).status).toBe(404);
    // Signed with midori's key but sent to aoba's URL: the signature does not verify there.
    expect((await webhook('aoba', event, 'midori')).status).toBe(400);
    expect(await stateOf(submissionId)).toMatchObject({ payment: 'requested' });
  });

  test('an unknown tenant is 404', async () => {
    const response = await webhook('nowhere', {
      id: 'sbx_evt_nowhere0008',
      paymentId: 'pay_0000000000000000',
      kind: 'succeeded',
      amount: 600,
    });
    expect(response.status).toBe(404);
  });
});
