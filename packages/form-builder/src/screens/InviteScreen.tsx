import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/errors';
import type { InviteInfo } from '../api/types';
import { Link, useTitle } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { Async, useErrorText, useLoad } from '../ui/async';
import { TextField } from '../ui/fields';

/**
 * The page of a one-time link (`/invite#token`): set a password and enrol the second factor,
 * which every staff account needs (there is no way past it here, whatever `totpRequired` says).
 * The token stays in the fragment, so it never reaches a server log; it is sent in a body.
 */
export function InviteScreen() {
  const { t } = useI18n();
  const token = window.location.hash.slice(1);
  const invite = useLoad(
    () =>
      token
        ? ok(api.invites.inspect.$post({ json: { token } }))
        : Promise.reject(new Error(t('invite.missing'))),
    [token],
  );
  useTitle(t('invite.title'), t('app.name'));
  return (
    <main id="main" className="centered" tabIndex={-1}>
      <div className="card narrow">
        <p className="brand-line">{t('app.name')}</p>
        <Async state={invite}>{(data) => <InviteForm token={token} invite={data} />}</Async>
      </div>
    </main>
  );
}

function InviteForm({ token, invite }: { token: string; invite: InviteInfo }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await ok(
        api.invites.accept.$post({
          json: {
            token,
            ...(invite.passwordRequired ? { password } : {}),
            totpSecret: invite.totpSecret,
            totpCode: totpCode.trim(),
          },
        }),
      );
      setAccepted(true);
      window.history.replaceState(null, '', '/invite');
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  if (accepted)
    return (
      <div className="stack">
        <h1>{t('invite.title')}</h1>
        <p role="status">{t('invite.done')}</p>
        <p>
          <Link href="/" className="button primary">
            {t('invite.toSignIn')}
          </Link>
        </p>
      </div>
    );
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <h1>{invite.purpose === 'totp_reset' ? t('invite.resetTitle') : t('invite.title')}</h1>
      <p>
        {t('invite.for', { tenant: invite.tenantName, name: invite.name, email: invite.email })}
      </p>
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
      {invite.passwordRequired ? (
        <TextField
          label={t('invite.password')}
          type="password"
          name="password"
          autoComplete="new-password"
          minLength={12}
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      ) : null}
      <p>{t('invite.totpIntro')}</p>
      <p>
        {t('invite.totpKey')}: <code data-testid="totp-secret">{invite.totpSecret}</code>
      </p>
      <TextField
        label={t('signIn.totp')}
        name="totpCode"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        value={totpCode}
        onChange={(event) => setTotpCode(event.target.value)}
      />
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {t('invite.submit')}
        </button>
      </div>
    </form>
  );
}
