import { type Answers, computeFee, localize } from '@madoguchi/shared';
import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '../db/registry';
import { submissionRevisions, submissions } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { loadVersion } from '../submissions/forms';
import type { PaymentProvider } from './provider';
import { requestPayment } from './service';

/**
 * The payment of an application, created (or found again) for the amount its form's fee fields
 * and fixed fee give for the stored answers — computed here with the shared fee computation,
 * never taken from the browser. Pay at submission: only while it awaits payment; pay after
 * acceptance: only once accepted.
 */
export async function paymentForSubmission(
  db: TenantDb,
  provider: PaymentProvider,
  submissionId: string,
  returnUrl: string,
  now: number,
): Promise<{ paymentId: string; payUrl: string; amount: number }> {
  const row = await db.query.submissions.findFirst({ where: eq(submissions.id, submissionId) });
  if (!row) throw new AppError('not_found');
  const definition = await loadVersion(db, row.formId, row.formVersion);
  const mode = definition.options.payment.mode;
  const payable =
    (mode === 'at_submission' && row.state === 'awaiting_payment') ||
    (mode === 'after_acceptance' && row.state === 'accepted');
  if (!payable || row.paymentState === 'paid' || row.paymentState === 'refunded')
    throw new AppError('conflict');
  const revision = await db.query.submissionRevisions.findFirst({
    where: and(
      eq(submissionRevisions.submissionId, row.id),
      eq(submissionRevisions.revision, row.currentRevision),
    ),
  });
  if (!revision) throw new AppError('not_found');
  const amount = computeFee(definition, revision.answers as Answers).total;
  if (amount <= 0) throw new AppError('conflict');
  const created = await requestPayment(
    db,
    provider,
    {
      submissionId: row.id,
      amount,
      description: `${localize(definition.title, 'ja')}（${row.referenceNumber}）`,
      returnUrl,
    },
    now,
  );
  return { ...created, amount };
}
