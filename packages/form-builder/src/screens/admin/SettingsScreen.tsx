import type { InferResponseType } from 'hono/client';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ok } from '../../api/errors';
import { useTitle } from '../../app/router';
import { useI18n } from '../../i18n/i18n';
import { Async, useErrorText, useLoad } from '../../ui/async';
import { CheckboxField, TextArea, TextField } from '../../ui/fields';

type Settings = InferResponseType<typeof api.admin.settings.$get, 200>['settings'];

/** The municipality's mail sender, reply-to, signature and alert default. */
export function SettingsScreen() {
  const { t } = useI18n();
  const settings = useLoad(() => ok(api.admin.settings.$get()), []);
  useTitle(t('admin.settings'), t('app.name'));
  return (
    <>
      <h1>{t('admin.settings')}</h1>
      <Async state={settings}>{(data) => <SettingsForm settings={data.settings} />}</Async>
    </>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [mailFrom, setMailFrom] = useState(settings.mailFrom ?? '');
  const [mailReplyTo, setMailReplyTo] = useState(settings.mailReplyTo ?? '');
  const [alertDepartment, setAlert] = useState(settings.notificationDefaults.alertDepartment);
  const [signature, setSignature] = useState(settings.notificationDefaults.signature);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    setError(null);
    try {
      await ok(
        api.admin.settings.$put({
          json: {
            mailFrom: mailFrom.trim() || null,
            mailReplyTo: mailReplyTo.trim() || null,
            notificationDefaults: { alertDepartment, signature },
          },
        }),
      );
      setNotice(t('common.saved'));
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <form className="card stack narrow-form" onSubmit={submit}>
      <TextField
        label={t('admin.mailFrom')}
        type="email"
        value={mailFrom}
        onChange={(event) => setMailFrom(event.target.value)}
      />
      <TextField
        label={t('admin.mailReplyTo')}
        type="email"
        value={mailReplyTo}
        onChange={(event) => setMailReplyTo(event.target.value)}
      />
      <CheckboxField
        label={t('admin.alertDepartment')}
        checked={alertDepartment}
        onChange={(event) => setAlert(event.target.checked)}
      />
      <TextArea
        label={t('admin.signature')}
        rows={5}
        maxLength={500}
        value={signature}
        onChange={(event) => setSignature(event.target.value)}
      />
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <span role="status" className="muted">
          {notice}
        </span>
      </div>
    </form>
  );
}
