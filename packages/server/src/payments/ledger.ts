import type { PaymentState } from '@madoguchi/shared';

/** What a provider event says happened to a payment, in provider-neutral words. */
export type ProviderEventKind = 'succeeded' | 'failed' | 'expired' | 'refunded';

/** One provider event as recorded (once, by its event id) in `payment_events`. */
export interface RecordedEvent {
  eventId: string;
  kind: ProviderEventKind;
  /** Yen; a success for another amount than requested is not a payment of this application. */
  amount: number;
}

/**
 * The payment state of one payment, recomputed from every event recorded for it. It depends on
 * the SET of events, never their order or number: a refund counts once money was received; money
 * received counts over any failure or expiry (a late success after the deadline is still money
 * the municipality holds and must refund or honour); a failure alone leaves it failed; an expiry
 * without success expires it. So duplicated, late and out-of-order webhooks give one answer.
 */
export function paymentStateFromEvents(
  events: readonly RecordedEvent[],
  requestedAmount: number,
): Exclude<PaymentState, 'none'> {
  const kinds = new Set(
    events
      .filter((event) => event.kind !== 'succeeded' || event.amount === requestedAmount)
      .map((event) => event.kind),
  );
  if (kinds.has('succeeded') && kinds.has('refunded')) return 'refunded';
  if (kinds.has('succeeded')) return 'paid';
  if (kinds.has('expired')) return 'expired';
  if (kinds.has('failed')) return 'failed';
  return 'requested';
}
