import { and, eq } from 'drizzle-orm';
import { writeWithAudit } from '../audit/service';
import { abortUnlessChanged, isUnchangedAbort } from '../db/guards';
import { newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { paymentEvents, payments, submissionEvents, submissions } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { isMailAddress, queueMail } from '../mail/outbox';
import { paymentStateFromEvents } from './ledger';
import type { PaymentProvider, VerifiedEvent } from './provider';

/**
 * Creates (or finds) the payment of an application: one row per application, so asking again
 * returns the same payment; the provider is asked with our payment id, which it treats as the
 * idempotency key. The network call happens outside any write.
 */
export async function requestPayment(
  db: TenantDb,
  provider: PaymentProvider,
  input: { submissionId: string; amount: number; description: string; returnUrl: string },
  now: number,
): Promise<{ paymentId: string; payUrl: string }> {
  await db
    .insert(payments)
    .values({
      id: newId('pay'),
      submissionId: input.submissionId,
      provider: provider.name,
      amount: input.amount,
      state: 'requested',
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  const payment = await db.query.payments.findFirst({
    where: eq(payments.submissionId, input.submissionId),
  });
  if (!payment) throw new AppError('internal');
  const created = await provider.createPayment({
    paymentId: payment.id,
    amount: payment.amount,
    description: input.description,
    returnUrl: input.returnUrl,
    providerRef: payment.providerRef,
  });
  if (payment.providerRef !== created.providerRef)
    await db
      .update(payments)
      .set({ providerRef: created.providerRef, updatedAt: now })
      .where(eq(payments.id, payment.id));
  return { paymentId: payment.id, payUrl: created.payUrl };
}

/**
 * The "payment received" / "payment failed" mail to the applicant, in their language: the
 * reference number and the amount, no answers. Its event key sends it once per state.
 */
function paymentMail(
  db: TenantDb,
  submission: {
    id: string;
    referenceNumber: string;
    applicantEmail: string | null;
    locale: 'ja' | 'en';
  },
  paymentId: string,
  amount: number,
  next: string,
  now: number,
) {
  const to = submission.applicantEmail;
  if (!to || !isMailAddress(to) || (next !== 'paid' && next !== 'failed')) return [];
  const yen = new Intl.NumberFormat('ja-JP').format(amount);
  const ref = submission.referenceNumber;
  const texts =
    submission.locale === 'en'
      ? next === 'paid'
        ? {
            subject: `Payment received (${ref})`,
            body: `We have received your payment of ${yen} yen for application ${ref}.`,
          }
        : {
            subject: `Payment not completed (${ref})`,
            body: `The payment for application ${ref} did not go through. Please pay again before the deadline from the link to your application.`,
          }
      : next === 'paid'
        ? {
            subject: `お支払いを確認しました（受付番号 ${ref}）`,
            body: `受付番号 ${ref} のお支払い（${yen}円）を確認しました。`,
          }
        : {
            subject: `お支払いが完了しませんでした（受付番号 ${ref}）`,
            body: `受付番号 ${ref} のお支払いが完了しませんでした。期限までに、申請の確認用リンクからもう一度お支払いください。`,
          };
  return [queueMail(db, { eventKey: `payment:${paymentId}:${next}`, to, ...texts }, now)];
}

/**
 * Records a verified provider event once (by its event id) and recomputes the payment's state
 * from every event recorded for it, then moves the application with it in one batch with its
 * history and audit entries: paid releases an application awaiting payment into the inbox;
 * expired ends it and gives up its capacity place (and so its slot bookings).
 * An event for a payment this tenant does not have is 404: another tenant's payment is not here.
 */
export async function recordPaymentEvent(
  db: TenantDb,
  provider: PaymentProvider['name'],
  event: VerifiedEvent,
  now: number,
): Promise<{ duplicate: boolean; state: string }> {
  const payment = await db.query.payments.findFirst({ where: eq(payments.id, event.paymentId) });
  if (!payment || payment.provider !== provider) throw new AppError('not_found');
  const inserted = await db
    .insert(paymentEvents)
    .values({
      provider,
      eventId: event.eventId,
      paymentId: payment.id,
      kind: event.kind,
      amount: event.amount,
      receivedAt: now,
    })
    .onConflictDoNothing()
    .returning({ eventId: paymentEvents.eventId });
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await db.query.payments.findFirst({ where: eq(payments.id, payment.id) });
    const submission = await db.query.submissions.findFirst({
      where: eq(submissions.id, payment.submissionId),
    });
    if (!current || !submission) throw new AppError('not_found');
    const log = await db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, payment.id));
    const next = paymentStateFromEvents(log, current.amount);
    if (next === current.state) return { duplicate: inserted.length === 0, state: next };
    const awaiting = submission.state === 'awaiting_payment';
    const nextState =
      awaiting && next === 'paid'
        ? 'submitted'
        : awaiting && next === 'expired'
          ? 'expired'
          : submission.state;
    try {
      await writeWithAudit(
        db,
        [
          db
            .update(payments)
            .set({ state: next, updatedAt: now })
            .where(and(eq(payments.id, payment.id), eq(payments.state, current.state))),
          abortUnlessChanged(db),
          db
            .update(submissions)
            .set({
              paymentState: next,
              state: nextState,
              ...(nextState === 'expired' ? { holdsPlace: false } : {}),
              updatedAt: now,
            })
            .where(eq(submissions.id, submission.id)),
          ...paymentMail(db, submission, payment.id, current.amount, next, now),
          db.insert(submissionEvents).values({
            id: newId('evt'),
            submissionId: submission.id,
            at: now,
            actor: 'system',
            action: `payment_${next}`,
            fromState: submission.state,
            toState: nextState,
          }),
        ],
        [
          {
            actorType: 'system',
            action: 'payment.state_changed',
            targetType: 'submission',
            targetId: submission.id,
            details: {
              paymentId: payment.id,
              from: current.state,
              to: next,
              eventId: event.eventId,
            },
          },
        ],
        now,
      );
      return { duplicate: inserted.length === 0, state: next };
    } catch (error) {
      // Another event's recomputation moved the payment first: read the log again.
      if (!isUnchangedAbort(error)) throw error;
    }
  }
  throw new AppError('conflict');
}
