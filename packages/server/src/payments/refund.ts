import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/service';
import { type Actor, authorize } from '../auth/authorize';
import type { TenantDb } from '../db/registry';
import { payments, submissions } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { readableForm } from '../submissions/staff';
import type { PaymentProvider } from './provider';
import { recordPaymentEvent } from './service';

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
  await (await providerFor(payment.provider)).refund(payment);
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
