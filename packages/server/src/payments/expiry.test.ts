import { certificateByMail } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TenantDb } from '../db/registry';
import { paymentEvents, submissions } from '../db/tenant-schema';
import { placesHeld } from '../submissions/service';
import { publishForTest } from '../submissions/test-support';
import { createHarness } from '../testing/harness';
import { expireUnpaid } from './expiry';
import { sandboxProvider } from './sandbox';
import { recordPaymentEvent, requestPayment } from './service';
import { insertAwaitingPayment } from './test-support';

let h: Awaited<ReturnType<typeof createHarness>>;
let db: TenantDb;
let formId: string;

beforeAll(async () => {
  h = await createHarness();
  await h.tenantWithAdmin('midori', '131041');
  db = await h.registry.database('midori');
  formId = await publishForTest(
    db,
    { ...certificateByMail, settings: { ...certificateByMail.settings, capacity: 2 } },
    h.now(),
  );
});
afterAll(() => h.close());

async function awaiting(deadline: number): Promise<string> {
  return insertAwaitingPayment(db, formId, h.now(), { deadline });
}

describe('the payment deadline sweep', () => {
  test('expires unpaid applications after their deadline and frees their places', async () => {
    const late = await awaiting(h.now() - 1);
    const withPayment = await awaiting(h.now() - 1);
    const onTime = await awaiting(h.now() + 60_000);
    const provider = sandboxProvider({
      masterKey: h.registry.settings.masterKey,
      slug: 'midori',
      publicOrigin: 'http://127.0.0.1:3000',
    });
    const { paymentId } = await requestPayment(
      db,
      provider,
      { submissionId: withPayment, amount: 600, description: '証明書', returnUrl: '/' },
      h.now(),
    );
    expect(await placesHeld(db, formId)).toBe(3);
    expect(await expireUnpaid(db, h.now())).toBe(2);
    expect(await expireUnpaid(db, h.now())).toBe(0);
    expect(await placesHeld(db, formId)).toBe(1);
    for (const id of [late, withPayment]) {
      const row = await db.query.submissions.findFirst({ where: eq(submissions.id, id) });
      expect(row).toMatchObject({ state: 'expired', paymentState: 'expired', holdsPlace: false });
    }
    const log = await db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId));
    expect(log.map((e) => e.eventId)).toEqual([`deadline:${withPayment}`]);
    // A success arriving after the deadline is money received: the payment shows it (for a
    // refund), the application stays expired and does not take the place back.
    await recordPaymentEvent(
      db,
      'sandbox',
      { eventId: 'sbx_evt_latepaid0001', paymentId, kind: 'succeeded', amount: 600 },
      h.now(),
    );
    const row = await db.query.submissions.findFirst({ where: eq(submissions.id, withPayment) });
    expect(row).toMatchObject({ state: 'expired', paymentState: 'paid', holdsPlace: false });
    const still = await db.query.submissions.findFirst({ where: eq(submissions.id, onTime) });
    expect(still?.state).toBe('awaiting_payment');
  });
});
