import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyHttpBasics, type BaseVariables, securityHeaders, setBaseHeader } from './middleware';

// The body limit over real HTTP, where a declared length is checked from the header alone.
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
let server: ServerType;
let port: number;
let inProcess: Hono<{ Variables: BaseVariables }>;
beforeAll(async () => {
  const app = new Hono<{ Variables: BaseVariables }>();
  applyHttpBasics(app, silent, 1000);
  app.post('/echo', async (c) => c.json({ length: (await c.req.text()).length }));
  app.get('/own-policy', (c) => {
    c.header('Content-Security-Policy', 'sandbox');
    c.header('X-Frame-Options', 'DENY');
    return c.text('file');
  });
  app.get('/raw', () => new Response('raw', { headers: { 'content-type': 'text/plain' } }));
  app.get('/fails', () => {
    throw new Error('boom');
  });
  app.use('/private/*', async (c, next) => {
    setBaseHeader(c, 'Cache-Control', 'no-store');
    await next();
  });
  app.get('/private/status', (c) => c.json({ state: 'submitted' }));
  app.get('/private/cached', (c) => {
    c.header('Cache-Control', 'private, max-age=60');
    return c.text('x');
  });
  inProcess = app;
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

describe('security headers and the request id', () => {
  /** The headers of a GET over the real listener, names lower-cased. */
  function get(path: string) {
    return new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'GET', path }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  test('every answer over HTTP carries them, whatever made the response', async () => {
    for (const path of ['/own-policy', '/raw', '/fails', '/missing']) {
      const { headers } = await get(path);
      for (const [name, value] of securityHeaders) {
        if (path === '/own-policy' && /^(content-security-policy|x-frame-options)$/i.test(name))
          continue;
        expect(headers[name.toLowerCase()], `${path} ${name}`).toBe(value);
      }
      expect(headers['x-request-id'], path).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  test("a route's own policy wins over the default, once (no second header)", async () => {
    const { headers } = await get('/own-policy');
    expect(headers['content-security-policy']).toBe('sandbox');
    expect(headers['x-frame-options']).toBe('DENY');
  });

  test('in-process (no Node listener) the answers carry the same headers', async () => {
    for (const path of ['/own-policy', '/raw', '/fails', '/missing']) {
      const res = await inProcess.request(path);
      const overHttp = (await get(path)).headers;
      for (const [name] of securityHeaders)
        expect(res.headers.get(name), `${path} ${name}`).toBe(overHttp[name.toLowerCase()]);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('setBaseHeader', () => {
  test('the header arrives over HTTP and in-process', async () => {
    const overHttp = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'GET', path: '/private/status' },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.headers));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(overHttp['cache-control']).toBe('no-store');
    expect((await inProcess.request('/private/status')).headers.get('cache-control')).toBe(
      'no-store',
    );
  });

  test("over HTTP a route's own value replaces it", async () => {
    const overHttp = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'GET', path: '/private/cached' },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.headers));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(overHttp['cache-control']).toBe('private, max-age=60');
  });
});
