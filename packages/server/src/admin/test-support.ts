import { totpCode } from '../auth/crypto/index';
import { type createHarness, goodPassword } from '../testing/harness';
import type { StaffView } from './staff';

/** The test world of `createHarness()`. */
export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** A response's status and JSON body (null when it has none). */
export interface Answer<T> {
  status: number;
  body: T;
}

/** The error body every failing API call answers with. */
export interface ErrorAnswer {
  error: { code: string; message: string; requestId: string; details?: { path: string }[] };
}

/** Sends a request like the console would and reads the JSON answer. */
export async function send<T>(
  h: Harness,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const response = await h.request(method, path, options);
  const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
  return { status: response.status, body: (isJson ? await response.json() : null) as T };
}

/** The token of a one-time link, which travels in the fragment. */
export function tokenOf(link: string): string {
  return link.slice(link.indexOf('#') + 1);
}

/** Creates a staff account through the admin API and returns it with its invitation token. */
export async function inviteThroughApi(
  h: Harness,
  adminCookie: string,
  input: { email: string; name?: string; isTenantAdmin?: boolean; expiresAt?: number },
): Promise<{ staff: StaffView; token: string }> {
  const answer = await send<{ staff: StaffView; inviteLink: string }>(
    h,
    'POST',
    '/api/admin/staff',
    {
      cookie: adminCookie,
      body: { name: '窓口 花子', ...input },
    },
  );
  if (answer.status !== 201) throw new Error(`invite failed: ${answer.status}`);
  return { staff: answer.body.staff, token: tokenOf(answer.body.inviteLink) };
}

/**
 * Accepts an invitation as the invited person would (password and the second factor, which every
 * account enrols) and signs in; returns the session cookie and the enrolled TOTP secret.
 */
export async function acceptAndSignIn(
  h: Harness,
  slug: string,
  email: string,
  token: string,
): Promise<{ cookie: string; secret: string }> {
  const inspected = await send<{ totpSecret: string }>(h, 'POST', '/api/invites/inspect', {
    body: { token },
  });
  if (inspected.status !== 200) throw new Error(`inspect failed: ${inspected.status}`);
  const secret = inspected.body.totpSecret;
  const accepted = await send(h, 'POST', '/api/invites/accept', {
    body: {
      token,
      password: goodPassword,
      totpSecret: secret,
      totpCode: totpCode(secret, Math.floor(h.now() / 30_000)),
    },
  });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status}`);
  // A TOTP code works once: the sign-in needs the next time step.
  h.advance(30_000);
  const cookie = await h.signInCookie(slug, email, goodPassword, secret);
  return { cookie, secret };
}

/** Creates a staff member through the admin API who has accepted and is signed in. */
export async function signedInMember(
  h: Harness,
  slug: string,
  adminCookie: string,
  input: { email: string; isTenantAdmin?: boolean; expiresAt?: number },
): Promise<{ staff: StaffView; cookie: string; secret: string }> {
  const { staff, token } = await inviteThroughApi(h, adminCookie, input);
  return { staff, ...(await acceptAndSignIn(h, slug, input.email, token)) };
}
