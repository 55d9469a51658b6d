import { allowedActions, type SubmissionState, submissionStates } from '@madoguchi/shared';
import { describe, expect, test } from 'vitest';
import { actionViews, inputsComplete } from './actions';

const buttons = (state: SubmissionState, payment: 'none' | 'paid' | 'requested' = 'none') =>
  actionViews(allowedActions({ state, payment }, 'staff')).map((view) => view.action);

describe('the actions a state allows, as buttons', () => {
  test('a new application can be reviewed, returned, accepted or rejected', () => {
    expect(buttons('submitted')).toEqual([
      'start_review',
      'return_for_correction',
      'accept',
      'reject',
    ]);
    expect(buttons('in_review')).toEqual(['return_for_correction', 'accept', 'reject']);
  });

  test('an accepted one is completed, unless a requested fee is unpaid', () => {
    expect(buttons('accepted')).toEqual(['complete', 'reject']);
    expect(buttons('accepted', 'requested')).toEqual(['reject']);
  });

  test('closed and returned applications offer what the state machine says, notes aside', () => {
    expect(buttons('returned')).toEqual(['reject']);
    for (const state of ['completed', 'rejected', 'withdrawn', 'expired'] as const)
      expect(buttons(state)).toEqual([]);
  });

  test('every state is covered without an error, and notes never become a button', () => {
    for (const state of submissionStates) expect(buttons(state)).not.toContain('add_note');
  });

  test('inputs each action needs come from the shared table', () => {
    const [review, returning, accept, reject] = actionViews([
      'start_review',
      'return_for_correction',
      'accept',
      'reject',
    ]);
    expect(review).toMatchObject({ requires: [], mailsApplicant: false });
    expect(returning).toMatchObject({ requires: ['message', 'fieldsToFix'], mailsApplicant: true });
    expect(accept).toMatchObject({ requires: [], tone: 'primary' });
    expect(reject).toMatchObject({ requires: ['reason'], tone: 'danger' });
    const empty = { message: '', reason: '', fieldsToFix: [] };
    expect(inputsComplete(returning ?? { requires: [] }, empty)).toBe(false);
    expect(
      inputsComplete(returning ?? { requires: [] }, {
        ...empty,
        message: '電話番号をご確認ください',
        fieldsToFix: ['phone'],
      }),
    ).toBe(true);
    // A full-width space alone is no message.
    expect(inputsComplete(reject ?? { requires: [] }, { ...empty, reason: '　' })).toBe(false);
  });
});
