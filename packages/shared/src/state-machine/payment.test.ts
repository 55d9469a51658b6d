import { describe, expect, it } from 'vitest';
import {
  type Actor,
  actors,
  allowedPaymentEvents,
  applyPaymentEvent,
  type PaymentEvent,
  type PaymentState,
  paymentEvents,
  paymentStates,
} from './index';

// Written out from the specification, not read from `paymentTransitions`.

const actorsOf: Record<PaymentEvent, readonly Actor[]> = {
  request: ['system', 'staff'],
  succeed: ['system'],
  fail: ['system'],
  expire: ['system'],
  refund: ['staff'],
};

/** Every allowed (payment, event, actor) with the payment it leads to. */
const allowedRows: readonly (readonly [PaymentState, PaymentEvent, Actor, PaymentState])[] = [
  ['none', 'request', 'system', 'requested'],
  ['none', 'request', 'staff', 'requested'],
  ['failed', 'request', 'system', 'requested'],
  ['failed', 'request', 'staff', 'requested'],
  ['expired', 'request', 'system', 'requested'],
  ['expired', 'request', 'staff', 'requested'],
  ['requested', 'succeed', 'system', 'paid'],
  ['failed', 'succeed', 'system', 'paid'],
  ['requested', 'fail', 'system', 'failed'],
  ['requested', 'expire', 'system', 'expired'],
  ['failed', 'expire', 'system', 'expired'],
  ['paid', 'refund', 'staff', 'refunded'],
];

const key = (payment: PaymentState, event: PaymentEvent, actor: Actor): string =>
  `${payment}/${event}/${actor}`;
const allowedKeys = new Set(
  allowedRows.map(([payment, event, actor]) => key(payment, event, actor)),
);

describe('payment transitions', () => {
  it('lists no combination twice', () => {
    expect(allowedKeys.size).toBe(allowedRows.length);
  });

  it.each(allowedRows)('%s + %s by %s → %s', (from, event, actor, to) => {
    expect(applyPaymentEvent(from, event, actor)).toEqual({ ok: true, next: to });
  });

  const forbidden = paymentStates.flatMap((payment) =>
    paymentEvents.flatMap((event) =>
      actors
        .filter((actor) => !allowedKeys.has(key(payment, event, actor)))
        .map(
          (actor) =>
            [
              payment,
              event,
              actor,
              actorsOf[event].includes(actor) ? 'not_allowed_in_state' : 'wrong_actor',
            ] as const,
        ),
    ),
  );

  it('covers the whole cross product', () => {
    expect(forbidden.length + allowedRows.length).toBe(
      paymentStates.length * paymentEvents.length * actors.length,
    );
  });

  it.each(forbidden)('%s + %s by %s is refused: %s', (payment, event, actor, reason) => {
    expect(applyPaymentEvent(payment, event, actor)).toEqual({ ok: false, reason });
  });
});

describe('allowedPaymentEvents', () => {
  it.each([
    ['paid', 'staff', ['refund']],
    ['paid', 'system', []],
    ['none', 'staff', ['request']],
    ['requested', 'system', ['succeed', 'fail', 'expire']],
    ['failed', 'system', ['request', 'succeed', 'expire']],
    ['refunded', 'staff', []],
    ['requested', 'applicant', []],
  ] as const)('%s for %s → %o', (payment, actor, expected) => {
    expect(allowedPaymentEvents(payment, actor)).toEqual(expected);
  });
});
