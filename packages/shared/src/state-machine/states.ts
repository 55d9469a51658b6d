import * as v from 'valibot';

/** A label shown on screens and in logs; both languages are always present for built-in terms. */
export interface BilingualLabel {
  readonly ja: string;
  readonly en: string;
}

/** Every state a submission can be in, in the order a case usually moves through them. */
export const submissionStates = [
  'awaiting_payment',
  'submitted',
  'in_review',
  'returned',
  'accepted',
  'completed',
  'rejected',
  'withdrawn',
  'expired',
] as const;
/** The processing state of one submission. */
export type SubmissionState = (typeof submissionStates)[number];
/** Valibot schema for a submission state. */
export const submissionStateSchema = v.picklist(submissionStates);

/** Screen labels for submission states. */
export const stateLabels: Readonly<Record<SubmissionState, BilingualLabel>> = {
  awaiting_payment: { ja: '支払待ち', en: 'Awaiting payment' },
  submitted: { ja: '到達', en: 'Received' },
  in_review: { ja: '処理中', en: 'In review' },
  returned: { ja: '補正依頼中', en: 'Returned for correction' },
  accepted: { ja: '受付完了', en: 'Accepted' },
  completed: { ja: '処理完了', en: 'Completed' },
  rejected: { ja: '却下', en: 'Rejected' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
  expired: { ja: '期限切れ', en: 'Expired' },
};

/** States no transition leaves; only notes and a new application remain possible. */
export const terminalStates = [
  'completed',
  'rejected',
  'withdrawn',
  'expired',
] as const satisfies readonly SubmissionState[];
/** A state no transition leaves. */
export type TerminalState = (typeof terminalStates)[number];

/** Whether a submission in this state is closed for good. */
export function isTerminal(state: SubmissionState): state is TerminalState {
  return terminalStates.some((terminal) => terminal === state);
}

/** Every state of a submission's payment, kept apart from the processing state. */
export const paymentStates = [
  'none',
  'requested',
  'paid',
  'failed',
  'expired',
  'refunded',
] as const;
/** The payment state of one submission. */
export type PaymentState = (typeof paymentStates)[number];
/** Valibot schema for a payment state. */
export const paymentStateSchema = v.picklist(paymentStates);

/** Screen labels for payment states. */
export const paymentStateLabels: Readonly<Record<PaymentState, BilingualLabel>> = {
  none: { ja: 'なし', en: 'None' },
  requested: { ja: '支払依頼中', en: 'Payment requested' },
  paid: { ja: '支払済', en: 'Paid' },
  failed: { ja: '支払失敗', en: 'Payment failed' },
  expired: { ja: '支払期限切れ', en: 'Payment expired' },
  refunded: { ja: '返金済', en: 'Refunded' },
};

/** Who can act on a submission: the resident, municipal staff, or the server itself. */
export const actors = ['applicant', 'staff', 'system'] as const;
/** One kind of actor. */
export type Actor = (typeof actors)[number];
/** Valibot schema for an actor. */
export const actorSchema = v.picklist(actors);

/** The two fields a transition reads and writes. */
export interface SubmissionStatus {
  readonly state: SubmissionState;
  readonly payment: PaymentState;
}
