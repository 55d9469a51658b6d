import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ApiError, ok } from '../../api/errors';
import { SignInCancelled } from '../../api/session-guard';
import type { SubmissionDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { useErrorText } from '../../ui/async';
import { Dialog } from '../../ui/Dialog';
import { formatYen } from './fees';

type Payment = NonNullable<SubmissionDetail['payment']>;

/**
 * Whether 「返金する」 is offered: the payment is paid and this person handles the form (the
 * server refunds for the same `submission.handle` grant, a reviewer's; see payments/refund.ts).
 * Display only: the server decides.
 * @example refundOffered({ state: 'paid', amount: 600, provider: 'sandbox' }, true) // true
 */
export function refundOffered(payment: SubmissionDetail['payment'], handles: boolean): boolean {
  return handles && payment?.state === 'paid';
}

const providerKeys: Record<Payment['provider'], MessageKey> = {
  sandbox: 'refund.provider.sandbox',
  stripe: 'refund.provider.stripe',
  paypay: 'refund.provider.paypay',
};

/**
 * The refund confirmation: the amount, the provider in words, that the full amount goes back
 * and that it cannot be undone. Confirming asks the server; a refusal stays in the dialog in
 * words (nothing closes, nothing is lost) and the dialog can be tried again or cancelled.
 */
export function RefundDialog({
  data,
  payment,
  onClose,
  onReload,
  onDone,
}: {
  data: SubmissionDetail;
  payment: Payment;
  onClose: () => void;
  /** Closes the dialog and loads the detail again (after a refusal that may be stale). */
  onReload: () => void;
  /** Called after the refund with the notice to show. */
  onDone: (notice: string) => void;
}) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // After a 409 or a lost connection the page may be out of date: offer to read it again.
  const [stale, setStale] = useState(false);
  const amount = formatYen(payment.amount, locale);
  const provider = t(providerKeys[payment.provider] ?? 'refund.provider.sandbox');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStale(false);
    try {
      await ok(api.submissions[':id'].refund.$post({ param: { id: data.submission.id } }));
      onDone(t('refund.done', { amount }));
    } catch (caught) {
      setError(refundErrorText(caught, t, errorText));
      setStale(
        !(caught instanceof ApiError) || caught.status === 409 || caught.code === 'conflict',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open title={t('refund.title')} onClose={onClose}>
      <form onSubmit={submit} className="stack" noValidate aria-busy={busy}>
        <p>{t('refund.reference', { reference: data.submission.referenceNumber })}</p>
        <dl className="pairs">
          <dt>{t('refund.amount')}</dt>
          <dd>
            <strong id="refund-amount">{amount}</strong>
          </dd>
          <dt>{t('refund.provider')}</dt>
          <dd id="refund-provider">{provider}</dd>
        </dl>
        <p>{t('refund.full', { amount, provider })}</p>
        <p>
          <strong>{t('refund.irreversible')}</strong>
        </p>
        {error ? (
          <p className="error-box" role="alert">
            {error}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" className="danger" disabled={busy}>
            {busy ? t('refund.busy') : t('refund.confirm')}
          </button>
          {stale ? (
            <button type="button" onClick={onReload}>
              {t('refund.reload')}
            </button>
          ) : null}
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * A refused refund in words: 409 (already refunded / not paid), a provider or server failure
 * (5xx: the route answers `internal` when the provider refuses), no connection, else the
 * server's own message (403 and the like).
 */
function refundErrorText(
  caught: unknown,
  t: (key: MessageKey) => string,
  errorText: (error: unknown) => string,
): string {
  if (caught instanceof ApiError) {
    if (caught.status === 409) return t('refund.conflict');
    if (caught.status >= 500) return t('refund.failed');
    return errorText(caught);
  }
  if (caught instanceof SignInCancelled) return errorText(caught);
  // fetch itself failed: no answer came back.
  return t('refund.network');
}
