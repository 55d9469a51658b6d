import { describe, expect, test, vi } from 'vitest';
import { createSignInGate, SignInCancelled, sessionGuardedFetch } from './session-guard';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const ended = () =>
  json(401, { error: { code: 'unauthenticated', message: 'ログインしてください' } });

/** A server whose session ends after `okCalls` answers, until `signIn()` is called. */
function server(okCalls = 0) {
  let signedIn = okCalls > 0;
  let left = okCalls;
  const calls: { url: string; body: unknown }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), body: init?.body });
    if (left > 0) left--;
    else if (left === 0 && okCalls > 0) signedIn = false;
    return signedIn ? json(200, { ok: true }) : ended();
  });
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    calls,
    signIn: () => {
      signedIn = true;
      left = -1;
    },
  };
}

describe('a request that finds the session ended', () => {
  test('waits for the sign-in dialog, then is sent again with the same body', async () => {
    const backend = server();
    const gate = createSignInGate();
    const guarded = sessionGuardedFetch(backend.fetch, gate.waitForSignIn);
    const opened: boolean[] = [];
    gate.subscribe((open) => opened.push(open));
    const pending = guarded('/api/submissions/sub_1/notes', {
      method: 'POST',
      body: JSON.stringify({ body: '電話で確認済み' }),
    });
    await vi.waitFor(() => expect(gate.isOpen()).toBe(true));
    backend.signIn();
    gate.signedIn();
    const response = await pending;
    expect(response.status).toBe(200);
    expect(backend.calls.map((call) => call.body)).toEqual([
      '{"body":"電話で確認済み"}',
      '{"body":"電話で確認済み"}',
    ]);
    expect(opened).toEqual([true, false]);
  });

  test('several requests at once share one dialog and all go through after it', async () => {
    const backend = server();
    const gate = createSignInGate();
    const wait = vi.fn(gate.waitForSignIn);
    const guarded = sessionGuardedFetch(backend.fetch, wait);
    let openings = 0;
    gate.subscribe((open) => {
      if (open) openings++;
    });
    const requests = [guarded('/api/forms'), guarded('/api/submissions'), guarded('/api/audit')];
    await vi.waitFor(() => expect(wait).toHaveBeenCalledTimes(3));
    backend.signIn();
    gate.signedIn();
    expect((await Promise.all(requests)).map((response) => response.status)).toEqual([
      200, 200, 200,
    ]);
    expect(openings).toBe(1);
  });

  test('closing the dialog fails the waiting request with SignInCancelled', async () => {
    const backend = server();
    const gate = createSignInGate();
    const pending = sessionGuardedFetch(backend.fetch, gate.waitForSignIn)('/api/forms');
    await vi.waitFor(() => expect(gate.isOpen()).toBe(true));
    gate.cancel();
    await expect(pending).rejects.toBeInstanceOf(SignInCancelled);
    expect(gate.isOpen()).toBe(false);
  });
});

describe('401s that mean something else pass straight through', () => {
  test('a wrong password or a missing second factor at sign-in', async () => {
    const wait = vi.fn(async () => {});
    const answers = [
      json(401, { error: { code: 'unauthenticated', message: 'wrong password' } }),
      json(401, { error: { code: 'second_factor_required', message: 'code' } }),
    ];
    const fetch = vi.fn(async () => answers.shift() ?? json(500, {}));
    const guarded = sessionGuardedFetch(fetch as unknown as typeof globalThis.fetch, wait);
    expect((await guarded('/api/auth/sign-in', { method: 'POST' })).status).toBe(401);
    expect((await guarded('/api/auth/sign-in', { method: 'POST' })).status).toBe(401);
    expect(wait).not.toHaveBeenCalled();
  });

  test('the first session check (no session yet shows the sign-in page instead)', async () => {
    const wait = vi.fn(async () => {});
    const guarded = sessionGuardedFetch((async () => ended()) as typeof globalThis.fetch, wait);
    expect((await guarded(new URL('http://127.0.0.1/api/auth/session'))).status).toBe(401);
    expect(wait).not.toHaveBeenCalled();
  });

  test('a 401 that is not JSON, and every other status', async () => {
    const wait = vi.fn(async () => {});
    const guarded = sessionGuardedFetch(
      (async () => new Response('nope', { status: 401 })) as typeof globalThis.fetch,
      wait,
    );
    expect((await guarded('/api/forms')).status).toBe(401);
    const forbidden = sessionGuardedFetch(
      (async () => json(403, { error: { code: 'forbidden' } })) as typeof globalThis.fetch,
      wait,
    );
    expect((await forbidden('/api/forms')).status).toBe(403);
    expect(wait).not.toHaveBeenCalled();
  });
});
