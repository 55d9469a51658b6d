import { request } from 'node:http';
import paypay from '@paypayopa/paypayopa-sdk-node';
import type { PaymentProvider, VerifiedEvent } from './provider';
import { WebhookSignatureError } from './sandbox';

/** A tenant's PayPay for Business account, as held (encrypted) in its settings. */
export interface PayPayCredentials {
  apiKey: string;
  apiSecret: string;
  merchantId: string;
  environment: 'sandbox' | 'production';
  /**
   * Tests point the SDK at a local stand-in: `http://127.0.0.1:<port>`. Never settable through
   * the admin API (see ADR 0013).
   */
  apiBase?: string;
}

/** A call to PayPay that did not succeed; its result code, never the credentials. */
export class PayPayError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number | undefined,
    readonly code: string,
  ) {
    super(`PayPay ${operation} answered ${status ?? 'no status'} ${code}`);
  }
}

type Sdk = InstanceType<typeof paypay.PayPayRestSDK>;
type Transport = Parameters<Sdk['setHttpsClient']>[0];
type Answer = Awaited<ReturnType<Sdk['qrCodeCreate']>>;
type Callback = Parameters<Transport['httpsCall']>[2];

/**
 * The SDK's own transport always speaks HTTPS (`https.request`). For a stand-in on the loopback
 * address this one does the same request over plain HTTP: the SDK still builds the path, the
 * body and its HMAC `Authorization` header; only the socket differs. Loopback only.
 */
function loopbackTransport(): Transport {
  return {
    printDebugMessage() {},
    httpsCall(options, payload, callback: Callback) {
      const { apiKey: _name, ...rest } = options;
      const req = request(rest, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => {
          try {
            callback({ STATUS: res.statusCode ?? 0, BODY: body.trim() ? JSON.parse(body) : null });
          } catch (error) {
            callback({ STATUS: 500, ERROR: (error as Error).message });
          }
        });
      });
      req.on('error', (error) => callback({ STATUS: 0, ERROR: error.message }));
      if (options.method === 'POST') req.write(JSON.stringify(payload));
      req.end();
    },
  };
}

/** The SDK configured for one tenant's account (its own instance, never the shared one). */
function configuredSdk(credentials: PayPayCredentials): Sdk {
  const sdk = new paypay.PayPayRestSDK();
  const base = credentials.apiBase ? new URL(credentials.apiBase) : undefined;
  sdk.configure({
    clientId: credentials.apiKey,
    clientSecret: credentials.apiSecret,
    merchantId: credentials.merchantId,
    ...(base
      ? {
          conf: new paypay.Conf({
            hostName: base.hostname,
            portNumber: Number(base.port || (base.protocol === 'http:' ? 80 : 443)),
          }),
        }
      : { env: credentials.environment === 'production' ? 'PROD' : 'STAGING' }),
  });
  if (base?.protocol === 'http:') {
    if (base.hostname !== '127.0.0.1' && base.hostname !== 'localhost')
      throw new Error('PayPay over plain HTTP is only for a stand-in on the loopback address');
    sdk.setHttpsClient(loopbackTransport());
  }
  return sdk;
}

interface PayPayResult {
  code: string;
  data: Record<string, unknown> | undefined;
}

/** Reads an SDK answer: `resultInfo.code` and `data`, or a PayPayError. */
function read(operation: string, answer: Answer, accept: string[] = ['SUCCESS']): PayPayResult {
  if ('ERROR' in answer) throw new PayPayError(operation, answer.STATUS, answer.ERROR);
  const body = (answer.BODY ?? {}) as {
    resultInfo?: { code?: string };
    data?: Record<string, unknown>;
  };
  const code = body.resultInfo?.code ?? 'NO_RESULT';
  if (!accept.includes(code)) throw new PayPayError(operation, answer.STATUS, code);
  return { code, data: body.data };
}

/**
 * The events a PayPay payment status stands for, each named by the status that shows it: a
 * refund implies the money came first, so REFUNDED also stands for the COMPLETED before it.
 */
const eventsOf: Record<string, [VerifiedEvent['kind'], string][]> = {
  COMPLETED: [['succeeded', 'COMPLETED']],
  REFUNDED: [
    ['succeeded', 'COMPLETED'],
    ['refunded', 'REFUNDED'],
  ],
  FAILED: [['failed', 'FAILED']],
  CANCELED: [['failed', 'CANCELED']],
  EXPIRED: [['expired', 'EXPIRED']],
};

/**
 * PayPay through its official SDK (`@paypayopa/paypayopa-sdk-node`): a dynamic QR code for a web
 * payment (`createQRCode`, our payment id as `merchantPaymentId`, back to the return URL by
 * `WEB_LINK`), its state read by polling (`getCodePaymentDetails`), refunds by `paymentRefund`.
 * PayPay tells us by polling, not by a webhook we verify here.
 */
export function paypayProvider(credentials: PayPayCredentials): PaymentProvider {
  const sdk = configuredSdk(credentials);
  const details = async (paymentId: string) => {
    const result = read('getCodePaymentDetails', await sdk.getCodePaymentDetails([paymentId]), [
      'SUCCESS',
      'DYNAMIC_QR_PAYMENT_NOT_FOUND',
    ]);
    return result.code === 'SUCCESS' ? result.data : undefined;
  };
  return {
    name: 'paypay',
    async createPayment({ paymentId, amount, description, returnUrl, providerRef }) {
      const answer = await sdk.qrCodeCreate({
        merchantPaymentId: paymentId,
        amount: { amount, currency: 'JPY' },
        codeType: 'ORDER_QR',
        orderDescription: description.slice(0, 255),
        isAuthorization: false,
        redirectUrl: returnUrl,
        redirectType: 'WEB_LINK',
      });
      const result = read('createQRCode', answer, ['SUCCESS', 'DUPLICATE_DYNAMIC_QR_REQUEST']);
      // PayPay keeps one code per merchantPaymentId: asking again answers the code made first,
      // whose link we stored as the provider reference.
      if (result.code === 'DUPLICATE_DYNAMIC_QR_REQUEST') {
        if (!providerRef) throw new PayPayError('createQRCode', 400, result.code);
        return { providerRef, payUrl: providerRef };
      }
      const url = result.data?.url;
      if (typeof url !== 'string' || !/^https?:\/\//.test(url))
        throw new PayPayError('createQRCode', answer.STATUS, 'NO_URL');
      return { providerRef: url, payUrl: url };
    },
    async verifyWebhook(): Promise<VerifiedEvent> {
      throw new WebhookSignatureError('PayPay payments are read by polling');
    },
    async poll(payment) {
      const data = await details(payment.id);
      const status = typeof data?.status === 'string' ? data.status : '';
      const kinds = eventsOf[status] ?? [];
      const paypayId = typeof data?.paymentId === 'string' ? data.paymentId : `qr:${payment.id}`;
      const amount = Number((data?.amount as { amount?: unknown } | undefined)?.amount ?? 0);
      // PayPay's payment id and status name the event, so every poll of one status is one event.
      return kinds.map(([kind, shownBy]) => ({
        eventId: `paypay:${paypayId}:${shownBy}`,
        paymentId: payment.id,
        kind,
        amount,
      }));
    },
    async refund(payment) {
      const data = await details(payment.id);
      const paypayId = data?.paymentId;
      if (typeof paypayId !== 'string') throw new PayPayError('paymentRefund', 404, 'NO_PAYMENT');
      read(
        'paymentRefund',
        await sdk.paymentRefund({
          merchantRefundId: `refund-${payment.id}`,
          paymentId: paypayId,
          amount: { amount: payment.amount, currency: 'JPY' },
          reason: 'Refund by the municipality',
        }),
      );
    },
  };
}
