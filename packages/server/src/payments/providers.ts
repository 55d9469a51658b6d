import type { TenantDb } from '../db/registry';
import type { AppDeps } from '../deps';
import { AppError } from '../http/errors';
import type { PaymentProvider } from './provider';
import { sandboxProvider } from './sandbox';

/**
 * The provider a tenant's payment was made with. Only the built-in sandbox is wired to tenants
 * so far; Stripe and PayPay need the tenant's encrypted credentials (not built yet).
 */
export function paymentProviderFor(
  deps: AppDeps,
  slug: string,
  name: PaymentProvider['name'],
): PaymentProvider {
  if (name === 'sandbox')
    return sandboxProvider({
      masterKey: deps.registry.settings.masterKey,
      slug,
      publicOrigin: deps.config.PUBLIC_ORIGIN,
    });
  throw new AppError('conflict', {
    ja: 'この決済事業者の設定がありません',
    en: 'This payment provider is not configured',
  });
}

/**
 * The provider a tenant takes new payments with. Only the sandbox until the tenant's provider
 * settings exist (issue 7); callers that start a payment use this, never a provider by name.
 */
export async function tenantPaymentProvider(
  deps: AppDeps,
  tenant: { slug: string },
  _db: TenantDb,
): Promise<PaymentProvider> {
  return paymentProviderFor(deps, tenant.slug, 'sandbox');
}
