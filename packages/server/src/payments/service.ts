import { localize } from '@madoguchi/shared';
import { and, eq } from 'drizzle-orm';
import { writeWithAudit } from '../audit/service';
import { abortUnlessChanged, isUnchangedAbort } from '../db/guards';
import { newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { paymentEvents, payments, submissionEvents, submissions } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { isMailAddress, queueMail } from '../mail/outbox';
import { mailDate } from '../mail/templates';
import { loadVersion } from '../submissions/forms';
import { mailAmount } from '../submissions/mails';
import { paymentStateFromEvents } from './ledger';
import { payLinkUrl } from './pay-link';
import type { PaymentProvider, VerifiedEvent } from './provider';

/**
 * A provider call that failed (network, refusal, an answer we cannot read): 502 for the person,
 * with the provider's error kept as the cause for the log. Our own refusals pass unchanged.
 */
export function providerUnavailable(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return Object.assign(new AppError('provider_unavailable'), { cause: error });
}

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
  const created = await provider
    .createPayment({
      paymentId: payment.id,
      amount: payment.amount,
      description: input.description,
      returnUrl: input.returnUrl,
      providerRef: payment.providerRef,
    })
    .catch((error: unknown) => {
      throw providerUnavailable(error);
    });
  if (payment.providerRef !== created.providerRef)
    await db
      .update(payments)
      .set({ providerRef: created.providerRef, updatedAt: now })
      .where(eq(payments.id, payment.id));
  return { paymentId: payment.id, payUrl: created.payUrl };
}

/** Where the links of payment mails point: the public origin and the tenant's slug. */
export interface PaymentMailLinks {
  publicOrigin: string;
  tenant: { slug: string };
}

/**
 * The "payment received" / "payment failed" mail to the applicant, in their language: the
 * form's title, the reference number and the amount, no answers. A failure says where to pay
 * again: pay at submission, by the deadline, from the status link of the arrival mail — whose
 * token is not stored, so the mail names the page that re-sends it; pay after acceptance, the
 * payment link. Its event key sends it once per state.
 */
async function paymentMail(
  db: TenantDb,
  submission: typeof submissions.$inferSelect,
  paymentId: string,
  amount: number,
  next: string,
  nextState: string,
  now: number,
  links: PaymentMailLinks | undefined,
) {
  const to = submission.applicantEmail;
  if (!to || !isMailAddress(to) || (next !== 'paid' && next !== 'failed')) return [];
  const en = submission.locale === 'en';
  const definition = await loadVersion(db, submission.formId, submission.formVersion);
  const title = localize(definition.title, en ? 'en' : 'ja');
  const yen = mailAmount(amount);
  const ref = submission.referenceNumber;
  const resendUrl = links
    ? `${links.publicOrigin}/t/${links.tenant.slug}/f/${submission.formId}/resend`
    : undefined;
  const payLink = links ? payLinkUrl(links.publicOrigin, links.tenant.slug, paymentId) : undefined;
  const atSubmission = definition.options.payment.mode === 'at_submission';
  const deadline =
    atSubmission && submission.paymentDeadline !== null
      ? mailDate(submission.paymentDeadline, en ? 'en' : 'ja')
      : undefined;
  const lines = (...parts: (string | false | undefined)[]) =>
    parts.filter((part) => typeof part === 'string').join('\n');
  const texts =
    next === 'paid'
      ? en
        ? {
            subject: `Payment received (${ref})`,
            body: lines(
              `We have received your payment of ${yen} yen for your application for ${title}.`,
              '',
              `Reference number: ${ref}`,
              nextState === 'submitted' &&
                '\nYour application is now complete; the responsible section will check it.',
            ),
          }
        : {
            subject: `お支払いを確認しました（受付番号 ${ref}）`,
            body: lines(
              `${title}の申請について、手数料のお支払い（${yen}円）を確認しました。`,
              '',
              `受付番号：${ref}`,
              nextState === 'submitted' &&
                '\n申請の受付が完了しました。担当課で申請の内容を確認します。',
            ),
          }
      : atSubmission
        ? en
          ? {
              subject: `Payment not completed (${ref})`,
              body: lines(
                `The payment for your application for ${title} did not go through. The application is not complete until the fee is paid.`,
                '',
                `Reference number: ${ref}`,
                deadline && `Pay by: ${deadline}`,
                '',
                'Please pay again before the deadline with the link in the mail we sent when you applied.',
                resendUrl &&
                  `If you cannot find it, we will send it again from this page:\n${resendUrl}`,
              ),
            }
          : {
              subject: `お支払いが完了しませんでした（受付番号 ${ref}）`,
              body: lines(
                `${title}の申請について、手数料のお支払いが完了しませんでした。お支払いを確認するまで、申請は完了していません。`,
                '',
                `受付番号：${ref}`,
                deadline && `お支払いの期限：${deadline}`,
                '',
                '期限までに、申請の際にお送りしたメールのリンクから、もう一度お支払いください。',
                resendUrl &&
                  `リンクがわからない場合は、次のページからお送りし直します。\n${resendUrl}`,
              ),
            }
        : en
          ? {
              subject: `Payment not completed (${ref})`,
              body: lines(
                `The payment for your application for ${title} did not go through.`,
                '',
                `Reference number: ${ref}`,
                '',
                payLink
                  ? `Please pay again on this page:\n${payLink}`
                  : 'Please pay again with the link in the mail that accepted your application.',
              ),
            }
          : {
              subject: `お支払いが完了しませんでした（受付番号 ${ref}）`,
              body: lines(
                `${title}の申請について、手数料のお支払いが完了しませんでした。`,
                '',
                `受付番号：${ref}`,
                '',
                payLink
                  ? `次のページから、もう一度お支払いください。\n${payLink}`
                  : '申請を受理したメールのリンクから、もう一度お支払いください。',
              ),
            };
  return [
    queueMail(
      db,
      {
        eventKey: `payment:${paymentId}:${next}`,
        to,
        subject: texts.subject,
        body: `${texts.body}\n`,
      },
      now,
    ),
  ];
}

/**
 * Records a verified provider event once (by its event id) and recomputes the payment's state
 * from every event recorded for it, then moves the application with it in one batch with its
 * history and audit entries: paid releases an application awaiting payment into the inbox;
 * expired ends it and gives up its capacity place (and so its slot bookings).
 * An event for a payment this tenant does not have is 404: another tenant's payment is not here.
 * `links` lets the payment failed mail name the page to pay again on; without them it points
 * to the link of an earlier mail. `staffId`: the event is a staff member's doing (a refund), so
 * the history names them rather than the system.
 */
export async function recordPaymentEvent(
  db: TenantDb,
  provider: PaymentProvider['name'],
  event: VerifiedEvent,
  now: number,
  links?: PaymentMailLinks,
  staffId?: string,
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
          ...(await paymentMail(
            db,
            submission,
            payment.id,
            current.amount,
            next,
            nextState,
            now,
            links,
          )),
          db.insert(submissionEvents).values({
            id: newId('evt'),
            submissionId: submission.id,
            at: now,
            actor: staffId ? 'staff' : 'system',
            staffId: staffId ?? null,
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
