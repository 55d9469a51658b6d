import { expect } from 'vitest';
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

/** The admins of two municipalities and a reviewer of the first: the tenant settings tests' world. */
export interface SettingsWorld {
  /** midori's admin. */
  admin: string;
  /** aoba's admin, of another municipality. */
  otherAdmin: string;
  /** A reviewer of one of midori's departments: a staff role, not the admin one. */
  reviewer: string;
}

/**
 * Creates midori (131041) and aoba (141003), each with its admin signed in, and a reviewer of
 * midori's 市民課, all through the admin API; checks that the reviewer's grant is taken.
 */
export async function settingsWorld(h: Harness): Promise<SettingsWorld> {
  const admin = (await h.tenantWithAdmin('midori', '131041')).cookie;
  const otherAdmin = (await h.tenantWithAdmin('aoba', '141003')).cookie;
  const member = await signedInMember(h, 'midori', admin, {
    email: 'reviewer@midori.example.lg.jp',
  });
  const department = await send<{ department: { id: string } }>(
    h,
    'POST',
    '/api/admin/departments',
    { cookie: admin, body: { name: '市民課' } },
  );
  const granted = await send(h, 'PUT', `/api/admin/staff/${member.staff.id}/grants`, {
    cookie: admin,
    body: [
      {
        departmentId: department.body.department.id,
        role: 'reviewer',
        canExport: true,
        canSeeMyNumber: false,
      },
    ],
  });
  expect(granted.status).toBe(200);
  return { admin, otherAdmin, reviewer: member.cookie };
}
