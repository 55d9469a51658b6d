import { totpCode } from '@madoguchi/server/auth/crypto';
import { expect } from 'vitest';
import type { serverWorld } from './server-process';

/** A JSON body. */
export type Json = Record<string, unknown>;
type World = Awaited<ReturnType<typeof serverWorld>>;

/** A tiny API client that behaves like the console: JSON, our Origin, the session cookie. */
export function client(staffUrl: string) {
  let cookie = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${staffUrl}${path}`, {
      method,
      headers: {
        origin: staffUrl,
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
  };
  /** The session cookie (`name=value`), for requests made with fetch (downloads). */
  const sessionCookie = () => cookie;
  return { call, sessionCookie };
}

/** Creates a municipality with the operator tool and takes its first admin through the invitation to a session. */
export async function onboardAdmin(
  world: World,
  password: string,
  slug: string,
  name: string,
  code: string,
  email: string,
) {
  const printed = await world.operator(
    'create',
    '--slug',
    slug,
    '--name',
    name,
    '--code',
    code,
    '--admin-email',
    email,
    '--admin-name',
    '管理 者',
  );
  const token = /#(\S+)/.exec(printed)?.[1];
  if (!token) throw new Error(`no link in: ${printed}`);
  const api = client(world.staffUrl);
  const inspected = await api.call('POST', '/api/invites/inspect', { token });
  expect(inspected.status).toBe(200);
  const secret = String(inspected.body.totpSecret);
  const step = () => Math.floor(Date.now() / 30_000);
  const accepted = await api.call('POST', '/api/invites/accept', {
    token,
    password,
    totpSecret: secret,
    totpCode: totpCode(secret, step()),
  });
  expect(accepted.status).toBe(200);
  // The code used to enrol cannot be used again; wait for the next one, as a person would.
  await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
  const signedIn = await api.call('POST', '/api/auth/sign-in', {
    tenant: slug,
    email,
    password,
    totpCode: totpCode(secret, step()),
  });
  expect(signedIn.status).toBe(200);
  // The secret lets a browser test sign the same admin in again (with a later code).
  return Object.assign(api, { totpSecret: secret, lastTotpStep: step() });
}

/**
 * Accepts an invitation through the API as an invited person would: the password and the second
 * factor (every staff account enrols one), then signs in with the next code. Returns the signed-in
 * client with the TOTP secret and the last step used, like `onboardAdmin`.
 */
export async function acceptInvitation(
  staffUrl: string,
  inviteLink: string,
  password: string,
  account: { tenant: string; email: string },
) {
  const token = inviteLink.slice(inviteLink.indexOf('#') + 1);
  const api = client(staffUrl);
  const inspected = await api.call('POST', '/api/invites/inspect', { token });
  expect(inspected.status).toBe(200);
  const secret = String(inspected.body.totpSecret);
  const step = () => Math.floor(Date.now() / 30_000);
  const enrolledAt = step();
  const accepted = await api.call('POST', '/api/invites/accept', {
    token,
    password,
    totpSecret: secret,
    totpCode: totpCode(secret, enrolledAt),
  });
  expect(accepted.status).toBe(200);
  // The enrolling code is used up; the server also takes the next step's code, so no waiting.
  const signedIn = await api.call('POST', '/api/auth/sign-in', {
    ...account,
    password,
    totpCode: totpCode(secret, enrolledAt + 1),
  });
  expect(signedIn.status).toBe(200);
  return Object.assign(api, { totpSecret: secret, lastTotpStep: enrolledAt + 1 });
}
