import { actionLabels, type BilingualLabel } from '@madoguchi/shared';

/**
 * What the server writes into submission_events.action, in words. Staff and applicant actions
 * are the state machine's (提出, 受付 …); the payment events are `payment_<state>` written by
 * the system (payments/service.ts, payments/expiry.ts), named here by what happened.
 */
const eventLabels: Readonly<Record<string, BilingualLabel>> = {
  ...actionLabels,
  payment_requested: { ja: 'お支払い依頼', en: 'Payment requested' },
  payment_paid: { ja: 'お支払い確認', en: 'Payment received' },
  payment_failed: { ja: '支払失敗', en: 'Payment failed' },
  payment_expired: { ja: '支払期限切れ', en: 'Payment deadline passed' },
  payment_refunded: { ja: '返金', en: 'Refunded' },
  payment_none: { ja: 'お支払い取消', en: 'Payment cancelled' },
  expire: { ja: '期限切れ', en: 'Expired' },
};

/**
 * The words for a history entry's action. An action this console does not know yet still reads
 * as words: `payment_<x>` as a payment event, anything else with its underscores as spaces.
 * @example historyActionLabel('payment_paid') // { ja: 'お支払い確認', en: 'Payment received' }
 */
export function historyActionLabel(action: string): BilingualLabel {
  if (Object.hasOwn(eventLabels, action)) return eventLabels[action] as BilingualLabel;
  const words = action.replace(/[_.]+/g, ' ').trim();
  if (action.startsWith('payment_'))
    return {
      ja: `お支払い（${words.replace(/^payment /, '')}）`,
      en: `Payment (${words.replace(/^payment /, '')})`,
    };
  return { ja: `その他の操作（${words}）`, en: words.charAt(0).toUpperCase() + words.slice(1) };
}

/** Who acted, as the history names them: the applicant, staff, or the system (決済・期限). */
export const historyActorLabels: Readonly<Record<string, BilingualLabel>> = {
  applicant: { ja: '申請者', en: 'Applicant' },
  staff: { ja: '職員', en: 'Staff' },
  system: { ja: 'システム', en: 'System' },
};

/**
 * The words for who acted; an unknown actor is the system's, never a member of staff's. A
 * payment or expiry event is the system's even if an older row says otherwise.
 */
export function historyActorLabel(actor: string, action: string): BilingualLabel {
  const system = historyActorLabels.system as BilingualLabel;
  // A refund is a staff member's doing (recorded as theirs since the refund route names them).
  const staffRefund = action === 'payment_refunded' && actor === 'staff';
  if ((action.startsWith('payment_') && !staffRefund) || action === 'expire') return system;
  return Object.hasOwn(historyActorLabels, actor)
    ? (historyActorLabels[actor] as BilingualLabel)
    : system;
}
