/** The user closed the sign-in dialog instead of signing in again. */
export class SignInCancelled extends Error {
  override name = 'SignInCancelled';
}

/** Paths whose 401 means something else than "the session ended" (wrong password, no session yet). */
const exempt = ['/api/auth/sign-in', '/api/auth/session', '/api/invites/'];

function pathOf(input: RequestInfo | URL): string {
  const url =
    typeof input === 'string' ? input : input instanceof URL ? input.href : String(input.url);
  return new URL(url, 'http://console.invalid').pathname;
}

/**
 * Wraps fetch so that a request refused because the session ended (401 `unauthenticated`) waits
 * for the person to sign in again in a dialog over the current screen, then is sent once more.
 * Whatever they were typing stays where it is: the screen never unmounts. Several requests
 * failing at once share one dialog (`waitForSignIn` returns the same promise to all of them).
 * @example hc<StaffAppType>('/', { fetch: sessionGuardedFetch(fetch, controller.waitForSignIn) })
 */
export function sessionGuardedFetch(
  base: typeof fetch,
  waitForSignIn: () => Promise<void>,
): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.status !== 401 || exempt.some((path) => pathOf(input).startsWith(path)))
      return response;
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { error?: { code?: string } } | null;
    if (body?.error?.code !== 'unauthenticated') return response;
    await waitForSignIn();
    return base(input, init);
  };
}

/**
 * The one pending re-sign-in: the dialog subscribes to it, requests wait on it. It holds no
 * credentials; the cookie the server sets is the only proof of the new session.
 */
export function createSignInGate() {
  let pending: { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } | null =
    null;
  const listeners = new Set<(open: boolean) => void>();
  const notify = () => {
    for (const listener of listeners) listener(pending !== null);
  };
  return {
    waitForSignIn(): Promise<void> {
      if (!pending) {
        let resolve: () => void = () => {};
        let reject: (e: Error) => void = () => {};
        const promise = new Promise<void>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        pending = { promise, resolve, reject };
        notify();
      }
      return pending.promise;
    },
    /** The person signed in again: every waiting request is retried. */
    signedIn(): void {
      const current = pending;
      pending = null;
      current?.resolve();
      notify();
    },
    /** The person gave up: every waiting request fails with SignInCancelled. */
    cancel(): void {
      const current = pending;
      pending = null;
      current?.reject(new SignInCancelled('sign-in cancelled'));
      notify();
    },
    isOpen: (): boolean => pending !== null,
    subscribe(listener: (open: boolean) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The gate type. */
export type SignInGate = ReturnType<typeof createSignInGate>;
