import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyHttpBasics, type BaseVariables } from './middleware';

// The body limit over real HTTP, where a declared length is checked from the header alone.
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
let server: ServerType;
let port: number;
beforeAll(async () => {
  const app = new Hono<{ Variables: BaseVariables }>();
  applyHttpBasics(app, silent, 1000);
  app.post('/echo', async (c) => c.json({ length: (await c.req.text()).length }));
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Sends a POST with the given headers and body pieces; resolves with the status and body. */
function post(headers: Record<string, string>, pieces: string[]) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: 'POST', path: '/echo', headers },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += String(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    for (const piece of pieces) req.write(piece);
    req.end();
  });
}

describe('body limit over HTTP', () => {
  test('a body within the declared limit is read whole', async () => {
    const body = 'x'.repeat(900);
    const res = await post({ 'content-length': String(body.length) }, [body]);
    expect(res).toMatchObject({ status: 200 });
    expect(JSON.parse(res.body)).toEqual({ length: 900 });
  });

  test('a declared length over the limit is 413 before anything is read', async () => {
    const body = 'x'.repeat(1001);
    const res = await post({ 'content-length': String(body.length) }, [body]);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  test('a chunked body is counted as it streams: over the limit is 413', async () => {
    const res = await post({ 'transfer-encoding': 'chunked' }, ['x'.repeat(600), 'y'.repeat(600)]);
    expect(res.status).toBe(413);
    const small = await post({ 'transfer-encoding': 'chunked' }, [
      'x'.repeat(300),
      'y'.repeat(300),
    ]);
    expect(JSON.parse(small.body)).toEqual({ length: 600 });
  });
});
