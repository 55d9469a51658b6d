import Stripe from 'stripe';
import type { PaymentProvider, VerifiedEvent } from './provider';
import { WebhookSignatureError } from './sandbox';

/** A tenant's Stripe account, as held (encrypted) in its settings. */
export interface StripeCredentials {
  secretKey: string;
  webhookSecret: string;
  /** Tests point the SDK at a local stand-in: `http://127.0.0.1:<port>`. */
  apiBase?: string;
}

/** The Stripe events that move a payment, and what they mean for it. */
const kinds: Record<string, VerifiedEvent['kind']> = {
  'checkout.session.completed': 'succeeded',
  'checkout.session.async_payment_succeeded': 'succeeded',
  'checkout.session.async_payment_failed': 'failed',
  'checkout.session.expired': 'expired',
};

/** An event that does not concern a payment of ours (answered 200, not recorded). */
export class IgnoredEvent extends Error {}

/**
 * Stripe through its official SDK: a Checkout Session in JPY (a zero-decimal currency, so the
 * amount is in yen as it is), created with our payment id as the idempotency key and as
 * `client_reference_id`; webhooks verified by the SDK with the endpoint's signing secret.
 */
export function stripeProvider(credentials: StripeCredentials): PaymentProvider {
  const base = credentials.apiBase ? new URL(credentials.apiBase) : undefined;
  const stripe = new Stripe(credentials.secretKey, {
    telemetry: false,
    maxNetworkRetries: 1,
    ...(base
      ? {
          host: base.hostname,
          port: base.port,
          protocol: base.protocol === 'http:' ? 'http' : 'https',
        }
      : {}),
  });
  return {
    name: 'stripe',
    async createPayment({ paymentId, amount, description, returnUrl }) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          client_reference_id: paymentId,
          metadata: { paymentId },
          payment_intent_data: { metadata: { paymentId } },
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: 'jpy',
                unit_amount: amount,
                product_data: { name: description },
              },
            },
          ],
          success_url: returnUrl,
          cancel_url: returnUrl,
        },
        { idempotencyKey: `checkout:${paymentId}` },
      );
      if (!session.url) throw new Error('Stripe returned a session without a URL');
      return { providerRef: session.id, payUrl: session.url };
    },
    async verifyWebhook(rawBody, headers): Promise<VerifiedEvent> {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(
          rawBody,
          headers.get('stripe-signature') ?? '',
          credentials.webhookSecret,
        );
      } catch (error) {
        throw new WebhookSignatureError((error as Error).message);
      }
      const kind = kinds[event.type];
      if (kind !== undefined && event.data.object.object === 'checkout.session') {
        const session = event.data.object as Stripe.Checkout.Session;
        const paymentId = session.client_reference_id ?? session.metadata?.paymentId;
        if (!paymentId) throw new IgnoredEvent(event.type);
        // A completed session paid later (bank transfer) is not money yet.
        if (kind === 'succeeded' && session.payment_status !== 'paid')
          throw new IgnoredEvent('not paid yet');
        return { eventId: event.id, paymentId, kind, amount: session.amount_total ?? 0 };
      }
      if (event.type === 'charge.refunded') {
        const charge = event.data.object as Stripe.Charge;
        const paymentId = charge.metadata?.paymentId;
        if (!paymentId || charge.amount_refunded < charge.amount) throw new IgnoredEvent('partial');
        return { eventId: event.id, paymentId, kind: 'refunded', amount: charge.amount };
      }
      throw new IgnoredEvent(event.type);
    },
    async refund(payment) {
      if (!payment.providerRef) throw new Error('no Checkout Session to refund');
      const session = await stripe.checkout.sessions.retrieve(payment.providerRef);
      const intent =
        typeof session.payment_intent === 'string'
          ? session.payment_intent
          : session.payment_intent?.id;
      if (!intent) throw new Error('the session has no payment to refund');
      await stripe.refunds.create(
        { payment_intent: intent },
        { idempotencyKey: `refund:${payment.id}` },
      );
    },
  };
}
