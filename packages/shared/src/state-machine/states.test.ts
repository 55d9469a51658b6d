import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  actionLabels,
  isTerminal,
  paymentStateLabels,
  paymentStateSchema,
  stateLabels,
  submissionStateSchema,
  submissionStates,
} from './index';

describe('isTerminal', () => {
  it.each([
    ['awaiting_payment', false],
    ['submitted', false],
    ['in_review', false],
    ['returned', false],
    ['accepted', false],
    ['completed', true],
    ['rejected', true],
    ['withdrawn', true],
    ['expired', true],
  ] as const)('%s → %s', (state, terminal) => {
    expect(isTerminal(state)).toBe(terminal);
  });

  it('covers every state', () => {
    expect(submissionStates).toHaveLength(9);
  });
});

describe('labels', () => {
  it('names submission states as the municipality does', () => {
    expect(Object.fromEntries(Object.entries(stateLabels).map(([k, l]) => [k, l.ja]))).toEqual({
      awaiting_payment: '支払待ち',
      submitted: '到達',
      in_review: '処理中',
      returned: '補正依頼中',
      accepted: '受付完了',
      completed: '処理完了',
      rejected: '却下',
      withdrawn: '取下げ',
      expired: '期限切れ',
    });
    expect(stateLabels.submitted.en).toBe('Received');
    expect(stateLabels.returned.en).toBe('Returned for correction');
  });

  it('names payment states', () => {
    expect(
      Object.fromEntries(Object.entries(paymentStateLabels).map(([k, l]) => [k, l.ja])),
    ).toEqual({
      none: 'なし',
      requested: '支払依頼中',
      paid: '支払済',
      failed: '支払失敗',
      expired: '支払期限切れ',
      refunded: '返金済',
    });
  });

  it.each([
    ['start_review', '審査開始'],
    ['return_for_correction', '補正依頼'],
    ['accept', '受付'],
    ['complete', '完了'],
    ['reject', '却下'],
    ['withdraw', '取下げ'],
    ['resubmit', '再提出'],
    ['reapply', '再申請'],
    ['add_note', 'メモ追加'],
  ] as const)('labels the %s button %s', (action, ja) => {
    expect(actionLabels[action].ja).toBe(ja);
  });

  it('has an English label for every entry', () => {
    const all = [stateLabels, paymentStateLabels, actionLabels].flatMap((labels) =>
      Object.values(labels),
    );
    for (const label of all) expect(label.en.trim()).not.toBe('');
  });
});

describe('schemas', () => {
  it('accept known names and refuse others', () => {
    expect(v.is(submissionStateSchema, 'in_review')).toBe(true);
    expect(v.is(submissionStateSchema, 'reviewing')).toBe(false);
    expect(v.is(paymentStateSchema, 'refunded')).toBe(true);
    expect(v.is(paymentStateSchema, 'cancelled')).toBe(false);
  });
});
