import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPublicApp } from './app';
import { createHarness } from './testing/harness';

let h: Awaited<ReturnType<typeof createHarness>>;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe.each(['public', 'staff'] as const)('%s listener', (listener) => {
  const app = () => (listener === 'public' ? createPublicApp(h.deps) : h.app);

  test('answers its health check', async () => {
    const response = await app().request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('sends security headers and a request id', async () => {
    const response = await app().request('/healthz');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  // Outside /api the staff listener serves the console (src/console), so the API path here.
  test('answers an unknown path with the JSON error shape, in Japanese by default', async () => {
    const response = await app().request(listener === 'public' ? '/nope' : '/api/nope');
    expect(response.status).toBe(404);
    const body = (await response.json()) as {
      error: { code: string; message: string; requestId: string };
    };
    expect(body.error).toEqual({
      code: 'not_found',
      message: '見つかりません',
      requestId: response.headers.get('x-request-id'),
    });
  });
});

describe('errors', () => {
  test('malformed JSON is a 400 with a clear message, in English when asked', async () => {
    const response = await h.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.9' },
      body: '{"tenant": "midori",',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'The request is not in the right format',
    );
  });

  test('validation details are given in Japanese and English', async () => {
    const response = await h.request('POST', '/api/auth/sign-in', {
      body: { tenant: 'midori', email: 'not-an-email', password: 'x' },
    });
    const body = (await response.json()) as {
      error: { details: { path: string; message: string }[] };
    };
    expect(body.error.details).toEqual([
      {
        path: 'email',
        message: expect.stringMatching(/^メールアドレスの形式が正しくありません \/ /),
      },
    ]);
  });

  test('a body over the limit is refused with 413', async () => {
    const response = await h.request('POST', '/api/auth/sign-in', {
      body: { tenant: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
  });

  test('access logs carry the request id and the path, never the query string', async () => {
    await h.app.request('/healthz?token=secret-value');
    const line = h.logger.lines.findLast((l) => l.event === 'request');
    expect(line).toMatchObject({ path: '/healthz', status: 200 });
    expect(JSON.stringify(h.logger.lines)).not.toContain('secret-value');
  });
});
