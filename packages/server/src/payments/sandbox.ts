import { createHmac, timingSafeEqual } from 'node:crypto';
import * as v from 'valibot';
import { idPattern } from '../db/ids';
import { deriveDatabaseKey } from '../db/keys';
import type { PaymentProvider, VerifiedEvent } from './provider';

/** The header a sandbox webhook is signed in: `t=<ms>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const sandboxSignatureHeader = 'x-sandbox-signature';

/** How old a signed webhook may be (a replay later than this is refused). */
const toleranceMs = 5 * 60_000;

/** A webhook that did not verify. */
export class WebhookSignatureError extends Error {}

function signingKey(masterKey: Buffer, slug: string): Buffer {
  return Buffer.from(deriveDatabaseKey(masterKey, `sandbox-webhook:${slug}`), 'hex');
}

/** Signs a sandbox webhook body as the built-in sandbox does (per-tenant key). */
export function signSandboxWebhook(
  masterKey: Buffer,
  slug: string,
  body: string,
  at: number,
): string {
  const mac = createHmac('sha256', signingKey(masterKey, slug)).update(`${at}.${body}`);
  return `t=${at},v1=${mac.digest('hex')}`;
}

const eventSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^sbx_evt_[\w-]{8,64}$/)),
  paymentId: v.pipe(v.string(), v.regex(idPattern('pay'))),
  kind: v.picklist(['succeeded', 'failed', 'expired', 'refunded']),
  amount: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/**
 * The built-in sandbox provider, the local default: its payment page is on our own server, its
 * webhooks are signed with a per-tenant key derived from the master key.
 */
export function sandboxProvider(options: {
  masterKey: Buffer;
  slug: string;
  publicOrigin: string;
}): PaymentProvider {
  return {
    name: 'sandbox',
    async createPayment({ paymentId }) {
      return {
        providerRef: paymentId,
        payUrl: `${options.publicOrigin}/t/${options.slug}/sandbox-pay/${paymentId}`,
      };
    },
    async verifyWebhook(rawBody, headers, now): Promise<VerifiedEvent> {
      const header = headers.get(sandboxSignatureHeader) ?? '';
      const match = /^t=(\d{1,15}),v1=([0-9a-f]{64})$/.exec(header);
      if (!match?.[1] || !match[2]) throw new WebhookSignatureError('no signature');
      const at = Number(match[1]);
      if (Math.abs(now - at) > toleranceMs) throw new WebhookSignatureError('too old');
      const expected = createHmac('sha256', signingKey(options.masterKey, options.slug))
        .update(`${at}.${rawBody}`)
        .digest();
      const given = Buffer.from(match[2], 'hex');
      if (!timingSafeEqual(expected, given)) throw new WebhookSignatureError('bad signature');
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        throw new WebhookSignatureError('not JSON');
      }
      const parsed = v.safeParse(eventSchema, json);
      if (!parsed.success) throw new WebhookSignatureError('not an event');
      const { id, paymentId, kind, amount } = parsed.output;
      return { eventId: id, paymentId, kind, amount };
    },
    async refund() {
      // The sandbox holds no money; the refund event is recorded by the caller.
    },
  };
}
