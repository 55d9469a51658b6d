import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/service';
import { type Actor, authorize } from '../auth/authorize';
import type { TenantDb } from '../db/registry';
import { payments, submissions } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { readableForm } from '../submissions/staff';
import type { PaymentProvider } from './provider';
import { providerUnavailable, recordPaymentEvent } from './service';

/**
 * Refunds an application's payment in full (staff with the handling role). The provider is
 * asked first (its own idempotency key makes a retry safe); then the refund is recorded as an
 * event of the log, once (`refund:<payment>`), so the provider's own refund webhook later changes
 * nothing. Audited with the staff member.
 */
export async function refundSubmissionPayment(
  db: TenantDb,
  actor: Actor,
  submissionId: string,
  providerFor: (name: PaymentProvider['name']) => PaymentProvider | Promise<PaymentProvider>,
  now: number,
): Promise<{ paymentState: string }> {
  const row = await db.query.submissions.findFirst({ where: eq(submissions.id, submissionId) });
  if (!row) throw new AppError('not_found');
  const form = await readableForm(db, actor, row.formId, now);
  const allowed = authorize(
    actor,
    { kind: 'submission.handle', departmentId: form.departmentId, formId: form.id },
    now,
  );
  if (!allowed) throw new AppError('forbidden');
  const payment = await db.query.payments.findFirst({
    where: eq(payments.submissionId, submissionId),
  });
  if (payment?.state !== 'paid') throw new AppError('conflict');
  // Nothing is recorded when the provider fails; asking again is safe (its idempotency key).
  await (await providerFor(payment.provider)).refund(payment).catch((error: unknown) => {
    const failed = providerUnavailable(error);
    if (failed.code !== 'provider_unavailable') throw failed;
    throw Object.assign(
      new AppError('provider_unavailable', {
        ja: '決済事業者が返金を受け付けませんでした。返金は記録していません。しばらくしてからもう一度お試しください（二重に返金されることはありません）',
        en: 'The payment provider did not accept the refund. Nothing was recorded; please try again in a while (it is never refunded twice)',
      }),
      { cause: error },
    );
  });
  const result = await recordPaymentEvent(
    db,
    payment.provider,
    {
      eventId: `refund:${payment.id}`,
      paymentId: payment.id,
      kind: 'refunded',
      amount: payment.amount,
    },
    now,
    undefined,
    actor.staffId,
  );
  await appendAudit(
    db,
    {
      actorType: 'staff',
      actorId: actor.staffId,
      action: 'payment.refund',
      targetType: 'submission',
      targetId: submissionId,
      details: { paymentId: payment.id, amount: payment.amount, provider: payment.provider },
    },
    now,
  );
  return { paymentState: result.state };
}
