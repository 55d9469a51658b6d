import { totpCode } from '@madoguchi/server/auth/crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverWorld } from './server-process';

// The README's path, for real: the operator tool creates two municipalities, the server runs as
// its own process on loopback, each first admin accepts the invitation (password + TOTP), signs
// in, creates a department and a staff member, and neither tenant can reach the other.

const password = 'a long enough passphrase for e2e';
let world: Awaited<ReturnType<typeof serverWorld>>;
let logs: () => string;

type Json = Record<string, unknown>;

/** A tiny API client that behaves like the console: JSON, our Origin, the session cookie. */
function client(staffUrl: string) {
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
  return { call };
}

async function onboardAdmin(slug: string, name: string, code: string, email: string) {
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
  return api;
}

beforeAll(async () => {
  world = await serverWorld();
  logs = await world.start();
}, 60_000);
afterAll(() => world.stop());

describe('two municipalities on one running server', () => {
  test('onboard, administer, and stay apart', async () => {
    const [midori, aoba] = await Promise.all([
      onboardAdmin('midori', 'みどり区', '131041', 'admin@city.midori.example.lg.jp'),
      onboardAdmin('aoba', '青葉区', '141003', 'admin@city.aoba.example.lg.jp'),
    ]);
    expect((await world.operator('list')).split('\n').filter(Boolean)).toHaveLength(2);

    const department = await midori.call('POST', '/api/admin/departments', {
      name: '健康推進課',
      email: 'kenko@city.midori.example.lg.jp',
    });
    expect(department.status).toBe(201);
    const departmentId = String((department.body.department as Json).id);
    const member = await midori.call('POST', '/api/admin/staff', {
      email: 'reviewer@city.midori.example.lg.jp',
      name: '審査 花子',
    });
    expect(member.status).toBe(201);
    const memberId = String((member.body.staff as Json).id);
    expect(String(member.body.inviteLink)).toMatch(new RegExp(`^${world.staffUrl}/invite#midori~`));
    expect(
      (
        await midori.call('PUT', `/api/admin/staff/${memberId}/grants`, [
          { departmentId, role: 'reviewer', canExport: true, canSeeMyNumber: false },
        ])
      ).status,
    ).toBe(200);

    // Aoba's admin sees none of it and can touch none of it: Midori's ids are not found in Aoba.
    const aobaDepartments = await aoba.call('GET', '/api/admin/departments');
    expect(aobaDepartments.body).toEqual({ departments: [] });
    expect((await aoba.call('GET', `/api/admin/staff/${memberId}`)).status).toBe(404);
    expect(
      (await aoba.call('PATCH', `/api/admin/departments/${departmentId}`, { name: '乗っ取り' }))
        .status,
    ).toBe(404);
    expect((await aoba.call('POST', `/api/admin/staff/${memberId}/disable`)).status).toBe(404);
    const aobaStaff = JSON.stringify((await aoba.call('GET', '/api/admin/staff')).body);
    expect(aobaStaff).not.toContain('midori');
    expect(JSON.stringify((await midori.call('GET', '/api/admin/departments')).body)).toContain(
      '健康推進課',
    );

    // The OpenAPI document is served.
    const openapi = await fetch(`${world.staffUrl}/api/openapi.json`);
    expect(((await openapi.json()) as Json).openapi).toBe('3.1.0');

    // Structured logs: JSON lines with request ids, and no token or password anywhere.
    const lines = logs()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(10);
    expect(
      lines.every(
        (line) => 'requestId' in JSON.parse(line) || !JSON.parse(line).event.startsWith('request'),
      ),
    ).toBe(true);
    expect(logs()).not.toContain(password);
    expect(logs()).not.toMatch(/midori~[a-z2-9]{24}\.[a-z2-9]{24}/);
  }, 120_000);
});
