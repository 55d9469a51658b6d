import { describe, expect, test } from 'vitest';
import { createPublicApp, createStaffApp } from './app';

describe.each([
  ['public', createPublicApp()],
  ['staff', createStaffApp()],
])('%s listener', (_, app) => {
  test('answers its health check', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('sends security headers', async () => {
    const response = await app.request('/healthz');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  test('answers 404 for an unknown path', async () => {
    expect((await app.request('/nope')).status).toBe(404);
  });
});
