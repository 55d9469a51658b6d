import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { ApiError, errorOf } from '../api/errors';
import { useI18n } from '../i18n/i18n';
import { useErrorText } from '../ui/async';
import { TextField } from '../ui/fields';

/**
 * Password first, then the second factor when the account has one (the server answers
 * `second_factor_required`). Nothing typed here is stored anywhere but React state.
 */
export function SignInForm({
  fixed,
  onSignedIn,
}: {
  /** Re-sign-in over a screen: the same person in the same municipality. */
  fixed?: { tenant: string; email: string };
  onSignedIn: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [tenant, setTenant] = useState(fixed?.tenant ?? '');
  const [email, setEmail] = useState(fixed?.email ?? '');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await api.auth['sign-in'].$post({
        json: {
          tenant: tenant.trim(),
          email: email.trim(),
          password,
          ...(needsCode ? { totpCode: totpCode.trim() } : {}),
        },
      });
      if (!response.ok) throw await errorOf(response);
      setPassword('');
      setTotpCode('');
      onSignedIn();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'second_factor_required') {
        setNeedsCode(true);
      } else {
        setError(errorText(caught));
        if (needsCode) setTotpCode('');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="stack" noValidate>
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
      {needsCode ? (
        <TextField
          label={t('signIn.totp')}
          help={t('signIn.totpHelp')}
          name="totpCode"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={8}
          required
          value={totpCode}
          onChange={(event) => setTotpCode(event.target.value)}
        />
      ) : (
        <>
          <TextField
            label={t('signIn.tenant')}
            help={t('signIn.tenantHelp')}
            name="tenant"
            autoComplete="organization"
            required
            readOnly={fixed !== undefined}
            value={tenant}
            onChange={(event) => setTenant(event.target.value)}
          />
          <TextField
            label={t('signIn.email')}
            name="email"
            type="email"
            autoComplete="username"
            required
            readOnly={fixed !== undefined}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <TextField
            label={t('signIn.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </>
      )}
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.busy') : needsCode ? t('signIn.submitCode') : t('signIn.submit')}
        </button>
      </div>
    </form>
  );
}
