import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error the API answers with, and its HTTP status. */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  second_factor_required: 401,
  csrf_rejected: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  form_not_open: 409,
  form_closed: 409,
  form_full: 409,
  slot_full: 409,
  already_applied: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  provider_unavailable: 502,
} as const satisfies Record<string, ContentfulStatusCode>;
export type ErrorCode = keyof typeof errorStatus;

const defaultMessages: Record<ErrorCode, { ja: string; en: string }> = {
  bad_request: {
    ja: 'リクエストの形式が正しくありません',
    en: 'The request is not in the right format',
  },
  validation_failed: { ja: '入力内容に誤りがあります', en: 'Some values are not valid' },
  unauthenticated: { ja: 'ログインしてください', en: 'Sign in to continue' },
  second_factor_required: {
    ja: '確認コードを入力してください',
    en: 'Enter the code from your authenticator app',
  },
  csrf_rejected: {
    ja: 'このページからの送信は受け付けられません',
    en: 'Requests from this page are not accepted',
  },
  forbidden: { ja: 'この操作を行う権限がありません', en: 'You do not have permission to do this' },
  not_found: { ja: '見つかりません', en: 'Not found' },
  conflict: { ja: '他の変更と競合しました', en: 'This conflicts with the current state' },
  form_not_open: { ja: 'この申請はまだ受付を開始していません', en: 'This form is not open yet' },
  form_closed: { ja: 'この申請の受付は終了しました', en: 'This form is closed' },
  form_full: {
    ja: '定員に達したため、受付を終了しました',
    en: 'This form has reached its capacity',
  },
  slot_full: {
    ja: '選んだ日時は定員に達しました。別の日時を選んでください',
    en: 'The time you chose is fully booked. Please choose another',
  },
  already_applied: {
    ja: 'この申請はすでに受け付けています（1人1回まで）',
    en: 'You have already applied (one application per person)',
  },
  gone: {
    ja: 'このリンクは使用済みか、有効期限が切れています',
    en: 'This link has been used or has expired',
  },
  payload_too_large: { ja: '送信内容が大きすぎます', en: 'The request is too large' },
  unsupported_media_type: { ja: 'JSON で送信してください', en: 'Send the request as JSON' },
  too_many_requests: {
    ja: '試行回数が多すぎます。しばらくしてからお試しください',
    en: 'Too many attempts. Try again later',
  },
  provider_unavailable: {
    ja: '決済事業者に接続できませんでした。しばらくしてからもう一度お試しください',
    en: 'The payment provider could not be reached. Please try again in a while',
  },
  internal: { ja: 'システムエラーが発生しました', en: 'Something went wrong on our side' },
};

/** A problem with one input value, for validation errors. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * The one error type of the server. Services throw it; the error handler turns it into
 * `{ error: { code, message, requestId, details? } }` with the status of its code.
 * @example throw new AppError('not_found');
 */
export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    readonly messages: { ja: string; en: string } = defaultMessages[code],
    readonly details?: FieldProblem[],
    /** Seconds until a retry may succeed (too_many_requests). */
    readonly retryAfter?: number,
  ) {
    super(messages.en);
  }

  get status(): ContentfulStatusCode {
    return errorStatus[this.code];
  }
}

/** The default message of a code in a language. */
export function defaultMessage(code: ErrorCode, locale: 'ja' | 'en'): string {
  return defaultMessages[code][locale];
}
