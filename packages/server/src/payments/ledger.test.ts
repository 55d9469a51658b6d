import { describe, expect, it } from 'vitest';
import { paymentStateFromEvents, type RecordedEvent } from './ledger';

const paid: RecordedEvent = { eventId: 'evt_1', kind: 'succeeded', amount: 1200 };
const failed: RecordedEvent = { eventId: 'evt_2', kind: 'failed', amount: 1200 };
const expired: RecordedEvent = { eventId: 'evt_3', kind: 'expired', amount: 1200 };
const refunded: RecordedEvent = { eventId: 'evt_4', kind: 'refunded', amount: 1200 };

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
      item,
      ...rest,
    ]),
  );
}

describe('payment state from the event log', () => {
  it('is requested with no events, paid after a success, failed after a failure alone', () => {
    expect(paymentStateFromEvents([], 1200)).toBe('requested');
    expect(paymentStateFromEvents([paid], 1200)).toBe('paid');
    expect(paymentStateFromEvents([failed], 1200)).toBe('failed');
    expect(paymentStateFromEvents([expired], 1200)).toBe('expired');
  });

  it('gives the same state for every order and any number of copies', () => {
    const cases: [RecordedEvent[], string][] = [
      [[failed, paid], 'paid'],
      [[paid, refunded], 'refunded'],
      [[failed, paid, refunded], 'refunded'],
      [[expired, failed], 'expired'],
    ];
    for (const [events, expected] of cases) {
      for (const order of permutations(events)) {
        expect(paymentStateFromEvents(order, 1200)).toBe(expected);
        const tenTimes = order.flatMap((event) => Array.from({ length: 10 }, () => event));
        expect(paymentStateFromEvents(tenTimes, 1200)).toBe(expected);
      }
    }
  });

  it('does not take a success for another amount as payment', () => {
    expect(paymentStateFromEvents([{ ...paid, amount: 1 }], 1200)).toBe('requested');
  });

  it('a refund without a success credits nothing', () => {
    expect(paymentStateFromEvents([refunded], 1200)).toBe('requested');
  });
});
