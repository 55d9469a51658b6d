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
