import type { InferResponseType } from 'hono/client';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ApiError, ok } from '../../api/errors';
import { useTitle } from '../../app/router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Async, useErrorText, useLoad } from '../../ui/async';
import { CheckboxField, SelectField, TextArea, TextField } from '../../ui/fields';

type Settings = InferResponseType<typeof api.admin.settings.$get, 200>['settings'];
type Payments = InferResponseType<typeof api.admin.settings.payments.$get, 200>['payments'];
type PaymentsInput = Parameters<typeof api.admin.settings.payments.$put>[0]['json'];
type Secret = Payments['stripe']['secretKey'];

/** The municipality's mail sender, reply-to, signature and alert default, and its payments. */
export function SettingsScreen() {
  const { t } = useI18n();
  const session = useSession();
  const settings = useLoad(() => ok(api.admin.settings.$get()), []);
  useTitle(t('admin.settings'), t('app.name'));
  return (
    <>
      <h1>{t('admin.settings')}</h1>
      <Async state={settings}>{(data) => <SettingsForm settings={data.settings} />}</Async>
      <PaymentSettingsSection tenant={session.tenant.slug} />
    </>
  );
}

/**
 * The "決済 / Payments" section: which provider takes payments and its credentials. Secrets are
 * password inputs that are never prefilled (the API never answers them); a stored one shows as
 * "設定済み", is kept when its input is left empty, and can be removed on purpose.
 */
export function PaymentSettingsSection({ tenant }: { tenant: string }) {
  const { t } = useI18n();
  const payments = useLoad(() => ok(api.admin.settings.payments.$get()), []);
  return (
    <section aria-labelledby="payments-heading">
      <h2 id="payments-heading">{t('admin.payments')}</h2>
      <Async state={payments}>
        {(data) => <PaymentSettingsForm initial={data.payments} tenant={tenant} />}
      </Async>
    </section>
  );
}

/** One language's half of a server message written "日本語 / English". */
function inLocale(message: string, locale: 'ja' | 'en'): string {
  const cut = message.indexOf(' / ');
  if (cut < 0) return message;
  return locale === 'ja' ? message.slice(0, cut) : message.slice(cut + 3);
}

const secretKeys = [
  'stripe.secretKey',
  'stripe.webhookSecret',
  'paypay.apiKey',
  'paypay.apiSecret',
];

function PaymentSettingsForm({ initial, tenant }: { initial: Payments; tenant: string }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [view, setView] = useState(initial);
  const [provider, setProvider] = useState(initial.provider);
  // Typed secrets, by path; empty means "keep the stored one".
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [cleared, setCleared] = useState<Record<string, boolean>>({});
  const [merchantId, setMerchantId] = useState(initial.paypay.merchantId ?? '');
  const [environment, setEnvironment] = useState(initial.paypay.environment);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const secretValue = (path: string) => {
    if (cleared[path]) return null;
    const value = typed[path]?.trim();
    return value ? value : undefined;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    setError(null);
    setFieldErrors({});
    // Only the chosen provider's credentials are sent: the other provider's stay as stored.
    const json: PaymentsInput =
      provider === 'stripe'
        ? {
            provider,
            stripe: {
              secretKey: secretValue('stripe.secretKey'),
              webhookSecret: secretValue('stripe.webhookSecret'),
            },
          }
        : provider === 'paypay'
          ? {
              provider,
              paypay: {
                apiKey: secretValue('paypay.apiKey'),
                apiSecret: secretValue('paypay.apiSecret'),
                merchantId: merchantId.trim() || (view.paypay.merchantId ? null : undefined),
                environment,
              },
            }
          : { provider };
    try {
      const answer = await ok(api.admin.settings.payments.$put({ json }));
      setView(answer.payments);
      setTyped({});
      setCleared({});
      setNotice(t('common.saved'));
    } catch (caught) {
      const details = caught instanceof ApiError ? caught.details : [];
      const byPath: Record<string, string> = {};
      for (const detail of details) byPath[detail.path] = inLocale(detail.message, locale);
      setFieldErrors(byPath);
      const shown = details.every((detail) => detail.path in byPath && isField(detail.path));
      if (details.length === 0 || !shown) setError(errorText(caught));
    }
  };

  const secretField = (path: string, label: string, stored: Secret) => (
    <div className="stack" key={path}>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        value={typed[path] ?? ''}
        disabled={cleared[path] ?? false}
        help={`${
          stored.configured
            ? stored.last4
              ? t('admin.secretConfiguredEnd', { last4: stored.last4 })
              : t('admin.secretConfigured')
            : t('admin.secretMissing')
        }${locale === 'ja' ? '。' : '. '}${t('admin.secretKeepHelp')}`}
        error={fieldErrors[path]}
        onChange={(event) => setTyped({ ...typed, [path]: event.target.value })}
      />
      {stored.configured ? (
        <CheckboxField
          label={`${label}: ${t('admin.secretClear')}`}
          checked={cleared[path] ?? false}
          onChange={(event) => setCleared({ ...cleared, [path]: event.target.checked })}
        />
      ) : null}
    </div>
  );

  return (
    <form className="card stack narrow-form" onSubmit={submit} noValidate>
      <SelectField
        label={t('admin.paymentsProvider')}
        value={provider}
        error={fieldErrors.provider}
        onChange={(event) => setProvider(event.target.value as Payments['provider'])}
      >
        <option value="sandbox">{t('admin.paymentsProvider.sandbox')}</option>
        <option value="stripe">{t('admin.paymentsProvider.stripe')}</option>
        <option value="paypay">{t('admin.paymentsProvider.paypay')}</option>
      </SelectField>
      {provider === 'stripe' ? (
        <fieldset className="stack">
          <legend>{t('admin.paymentsProvider.stripe')}</legend>
          <p className="help">{t('admin.stripeWebhookHelp', { tenant })}</p>
          {secretField('stripe.secretKey', t('admin.stripeSecretKey'), view.stripe.secretKey)}
          {secretField(
            'stripe.webhookSecret',
            t('admin.stripeWebhookSecret'),
            view.stripe.webhookSecret,
          )}
        </fieldset>
      ) : null}
      {provider === 'paypay' ? (
        <fieldset className="stack">
          <legend>{t('admin.paymentsProvider.paypay')}</legend>
          {secretField('paypay.apiKey', t('admin.paypayApiKey'), view.paypay.apiKey)}
          {secretField('paypay.apiSecret', t('admin.paypayApiSecret'), view.paypay.apiSecret)}
          <TextField
            label={t('admin.paypayMerchantId')}
            value={merchantId}
            autoComplete="off"
            spellCheck={false}
            error={fieldErrors['paypay.merchantId']}
            onChange={(event) => setMerchantId(event.target.value)}
          />
          <SelectField
            label={t('admin.paypayEnvironment')}
            value={environment}
            error={fieldErrors['paypay.environment']}
            onChange={(event) => setEnvironment(event.target.value as typeof environment)}
          >
            <option value="sandbox">{t('admin.paypayEnvironment.sandbox')}</option>
            <option value="production">{t('admin.paypayEnvironment.production')}</option>
          </SelectField>
        </fieldset>
      ) : null}
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

/** Whether a problem's path is a field this form shows its error beside. */
function isField(path: string): boolean {
  return (
    secretKeys.includes(path) ||
    path === 'provider' ||
    path === 'paypay.merchantId' ||
    path === 'paypay.environment'
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
