import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { payments, submissions } from '../db/tenant-schema';
import { feeForm, heading, pageWorld } from './page-test-support';
import type { ResidentBrowser, Visit } from './test-browser';

let w: Awaited<ReturnType<typeof pageWorld>>;
let atSubmission: string;
let afterAcceptance: string;

beforeAll(async () => {
  w = await pageWorld();
  atSubmission = await w.publish(feeForm('at_submission'));
  afterAcceptance = await w.publish(feeForm('after_acceptance'));
});
afterAll(() => w.h.close());

/** Applies for two copies (2 × 300 + 100 = 700 yen) through the pages; the completion page. */
async function apply(b: ResidentBrowser, formId: string, email = 'hanako@example.jp') {
  const start = await b.get(`/t/midori/f/${formId}`);
  const page = await b.submit(start, 'start');
  const confirm = await b.submit(page, 'next', {
    values: { 'a.copies': '2', 'a.email.value': email, 'a.email.confirm': email },
  });
  expect(heading(confirm), confirm.doc.querySelector('.error-summary')?.text).toBe(
    '申請内容の確認',
  );
  const done = await b.submit(confirm, 'submit');
  expect(done.status).toBe(200);
  return done;
}

async function rowOf(done: Visit) {
  const reference = done.doc.querySelector('#reference-number')?.text.trim() ?? '';
  const row = await w.db.query.submissions.findFirst({
    where: eq(submissions.referenceNumber, reference),
  });
  if (!row) throw new Error('no application');
  return row;
}

const text = (page: Visit, selector: string) => page.doc.querySelector(selector)?.text.trim();

describe('paying at submission from the resident pages', () => {
  test('the completion page says it is not complete, with the amount, the deadline and the pay button', async () => {
    const b = w.browser();
    const done = await apply(b, atSubmission);
    expect(heading(done)).toBe('お支払いをお待ちしています');
    expect(text(done, '#not-complete')).toContain('申請はまだ完了していません');
    expect(text(done, '#payment-amount')).toBe('700円');
    expect(text(done, '#payment-deadline')).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    const form = done.doc.querySelector('#pay-form');
    expect(form?.getAttribute('method')).toBe('post');
    expect(form?.getAttribute('action')).toBe('/t/midori/status/pay');
    expect(form?.querySelector('input[name="_csrf"]')?.getAttribute('value')).toBeTruthy();
    expect(text(done, '#pay-button')).toBe('お支払いへ進む');
    expect(done.html).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  test('pay goes to the provider; paying there comes back to the status page, which shows paid', async () => {
    const b = w.browser();
    const done = await apply(b, atSubmission);
    const row = await rowOf(done);
    const toProvider = await b.submitIn(done, '#pay-form', 'pay');
    expect(toProvider.status).toBe(303);
    const payment = await w.db.query.payments.findFirst({
      where: eq(payments.submissionId, row.id),
    });
    expect(payment?.amount).toBe(700);
    const sandbox = new URL(toProvider.headers.get('location') ?? '').pathname;
    expect(sandbox).toBe(`/t/midori/sandbox-pay/${payment?.id}`);
    // Pressing pay twice finds the same payment.
    const twice = await b.submitIn(done, '#pay-form', 'pay');
    expect(new URL(twice.headers.get('location') ?? '').pathname).toBe(sandbox);
    const back = await b.submit(await b.get(sandbox), 'pay');
    expect(back.headers.get('location')).toBe('/t/midori/status');
    const status = await b.get('/t/midori/status');
    expect(status.status).toBe(200);
    expect(status.doc.querySelector('#payment')?.getAttribute('data-payment-state')).toBe('paid');
    expect(text(status, '#payment-state')).toBe('支払済');
    expect(status.doc.querySelector('#pay-button')).toBeNull();
    expect(text(status, '#current-state')).toBe('到達');
    expect(text(status, '#history')).toContain('お支払い：支払済（到達）');
    expect(status.html).not.toContain('payment_paid');
  });

  test('after a failed payment the status page offers the pay button again; English too', async () => {
    const b = w.browser();
    const done = await apply(b, atSubmission);
    const toProvider = await b.submitIn(done, '#pay-form', 'pay');
    const sandbox = new URL(toProvider.headers.get('location') ?? '').pathname;
    await b.submit(await b.get(sandbox), 'fail');
    const status = await b.get('/t/midori/status');
    expect(status.doc.querySelector('#payment')?.getAttribute('data-payment-state')).toBe('failed');
    expect(text(status, '#payment-state')).toBe('支払失敗');
    expect(status.doc.querySelector('#pay-button')).not.toBeNull();
    await b.get('/t/midori/status?lang=en');
    const english = await b.get('/t/midori/status');
    expect(text(english, '#pay-button')).toBe('Go to payment');
    expect(text(english, '#payment-amount')).toBe('¥700');
    expect(english.html).toContain('The payment did not go through');
  });

  test('paying a paid application is 409; no link is 401; a post without the CSRF token is 403', async () => {
    const b = w.browser();
    const done = await apply(b, atSubmission);
    const row = await rowOf(done);
    const toProvider = await b.submitIn(done, '#pay-form', 'pay');
    const sandbox = new URL(toProvider.headers.get('location') ?? '').pathname;
    await b.submit(await b.get(sandbox), 'pay');
    const again = await b.submitIn(done, '#pay-form', 'pay');
    expect(again.status).toBe(409);
    expect(again.doc.querySelector('[data-problem]')).not.toBeNull();

    const stranger = w.browser();
    const page = await stranger.get(`/t/midori/f/${atSubmission}`);
    const csrf = page.doc.querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';
    const noLink = await stranger.request('POST', '/t/midori/status/pay', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, _action: 'pay' }).toString(),
    });
    expect(noLink.status).toBe(401);

    const other = w.browser();
    const unpaid = await apply(other, atSubmission);
    const forged = await other.request('POST', '/t/midori/status/pay', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '_action=pay',
    });
    expect(forged.status).toBe(403);
    const unpaidRow = await rowOf(unpaid);
    expect(
      await w.db.query.payments.findFirst({ where: eq(payments.submissionId, unpaidRow.id) }),
    ).toBeUndefined();
    expect(row.state).toBe('awaiting_payment');
  });

  test('pay after acceptance: nothing to pay until accepted, then the status page offers it', async () => {
    const b = w.browser();
    const done = await apply(b, afterAcceptance);
    expect(heading(done)).toBe('申請を受け付けました');
    expect(done.doc.querySelector('#pay-form')).toBeNull();
    const row = await rowOf(done);
    const before = await b.get('/t/midori/status');
    expect(before.doc.querySelector('#payment')).toBeNull();
    const start = await b.get(`/t/midori/f/${afterAcceptance}`);
    const early = await b.request('POST', '/t/midori/status/pay', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: start.doc.querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '',
        _action: 'pay',
      }).toString(),
    });
    expect(early.status).toBe(409);
    const accepted = await w.staff('POST', `/api/submissions/${row.id}/actions`, {
      action: 'accept',
    });
    expect(accepted.status).toBe(200);
    const status = await b.get('/t/midori/status');
    expect(text(status, '#payment-amount')).toBe('700円');
    expect(status.doc.querySelector('#payment-deadline')).toBeNull();
    const toProvider = await b.submitIn(status, '#pay-form', 'pay');
    expect(toProvider.status).toBe(303);
    const sandbox = new URL(toProvider.headers.get('location') ?? '').pathname;
    const back = await b.submit(await b.get(sandbox), 'pay');
    const payment = await w.db.query.payments.findFirst({
      where: eq(payments.submissionId, row.id),
    });
    expect(back.headers.get('location')).toBe(`/t/midori/pay/${payment?.id}`);
    const after = await b.get('/t/midori/status');
    expect(text(after, '#payment-state')).toBe('支払済');
    expect(text(after, '#current-state')).toBe('受付完了');
  });

  test('a provider on another site returns to a page that moves on to the status page', async () => {
    const b = w.browser();
    const done = await apply(b, atSubmission);
    const row = await rowOf(done);
    await b.submitIn(done, '#pay-form', 'pay');
    const back = await b.get('/t/midori/status/return');
    expect(back.status).toBe(200);
    expect(back.doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
      '0;url=/t/midori/status',
    );
    // Without the remembered link it still only points at the status page.
    expect((await w.browser().get('/t/midori/status/return')).status).toBe(200);
    const payment = await w.db.query.payments.findFirst({
      where: eq(payments.submissionId, row.id),
    });
    expect(payment?.state).toBe('requested');
  });

  test('a provider that cannot be asked about a waiting payment leaves the status page as stored', async () => {
    const b = w.browser();
    const done = await apply(b, atSubmission);
    const row = await rowOf(done);
    // A PayPay payment while the tenant has no PayPay credentials: the look-up fails.
    await w.db.insert(payments).values({
      id: 'pay_00000000000000pp',
      submissionId: row.id,
      provider: 'paypay',
      amount: 700,
      state: 'requested',
      createdAt: w.h.now(),
      updatedAt: w.h.now(),
    });
    const status = await b.get('/t/midori/status');
    expect(status.status).toBe(200);
    expect(text(status, '#payment-state')).toBe('支払依頼中');
    expect(status.doc.querySelector('#pay-button')).not.toBeNull();
    expect(w.h.logger.lines).toContainEqual(
      expect.objectContaining({
        event: 'payment_refresh_failed',
        paymentId: 'pay_00000000000000pp',
      }),
    );
  });
});
