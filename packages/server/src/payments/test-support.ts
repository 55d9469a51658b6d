import Stripe from 'stripe';
import { newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { submissions } from '../db/tenant-schema';

const signer = new Stripe('sk_test_unused');

/**
 * Inserts an application of version 1 of a form that awaits payment (requested, its place held,
 * due in an hour unless `deadline` says otherwise) straight into a tenant database, and returns
 * its id. `applicantEmail` may depend on the new id.
 */
export async function insertAwaitingPayment(
  db: TenantDb,
  formId: string,
  now: number,
  options: { deadline?: number; applicantEmail?: string | ((id: string) => string) } = {},
): Promise<string> {
  const submissionId = newId('sub');
  const email = options.applicantEmail;
  await db.insert(submissions).values({
    id: submissionId,
    formId,
    formVersion: 1,
    referenceNumber: `2611-${Math.floor(Math.random() * 1e7)
      .toString()
      .padStart(7, '0')}`,
    state: 'awaiting_payment',
    paymentState: 'requested',
    ...(email === undefined
      ? {}
      : { applicantEmail: typeof email === 'function' ? email(submissionId) : email }),
    accessSecretHash: Buffer.alloc(32),
    holdsPlace: true,
    currentRevision: 1,
    paymentDeadline: options.deadline ?? now + 3600_000,
    submittedAt: now,
    updatedAt: now,
  });
  return submissionId;
}

/** A Checkout Session event for 900 yen, paid unless `extra` says otherwise. */
export function stripeSessionEvent(
  id: string,
  type: string,
  paymentId: string,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    object: 'event',
    type,
    data: {
      object: {
        id: 'cs_test_x',
        object: 'checkout.session',
        client_reference_id: paymentId,
        amount_total: 900,
        currency: 'jpy',
        payment_status: 'paid',
        ...extra,
      },
    },
  };
}

/** A `charge.refunded` event that refunds all 900 yen of a payment. */
export function stripeRefundEvent(id: string, paymentId: string) {
  return {
    id,
    object: 'event',
    type: 'charge.refunded',
    data: {
      object: {
        id: 'ch_test',
        object: 'charge',
        amount: 900,
        amount_refunded: 900,
        metadata: { paymentId },
      },
    },
  };
}

/** The `stripe-signature` header of a payload, made by the SDK's own test helper. */
export function stripeSignature(payload: string, secret: string): string {
  return signer.webhooks.generateTestHeaderString({ payload, secret });
}
