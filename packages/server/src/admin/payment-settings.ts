import { vValidator } from '@hono/valibot-validator';
import * as v from 'valibot';
import { writeWithAudit } from '../audit/service';
import { AppError, type FieldProblem } from '../http/errors';
import { problemMessage } from '../http/validate';
import {
  loadPaymentSettings,
  type PaymentSettings,
  paymentSettingsUpsert,
  providerNames,
  type StoredPayPay,
  type StoredStripe,
} from '../payments/credentials';
import type { AdminContext } from './context';

// Messages of our own checks, already "日本語 / English"; valibot's are translated by kind.
const ours = new Set<string>();
const say = (ja: string, en: string) => {
  const text = `${ja} / ${en}`;
  ours.add(text);
  return text;
};

// Keys and secrets are printable ASCII without spaces; a line break would be a pasting mistake.
const token = (pattern: RegExp, message: string) =>
  v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(255), v.regex(pattern, message)));

/**
 * A change to the tenant's payment settings. A secret left out keeps the stored one; `null`
 * clears it. The chosen provider must end up with all its credentials.
 */
export const paymentSettingsSchema = v.strictObject({
  provider: v.picklist(providerNames),
  stripe: v.optional(
    v.strictObject({
      secretKey: v.optional(
        token(
          /^sk_[\x21-\x7e]{8,250}$/,
          say(
            'Stripe のシークレットキーは sk_ で始まる文字列です',
            'The Stripe secret key starts with sk_',
          ),
        ),
      ),
      webhookSecret: v.optional(
        token(
          /^whsec_[\x21-\x7e]{8,250}$/,
          say(
            'Webhook の署名シークレットは whsec_ で始まる文字列です',
            'The webhook signing secret starts with whsec_',
          ),
        ),
      ),
    }),
  ),
  paypay: v.optional(
    v.strictObject({
      apiKey: v.optional(
        token(
          /^[\x21-\x7e]{1,255}$/,
          say('API キーに使えない文字が含まれています', 'The API key has characters not allowed'),
        ),
      ),
      apiSecret: v.optional(
        token(
          /^[\x21-\x7e]{1,255}$/,
          say(
            'API シークレットに使えない文字が含まれています',
            'The API secret has characters not allowed',
          ),
        ),
      ),
      merchantId: v.optional(
        token(
          /^[0-9A-Za-z_-]{1,64}$/,
          say('加盟店 ID は英数字で入力してください', 'The merchant ID is letters and digits only'),
        ),
      ),
      environment: v.optional(v.picklist(['sandbox', 'production'])),
    }),
  ),
});

/** A change to the payment settings, as validated. */
export type PaymentSettingsInput = v.InferOutput<typeof paymentSettingsSchema>;

/**
 * Validates the payment settings body: 400 `validation_failed` with each problem's path, our
 * own checks in their own Japanese and English, the rest as `validate` words them.
 */
export const validatePaymentSettings = vValidator('json', paymentSettingsSchema, (result) => {
  if (!result.success)
    throw new AppError(
      'validation_failed',
      undefined,
      result.issues.map((issue) => ({
        path: v.getDotPath(issue) ?? '',
        message: ours.has(issue.message) ? issue.message : problemMessage(issue),
      })),
    );
});

/** A stored secret as the API shows it: whether it is there, never what it is. */
export interface SecretView {
  configured: boolean;
  /** The last four characters of an API key (not of a secret), to tell keys apart. */
  last4?: string;
}

/** The payment settings as the admin API shows them: no secret ever leaves the server. */
export interface PaymentSettingsView {
  provider: PaymentSettings['provider'];
  stripe: { secretKey: SecretView; webhookSecret: SecretView };
  paypay: {
    apiKey: SecretView;
    apiSecret: SecretView;
    merchantId: string | null;
    environment: 'sandbox' | 'production';
  };
  updatedAt: number | null;
}

const secret = (value: string | undefined, showEnd = false): SecretView =>
  value
    ? { configured: true, ...(showEnd && value.length >= 12 ? { last4: value.slice(-4) } : {}) }
    : { configured: false };

function toView(settings: PaymentSettings): PaymentSettingsView {
  return {
    provider: settings.provider,
    stripe: {
      secretKey: secret(settings.stripe.secretKey, true),
      webhookSecret: secret(settings.stripe.webhookSecret),
    },
    paypay: {
      apiKey: secret(settings.paypay.apiKey, true),
      apiSecret: secret(settings.paypay.apiSecret),
      merchantId: settings.paypay.merchantId ?? null,
      environment: settings.paypay.environment ?? 'sandbox',
    },
    updatedAt: settings.updatedAt,
  };
}

/** The tenant's payment provider and which credentials are stored. */
export async function getPaymentSettings(
  ctx: AdminContext,
  masterKey: Buffer,
): Promise<PaymentSettingsView> {
  return toView(await loadPaymentSettings(ctx.db, masterKey, ctx.tenantSlug));
}

/** Applies given values over stored ones: left out keeps, null clears; names what changed. */
function merge<T extends object>(
  stored: T,
  given: { [K in keyof T]?: T[K] | null } | undefined,
  prefix: string,
  changed: string[],
): T {
  const next: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  for (const [key, value] of Object.entries(given ?? {})) {
    if (value === undefined) continue;
    const before = next[key];
    if (value === null) delete next[key];
    else next[key] = value;
    if (before !== next[key]) changed.push(`${prefix}.${key}`);
  }
  return next as T;
}

const missing: Record<string, string> = {
  'stripe.secretKey': say(
    'Stripe を使うにはシークレットキーを入力してください',
    'Enter the secret key to use Stripe',
  ),
  'stripe.webhookSecret': say(
    'Stripe を使うには Webhook の署名シークレットを入力してください',
    'Enter the webhook signing secret to use Stripe',
  ),
  'paypay.apiKey': say(
    'PayPay を使うには API キーを入力してください',
    'Enter the API key to use PayPay',
  ),
  'paypay.apiSecret': say(
    'PayPay を使うには API シークレットを入力してください',
    'Enter the API secret to use PayPay',
  ),
  'paypay.merchantId': say(
    'PayPay を使うには加盟店 ID を入力してください',
    'Enter the merchant ID to use PayPay',
  ),
};

/**
 * Changes the tenant's payment settings. The chosen provider must have every credential it
 * needs afterwards (400 naming the missing ones); the change is written in one batch with an
 * audit entry naming what changed, never the values.
 */
export async function updatePaymentSettings(
  ctx: AdminContext,
  masterKey: Buffer,
  input: PaymentSettingsInput,
  ip: string | undefined,
): Promise<{ view: PaymentSettingsView; changed: string[] }> {
  const stored = await loadPaymentSettings(ctx.db, masterKey, ctx.tenantSlug);
  const changed: string[] = [];
  if (input.provider !== stored.provider) changed.push('provider');
  const stripe = merge<StoredStripe>(stored.stripe, input.stripe, 'stripe', changed);
  const paypay = merge<StoredPayPay>(stored.paypay, input.paypay, 'paypay', changed);
  if (input.paypay && !paypay.environment) paypay.environment = 'sandbox';
  const next = { provider: input.provider, stripe, paypay };
  const needed =
    input.provider === 'stripe'
      ? (['secretKey', 'webhookSecret'] as const).filter((key) => !stripe[key])
      : input.provider === 'paypay'
        ? (['apiKey', 'apiSecret', 'merchantId'] as const).filter((key) => !paypay[key])
        : [];
  if (needed.length > 0) {
    const details: FieldProblem[] = needed.map((key) => {
      const path = `${input.provider}.${key}`;
      return { path, message: missing[path] ?? path };
    });
    throw new AppError('validation_failed', undefined, details);
  }
  if (changed.length > 0)
    await writeWithAudit(
      ctx.db,
      [paymentSettingsUpsert(ctx.db, masterKey, ctx.tenantSlug, next, ctx.now)],
      [
        {
          actorType: 'staff',
          actorId: ctx.actorId,
          action: 'settings.payments_update',
          targetId: 'payment_settings',
          ...(ip ? { ip } : {}),
          details: { provider: input.provider, changed },
        },
      ],
      ctx.now,
    );
  return {
    view: toView(await loadPaymentSettings(ctx.db, masterKey, ctx.tenantSlug)),
    changed,
  };
}
