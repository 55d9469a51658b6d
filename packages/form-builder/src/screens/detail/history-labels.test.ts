import { actionLabels } from '@madoguchi/shared';
import { describe, expect, test } from 'vitest';
import { historyActionLabel, historyActorLabel } from './history-labels';

// Every action string the server writes into submission_events (grep `action:` in
// packages/server/src/submissions and payments): the state machine's staff and applicant
// actions, and `payment_${state}` for each payment state the system records.
const written = [
  'submit',
  'withdraw',
  'resubmit',
  'start_review',
  'return_for_correction',
  'accept',
  'complete',
  'reject',
  'payment_requested',
  'payment_paid',
  'payment_failed',
  'payment_expired',
  'payment_refunded',
  'payment_none',
  'expire',
];

describe('history labels', () => {
  test.each(written)('%s has its own words in both languages', (action) => {
    const words = historyActionLabel(action);
    expect(words.ja).not.toMatch(/[a-z_]/);
    expect(words.en).not.toContain('_');
    expect(words.en.length).toBeGreaterThan(0);
  });

  test('payment events read as what happened', () => {
    expect(historyActionLabel('payment_paid')).toEqual({
      ja: 'お支払い確認',
      en: 'Payment received',
    });
    expect(historyActionLabel('payment_failed').ja).toBe('支払失敗');
    expect(historyActionLabel('payment_expired').ja).toBe('支払期限切れ');
    expect(historyActionLabel('payment_refunded').ja).toBe('返金');
    expect(historyActionLabel('accept')).toEqual(actionLabels.accept);
  });

  test('an unknown action still reads as words, never a raw key', () => {
    expect(historyActionLabel('payment_disputed')).toEqual({
      ja: 'お支払い（disputed）',
      en: 'Payment (disputed)',
    });
    expect(historyActionLabel('staff_reassigned')).toEqual({
      ja: 'その他の操作（staff reassigned）',
      en: 'Staff reassigned',
    });
  });

  test('system events are the system, not staff', () => {
    expect(historyActorLabel('system', 'payment_paid')).toEqual({ ja: 'システム', en: 'System' });
    expect(historyActorLabel('staff', 'payment_expired').ja).toBe('システム');
    expect(historyActorLabel('system', 'expire').en).toBe('System');
    expect(historyActorLabel('staff', 'accept').ja).toBe('職員');
    // A refund is done by a member of staff, and named so.
    expect(historyActorLabel('staff', 'payment_refunded').ja).toBe('職員');
    expect(historyActorLabel('system', 'payment_refunded').ja).toBe('システム');
    expect(historyActorLabel('applicant', 'submit').ja).toBe('申請者');
    expect(historyActorLabel('robot', 'accept').ja).toBe('システム');
  });
});
