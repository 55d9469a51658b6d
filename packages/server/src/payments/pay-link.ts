import { type Answers, computeFee, type FormDefinition } from '@madoguchi/shared';
import { and, eq } from 'drizzle-orm';
import { idPattern, newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { payments, submissionRevisions, type submissions } from '../db/tenant-schema';
import type { PaymentProvider } from './provider';

/** The shape of a payment id: the capability of the payment link and the sandbox page. */
export const paymentIdPattern = idPattern('pay');

/**
 * The payment link of the acceptance mail. The raw status-link token is not known at
 * acceptance (only its hash is stored), so the mail links to the payment itself: its id's
 * 80 random bits are the capability, and the page shows nothing personal.
 * @example payLinkUrl('https://forms.example.lg.jp', 'midori', 'pay_…') // '…/t/midori/pay/pay_…'
 */
export function payLinkUrl(publicOrigin: string, slug: string, paymentId: string): string {
  return `${publicOrigin}/t/${slug}/pay/${paymentId}`;
}

/**
 * Where a provider sends the resident back after paying (Stripe's success and cancel URLs,
 * PayPay's redirect URL). Pay at submission: `/t/{tenant}/status/return`, a page of ours that
 * moves on to the status page by a refresh — the remembered link's cookie is SameSite=Strict and
 * is withheld from the provider's cross-site redirect, so `/status` itself would not open there.
 * Pay after acceptance: the payment link `/t/{tenant}/pay/{payment}`, which needs no cookie (the
 * resident may have come from the acceptance mail without ever opening the status link); where
 * no payment row exists yet, the status return page.
 * @example providerReturnUrl('https://forms.example.lg.jp', 'midori', 'at_submission') // '…/t/midori/status/return'
 */
export function providerReturnUrl(
  publicOrigin: string,
  slug: string,
  mode: FormDefinition['options']['payment']['mode'],
  paymentId?: string,
): string {
  if (mode === 'after_acceptance' && paymentId) return payLinkUrl(publicOrigin, slug, paymentId);
  return `${publicOrigin}/t/${slug}/status/return`;
}

/**
 * The payment request an acceptance makes on a form that charges after acceptance: the amount
 * from the shared fee computation over the stored answers, and the statement that creates the
 * payment row (provider session not yet: that is made when the resident presses pay, outside
 * any write). Nothing where the form does not charge after acceptance or the amount is zero.
 * The caller puts the statement in the same batch as the acceptance, after its guard.
 */
export async function acceptancePayment(
  db: TenantDb,
  definition: FormDefinition,
  row: typeof submissions.$inferSelect,
  /** The tenant's provider, asked only when a payment is requested. */
  provider: () => Promise<PaymentProvider['name']>,
  now: number,
) {
  if (definition.options.payment.mode !== 'after_acceptance') return undefined;
  const revision = await db.query.submissionRevisions.findFirst({
    where: and(
      eq(submissionRevisions.submissionId, row.id),
      eq(submissionRevisions.revision, row.currentRevision),
    ),
    columns: { answers: true },
  });
  const amount = computeFee(definition, (revision?.answers ?? {}) as Answers).total;
  if (amount <= 0) return undefined;
  const existing = await db.query.payments.findFirst({
    where: eq(payments.submissionId, row.id),
    columns: { id: true, amount: true },
  });
  if (existing) return { paymentId: existing.id, amount: existing.amount, statements: [] };
  const paymentId = newId('pay');
  return {
    paymentId,
    amount,
    statements: [
      db
        .insert(payments)
        .values({
          id: paymentId,
          submissionId: row.id,
          provider: await provider(),
          amount,
          state: 'requested',
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing(),
    ],
  };
}
