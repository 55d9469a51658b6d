import * as v from 'valibot';
import { applyPaymentEvent, type PaymentEvent } from './payment';
import {
  type Actor,
  type BilingualLabel,
  type PaymentState,
  type SubmissionState,
  type SubmissionStatus,
  submissionStates,
} from './states';

/** Every action on a submission, in the order the UIs show their buttons. */
export const submissionActions = [
  'submit',
  'withdraw',
  'resubmit',
  'reapply',
  'start_review',
  'return_for_correction',
  'accept',
  'complete',
  'reject',
  'add_note',
  'payment_succeeded',
  'payment_expired',
] as const;
/** One action on a submission. */
export type SubmissionAction = (typeof submissionActions)[number];
/** Valibot schema for a submission action. */
export const submissionActionSchema = v.picklist(submissionActions);

/** Button and history labels for submission actions. */
export const actionLabels: Readonly<Record<SubmissionAction, BilingualLabel>> = {
  submit: { ja: '提出', en: 'Submit' },
  withdraw: { ja: '取下げ', en: 'Withdraw' },
  resubmit: { ja: '再提出', en: 'Resubmit' },
  reapply: { ja: '再申請', en: 'Apply again' },
  start_review: { ja: '審査開始', en: 'Start review' },
  return_for_correction: { ja: '補正依頼', en: 'Return for correction' },
  accept: { ja: '受付', en: 'Accept' },
  complete: { ja: '完了', en: 'Complete' },
  reject: { ja: '却下', en: 'Reject' },
  add_note: { ja: 'メモ追加', en: 'Add note' },
  payment_succeeded: { ja: '支払完了', en: 'Payment received' },
  payment_expired: { ja: '支払期限切れ', en: 'Payment expired' },
};

/** The inputs an action can demand; the UIs show a text box or field picker for each. */
export const actionInputNames = ['message', 'fieldsToFix', 'reason'] as const;
/** One input an action can demand. */
export type ActionInputName = (typeof actionInputNames)[number];

/** What the actor supplies with an action; which entries are needed is the rule's `requires`. */
export interface ActionInput {
  readonly message?: string;
  readonly fieldsToFix?: readonly string[];
  readonly reason?: string;
}

/** Every reason an action can be refused, so callers can map each one to a message. */
export const actionRefusalReasons = [
  'not_allowed_in_state',
  'wrong_actor',
  'payment_outstanding',
  'message_required',
  'fields_required',
  'reason_required',
] as const;
/** Why an action was refused. */
export type ActionRefusalReason = (typeof actionRefusalReasons)[number];

/** Where an action leaves the submission it is taken on. */
export type TransitionTarget =
  | { readonly to: SubmissionState; readonly createsSubmission: false }
  // `to: null` keeps the state; `createsSubmission` tells the server to open a new submission.
  | { readonly to: null; readonly createsSubmission: boolean };

/** One row of the submission table. */
export type TransitionRule = TransitionTarget & {
  readonly actors: readonly Actor[];
  readonly from: readonly SubmissionState[];
  readonly requires?: readonly ActionInputName[];
  /** Payment states in which the action is refused with `payment_outstanding`. */
  readonly refusedWhilePayment?: readonly PaymentState[];
  /** Payment event applied together with the move, so both fields change in one step. */
  readonly paymentEvent?: PaymentEvent;
};

/** The submission table, the one source both the server (to enforce) and the UIs read. */
export const transitions: Readonly<Record<SubmissionAction, TransitionRule>> = {
  // A new submission has no state to come from; its first state is `initialState(paymentMode)`.
  submit: { actors: ['applicant'], from: [], to: null, createsSubmission: true },
  // Withdrawal is only possible before acceptance: after that the office has acted on it.
  withdraw: {
    actors: ['applicant'],
    from: ['awaiting_payment', 'submitted', 'in_review', 'returned'],
    to: 'withdrawn',
    createsSubmission: false,
  },
  // The server stores the corrected answers as a new revision of the same submission.
  resubmit: {
    actors: ['applicant'],
    from: ['returned'],
    to: 'submitted',
    createsSubmission: false,
  },
  // The old submission stays closed; the server opens a new one prefilled from it.
  reapply: {
    actors: ['applicant'],
    from: ['withdrawn', 'expired'],
    to: null,
    createsSubmission: true,
  },
  start_review: {
    actors: ['staff'],
    from: ['submitted'],
    to: 'in_review',
    createsSubmission: false,
  },
  // The applicant needs to know what is wrong and where, or the correction cannot be made.
  return_for_correction: {
    actors: ['staff'],
    from: ['submitted', 'in_review'],
    to: 'returned',
    createsSubmission: false,
    requires: ['message', 'fieldsToFix'],
  },
  accept: {
    actors: ['staff'],
    from: ['submitted', 'in_review'],
    to: 'accepted',
    createsSubmission: false,
  },
  // A fee that was asked for and not received blocks completion; `none` (no fee) and `paid` pass.
  complete: {
    actors: ['staff'],
    from: ['accepted'],
    to: 'completed',
    createsSubmission: false,
    refusedWhilePayment: ['requested', 'failed', 'expired'],
  },
  // A rejection is an administrative decision the applicant is owed a reason for.
  reject: {
    actors: ['staff'],
    from: ['submitted', 'in_review', 'returned', 'accepted'],
    to: 'rejected',
    createsSubmission: false,
    requires: ['reason'],
  },
  // Internal notes (対応記録) may be kept on closed cases too; the note text is the message.
  add_note: {
    actors: ['staff'],
    from: submissionStates,
    to: null,
    createsSubmission: false,
    requires: ['message'],
  },
  payment_succeeded: {
    actors: ['system'],
    from: ['awaiting_payment'],
    to: 'submitted',
    createsSubmission: false,
    paymentEvent: 'succeed',
  },
  // Expiry releases the capacity place the unpaid application was holding.
  payment_expired: {
    actors: ['system'],
    from: ['awaiting_payment'],
    to: 'expired',
    createsSubmission: false,
    paymentEvent: 'expire',
  },
};

/** When a fee is charged: never, before the submission counts as received, or after acceptance. */
export const paymentModes = ['none', 'at_submission', 'after_acceptance'] as const;
/** One payment mode of a form. */
export type PaymentMode = (typeof paymentModes)[number];
/** Valibot schema for a payment mode. */
export const paymentModeSchema = v.picklist(paymentModes);

/** The status a submission starts in when the applicant submits it. */
export function initialState(paymentMode: PaymentMode): SubmissionStatus {
  // Only an upfront fee holds the submission back; an 'after_acceptance' fee is requested later.
  return paymentMode === 'at_submission'
    ? { state: 'awaiting_payment', payment: 'requested' }
    : { state: 'submitted', payment: 'none' };
}

/** The outcome of an action: the next status, or why it was refused. */
export type ActionResult =
  | { readonly ok: true; readonly next: SubmissionStatus }
  | { readonly ok: false; readonly reason: ActionRefusalReason };

const isFilled = (text: string | undefined): boolean => text !== undefined && text.trim() !== '';

// `trim` also strips the full-width space (U+3000), so a Japanese blank does not pass.
const inputChecks: Readonly<
  Record<ActionInputName, { refusal: ActionRefusalReason; filled: (input: ActionInput) => boolean }>
> = {
  message: { refusal: 'message_required', filled: (input) => isFilled(input.message) },
  fieldsToFix: {
    refusal: 'fields_required',
    filled: ({ fieldsToFix }) =>
      fieldsToFix !== undefined && fieldsToFix.length > 0 && fieldsToFix.every(isFilled),
  },
  reason: { refusal: 'reason_required', filled: (input) => isFilled(input.reason) },
};

/** Everything but the inputs, which allowedActions cannot know before the actor fills them. */
function evaluate(current: SubmissionStatus, action: SubmissionAction, actor: Actor): ActionResult {
  const rule = transitions[action];
  // The actor is checked first: "not yours to do" is the truer answer whatever the state.
  if (!rule.actors.includes(actor)) return { ok: false, reason: 'wrong_actor' };
  if (!rule.from.includes(current.state)) return { ok: false, reason: 'not_allowed_in_state' };
  if (rule.refusedWhilePayment?.includes(current.payment)) {
    return { ok: false, reason: 'payment_outstanding' };
  }
  let payment = current.payment;
  if (rule.paymentEvent !== undefined) {
    // Reusing the payment table refuses an inconsistent pair such as awaiting_payment + paid.
    const paid = applyPaymentEvent(current.payment, rule.paymentEvent, actor);
    if (!paid.ok) return paid;
    payment = paid.next;
  }
  return { ok: true, next: { state: rule.to ?? current.state, payment } };
}

/** Applies an action to a submission's status; refuses rather than throws. */
export function applyAction(
  current: SubmissionStatus,
  action: SubmissionAction,
  actor: Actor,
  input: ActionInput = {},
): ActionResult {
  const result = evaluate(current, action, actor);
  if (!result.ok) return result;
  for (const name of transitions[action].requires ?? []) {
    const check = inputChecks[name];
    if (!check.filled(input)) return { ok: false, reason: check.refusal };
  }
  return result;
}

/** The actions this actor may take now, guards applied, in button order. */
export function allowedActions(current: SubmissionStatus, actor: Actor): SubmissionAction[] {
  return submissionActions.filter((action) => evaluate(current, action, actor).ok);
}
