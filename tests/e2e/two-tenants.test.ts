import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverWorld } from './server-process';
import { type Json, onboardAdmin } from './staff-client';

// The README's path, for real: the operator tool creates two municipalities, the server runs as
// its own process on loopback, each first admin accepts the invitation (password + TOTP), signs
// in, creates a department and a staff member, and neither tenant can reach the other.

const password = 'a long enough passphrase for e2e';
let world: Awaited<ReturnType<typeof serverWorld>>;
let logs: () => string;

beforeAll(async () => {
  world = await serverWorld();
  logs = await world.start();
}, 60_000);
afterAll(() => world.stop());

describe('two municipalities on one running server', () => {
  test('onboard, administer, and stay apart', async () => {
    const [midori, aoba] = await Promise.all([
      onboardAdmin(
        world,
        password,
        'midori',
        'みどり区',
        '131041',
        'admin@city.midori.example.lg.jp',
      ),
      onboardAdmin(world, password, 'aoba', '青葉区', '141003', 'admin@city.aoba.example.lg.jp'),
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
