import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, paymentSettings } from '../db/tenant-schema';
import { loadPaymentSettings, openCredentials, sealCredentials } from '../payments/credentials';
import { createHarness } from '../testing/harness';
import type { PaymentSettingsView } from './payment-settings';
import { type ErrorAnswer, type Harness, send, settingsWorld } from './test-support';

let h: Harness;
let admin: string;
let otherAdmin: string;
let reviewer: string;

const stripeKey = 'sk_test_51HxPlainSecretKeyValue9876';
const stripeHook = 'whsec_PlainWebhookSigningSecret1234';
const paypayKey = 'a_PlainPayPayApiKey_5678';
const paypaySecret = 'PlainPayPayApiSecretValue+/=';

beforeAll(async () => {
  h = await createHarness();
  ({ admin, otherAdmin, reviewer } = await settingsWorld(h));
});
afterAll(() => h.close());

type Answer = { payments: PaymentSettingsView } & ErrorAnswer;
const read = (cookie = admin) => send<Answer>(h, 'GET', '/api/admin/settings/payments', { cookie });
const write = (body: unknown, cookie = admin) =>
  send<Answer>(h, 'PUT', '/api/admin/settings/payments', { cookie, body });
const masterKey = () => h.registry.settings.masterKey;

async function rawRow(slug = 'midori') {
  const db = await h.registry.database(slug);
  return db.query.paymentSettings.findFirst({ where: eq(paymentSettings.id, 1) });
}

describe('GET /api/admin/settings/payments', () => {
  test('a new tenant takes payments with the sandbox and has no credentials', async () => {
    const answer = await read();
    expect(answer.status).toBe(200);
    expect(answer.body.payments).toEqual({
      provider: 'sandbox',
      stripe: { secretKey: { configured: false }, webhookSecret: { configured: false } },
      paypay: {
        apiKey: { configured: false },
        apiSecret: { configured: false },
        merchantId: null,
        environment: 'sandbox',
      },
      updatedAt: null,
    });
  });
});

describe('PUT /api/admin/settings/payments', () => {
  test('stores Stripe sealed, shows only "configured" and a key end, audits the names', async () => {
    h.advance(1000);
    const answer = await write({
      provider: 'stripe',
      stripe: { secretKey: stripeKey, webhookSecret: stripeHook },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.payments.provider).toBe('stripe');
    expect(answer.body.payments.stripe).toEqual({
      secretKey: { configured: true, last4: '9876' },
      webhookSecret: { configured: true },
    });
    expect(answer.body.payments.updatedAt).toBe(h.now());
    expect((await read()).body.payments).toEqual(answer.body.payments);
    const db = await h.registry.database('midori');
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'settings.payments_update'));
    expect(entry?.details).toEqual({
      provider: 'stripe',
      changed: ['provider', 'stripe.secretKey', 'stripe.webhookSecret'],
    });
    // The provider is now built from the stored credentials.
    const stored = await loadPaymentSettings(db, masterKey(), 'midori');
    expect(stored.stripe).toEqual({ secretKey: stripeKey, webhookSecret: stripeHook });
  });

  test('a secret left out is kept; only the changed one is named', async () => {
    const answer = await write({
      provider: 'stripe',
      stripe: { webhookSecret: 'whsec_another_one_2' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.payments.stripe.secretKey).toEqual({ configured: true, last4: '9876' });
    const db = await h.registry.database('midori');
    const entries = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'settings.payments_update'));
    expect(entries.at(-1)?.details).toEqual({
      provider: 'stripe',
      changed: ['stripe.webhookSecret'],
    });
    await write({ provider: 'stripe', stripe: { webhookSecret: stripeHook } });
  });

  test('PayPay with its merchant and environment; switching keeps the Stripe keys', async () => {
    const answer = await write({
      provider: 'paypay',
      paypay: {
        apiKey: paypayKey,
        apiSecret: paypaySecret,
        merchantId: '123456789012345678',
        environment: 'production',
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.payments.paypay).toEqual({
      apiKey: { configured: true, last4: '5678' },
      apiSecret: { configured: true },
      merchantId: '123456789012345678',
      environment: 'production',
    });
    expect(answer.body.payments.stripe.secretKey.configured).toBe(true);
  });

  test('null clears a secret of a provider not in use; back to the sandbox', async () => {
    const answer = await write({ provider: 'sandbox', stripe: { secretKey: null } });
    expect(answer.status).toBe(200);
    expect(answer.body.payments.provider).toBe('sandbox');
    expect(answer.body.payments.stripe.secretKey).toEqual({ configured: false });
    expect(answer.body.payments.stripe.webhookSecret).toEqual({ configured: true });
  });

  test.each([
    [
      'a Stripe key without sk_',
      { stripe: { secretKey: 'pk_test_1234567890' } },
      'stripe.secretKey',
      'sk_',
    ],
    [
      'a webhook secret without whsec_',
      { stripe: { webhookSecret: 'secret_1234567890' } },
      'stripe.webhookSecret',
      'whsec_',
    ],
    ['a line break in a key', { paypay: { apiKey: 'abc\ndef' } }, 'paypay.apiKey', 'API キー'],
    ['an unknown provider', { provider: 'paypal' }, 'provider', '選択肢'],
    [
      'an apiBase from the API',
      { stripe: { apiBase: 'http://127.0.0.1:1' } },
      'stripe.apiBase',
      '',
    ],
  ])(
    'refuses %s with 400 naming the field, in Japanese and English',
    async (_, change, path, words) => {
      const before = await rawRow();
      const answer = await write({ provider: 'stripe', ...change });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
      const detail = answer.body.error.details?.find((d) => d.path === path) as
        | { path: string; message: string }
        | undefined;
      expect(detail?.message).toContain(words);
      expect(detail?.message).toContain(' / ');
      expect(await rawRow()).toEqual(before);
    },
  );

  test('refuses a provider without its credentials, naming each missing one', async () => {
    const answer = await write({ provider: 'stripe' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([
      {
        path: 'stripe.secretKey',
        message:
          'Stripe を使うにはシークレットキーを入力してください / Enter the secret key to use Stripe',
      },
    ]);
    const aoba = await write({ provider: 'paypay', paypay: { apiKey: 'k_12345678' } }, otherAdmin);
    expect(aoba.status).toBe(400);
    expect(aoba.body.error.details?.map((d) => d.path)).toEqual([
      'paypay.apiSecret',
      'paypay.merchantId',
    ]);
    expect((await read()).body.payments.provider).toBe('sandbox');
  });
});

describe('payment settings security', () => {
  test('no secret is stored in plain text or ever answered by the API', async () => {
    await write({
      provider: 'stripe',
      stripe: { secretKey: stripeKey, webhookSecret: stripeHook },
      paypay: { apiKey: paypayKey, apiSecret: paypaySecret, merchantId: '1234' },
    });
    const row = await rawRow();
    const stored = Buffer.concat([
      row?.stripeCredentials ?? Buffer.alloc(0),
      row?.paypayCredentials ?? Buffer.alloc(0),
    ]);
    for (const plain of [stripeKey, stripeHook, paypayKey, paypaySecret, 'sk_test', 'whsec_']) {
      expect(stored.includes(Buffer.from(plain))).toBe(false);
      expect(JSON.stringify(row)).not.toContain(plain);
    }
    const answers = [await read(), await write({ provider: 'stripe' })];
    const text = JSON.stringify(answers.map((a) => a.body));
    for (const plain of [stripeKey, stripeHook, paypayKey, paypaySecret, stripeKey.slice(0, -4)])
      expect(text).not.toContain(plain);
    expect(JSON.stringify(h.logger.lines)).not.toContain(stripeKey);
    const db = await h.registry.database('midori');
    expect(JSON.stringify(await db.select().from(auditLog))).not.toContain(paypaySecret);
  });

  test('a sealed blob opens only for its own tenant and provider', () => {
    const sealed = sealCredentials(masterKey(), 'midori', 'stripe', { secretKey: stripeKey });
    expect(openCredentials(masterKey(), 'midori', 'stripe', sealed)).toEqual({
      secretKey: stripeKey,
    });
    expect(() => openCredentials(masterKey(), 'aoba', 'stripe', sealed)).toThrow();
    expect(() => openCredentials(masterKey(), 'midori', 'paypay', sealed)).toThrow();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    expect(() => openCredentials(masterKey(), 'midori', 'stripe', altered)).toThrow();
  });

  test("another tenant's admin sees and changes only their own settings", async () => {
    const before = await rawRow();
    const theirs = await read(otherAdmin);
    expect(theirs.body.payments.provider).toBe('sandbox');
    expect(theirs.body.payments.stripe.secretKey.configured).toBe(false);
    const changed = await write(
      {
        provider: 'stripe',
        stripe: { secretKey: 'sk_test_aoba_own_key_0000', webhookSecret: 'whsec_aoba_own_0000' },
      },
      otherAdmin,
    );
    expect(changed.status).toBe(200);
    expect(await rawRow()).toEqual(before);
    expect((await read()).body.payments.stripe.secretKey.last4).toBe('9876');
  });

  test('a reviewer (no admin role) is refused 403; no session and forged sessions 401', async () => {
    const before = await rawRow();
    expect((await read(reviewer)).status).toBe(403);
    expect((await write({ provider: 'sandbox' }, reviewer)).status).toBe(403);
    const none = await send<ErrorAnswer>(h, 'GET', '/api/admin/settings/payments');
    expect(none.status).toBe(401);
    const noneWrite = await send<ErrorAnswer>(h, 'PUT', '/api/admin/settings/payments', {
      body: { provider: 'sandbox' },
    });
    expect(noneWrite.status).toBe(401);
    const value = admin.slice(admin.indexOf('=') + 1);
    for (const cookie of [
      'madoguchi_staff=nonsense',
      `madoguchi_staff=${value.slice(0, -1)}${value.at(-1) === 'a' ? 'b' : 'a'}`,
      `madoguchi_staff=${value.replace('midori~', 'aoba~')}`,
    ]) {
      expect((await read(cookie)).status).toBe(401);
      expect((await write({ provider: 'sandbox' }, cookie)).status).toBe(401);
    }
    expect(await rawRow()).toEqual(before);
  });
});
