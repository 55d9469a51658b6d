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
    /** What an earlier call answered as `providerRef`, when the payment was created before. */
    providerRef?: string | null;
  }): Promise<{ providerRef: string; payUrl: string }>;
  /** Verifies a webhook's signature and reads it; a forged or altered one throws. */
  verifyWebhook(rawBody: string, headers: Headers, now: number): Promise<VerifiedEvent>;
  /**
   * Asks the provider what became of a payment, for providers that report by polling (PayPay):
   * the events its current status stands for, each with an id that is the same on every poll.
   */
  poll?(payment: { id: string; providerRef: string | null }): Promise<VerifiedEvent[]>;
  /** Refunds a paid payment in full. */
  refund(payment: { id: string; providerRef: string | null; amount: number }): Promise<void>;
}
