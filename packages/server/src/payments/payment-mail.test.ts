import { certificateByMail } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPublicApp } from '../app';
import { feeForm } from '../applicant/page-test-support';
import { newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { outbox, payments, submissions } from '../db/tenant-schema';
import { mailDate } from '../mail/templates';
import { publishForTest } from '../submissions/test-support';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';
import { sandboxSignatureHeader, signSandboxWebhook } from './sandbox';
import { recordPaymentEvent } from './service';

let h: Awaited<ReturnType<typeof createHarness>>;
let app: ReturnType<typeof createPublicApp>;
let db: TenantDb;
let atSubmission: string;
let afterAcceptance: string;
const deadline = () => h.now() + 3600_000;

beforeAll(async () => {
  h = await createHarness();
  app = createPublicApp(h.deps);
  await createTenant(
    h.registry,
    {
      slug: 'midori',
      name: 'みどり区',
      localGovernmentCode: '131041',
      adminEmail: 'a@midori.example.lg.jp',
      adminName: '管理',
    },
    h.now(),
  );
  db = await h.registry.database('midori');
  atSubmission = await publishForTest(db, certificateByMail, h.now());
  afterAcceptance = await publishForTest(db, feeForm('after_acceptance'), h.now());
});
afterAll(() => h.close());

/** An application with its sandbox payment of 600 yen, as either pay mode leaves it. */
async function withPayment(mode: 'at_submission' | 'after_acceptance', locale: 'ja' | 'en') {
  const submissionId = newId('sub');
  const atSubmit = mode === 'at_submission';
  await db.insert(submissions).values({
    id: submissionId,
    formId: atSubmit ? atSubmission : afterAcceptance,
    formVersion: 1,
    referenceNumber: `2611-${Math.floor(Math.random() * 1e7)
      .toString()
      .padStart(7, '0')}`,
    state: atSubmit ? 'awaiting_payment' : 'accepted',
    paymentState: 'requested',
    applicantEmail: 'hanako@example.jp',
    accessSecretHash: Buffer.alloc(32),
    holdsPlace: true,
    currentRevision: 1,
    paymentDeadline: atSubmit ? deadline() : null,
    submittedAt: h.now(),
    updatedAt: h.now(),
    locale,
  });
  const paymentId = newId('pay');
  await db.insert(payments).values({
    id: paymentId,
    submissionId,
    provider: 'sandbox',
    amount: 600,
    state: 'requested',
    createdAt: h.now(),
    updatedAt: h.now(),
  });
  const row = await db.query.submissions.findFirst({ where: eq(submissions.id, submissionId) });
  return { submissionId, paymentId, ref: row?.referenceNumber ?? '' };
}

/** Delivers a signed sandbox webhook to the tenant's endpoint. */
async function webhook(paymentId: string, kind: 'succeeded' | 'failed') {
  const body = JSON.stringify({ id: `sbx_evt_${newId('evt')}`, paymentId, kind, amount: 600 });
  const response = await app.request(
    'http://127.0.0.1:3000/t/midori/api/payments/sandbox/webhook',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [sandboxSignatureHeader]: signSandboxWebhook(
          h.registry.settings.masterKey,
          'midori',
          body,
          h.now(),
        ),
      },
      body,
    },
  );
  expect(response.status).toBe(200);
}

async function mailOf(paymentId: string, state: 'paid' | 'failed') {
  const [mail] = await db
    .select()
    .from(outbox)
    .where(eq(outbox.eventKey, `payment:${paymentId}:${state}`));
  if (!mail) throw new Error('no mail');
  return mail;
}

describe('the payment received mail', () => {
  test('names the form and the amount and, at submission, says the application is complete', async () => {
    const { paymentId, ref } = await withPayment('at_submission', 'ja');
    await webhook(paymentId, 'succeeded');
    const mail = await mailOf(paymentId, 'paid');
    expect(mail.subject).toBe(`お支払いを確認しました（受付番号 ${ref}）`);
    expect(mail.body).toBe(
      `${certificateByMail.title.ja}の申請について、手数料のお支払い（600円）を確認しました。\n\n受付番号：${ref}\n\n申請の受付が完了しました。担当課で申請の内容を確認します。\n`,
    );
  });

  test('in English, after acceptance, without the completion sentence', async () => {
    const { paymentId, ref } = await withPayment('after_acceptance', 'en');
    await webhook(paymentId, 'succeeded');
    const mail = await mailOf(paymentId, 'paid');
    expect(mail.subject).toBe(`Payment received (${ref})`);
    expect(mail.body).toContain(
      'We have received your payment of 600 yen for your application for',
    );
    expect(mail.body).not.toContain('now complete');
  });
});

describe('the payment failed mail', () => {
  test('at submission: not complete, the deadline, and the page that re-sends the status link', async () => {
    const { paymentId, ref } = await withPayment('at_submission', 'ja');
    await webhook(paymentId, 'failed');
    const mail = await mailOf(paymentId, 'failed');
    expect(mail.subject).toBe(`お支払いが完了しませんでした（受付番号 ${ref}）`);
    expect(mail.body).toContain(`${certificateByMail.title.ja}の申請について`);
    expect(mail.body).toContain('お支払いを確認するまで、申請は完了していません。');
    expect(mail.body).toContain(`お支払いの期限：${mailDate(deadline(), 'ja')}\n`);
    expect(mail.body).toContain(
      `次のページからお送りし直します。\nhttp://127.0.0.1:3000/t/midori/f/${atSubmission}/resend\n`,
    );
    expect(mail.body).not.toContain('/s/');
  });

  test('at submission, in English', async () => {
    const { paymentId } = await withPayment('at_submission', 'en');
    await webhook(paymentId, 'failed');
    const mail = await mailOf(paymentId, 'failed');
    expect(mail.body).toContain('The application is not complete until the fee is paid.');
    expect(mail.body).toContain(`Pay by: ${mailDate(deadline(), 'en')}\n`);
    expect(mail.body).toContain(`http://127.0.0.1:3000/t/midori/f/${atSubmission}/resend`);
  });

  test('after acceptance: the payment link, no deadline', async () => {
    const { paymentId } = await withPayment('after_acceptance', 'ja');
    await webhook(paymentId, 'failed');
    const mail = await mailOf(paymentId, 'failed');
    expect(mail.body).toContain(
      `次のページから、もう一度お支払いください。\nhttp://127.0.0.1:3000/t/midori/pay/${paymentId}\n`,
    );
    expect(mail.body).not.toContain('期限');
  });

  test('recorded without the links (no request to take them from): points to the earlier mail', async () => {
    const { paymentId } = await withPayment('at_submission', 'ja');
    await recordPaymentEvent(
      db,
      'sandbox',
      { eventId: `sbx_evt_${newId('evt')}`, paymentId, kind: 'failed', amount: 600 },
      h.now(),
    );
    const mail = await mailOf(paymentId, 'failed');
    expect(mail.body).toContain(
      '申請の際にお送りしたメールのリンクから、もう一度お支払いください。',
    );
    expect(mail.body).not.toContain('http');
  });
});
