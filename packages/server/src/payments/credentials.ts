import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { deriveDatabaseKey } from '../db/keys';
import type { TenantDb } from '../db/registry';
import { paymentSettings } from '../db/tenant-schema';
import type { PaymentProvider } from './provider';

/** The providers a tenant can choose for new payments. */
export const providerNames = ['sandbox', 'stripe', 'paypay'] as const;
/** One of `providerNames`. */
export type ProviderName = PaymentProvider['name'];

/**
 * A tenant's Stripe credentials as stored; any of them may be missing until the admin gives it.
 * `apiBase` is never set through the admin API: tests store it directly to reach a local stand-in.
 */
export interface StoredStripe {
  secretKey?: string;
  webhookSecret?: string;
  apiBase?: string;
}

/** A tenant's PayPay credentials as stored (`apiBase` as for Stripe: tests only). */
export interface StoredPayPay {
  apiKey?: string;
  apiSecret?: string;
  merchantId?: string;
  environment?: 'sandbox' | 'production';
  apiBase?: string;
}

/** The whole payment configuration of a tenant, opened. */
export interface PaymentSettings {
  provider: ProviderName;
  stripe: StoredStripe;
  paypay: StoredPayPay;
  updatedAt: number | null;
}

const ivLength = 12;
const tagLength = 16;

/**
 * What a sealed secret belongs to. `purpose` names the HKDF key (one per tenant and purpose:
 * `<purpose>:<slug>`); `what` is authenticated with the ciphertext as `<slug>/<what>`, so a blob
 * copied to another tenant's row or into another column fails to open.
 */
export interface SealedSecretScope {
  purpose: string;
  slug: string;
  what: string;
}

const scopeKey = (masterKey: Buffer, scope: SealedSecretScope): Buffer =>
  Buffer.from(deriveDatabaseKey(masterKey, `${scope.purpose}:${scope.slug}`), 'hex');
const scopeData = (scope: SealedSecretScope) => Buffer.from(`${scope.slug}/${scope.what}`, 'utf8');

/**
 * Seals a secret value (as JSON): AES-256-GCM under the scope's HKDF key, the scope as associated
 * data, random IV, stored as `iv | tag | ciphertext`. Payment credentials and the tenant's card
 * client key (card-auth/tenant-settings.ts) are both sealed with it.
 */
export function sealSecret(masterKey: Buffer, scope: SealedSecretScope, value: unknown): Buffer {
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', scopeKey(masterKey, scope), iv);
  cipher.setAAD(scopeData(scope));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Opens a sealed secret; an altered or foreign blob throws (GCM tag), never reads as garbage. */
export function openSecret(masterKey: Buffer, scope: SealedSecretScope, sealed: Buffer): unknown {
  if (sealed.length < ivLength + tagLength) throw new Error(`sealed ${scope.what} is truncated`);
  const decipher = createDecipheriv(
    'aes-256-gcm',
    scopeKey(masterKey, scope),
    sealed.subarray(0, ivLength),
  );
  decipher.setAAD(scopeData(scope));
  decipher.setAuthTag(sealed.subarray(ivLength, ivLength + tagLength));
  const plain = Buffer.concat([
    decipher.update(sealed.subarray(ivLength + tagLength)),
    decipher.final(),
  ]);
  return JSON.parse(plain.toString('utf8'));
}

// The tenant's credentials key is HKDF from the master key for `payment-credentials:<slug>`;
// the tenant and provider are authenticated with the ciphertext (`<slug>/payments/<provider>`).
const paymentScope = (slug: string, provider: ProviderName): SealedSecretScope => ({
  purpose: 'payment-credentials',
  slug,
  what: `payments/${provider}`,
});

/** Seals one provider's credentials (`sealSecret` under the payment scope). */
export function sealCredentials(
  masterKey: Buffer,
  slug: string,
  provider: ProviderName,
  value: object,
): Buffer {
  return sealSecret(masterKey, paymentScope(slug, provider), value);
}

const stripeStored = v.object({
  secretKey: v.optional(v.string()),
  webhookSecret: v.optional(v.string()),
  apiBase: v.optional(v.string()),
});
const paypayStored = v.object({
  apiKey: v.optional(v.string()),
  apiSecret: v.optional(v.string()),
  merchantId: v.optional(v.string()),
  environment: v.optional(v.picklist(['sandbox', 'production'])),
  apiBase: v.optional(v.string()),
});

/** Opens sealed credentials; an altered or foreign blob throws (GCM tag), never reads as garbage. */
export function openCredentials(
  masterKey: Buffer,
  slug: string,
  provider: ProviderName,
  sealed: Buffer,
): unknown {
  return openSecret(masterKey, paymentScope(slug, provider), sealed);
}

/** The tenant's payment settings, opened; the sandbox with nothing stored when there is no row. */
export async function loadPaymentSettings(
  db: TenantDb,
  masterKey: Buffer,
  slug: string,
): Promise<PaymentSettings> {
  const row = await db.query.paymentSettings.findFirst({ where: eq(paymentSettings.id, 1) });
  if (!row) return { provider: 'sandbox', stripe: {}, paypay: {}, updatedAt: null };
  const stripe = row.stripeCredentials
    ? v.parse(stripeStored, openCredentials(masterKey, slug, 'stripe', row.stripeCredentials))
    : {};
  const paypay = row.paypayCredentials
    ? v.parse(paypayStored, openCredentials(masterKey, slug, 'paypay', row.paypayCredentials))
    : {};
  return { provider: row.provider, stripe, paypay, updatedAt: row.updatedAt };
}

const isEmpty = (value: object) => Object.values(value).every((item) => item === undefined);

/**
 * The statement that writes the tenant's payment settings (the one row), each provider's
 * credentials sealed on their own; not run, so a caller can batch it with its audit entry.
 * Callers check the settings first; this stores what it is given.
 */
export function paymentSettingsUpsert(
  db: TenantDb,
  masterKey: Buffer,
  slug: string,
  settings: Omit<PaymentSettings, 'updatedAt'>,
  now: number,
) {
  const values = {
    provider: settings.provider,
    stripeCredentials: isEmpty(settings.stripe)
      ? null
      : sealCredentials(masterKey, slug, 'stripe', settings.stripe),
    paypayCredentials: isEmpty(settings.paypay)
      ? null
      : sealCredentials(masterKey, slug, 'paypay', settings.paypay),
    updatedAt: now,
  };
  return db
    .insert(paymentSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: paymentSettings.id, set: values });
}

/** Writes the tenant's payment settings at once (tests and tools; the admin API batches). */
export async function storePaymentSettings(
  db: TenantDb,
  masterKey: Buffer,
  slug: string,
  settings: Omit<PaymentSettings, 'updatedAt'>,
  now: number,
): Promise<void> {
  await paymentSettingsUpsert(db, masterKey, slug, settings, now);
}
