import { certificateByMail } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pageWorld } from '../applicant/page-test-support';
import { outbox, paymentEvents, submissions } from '../db/tenant-schema';
import { sandboxProvider } from './sandbox';
import { requestPayment } from './service';
import { insertAwaitingPayment } from './test-support';

let w: Awaited<ReturnType<typeof pageWorld>>;
let formId: string;

beforeAll(async () => {
  w = await pageWorld();
  formId = await w.publish(certificateByMail);
});
afterAll(() => w.h.close());

async function awaitingPayment() {
  const id = await insertAwaitingPayment(w.db, formId, w.h.now(), {
    applicantEmail: (submissionId) => `${submissionId}@example.jp`,
  });
  const provider = sandboxProvider({
    masterKey: w.h.registry.settings.masterKey,
    slug: 'midori',
    publicOrigin: 'http://127.0.0.1:3000',
  });
  const { paymentId, payUrl } = await requestPayment(
    w.db,
    provider,
    { submissionId: id, amount: 600, description: '証明書', returnUrl: '/' },
    w.h.now(),
  );
  return { id, paymentId, path: new URL(payUrl).pathname };
}

async function stateOf(id: string) {
  const row = await w.db.query.submissions.findFirst({ where: eq(submissions.id, id) });
  return { state: row?.state, payment: row?.paymentState };
}

describe('the sandbox payment page', () => {
  test('shows the amount; "pay" sends a signed webhook that makes the application paid', async () => {
    const { id, paymentId, path } = await awaitingPayment();
    const b = w.browser();
    const page = await b.get(path);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('#sandbox-amount')?.text).toBe('600円');
    const paid = await b.submit(page, 'pay');
    // Paid: back to the resident's status page (pay at submission), as a checkout returns.
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe('/t/midori/status');
    const again = await b.get(path);
    expect(again.doc.querySelector('#sandbox-outcome')?.getAttribute('data-outcome')).toBe('paid');
    expect(again.doc.querySelector('button[value="pay"]')).toBeNull();
    expect(await stateOf(id)).toEqual({ state: 'submitted', payment: 'paid' });
    const log = await w.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, paymentId));
    expect(log.map((e) => e.kind)).toEqual(['succeeded']);
  });

  test('"fail" leaves it failed and awaiting payment; paying afterwards still succeeds', async () => {
    const { id, path } = await awaitingPayment();
    const b = w.browser();
    const failed = await b.submit(await b.get(path), 'fail');
    expect(failed.doc.querySelector('#sandbox-outcome')?.getAttribute('data-outcome')).toBe(
      'failed',
    );
    expect(await stateOf(id)).toEqual({ state: 'awaiting_payment', payment: 'failed' });
    expect(failed.doc.querySelector('#sandbox-return')?.getAttribute('href')).toBe(
      '/t/midori/status',
    );
    // The failure mail says where to pay again: the page that re-sends the status link.
    const [mail] = await w.db
      .select()
      .from(outbox)
      .where(eq(outbox.to, `${id}@example.jp`));
    expect(mail?.body).toContain(`/t/midori/f/${formId}/resend`);
    await b.submit(failed, 'pay');
    expect(await stateOf(id)).toEqual({ state: 'submitted', payment: 'paid' });
  });

  test("another tenant's URL, an unknown payment and a post without CSRF token change nothing", async () => {
    const { id, path } = await awaitingPayment();
    const b = w.browser();
    expect((await b.get(path.replace('/t/midori/', '/t/aoba/'))).status).toBe(404);
    expect((await b.get('/t/midori/sandbox-pay/pay_0000000000000000')).status).toBe(404);
    const noToken = await b.request('POST', path, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'outcome=pay',
    });
    expect(noToken.status).toBe(403);
    expect(await stateOf(id)).toEqual({ state: 'awaiting_payment', payment: 'requested' });
  });
});
