import type { PaymentView } from '@madoguchi/applicant-ui';
import { type Answers, computeFee, type FormDefinition } from '@madoguchi/shared';
import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '../db/registry';
import { payments, submissionRevisions } from '../db/tenant-schema';
import type { SubmissionRow } from '../submissions/applicant';

/**
 * Whether the resident may pay now: pay at submission while the application awaits payment,
 * pay after acceptance once accepted; never once paid or refunded. The same rule as
 * `paymentForSubmission`, which refuses anything else.
 */
export function paymentDue(
  definition: FormDefinition,
  row: Pick<SubmissionRow, 'state' | 'paymentState'>,
): boolean {
  const mode = definition.options.payment.mode;
  const payable =
    (mode === 'at_submission' && row.state === 'awaiting_payment') ||
    (mode === 'after_acceptance' && row.state === 'accepted');
  return payable && row.paymentState !== 'paid' && row.paymentState !== 'refunded';
}

/**
 * What the resident pages show of an application's payment, or nothing where the form charges
 * nothing or (pay after acceptance) none was asked yet. The amount is the payment's as created,
 * else the shared fee computation over the stored answers: never anything the browser sent.
 */
export async function paymentViewOf(
  db: TenantDb,
  definition: FormDefinition,
  row: SubmissionRow,
  action: string,
): Promise<PaymentView | undefined> {
  if (definition.options.payment.mode === 'none') return undefined;
  const payment = await db.query.payments.findFirst({
    where: eq(payments.submissionId, row.id),
    columns: { amount: true },
  });
  if (!payment && row.paymentState === 'none') return undefined;
  let amount = payment?.amount;
  if (amount === undefined) {
    const revision = await db.query.submissionRevisions.findFirst({
      where: and(
        eq(submissionRevisions.submissionId, row.id),
        eq(submissionRevisions.revision, row.currentRevision),
      ),
      columns: { answers: true },
    });
    amount = computeFee(definition, (revision?.answers ?? {}) as Answers).total;
  }
  return {
    state: row.paymentState,
    amount,
    deadline: row.paymentDeadline,
    due: amount > 0 && paymentDue(definition, row),
    action,
  };
}
