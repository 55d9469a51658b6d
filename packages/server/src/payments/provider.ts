import type { ProviderEventKind } from './ledger';

/** A provider event after its signature was verified: provider-neutral. */
export interface VerifiedEvent {
  eventId: string;
  /** Our payment id, as we gave it to the provider when creating the payment. */
  paymentId: string;
  kind: ProviderEventKind;
  amount: number;
}

/** What a payment provider does for us; one implementation per provider (ARCHITECTURE §5). */
export interface PaymentProvider {
  readonly name: 'sandbox' | 'stripe' | 'paypay';
  /** Creates the payment at the provider; the same payment id gives the same payment (idempotent). */
  createPayment(input: {
    paymentId: string;
    amount: number;
    description: string;
    returnUrl: string;
  }): Promise<{ providerRef: string; payUrl: string }>;
  /** Verifies a webhook's signature and reads it; a forged or altered one throws. */
  verifyWebhook(rawBody: string, headers: Headers, now: number): Promise<VerifiedEvent>;
  /** Refunds a paid payment in full. */
  refund(payment: { id: string; providerRef: string | null; amount: number }): Promise<void>;
}
