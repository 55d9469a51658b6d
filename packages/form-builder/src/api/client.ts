import type { StaffAppType } from '@madoguchi/server/staff-app';
import { hc } from 'hono/client';
import { currentLocale } from '../i18n/locale';
import { createSignInGate, sessionGuardedFetch } from './session-guard';

/** The one re-sign-in gate of the console (see session-guard.ts). */
export const signInGate = createSignInGate();

/**
 * The typed staff API client: paths, inputs and outputs come from the server's route types.
 * Same-origin only, the session cookie sent by the browser; errors in the console's language.
 */
export const api = hc<StaffAppType>('/', {
  fetch: sessionGuardedFetch((input, init) => fetch(input, init), signInGate.waitForSignIn),
  init: { credentials: 'same-origin' },
  headers: () => ({ 'accept-language': currentLocale() }),
}).api;

/**
 * Makes sure a session is there before a plain browser download (which the typed client does not
 * see): when it has ended, the sign-in dialog opens first. The session check is not audited, so
 * this costs the audit log nothing.
 */
export async function ensureSignedIn(): Promise<void> {
  const response = await api.auth.session.$get();
  if (response.status === 401) await signInGate.waitForSignIn();
}
