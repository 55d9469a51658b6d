import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { feeForm, pageWorld } from '../applicant/page-test-support';
import type { Visit } from '../applicant/test-browser';
import { auditLog, outbox, payments, submissions } from '../db/tenant-schema';
import { loadPublishedForm } from '../submissions/forms';
import { submitApplication } from '../submissions/service';

let w: Awaited<ReturnType<typeof pageWorld>>;
let afterAcceptance: string;
let atSubmission: string;

beforeAll(async () => {
  w = await pageWorld();
  afterAcceptance = await w.publish(feeForm('after_acceptance'));
  atSubmission = await w.publish(feeForm('at_submission'));
});
afterAll(() => w.h.close());

/** An application for three copies (3 × 300 + 100 = 1,000 yen), as the resident API makes it. */
async function applied(formId: string, locale: 'ja' | 'en' = 'ja', email = 'hanako@example.jp') {
  const published = await loadPublishedForm(w.db, formId, undefined);
  const tenant = await w.h.registry.resolve('midori');
  if (!tenant) throw new Error('no tenant');
  const result = await submitApplication(
    w.db,
    tenant.tenant,
    published,
    { answers: { copies: 3, email: { value: email, confirm: email } }, locale },
    { masterKey: w.h.registry.settings.masterKey, now: w.h.now() },
  );
  return result.submissionId;
}

async function accept(id: string) {
  const accepted = await w.staff('POST', `/api/submissions/${id}/actions`, { action: 'accept' });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  const payment = await w.db.query.payments.findFirst({ where: eq(payments.submissionId, id) });
  if (!payment) throw new Error('no payment');
  return payment;
}

const text = (page: Visit, selector: string) => page.doc.querySelector(selector)?.text.trim();

describe('the acceptance of a pay-after-acceptance application', () => {
  test('asks for the payment in the same write, and its mail carries the amount and the link', async () => {
    const id = await applied(afterAcceptance);
    const payment = await accept(id);
    expect(payment).toMatchObject({ amount: 1000, state: 'requested', provider: 'sandbox' });
    expect(payment.providerRef).toBeNull();
    const row = await w.db.query.submissions.findFirst({ where: eq(submissions.id, id) });
    expect(row).toMatchObject({ state: 'accepted', paymentState: 'requested' });
    const [mail] = await w.db
      .select()
      .from(outbox)
      .where(eq(outbox.eventKey, `${id}:acceptance:${w.h.now()}`));
    expect(mail?.subject).toContain('手数料のお支払いをお願いします');
    expect(mail?.body).toContain('金額：1,000円');
    expect(mail?.body).toContain(`http://127.0.0.1:3000/t/midori/pay/${payment.id}`);
    expect(mail?.body).not.toContain('{{');
    expect(mail?.body).not.toContain('hanako@example.jp');
    const audit = await w.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit.find((entry) => entry.action === 'submission.accept')?.details).toMatchObject({
      paymentId: payment.id,
      amount: 1000,
    });
  });

  test('in English for an English applicant; a form without payment asks for none', async () => {
    const id = await applied(afterAcceptance, 'en', 'john@example.com');
    const payment = await accept(id);
    const [mail] = await w.db.select().from(outbox).where(eq(outbox.to, 'john@example.com'));
    expect(mail?.subject).toContain('please pay the fee');
    expect(mail?.body).toContain('Amount: 1,000 yen');
    expect(mail?.body).toContain(`/t/midori/pay/${payment.id}`);

    const free = await w.publish({
      ...feeForm('after_acceptance'),
      options: { emailVerification: false, payment: { mode: 'none' } },
    });
    const other = await applied(free, 'ja', 'free@example.jp');
    await w.staff('POST', `/api/submissions/${other}/actions`, { action: 'accept' });
    expect(
      await w.db.query.payments.findFirst({ where: eq(payments.submissionId, other) }),
    ).toBeUndefined();
    const [plain] = await w.db.select().from(outbox).where(eq(outbox.to, 'free@example.jp'));
    expect(plain?.body).not.toContain('/pay/');
  });
});

describe('the payment link page', () => {
  test('shows the reference, title and amount (no answers) and pays through the sandbox', async () => {
    const id = await applied(afterAcceptance);
    const payment = await accept(id);
    const b = w.browser();
    const page = await b.get(`/t/midori/pay/${payment.id}`);
    expect(page.status).toBe(200);
    const row = await w.db.query.submissions.findFirst({ where: eq(submissions.id, id) });
    expect(text(page, '#reference-number')).toBe(row?.referenceNumber);
    expect(page.html).toContain('住民票の写し等の郵送請求');
    expect(text(page, '#payment-amount')).toBe('1,000円');
    expect(page.html).not.toContain('hanako@example.jp');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const toProvider = await b.submitIn(page, '#pay-form', 'pay');
    expect(toProvider.status).toBe(303);
    const sandbox = new URL(toProvider.headers.get('location') ?? '').pathname;
    expect(sandbox).toBe(`/t/midori/sandbox-pay/${payment.id}`);
    const back = await b.submit(await b.get(sandbox), 'pay');
    expect(back.headers.get('location')).toBe(`/t/midori/pay/${payment.id}`);
    const paid = await b.get(`/t/midori/pay/${payment.id}`);
    expect(paid.status).toBe(200);
    expect(text(paid, '#payment-state')).toBe('支払済');
    expect(paid.doc.querySelector('#pay-form')).toBeNull();
    const stored = await w.db.query.submissions.findFirst({ where: eq(submissions.id, id) });
    expect(stored).toMatchObject({ state: 'accepted', paymentState: 'paid' });
  });

  test('errors: already paid or refunded is 409 to pay; not accepted is 409; unknown ids are 404', async () => {
    const id = await applied(afterAcceptance);
    const payment = await accept(id);
    const b = w.browser();
    const page = await b.get(`/t/midori/pay/${payment.id}`);
    const sandbox = new URL(
      (await b.submitIn(page, '#pay-form', 'pay')).headers.get('location') ?? '',
    ).pathname;
    await b.submit(await b.get(sandbox), 'pay');
    const twice = await b.submitIn(page, '#pay-form', 'pay');
    expect(twice.status).toBe(409);
    expect(twice.doc.querySelector('[data-problem]')).not.toBeNull();

    const refunded = await w.staff('POST', `/api/submissions/${id}/refund`);
    expect(refunded.status).toBe(200);
    const after = await b.get(`/t/midori/pay/${payment.id}`);
    expect(after.status).toBe(200);
    expect(text(after, '#payment-state')).toBe('返金済');
    expect(after.doc.querySelector('#pay-form')).toBeNull();
    expect((await b.submitIn(page, '#pay-form', 'pay')).status).toBe(409);

    // A payment whose application is no longer accepted (rejected after acceptance).
    const other = await applied(afterAcceptance);
    const otherPayment = await accept(other);
    const open = await b.get(`/t/midori/pay/${otherPayment.id}`);
    await w.staff('POST', `/api/submissions/${other}/actions`, {
      action: 'reject',
      reason: '要件外',
    });
    expect((await b.get(`/t/midori/pay/${otherPayment.id}`)).status).toBe(409);
    expect((await b.submitIn(open, '#pay-form', 'pay')).status).toBe(409);

    expect((await b.get('/t/midori/pay/pay_0000000000000000')).status).toBe(404);
    expect((await b.get('/t/midori/pay/not-a-payment')).status).toBe(404);
  });

  test('an at-submission application not yet submitted for payment, or one expired, cannot be paid here', async () => {
    const id = await applied(atSubmission);
    await w.db
      .update(submissions)
      .set({ state: 'expired', holdsPlace: false })
      .where(eq(submissions.id, id));
    await w.db.insert(payments).values({
      id: 'pay_0000000000000001',
      submissionId: id,
      provider: 'sandbox',
      amount: 1000,
      state: 'requested',
      createdAt: w.h.now(),
      updatedAt: w.h.now(),
    });
    expect((await w.browser().get('/t/midori/pay/pay_0000000000000001')).status).toBe(409);
  });

  test("security: another tenant's payment id is 404 there; a post without the CSRF token is 403", async () => {
    const id = await applied(afterAcceptance);
    const payment = await accept(id);
    const b = w.browser();
    expect((await b.get(`/t/aoba/pay/${payment.id}`)).status).toBe(404);
    const page = await b.get(`/t/midori/pay/${payment.id}`);
    const forged = await b.request('POST', `/t/aoba/pay/${payment.id}`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: page.doc.querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '',
        _action: 'pay',
      }).toString(),
    });
    expect([403, 404]).toContain(forged.status);
    const noToken = await b.request('POST', `/t/midori/pay/${payment.id}`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '_action=pay',
    });
    expect(noToken.status).toBe(403);
    const stored = await w.db.query.payments.findFirst({ where: eq(payments.id, payment.id) });
    expect(stored?.providerRef).toBeNull();
  });
});
