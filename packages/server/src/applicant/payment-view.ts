import type { PaymentView } from '@madoguchi/applicant-ui';
import { type Answers, computeFee, type FormDefinition } from '@madoguchi/shared';
import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '../db/registry';
import { payments, submissionRevisions, submissions } from '../db/tenant-schema';
import type { AppDeps } from '../deps';
import { refreshPayment } from '../payments/poll';
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

/**
 * The application as its provider has it now: a payment still `requested` is looked up with the
 * provider where it reports by polling (PayPay; others answer at once), so a resident back from
 * paying sees it paid without waiting for the worker. A provider that does not answer changes
 * nothing here: the page shows what is stored, and the worker asks again.
 */
export async function withFreshPayment(
  deps: AppDeps,
  tenant: { slug: string },
  db: TenantDb,
  row: SubmissionRow,
): Promise<SubmissionRow> {
  if (row.paymentState !== 'requested') return row;
  const payment = await db.query.payments.findFirst({
    where: eq(payments.submissionId, row.id),
    columns: { id: true, state: true },
  });
  if (payment?.state !== 'requested') return row;
  try {
    const state = await refreshPayment(deps, tenant, db, payment.id);
    if (state === 'requested') return row;
  } catch (error) {
    deps.logger.warn('payment_refresh_failed', {
      paymentId: payment.id,
      message: error instanceof Error ? error.message : String(error),
    });
    return row;
  }
  return (await db.query.submissions.findFirst({ where: eq(submissions.id, row.id) })) ?? row;
}
