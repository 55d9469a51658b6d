import * as v from 'valibot';
import type { Actor, BilingualLabel, PaymentState } from './states';

/** Every event that moves a payment. */
export const paymentEvents = ['request', 'succeed', 'fail', 'expire', 'refund'] as const;
/** One payment event. */
export type PaymentEvent = (typeof paymentEvents)[number];
/** Valibot schema for a payment event. */
export const paymentEventSchema = v.picklist(paymentEvents);

/** One row of the payment table: who may raise the event, from which payment states, to which. */
export interface PaymentTransitionRule {
  readonly actors: readonly Actor[];
  readonly from: readonly PaymentState[];
  readonly to: PaymentState;
}

/**
 * The payment table. It only knows the payment field: while a submission is `awaiting_payment`
 * the server must use the submission actions `payment_succeeded` / `payment_expired` instead,
 * so the processing state moves together with the payment.
 */
export const paymentTransitions: Readonly<Record<PaymentEvent, PaymentTransitionRule>> = {
  // Staff may re-request after a failure or expiry; in 'after_acceptance' mode this is the
  // first request, which the server only offers once the submission is accepted.
  request: { actors: ['system', 'staff'], from: ['none', 'failed', 'expired'], to: 'requested' },
  // A retry after a failed attempt can still succeed before the deadline.
  succeed: { actors: ['system'], from: ['requested', 'failed'], to: 'paid' },
  fail: { actors: ['system'], from: ['requested'], to: 'failed' },
  expire: { actors: ['system'], from: ['requested', 'failed'], to: 'expired' },
  refund: { actors: ['staff'], from: ['paid'], to: 'refunded' },
};

/** Button and log labels for payment events. */
export const paymentEventLabels: Readonly<Record<PaymentEvent, BilingualLabel>> = {
  request: { ja: '支払依頼', en: 'Request payment' },
  succeed: { ja: '支払完了', en: 'Payment received' },
  fail: { ja: '支払失敗', en: 'Payment failed' },
  expire: { ja: '支払期限切れ', en: 'Payment expired' },
  refund: { ja: '返金', en: 'Refund' },
};

/** Why a payment event was refused. */
export type PaymentRefusalReason = 'not_allowed_in_state' | 'wrong_actor';

/** The outcome of a payment event: the next payment state, or why it was refused. */
export type PaymentEventResult =
  | { readonly ok: true; readonly next: PaymentState }
  | { readonly ok: false; readonly reason: PaymentRefusalReason };

/** Applies a payment event to a payment state; refuses rather than throws. */
export function applyPaymentEvent(
  current: PaymentState,
  event: PaymentEvent,
  actor: Actor,
): PaymentEventResult {
  const rule = paymentTransitions[event];
  // The actor is checked first: "not yours to do" is the truer answer whatever the state.
  if (!rule.actors.includes(actor)) return { ok: false, reason: 'wrong_actor' };
  if (!rule.from.includes(current)) return { ok: false, reason: 'not_allowed_in_state' };
  return { ok: true, next: rule.to };
}

/** The payment events this actor may raise now, in table order. */
export function allowedPaymentEvents(current: PaymentState, actor: Actor): PaymentEvent[] {
  return paymentEvents.filter((event) => applyPaymentEvent(current, event, actor).ok);
}
