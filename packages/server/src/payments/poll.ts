import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '../db/registry';
import { payments } from '../db/tenant-schema';
import type { AppDeps } from '../deps';
import { AppError } from '../http/errors';
import type { PaymentProvider } from './provider';
import { type ProviderKeys, paymentProviderFor, storedProvider } from './providers';
import { type PaymentMailLinks, recordPaymentEvent } from './service';

/** How many waiting payments one pass asks a provider about, per tenant. */
const batchSize = 200;

/**
 * Asks the provider what became of one payment and records each event its answer stands for
 * through the same log as webhooks (once per event id, so polling again changes nothing).
 * Providers that report by webhook only have nothing to poll: the state is answered as it is.
 */
export async function pollPayment(
  db: TenantDb,
  provider: PaymentProvider,
  payment: { id: string; providerRef: string | null; state: string },
  now: number,
  links?: PaymentMailLinks,
): Promise<string> {
  if (!provider.poll) return payment.state;
  let state = payment.state;
  for (const event of await provider.poll(payment))
    state = (await recordPaymentEvent(db, provider.name, event, now, links)).state;
  return state;
}

/**
 * The payment worker's polling pass for one tenant: every payment still `requested` with a
 * provider that reports by polling (PayPay). A tenant without PayPay credentials has none.
 * @returns how many payments changed state.
 */
export async function pollWaitingPayments(
  db: TenantDb,
  keys: ProviderKeys,
  slug: string,
  now: number,
): Promise<number> {
  const waiting = await db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, 'paypay'), eq(payments.state, 'requested')))
    .limit(batchSize);
  if (waiting.length === 0) return 0;
  const provider = await storedProvider(keys, slug, db, 'paypay');
  let changed = 0;
  // The payment mails link back to the tenant's pages.
  const links = { publicOrigin: keys.publicOrigin, tenant: { slug } };
  for (const payment of waiting)
    if ((await pollPayment(db, provider, payment, now, links)) !== payment.state) changed++;
  return changed;
}

/**
 * Reads one payment's state from its provider now (when the resident comes back to the status
 * page from PayPay) and answers the state after recording what the provider said.
 * @example const state = await refreshPayment(deps, tenant, db, paymentId);
 */
export async function refreshPayment(
  deps: AppDeps,
  tenant: { slug: string },
  db: TenantDb,
  paymentId: string,
): Promise<string> {
  const payment = await db.query.payments.findFirst({ where: eq(payments.id, paymentId) });
  if (!payment) throw new AppError('not_found');
  if (payment.state !== 'requested') return payment.state;
  const provider = await paymentProviderFor(deps, tenant.slug, payment.provider);
  return pollPayment(db, provider, payment, deps.now(), {
    publicOrigin: deps.config.PUBLIC_ORIGIN,
    tenant,
  });
}
