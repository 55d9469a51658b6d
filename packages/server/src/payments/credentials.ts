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

/** The tenant's credentials key: HKDF from the master key, bound to this tenant. */
function credentialsKey(masterKey: Buffer, slug: string): Buffer {
  return Buffer.from(deriveDatabaseKey(masterKey, `payment-credentials:${slug}`), 'hex');
}

// The tenant and provider are authenticated with the ciphertext: a blob copied to another
// tenant's row or into the other provider's column fails to open.
const associatedData = (slug: string, provider: ProviderName) =>
  Buffer.from(`${slug}/payments/${provider}`, 'utf8');

/** Seals one provider's credentials: AES-256-GCM, random IV, stored as `iv | tag | ciphertext`. */
export function sealCredentials(
  masterKey: Buffer,
  slug: string,
  provider: ProviderName,
  value: object,
): Buffer {
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', credentialsKey(masterKey, slug), iv);
  cipher.setAAD(associatedData(slug, provider));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
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
  if (sealed.length < ivLength + tagLength) throw new Error('payment credentials are truncated');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    credentialsKey(masterKey, slug),
    sealed.subarray(0, ivLength),
  );
  decipher.setAAD(associatedData(slug, provider));
  decipher.setAuthTag(sealed.subarray(ivLength, ivLength + tagLength));
  const plain = Buffer.concat([
    decipher.update(sealed.subarray(ivLength + tagLength)),
    decipher.final(),
  ]);
  return JSON.parse(plain.toString('utf8'));
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
