import type { TenantDb } from '../db/registry';
import type { AppDeps } from '../deps';
import { AppError } from '../http/errors';
import { loadPaymentSettings, type PaymentSettings, type ProviderName } from './credentials';
import { paypayProvider } from './paypay';
import type { PaymentProvider } from './provider';
import { sandboxProvider } from './sandbox';
import { stripeProvider } from './stripe';

/** What building a provider needs besides the tenant's stored settings. */
export interface ProviderKeys {
  masterKey: Buffer;
  /** Where the sandbox's pay page is; only the sandbox needs it. */
  publicOrigin: string;
}

const notConfigured = () =>
  new AppError('conflict', {
    ja: 'この決済事業者の設定がありません',
    en: 'This payment provider is not configured',
  });

/** A provider from the tenant's opened settings; a provider without its credentials is 409. */
export function providerFromSettings(
  keys: ProviderKeys,
  slug: string,
  settings: PaymentSettings,
  name: ProviderName,
): PaymentProvider {
  if (name === 'sandbox')
    return sandboxProvider({ masterKey: keys.masterKey, slug, publicOrigin: keys.publicOrigin });
  if (name === 'stripe') {
    const { secretKey, webhookSecret, apiBase } = settings.stripe;
    if (!secretKey || !webhookSecret) throw notConfigured();
    return stripeProvider({ secretKey, webhookSecret, ...(apiBase ? { apiBase } : {}) });
  }
  const { apiKey, apiSecret, merchantId, environment, apiBase } = settings.paypay;
  if (!apiKey || !apiSecret || !merchantId || !environment) throw notConfigured();
  return paypayProvider({
    apiKey,
    apiSecret,
    merchantId,
    environment,
    ...(apiBase ? { apiBase } : {}),
  });
}

/** A provider by name, built from the credentials the tenant has stored. */
export async function storedProvider(
  keys: ProviderKeys,
  slug: string,
  db: TenantDb,
  name: ProviderName,
): Promise<PaymentProvider> {
  if (name === 'sandbox') return providerFromSettings(keys, slug, emptySettings, name);
  return providerFromSettings(
    keys,
    slug,
    await loadPaymentSettings(db, keys.masterKey, slug),
    name,
  );
}

const emptySettings: PaymentSettings = {
  provider: 'sandbox',
  stripe: {},
  paypay: {},
  updatedAt: null,
};

const keysOf = (deps: AppDeps): ProviderKeys => ({
  masterKey: deps.registry.settings.masterKey,
  publicOrigin: deps.config.PUBLIC_ORIGIN,
});

/**
 * The provider a tenant's payment was made with (for refunds and polling of an existing payment):
 * built from the tenant's stored credentials, whichever provider the tenant takes new payments with.
 */
export async function paymentProviderFor(
  deps: AppDeps,
  slug: string,
  name: PaymentProvider['name'],
): Promise<PaymentProvider> {
  return storedProvider(keysOf(deps), slug, await deps.registry.database(slug), name);
}

/**
 * The provider a tenant takes new payments with: the one chosen in its payment settings (the
 * sandbox when none is). Callers that start a payment use this, never a provider by name.
 */
export async function tenantPaymentProvider(
  deps: AppDeps,
  tenant: { slug: string },
  db: TenantDb,
): Promise<PaymentProvider> {
  const settings = await loadPaymentSettings(db, deps.registry.settings.masterKey, tenant.slug);
  return providerFromSettings(keysOf(deps), tenant.slug, settings, settings.provider);
}
