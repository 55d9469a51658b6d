import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in was asked, for assertions. */
export interface StandInLog {
  method: string;
  path: string;
  form: URLSearchParams;
  idempotencyKey: string | undefined;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A small local stand-in for the parts of the Stripe HTTP API we call (create and retrieve a
 * Checkout Session, create a refund), for tests that run the official SDK against it. It honours
 * `Idempotency-Key` as Stripe does: the same key gives the first response again.
 */
export async function startStripeStandIn(): Promise<{
  base: string;
  requests: StandInLog[];
  close: () => Promise<void>;
}> {
  const requests: StandInLog[] = [];
  const byKey = new Map<string, string>();
  const sessions = new Map<string, Record<string, unknown>>();
  const server = createServer(async (req, res) => {
    const form = new URLSearchParams(await body(req));
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    const path = (req.url ?? '').split('?')[0] ?? '';
    requests.push({ method: req.method ?? '', path, form, idempotencyKey });
    const send = (status: number, json: unknown) => {
      const text = JSON.stringify(json);
      if (idempotencyKey && status === 200) byKey.set(idempotencyKey, text);
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_standin' });
      res.end(text);
    };
    if (req.headers.authorization !== 'Bearer sk_test_standin')
      return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key' } });
    const first = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
    if (req.method === 'POST' && first) {
      res.writeHead(200, { 'content-type': 'application/json', 'idempotent-replayed': 'true' });
      return res.end(first);
    }
    if (req.method === 'POST' && path === '/v1/checkout/sessions') {
      const id = `cs_test_${randomBytes(12).toString('hex')}`;
      const session = {
        id,
        object: 'checkout.session',
        mode: form.get('mode'),
        currency: form.get('line_items[0][price_data][currency]'),
        amount_total: Number(form.get('line_items[0][price_data][unit_amount]')),
        client_reference_id: form.get('client_reference_id'),
        metadata: { paymentId: form.get('metadata[paymentId]') },
        payment_intent: `pi_test_${randomBytes(8).toString('hex')}`,
        payment_status: 'unpaid',
        url: `https://checkout.stand-in.invalid/${id}`,
      };
      sessions.set(id, session);
      return send(200, session);
    }
    const retrieve = /^\/v1\/checkout\/sessions\/([\w]+)$/.exec(path);
    if (req.method === 'GET' && retrieve?.[1]) {
      const session = sessions.get(retrieve[1]);
      return session ? send(200, session) : send(404, { error: { message: 'No such session' } });
    }
    if (req.method === 'POST' && path === '/v1/refunds')
      return send(200, {
        id: `re_test_${randomBytes(8).toString('hex')}`,
        object: 'refund',
        payment_intent: form.get('payment_intent'),
        status: 'succeeded',
      });
    send(404, { error: { message: `stand-in has no ${req.method} ${path}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
