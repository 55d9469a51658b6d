import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in was asked, for assertions. */
export interface PayPayStandInLog {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
  merchant: string | undefined;
}

/** The credentials the stand-in accepts. */
export const standInPayPay = {
  apiKey: 'a_standin_key',
  apiSecret: 'standin-secret-value',
  merchantId: '000000000000000001',
} as const;

interface StandInPayment {
  merchantPaymentId: string;
  codeId: string;
  url: string;
  amount: number;
  status: string;
  paymentId?: string;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Checks the SDK's `hmac OPA-Auth:<key>:<mac>:<nonce>:<epoch>:<digest>` header as PayPay does:
 * HMAC-SHA256 with the API secret over path, method, nonce, epoch, content type and the MD5
 * digest of content type and body.
 */
function authorised(header: string | undefined, method: string, path: string, raw: string) {
  const match = /^hmac OPA-Auth:([^:]+):([^:]+):([^:]+):(\d+):([^:]+)$/.exec(header ?? '');
  if (!match || match[1] !== standInPayPay.apiKey) return false;
  const [, , mac = '', nonce = '', epoch = '', digest = ''] = match;
  const contentType = raw ? 'application/json' : 'empty';
  const expectedDigest = raw
    ? createHash('md5').update(contentType).update(raw).digest('base64')
    : 'empty';
  if (digest !== expectedDigest) return false;
  const expected = createHmac('sha256', standInPayPay.apiSecret)
    .update([path, method, nonce, epoch, contentType, digest].join('\n'))
    .digest();
  const given = Buffer.from(mac, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A small local stand-in for the parts of the PayPay Open Payment API we call (create a dynamic
 * QR code, read its payment, refund), for tests that run the official SDK against it. Tests move
 * a payment with `setStatus`, as the resident paying in the PayPay app would.
 */
export async function startPayPayStandIn(): Promise<{
  base: string;
  requests: PayPayStandInLog[];
  setStatus: (merchantPaymentId: string, status: string) => void;
  close: () => Promise<void>;
}> {
  const requests: PayPayStandInLog[] = [];
  const payments = new Map<string, StandInPayment>();
  const server = createServer(async (req, res) => {
    const raw = await body(req);
    const method = req.method ?? '';
    const path = (req.url ?? '').split('?')[0] ?? '';
    const json = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
    const merchant = req.headers['x-assume-merchant'] as string | undefined;
    requests.push({ method, path, body: json, merchant });
    const send = (status: number, code: string, data?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ resultInfo: { code, message: code, codeId: 'standin' }, data }));
    };
    if (!authorised(req.headers.authorization, method, path, raw) || !merchant)
      return send(401, 'UNAUTHORIZED');
    if (method === 'POST' && path === '/v2/codes' && json) {
      const merchantPaymentId = String(json.merchantPaymentId);
      if (payments.has(merchantPaymentId)) return send(400, 'DUPLICATE_DYNAMIC_QR_REQUEST');
      const codeId = `04-${randomBytes(8).toString('hex')}`;
      const amount = Number((json.amount as { amount: number }).amount);
      const payment: StandInPayment = {
        merchantPaymentId,
        codeId,
        url: `https://qr.stand-in.invalid/${codeId}`,
        amount,
        status: 'CREATED',
      };
      payments.set(merchantPaymentId, payment);
      return send(201, 'SUCCESS', {
        codeId,
        url: payment.url,
        merchantPaymentId,
        amount: json.amount,
        redirectUrl: json.redirectUrl,
        redirectType: json.redirectType,
      });
    }
    const lookup = /^\/v2\/codes\/payments\/([\w-]+)$/.exec(path);
    if (method === 'GET' && lookup?.[1]) {
      const payment = payments.get(lookup[1]);
      if (!payment) return send(404, 'DYNAMIC_QR_PAYMENT_NOT_FOUND');
      return send(200, 'SUCCESS', {
        ...(payment.paymentId ? { paymentId: payment.paymentId } : {}),
        status: payment.status,
        merchantPaymentId: payment.merchantPaymentId,
        amount: { amount: payment.amount, currency: 'JPY' },
      });
    }
    if (method === 'POST' && path === '/v2/refunds' && json) {
      const payment = [...payments.values()].find((p) => p.paymentId === json.paymentId);
      if (payment?.status !== 'COMPLETED') return send(400, 'INVALID_PARAMS');
      payment.status = 'REFUNDED';
      return send(200, 'SUCCESS', {
        status: 'CREATED',
        merchantRefundId: json.merchantRefundId,
        paymentId: payment.paymentId,
        amount: json.amount,
      });
    }
    send(404, 'NOT_FOUND');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    setStatus(merchantPaymentId, status) {
      const payment = payments.get(merchantPaymentId);
      if (!payment) throw new Error(`stand-in has no payment ${merchantPaymentId}`);
      payment.status = status;
      if (status !== 'EXPIRED' && !payment.paymentId)
        payment.paymentId = `0${randomBytes(9).toString('hex')}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
