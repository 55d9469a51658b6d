import { and, eq, isNotNull, lt } from 'drizzle-orm';
import { writeWithAudit } from '../audit/service';
import { abortUnlessChanged, isUnchangedAbort } from '../db/guards';
import { newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { payments, submissionEvents, submissions } from '../db/tenant-schema';
import { recordPaymentEvent } from './service';

/**
 * Ends every application still awaiting payment after its deadline: it gives up its capacity
 * place (and with it its slot bookings, which count only applications holding a place). Where a
 * payment exists, the expiry is an event of its log (`deadline:<submission>`, recorded once), so
 * a success that arrives later is still seen — staff then refund it.
 * @returns how many applications expired.
 */
export async function expireUnpaid(db: TenantDb, now: number): Promise<number> {
  const due = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(
      and(
        eq(submissions.state, 'awaiting_payment'),
        isNotNull(submissions.paymentDeadline),
        lt(submissions.paymentDeadline, now),
      ),
    )
    .limit(500);
  let expired = 0;
  for (const { id } of due) {
    const payment = await db.query.payments.findFirst({ where: eq(payments.submissionId, id) });
    if (payment) {
      const result = await recordPaymentEvent(
        db,
        payment.provider,
        { eventId: `deadline:${id}`, paymentId: payment.id, kind: 'expired', amount: 0 },
        now,
      );
      if (result.state === 'expired') expired++;
      continue;
    }
    try {
      await writeWithAudit(
        db,
        [
          db
            .update(submissions)
            .set({ state: 'expired', paymentState: 'expired', holdsPlace: false, updatedAt: now })
            .where(and(eq(submissions.id, id), eq(submissions.state, 'awaiting_payment'))),
          abortUnlessChanged(db),
          db.insert(submissionEvents).values({
            id: newId('evt'),
            submissionId: id,
            at: now,
            actor: 'system',
            action: 'payment_expired',
            fromState: 'awaiting_payment',
            toState: 'expired',
          }),
        ],
        [
          {
            actorType: 'system',
            action: 'payment.state_changed',
            targetType: 'submission',
            targetId: id,
            details: { from: 'requested', to: 'expired', eventId: 'deadline' },
          },
        ],
        now,
      );
      expired++;
    } catch (error) {
      // Paid (or withdrawn) between the read and the write: nothing to expire.
      if (!isUnchangedAbort(error)) throw error;
    }
  }
  return expired;
}
