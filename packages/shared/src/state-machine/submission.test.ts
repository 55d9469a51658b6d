import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  type ActionInput,
  type Actor,
  actors,
  allowedActions,
  applyAction,
  initialState,
  type PaymentState,
  type SubmissionAction,
  type SubmissionState,
  type SubmissionStatus,
  submissionActionSchema,
  submissionActions,
  submissionStates,
  transitions,
} from './index';

// Everything below is written out by hand from the specification, never read from `transitions`,
// so a wrong row in the table makes these tests fail.

/** The payment each state is probed with: the one it normally has. */
const paymentIn: Record<SubmissionState, PaymentState> = {
  awaiting_payment: 'requested',
  submitted: 'none',
  in_review: 'none',
  returned: 'none',
  accepted: 'none',
  completed: 'none',
  rejected: 'none',
  withdrawn: 'none',
  expired: 'expired',
};

const actorOf: Record<SubmissionAction, Actor> = {
  submit: 'applicant',
  withdraw: 'applicant',
  resubmit: 'applicant',
  reapply: 'applicant',
  start_review: 'staff',
  return_for_correction: 'staff',
  accept: 'staff',
  complete: 'staff',
  reject: 'staff',
  add_note: 'staff',
  payment_succeeded: 'system',
  payment_expired: 'system',
};

type Row = readonly [SubmissionState, SubmissionAction, Actor, SubmissionState, PaymentState];

/** Every allowed (state, action, actor) with the status it leads to. */
const allowedRows: readonly Row[] = [
  ['awaiting_payment', 'withdraw', 'applicant', 'withdrawn', 'requested'],
  ['submitted', 'withdraw', 'applicant', 'withdrawn', 'none'],
  ['in_review', 'withdraw', 'applicant', 'withdrawn', 'none'],
  ['returned', 'withdraw', 'applicant', 'withdrawn', 'none'],
  ['returned', 'resubmit', 'applicant', 'submitted', 'none'],
  ['withdrawn', 'reapply', 'applicant', 'withdrawn', 'none'],
  ['expired', 'reapply', 'applicant', 'expired', 'expired'],
  ['submitted', 'start_review', 'staff', 'in_review', 'none'],
  ['submitted', 'return_for_correction', 'staff', 'returned', 'none'],
  ['in_review', 'return_for_correction', 'staff', 'returned', 'none'],
  ['submitted', 'accept', 'staff', 'accepted', 'none'],
  ['in_review', 'accept', 'staff', 'accepted', 'none'],
  ['accepted', 'complete', 'staff', 'completed', 'none'],
  ['submitted', 'reject', 'staff', 'rejected', 'none'],
  ['in_review', 'reject', 'staff', 'rejected', 'none'],
  ['returned', 'reject', 'staff', 'rejected', 'none'],
  ['accepted', 'reject', 'staff', 'rejected', 'none'],
  ['awaiting_payment', 'add_note', 'staff', 'awaiting_payment', 'requested'],
  ['submitted', 'add_note', 'staff', 'submitted', 'none'],
  ['in_review', 'add_note', 'staff', 'in_review', 'none'],
  ['returned', 'add_note', 'staff', 'returned', 'none'],
  ['accepted', 'add_note', 'staff', 'accepted', 'none'],
  ['completed', 'add_note', 'staff', 'completed', 'none'],
  ['rejected', 'add_note', 'staff', 'rejected', 'none'],
  ['withdrawn', 'add_note', 'staff', 'withdrawn', 'none'],
  ['expired', 'add_note', 'staff', 'expired', 'expired'],
  ['awaiting_payment', 'payment_succeeded', 'system', 'submitted', 'paid'],
  ['awaiting_payment', 'payment_expired', 'system', 'expired', 'expired'],
];

const fullInput: ActionInput = {
  message: '住所の番地を確認してください。',
  fieldsToFix: ['address'],
  reason: '対象外の申請です。',
};

const key = (state: SubmissionState, action: SubmissionAction, actor: Actor): string =>
  `${state}/${action}/${actor}`;
const allowedKeys = new Set(allowedRows.map(([state, action, actor]) => key(state, action, actor)));

const status = (state: SubmissionState, payment: PaymentState): SubmissionStatus =>
  // Frozen so that a mutating implementation throws instead of passing.
  Object.freeze({ state, payment });

describe('initialState', () => {
  it.each([
    ['none', { state: 'submitted', payment: 'none' }],
    ['at_submission', { state: 'awaiting_payment', payment: 'requested' }],
    ['after_acceptance', { state: 'submitted', payment: 'none' }],
  ] as const)('payment mode %s starts at %o', (mode, expected) => {
    expect(initialState(mode)).toEqual(expected);
  });
});

describe('allowed transitions', () => {
  it('lists no combination twice', () => {
    expect(allowedKeys.size).toBe(allowedRows.length);
  });

  it.each(allowedRows)('%s + %s by %s → %s (payment %s)', (from, action, actor, to, payment) => {
    expect(applyAction(status(from, paymentIn[from]), action, actor, fullInput)).toEqual({
      ok: true,
      next: { state: to, payment },
    });
  });
});

describe('forbidden transitions', () => {
  const forbidden = submissionStates.flatMap((state) =>
    submissionActions.flatMap((action) =>
      actors
        .filter((actor) => !allowedKeys.has(key(state, action, actor)))
        .map(
          (actor) =>
            [
              state,
              action,
              actor,
              actorOf[action] === actor ? 'not_allowed_in_state' : 'wrong_actor',
            ] as const,
        ),
    ),
  );

  it('covers the whole cross product', () => {
    expect(forbidden.length + allowedRows.length).toBe(
      submissionStates.length * submissionActions.length * actors.length,
    );
  });

  // No input is given, so these also prove state and actor are checked before inputs.
  it.each(forbidden)('%s + %s by %s is refused: %s', (state, action, actor, reason) => {
    expect(applyAction(status(state, paymentIn[state]), action, actor)).toEqual({
      ok: false,
      reason,
    });
  });

  it('refuses payment_succeeded when the payment is not awaiting one', () => {
    expect(applyAction(status('awaiting_payment', 'paid'), 'payment_succeeded', 'system')).toEqual({
      ok: false,
      reason: 'not_allowed_in_state',
    });
  });
});

describe('payment guard on complete', () => {
  it.each([
    ['requested', { ok: false, reason: 'payment_outstanding' }],
    ['failed', { ok: false, reason: 'payment_outstanding' }],
    ['none', { ok: true, next: { state: 'completed', payment: 'none' } }],
    ['paid', { ok: true, next: { state: 'completed', payment: 'paid' } }],
    // A fee asked for after acceptance that expired unpaid is still owed: staff request it again.
    ['expired', { ok: false, reason: 'payment_outstanding' }],
    // A refund is a decision staff took; completing afterwards is theirs to make.
    ['refunded', { ok: true, next: { state: 'completed', payment: 'refunded' } }],
  ] as const)('payment %s → %o', (payment, expected) => {
    expect(applyAction(status('accepted', payment), 'complete', 'staff')).toEqual(expected);
  });

  it('checks the state before the payment', () => {
    expect(applyAction(status('in_review', 'requested'), 'complete', 'staff')).toEqual({
      ok: false,
      reason: 'not_allowed_in_state',
    });
  });

  it('payment_succeeded also accepts a retry after a failed attempt', () => {
    expect(
      applyAction(status('awaiting_payment', 'failed'), 'payment_succeeded', 'system'),
    ).toEqual({ ok: true, next: { state: 'submitted', payment: 'paid' } });
  });

  it('payment_expired also applies after a failed attempt', () => {
    expect(applyAction(status('awaiting_payment', 'failed'), 'payment_expired', 'system')).toEqual({
      ok: true,
      next: { state: 'expired', payment: 'expired' },
    });
  });
});

describe('required inputs', () => {
  const submitted = status('submitted', 'none');
  const fields = ['address'];

  it.each([
    ['no input', {}, 'message_required'],
    ['no message', { fieldsToFix: fields }, 'message_required'],
    ['blank message', { message: '  ', fieldsToFix: fields }, 'message_required'],
    ['full-width blank message', { message: '\u3000', fieldsToFix: fields }, 'message_required'],
    ['no fields', { message: '確認してください' }, 'fields_required'],
    ['empty field list', { message: '確認してください', fieldsToFix: [] }, 'fields_required'],
    [
      'blank field id',
      { message: '確認してください', fieldsToFix: ['name', ''] },
      'fields_required',
    ],
  ] as const)('return_for_correction with %s → %s', (_, input, reason) => {
    expect(applyAction(submitted, 'return_for_correction', 'staff', input)).toEqual({
      ok: false,
      reason,
    });
  });

  it('return_for_correction with a message and a field passes', () => {
    expect(
      applyAction(submitted, 'return_for_correction', 'staff', {
        message: '確認してください',
        fieldsToFix: fields,
      }),
    ).toEqual({ ok: true, next: { state: 'returned', payment: 'none' } });
  });

  it.each([
    ['no input', {}],
    ['a blank reason', { reason: ' \u3000 ' }],
    ['only a message', { message: '対象外です' }],
  ] as const)('reject with %s → reason_required', (_, input) => {
    expect(applyAction(submitted, 'reject', 'staff', input)).toEqual({
      ok: false,
      reason: 'reason_required',
    });
  });

  it('reject with a reason passes', () => {
    expect(applyAction(submitted, 'reject', 'staff', { reason: '対象外です' })).toEqual({
      ok: true,
      next: { state: 'rejected', payment: 'none' },
    });
  });

  it.each([
    ['no input', {}],
    ['a blank message', { message: '' }],
  ] as const)('add_note with %s → message_required', (_, input) => {
    expect(applyAction(status('completed', 'paid'), 'add_note', 'staff', input)).toEqual({
      ok: false,
      reason: 'message_required',
    });
  });

  it.each([
    ['start_review', 'submitted', 'staff'],
    ['accept', 'in_review', 'staff'],
    ['withdraw', 'returned', 'applicant'],
    ['resubmit', 'returned', 'applicant'],
    ['reapply', 'withdrawn', 'applicant'],
  ] as const)('%s needs no input', (action, state, actor) => {
    expect(applyAction(status(state, 'none'), action, actor).ok).toBe(true);
  });
});

describe('allowedActions', () => {
  it.each([
    [
      'staff on submitted',
      status('submitted', 'none'),
      'staff',
      ['start_review', 'return_for_correction', 'accept', 'reject', 'add_note'],
    ],
    [
      'staff on in_review',
      status('in_review', 'none'),
      'staff',
      ['return_for_correction', 'accept', 'reject', 'add_note'],
    ],
    ['applicant on returned', status('returned', 'none'), 'applicant', ['withdraw', 'resubmit']],
    [
      'applicant on awaiting_payment',
      status('awaiting_payment', 'requested'),
      'applicant',
      ['withdraw'],
    ],
    [
      'system on awaiting_payment',
      status('awaiting_payment', 'requested'),
      'system',
      ['payment_succeeded', 'payment_expired'],
    ],
    [
      'staff on accepted, paid',
      status('accepted', 'paid'),
      'staff',
      ['complete', 'reject', 'add_note'],
    ],
    [
      'staff on accepted, payment requested',
      status('accepted', 'requested'),
      'staff',
      ['reject', 'add_note'],
    ],
    ['applicant on accepted', status('accepted', 'none'), 'applicant', []],
    ['applicant on expired', status('expired', 'expired'), 'applicant', ['reapply']],
    ['applicant on rejected', status('rejected', 'none'), 'applicant', []],
    ['staff on completed', status('completed', 'paid'), 'staff', ['add_note']],
    ['system on submitted', status('submitted', 'paid'), 'system', []],
  ] as const)('%s', (_, current, actor, expected) => {
    expect(allowedActions(current, actor)).toEqual(expected);
  });

  // Ties the UI view to the expected list for every state and actor, in button order.
  it.each(submissionStates.flatMap((state) => actors.map((actor) => [state, actor] as const)))(
    'on %s for %s matches the expected list',
    (state, actor) => {
      const expected = submissionActions.filter((action) =>
        allowedKeys.has(key(state, action, actor)),
      );
      expect(allowedActions(status(state, paymentIn[state]), actor)).toEqual(expected);
    },
  );

  it('never offers submit, which only starts a submission', () => {
    for (const state of submissionStates) {
      for (const actor of actors) {
        expect(allowedActions(status(state, paymentIn[state]), actor)).not.toContain('submit');
      }
    }
  });
});

describe('transition table shape', () => {
  it('marks exactly submit and reapply as creating a submission', () => {
    const creating = submissionActions.filter((action) => transitions[action].createsSubmission);
    expect(creating).toEqual(['submit', 'reapply']);
  });

  it('leaves the state unchanged for exactly submit, reapply and add_note', () => {
    const staying = submissionActions.filter((action) => transitions[action].to === null);
    expect(staying).toEqual(['submit', 'reapply', 'add_note']);
  });

  it('exposes the inputs the UIs must ask for', () => {
    expect(transitions.return_for_correction.requires).toEqual(['message', 'fieldsToFix']);
    expect(transitions.reject.requires).toEqual(['reason']);
  });

  it('has a valibot picklist that refuses unknown actions', () => {
    expect(v.is(submissionActionSchema, 'accept')).toBe(true);
    expect(v.is(submissionActionSchema, 'approve')).toBe(false);
  });
});
