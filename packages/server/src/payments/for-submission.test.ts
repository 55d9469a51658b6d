import { certificateByMail } from '@madoguchi/shared/examples';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { submissionRevisions, submissions } from '../db/tenant-schema';
import { publishForTest } from '../submissions/test-support';
import { createHarness } from '../testing/harness';
import { paymentForSubmission } from './for-submission';
import { sandboxProvider } from './sandbox';

let h: Awaited<ReturnType<typeof createHarness>>;
let db: TenantDb;
let atSubmission: string;
let afterAcceptance: string;
let provider: ReturnType<typeof sandboxProvider>;

beforeAll(async () => {
  h = await createHarness();
  await h.tenantWithAdmin('midori', '131041');
  db = await h.registry.database('midori');
  atSubmission = await publishForTest(db, certificateByMail, h.now());
  afterAcceptance = await publishForTest(
    db,
    {
      ...certificateByMail,
      options: {
        ...certificateByMail.options,
        payment: { mode: 'after_acceptance', fixedFee: 100 },
      },
    },
    h.now(),
  );
  provider = sandboxProvider({
    masterKey: h.registry.settings.masterKey,
    slug: 'midori',
    publicOrigin: 'http://127.0.0.1:3000',
  });
});
afterAll(() => h.close());

async function application(formId: string, state: 'awaiting_payment' | 'submitted' | 'accepted') {
  const id = newId('sub');
  await db.insert(submissions).values({
    id,
    formId,
    formVersion: 1,
    referenceNumber: `2611-${Math.floor(Math.random() * 1e7)
      .toString()
      .padStart(7, '0')}`,
    state,
    paymentState: state === 'awaiting_payment' ? 'requested' : 'none',
    accessSecretHash: Buffer.alloc(32),
    holdsPlace: true,
    currentRevision: 1,
    submittedAt: h.now(),
    updatedAt: h.now(),
  });
  // Three copies at 300 yen: the fee field holds the quantity.
  await db.insert(submissionRevisions).values({
    submissionId: id,
    revision: 1,
    answers: { copies: 3, fee: 3 },
    createdAt: h.now(),
    createdBy: 'applicant',
  });
  return id;
}

describe('the payment of an application', () => {
  test('pay at submission: the server computes the amount from the fee fields, once', async () => {
    const id = await application(atSubmission, 'awaiting_payment');
    const first = await paymentForSubmission(db, provider, id, '/', h.now());
    expect(first.amount).toBe(900);
    const again = await paymentForSubmission(db, provider, id, '/', h.now());
    expect(again.paymentId).toBe(first.paymentId);
  });

  test('pay after acceptance: only once accepted, fixed fee added', async () => {
    const waiting = await application(afterAcceptance, 'submitted');
    await expect(paymentForSubmission(db, provider, waiting, '/', h.now())).rejects.toMatchObject({
      code: 'conflict',
    });
    const accepted = await application(afterAcceptance, 'accepted');
    expect((await paymentForSubmission(db, provider, accepted, '/', h.now())).amount).toBe(1000);
  });

  test('an unknown application is 404', async () => {
    await expect(
      paymentForSubmission(db, provider, 'sub_0000000000000000', '/', h.now()),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
