import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { paymentSettings } from '../db/tenant-schema';
import { createHarness } from '../testing/harness';
import { storePaymentSettings } from './credentials';
import { paymentProviderFor, tenantPaymentProvider } from './providers';

let h: Awaited<ReturnType<typeof createHarness>>;

beforeAll(async () => {
  h = await createHarness();
  await h.tenantWithAdmin('midori', '131041');
  await h.tenantWithAdmin('aoba', '141003');
});
afterAll(() => h.close());

const stripe = { secretKey: 'sk_test_midori_0000', webhookSecret: 'whsec_midori_0000' };

describe('providers from the tenant settings', () => {
  test('a tenant without settings takes payments with the sandbox', async () => {
    const db = await h.registry.database('midori');
    expect((await tenantPaymentProvider(h.deps, { slug: 'midori' }, db)).name).toBe('sandbox');
    await expect(paymentProviderFor(h.deps, 'midori', 'stripe')).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  test("the chosen provider takes new payments; an earlier payment's provider still refunds", async () => {
    const db = await h.registry.database('midori');
    const key = h.registry.settings.masterKey;
    await storePaymentSettings(db, key, 'midori', { provider: 'stripe', stripe, paypay: {} }, 1);
    expect((await tenantPaymentProvider(h.deps, { slug: 'midori' }, db)).name).toBe('stripe');
    await storePaymentSettings(db, key, 'midori', { provider: 'sandbox', stripe, paypay: {} }, 2);
    expect((await tenantPaymentProvider(h.deps, { slug: 'midori' }, db)).name).toBe('sandbox');
    expect((await paymentProviderFor(h.deps, 'midori', 'stripe')).name).toBe('stripe');
    await expect(paymentProviderFor(h.deps, 'midori', 'paypay')).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  test("one tenant's credentials are not another's", async () => {
    await expect(paymentProviderFor(h.deps, 'aoba', 'stripe')).rejects.toMatchObject({
      code: 'conflict',
    });
    // midori's sealed row copied into aoba's database does not open there.
    const midori = await h.registry.database('midori');
    const aoba = await h.registry.database('aoba');
    const row = await midori.query.paymentSettings.findFirst();
    if (!row) throw new Error('no row');
    await aoba.insert(paymentSettings).values({ ...row, provider: 'stripe' });
    await expect(tenantPaymentProvider(h.deps, { slug: 'aoba' }, aoba)).rejects.toThrow();
  });
});
