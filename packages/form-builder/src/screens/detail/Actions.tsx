import { actionLabels, type FormDefinition } from '@madoguchi/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { ApiError, ok } from '../../api/errors';
import type { SubmissionDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { type ActionView, actionViews, inputsComplete } from '../../logic/actions';
import { correctableFields } from '../../logic/answers';
import { useErrorText } from '../../ui/async';
import { Dialog } from '../../ui/Dialog';
import { TextArea } from '../../ui/fields';
import { RefundDialog, refundOffered } from './Refund';

/**
 * The actions the state machine allows now, each behind a confirmation dialog; with them
 * 「返金する」 when the payment is paid and this person handles the form (`handles`).
 */
export function Actions({
  data,
  handles,
  onDone,
}: {
  data: SubmissionDetail;
  /** Whether this person handles the form (permissions.ts mayHandle), for the refund. */
  handles: boolean;
  onDone: () => void;
}) {
  const { t, label } = useI18n();
  const views = actionViews(data.allowedActions);
  const [open, setOpen] = useState<ActionView | null>(null);
  const [refunding, setRefunding] = useState(false);
  const [notice, setNotice] = useState('');
  const refundable = data.payment && refundOffered(data.payment, handles) ? data.payment : null;
  // After a refund its button goes away with the reload: focus moves to this section's heading
  // (not lost to the page), where the status message is read next.
  const heading = useRef<HTMLHeadingElement>(null);
  const [refunded, setRefunded] = useState(false);
  useEffect(() => {
    if (refunded && !refundable) {
      heading.current?.focus();
      setRefunded(false);
    }
  }, [refunded, refundable]);
  return (
    <section aria-labelledby="actions-title" className="card">
      <h2 id="actions-title" ref={heading} tabIndex={-1}>
        {t('detail.actions')}
      </h2>
      <p role="status" className="notice">
        {notice}
      </p>
      {views.length === 0 && !refundable ? <p>{t('detail.noActions')}</p> : null}
      <div className="action-buttons">
        {views.map((view) => (
          <button
            key={view.action}
            type="button"
            className={view.tone}
            onClick={() => {
              setNotice('');
              setOpen(view);
            }}
          >
            {label(actionLabels[view.action])}
          </button>
        ))}
        {refundable ? (
          <button
            type="button"
            className="danger"
            onClick={() => {
              setNotice('');
              setRefunding(true);
            }}
          >
            {t('refund.button')}
          </button>
        ) : null}
      </div>
      {open ? (
        <ActionDialog
          view={open}
          data={data}
          onClose={() => setOpen(null)}
          onDone={() => {
            setNotice(t('action.done', { action: label(actionLabels[open.action]) }));
            setOpen(null);
            onDone();
          }}
        />
      ) : null}
      {refunding && refundable ? (
        <RefundDialog
          data={data}
          payment={refundable}
          onClose={() => setRefunding(false)}
          onReload={() => {
            setRefunding(false);
            onDone();
          }}
          onDone={(text) => {
            setNotice(text);
            setRefunding(false);
            setRefunded(true);
            onDone();
          }}
        />
      ) : null}
    </section>
  );
}

function ActionDialog({
  view,
  data,
  onClose,
  onDone,
}: {
  view: ActionView;
  data: SubmissionDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, label, locale } = useI18n();
  const errorText = useErrorText();
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState('');
  const [fieldsToFix, setFieldsToFix] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = label(actionLabels[view.action]);
  const fields = correctableFields(data.definition as unknown as FormDefinition, locale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!inputsComplete(view, { message, reason, fieldsToFix })) {
      setError(
        view.requires.includes('fieldsToFix') && fieldsToFix.length === 0
          ? t('action.needFields')
          : t('common.required'),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await ok(
        api.submissions[':id'].actions.$post({
          param: { id: data.submission.id },
          json: {
            action: view.action,
            // The state this person saw: a change by someone else in between is refused.
            expectedState: data.submission.state,
            ...(view.requires.includes('message') || message.trim() ? { message } : {}),
            ...(view.requires.includes('reason') ? { reason } : {}),
            ...(view.requires.includes('fieldsToFix') ? { fieldsToFix } : {}),
          },
        }),
      );
      onDone();
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.code === 'conflict'
          ? t('action.conflict')
          : errorText(caught),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open title={t('action.confirmTitle', { action: name })} onClose={onClose}>
      <form onSubmit={submit} className="stack" noValidate>
        <p>
          {data.submission.referenceNumber} ·{' '}
          {view.mailsApplicant ? t('action.sendsMail') : t('action.noMail')}
        </p>
        {error ? (
          <p className="error-box" role="alert">
            {error}
          </p>
        ) : null}
        {view.requires.includes('fieldsToFix') ? (
          <fieldset className="checks">
            <legend>
              {t('action.fieldsToFix')} <span className="required">*</span>
            </legend>
            {fields.map((field) => (
              <label key={field.id} className="check">
                <input
                  type="checkbox"
                  checked={fieldsToFix.includes(field.id)}
                  onChange={(event) =>
                    setFieldsToFix(
                      event.target.checked
                        ? [...fieldsToFix, field.id]
                        : fieldsToFix.filter((id) => id !== field.id),
                    )
                  }
                />
                {field.label}
              </label>
            ))}
          </fieldset>
        ) : null}
        {view.requires.includes('reason') ? (
          <TextArea
            label={t('action.reason')}
            required
            rows={4}
            maxLength={4000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        ) : view.mailsApplicant ? (
          <TextArea
            label={t('action.message')}
            help={t('action.messageHelp')}
            required={view.requires.includes('message')}
            rows={4}
            maxLength={4000}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
        ) : null}
        <div className="row">
          <button
            type="submit"
            className={view.tone === 'default' ? 'primary' : view.tone}
            disabled={busy}
          >
            {t('action.confirm', { action: name })}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
