import type { InferResponseType } from 'hono/client';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ApiError, ok } from '../../api/errors';
import { useTitle } from '../../app/router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Async, useErrorText, useLoad } from '../../ui/async';
import { FormFooter } from '../../ui/FormFooter';
import { CheckboxField, SelectField, TextArea, TextField } from '../../ui/fields';

type Settings = InferResponseType<typeof api.admin.settings.$get, 200>['settings'];
type Payments = InferResponseType<typeof api.admin.settings.payments.$get, 200>['payments'];
type PaymentsInput = Parameters<typeof api.admin.settings.payments.$put>[0]['json'];
type Secret = Payments['stripe']['secretKey'];
type CardAuth = InferResponseType<
  (typeof api.admin.settings)['card-auth']['$get'],
  200
>['cardAuth'];
type CardAuthInput = Parameters<(typeof api.admin.settings)['card-auth']['$put']>[0]['json'];

/**
 * The municipality's mail sender, reply-to, signature and alert default, its payments and its
 * My Number card authentication provider.
 */
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
      <CardAuthSettingsSection />
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
      <FormFooter error={error} notice={notice} />
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

/**
 * The 「マイナンバーカード認証」 section: which provider the municipality's card flow uses, and for
 * the Digital Agency's app its issuer and client id. The key is created on the server ("鍵を作成");
 * the redirect URI and the public JWK to register are shown read-only, to copy.
 */
export function CardAuthSettingsSection() {
  const { t } = useI18n();
  const cardAuth = useLoad(() => ok(api.admin.settings['card-auth'].$get()), []);
  return (
    <section aria-labelledby="card-auth-heading">
      <h2 id="card-auth-heading">{t('admin.cardAuth')}</h2>
      <Async state={cardAuth}>{(data) => <CardAuthForm initial={data.cardAuth} />}</Async>
    </section>
  );
}

const cardFields = ['provider', 'issuer', 'clientId', 'clientKey'];

/** A read-only value to register elsewhere, selected on focus, with a copy button. */
function CopyField({ label, value, rows }: { label: string; value: string; rows?: number }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const select = (event: { target: HTMLInputElement | HTMLTextAreaElement }) =>
    event.target.select();
  return (
    <div className="stack">
      {rows ? (
        <TextArea
          label={label}
          className="mono wide"
          readOnly
          rows={rows}
          value={value}
          onFocus={select}
        />
      ) : (
        <TextField label={label} className="mono wide" readOnly value={value} onFocus={select} />
      )}
      <div className="row">
        <button type="button" onClick={() => void copy()}>
          {t('admin.copy')}
        </button>
        <span role="status" className="muted">
          {copied ? t('admin.copied') : ''}
        </span>
      </div>
    </div>
  );
}

function CardAuthForm({ initial }: { initial: CardAuth }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [view, setView] = useState(initial);
  const [provider, setProvider] = useState<CardAuth['provider']>(initial.provider);
  const [issuer, setIssuer] = useState(initial.issuer ?? '');
  const [clientId, setClientId] = useState(initial.clientId ?? '');
  const [confirming, setConfirming] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  // The issuers the server's operator allows (CARD_ISSUERS_ALLOWED): none listed means any
  // https issuer, outside production.
  const issuerHelp = (allowed: string[] | null) =>
    allowed === null
      ? {}
      : {
          help:
            allowed.length === 0
              ? t('admin.cardIssuersNone')
              : t('admin.cardIssuersAllowed', {
                  issuers: allowed.join(locale === 'en' ? ', ' : '、'),
                }),
        };

  const showProblem = (caught: unknown) => {
    const details = caught instanceof ApiError ? caught.details : [];
    const byPath: Record<string, string> = {};
    for (const detail of details) byPath[detail.path] = inLocale(detail.message, locale);
    setFieldErrors(byPath);
    if (details.length === 0 || !details.every((detail) => cardFields.includes(detail.path)))
      setError(errorText(caught));
  };
  const reset = () => {
    setNotice('');
    setError(null);
    setFieldErrors({});
  };
  const createKey = async () => {
    reset();
    setConfirming(false);
    try {
      const answer = await ok(api.admin.settings['card-auth'].key.$post());
      setView(answer.cardAuth);
      setNotice(t('admin.cardKeyCreated'));
    } catch (caught) {
      showProblem(caught);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    // The issuer and client id only with oidc; another choice keeps them as stored.
    const given = (typed: string, stored: string | null) =>
      typed.trim() || (stored ? null : undefined);
    const json: CardAuthInput =
      provider === 'oidc'
        ? {
            provider,
            issuer: given(issuer, view.issuer),
            clientId: given(clientId, view.clientId),
          }
        : { provider };
    try {
      const answer = await ok(api.admin.settings['card-auth'].$put({ json }));
      setView(answer.cardAuth);
      setNotice(t('common.saved'));
    } catch (caught) {
      showProblem(caught);
    }
  };
  const modeName = t(`admin.cardProvider.${view.serverDefault}`);

  return (
    <form className="card stack narrow-form" onSubmit={submit} noValidate>
      <SelectField
        label={t('admin.cardProvider')}
        value={provider ?? ''}
        error={fieldErrors.provider}
        onChange={(event) =>
          setProvider(
            event.target.value === ''
              ? null
              : (event.target.value as NonNullable<CardAuth['provider']>),
          )
        }
      >
        <option value="">{t('admin.cardProvider.default', { mode: modeName })}</option>
        {view.localAvailable || provider === 'local' ? (
          <option value="local">{t('admin.cardProvider.local')}</option>
        ) : null}
        <option value="oidc">{t('admin.cardProvider.oidc')}</option>
        <option value="off">{t('admin.cardProvider.off')}</option>
      </SelectField>
      {provider === 'oidc' ? (
        <fieldset className="stack">
          <legend>{t('admin.cardProvider.oidc')}</legend>
          <p className="help">{t('admin.cardRegisterHelp')}</p>
          <TextField
            label={t('admin.cardIssuer')}
            type="url"
            value={issuer}
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
            {...issuerHelp(view.allowedIssuers)}
            error={fieldErrors.issuer}
            onChange={(event) => setIssuer(event.target.value)}
          />
          <TextField
            label={t('admin.cardClientId')}
            value={clientId}
            autoComplete="off"
            spellCheck={false}
            error={fieldErrors.clientId}
            onChange={(event) => setClientId(event.target.value)}
          />
          <fieldset className="stack">
            <legend>{t('admin.cardKey')}</legend>
            <p className="help">
              {view.publicJwk ? '' : `${t('admin.cardKeyMissing')} `}
              {t('admin.cardKeyHelp')}
            </p>
            {fieldErrors.clientKey ? (
              <p className="field-error" id="card-key-error">
                {fieldErrors.clientKey}
              </p>
            ) : null}
            {confirming ? (
              <div className="notice-box stack">
                <p>{t('admin.cardKeyConfirm')}</p>
                <div className="row">
                  <button type="button" className="danger" onClick={() => void createKey()}>
                    {t('admin.cardKeyRecreate')}
                  </button>
                  <button type="button" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </button>
                </div>
              </div>
            ) : (
              <div className="row">
                <button
                  type="button"
                  aria-describedby={fieldErrors.clientKey ? 'card-key-error' : undefined}
                  onClick={() => (view.publicJwk ? setConfirming(true) : void createKey())}
                >
                  {view.publicJwk ? t('admin.cardKeyRecreate') : t('admin.cardKeyCreate')}
                </button>
              </div>
            )}
          </fieldset>
          <CopyField label={t('admin.cardRedirectUri')} value={view.redirectUri} />
          {view.publicJwk ? (
            <CopyField
              label={t('admin.cardPublicJwk')}
              value={JSON.stringify(view.publicJwk, null, 2)}
              rows={9}
            />
          ) : null}
        </fieldset>
      ) : null}
      <FormFooter error={error} notice={notice} />
    </form>
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
      <FormFooter error={error} notice={notice} />
    </form>
  );
}
