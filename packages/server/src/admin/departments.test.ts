import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness } from '../testing/harness';
import type { DepartmentView } from './departments';
import type { StaffView } from './staff';
import { type ErrorAnswer, type Harness, inviteThroughApi, send } from './test-support';

let h: Harness;
let admin: string;

beforeAll(async () => {
  h = await createHarness();
  admin = (await h.tenantWithAdmin('midori', '131041')).cookie;
});
afterAll(() => h.close());

async function createDepartment(name: string, email?: string): Promise<DepartmentView> {
  const answer = await send<{ department: DepartmentView }>(h, 'POST', '/api/admin/departments', {
    cookie: admin,
    body: { name, ...(email ? { email } : {}) },
  });
  expect(answer.status).toBe(201);
  return answer.body.department;
}

async function archive(id: string) {
  return send<{ department: DepartmentView } & ErrorAnswer>(
    h,
    'POST',
    `/api/admin/departments/${id}/archive`,
    { cookie: admin },
  );
}

describe('GET /api/admin/departments', () => {
  test('lists active departments first, then archived ones, flagged', async () => {
    const old = await createDepartment('旧土木課');
    h.advance(1000);
    const tax = await createDepartment('税務課');
    await archive(old.id);
    h.advance(1000);
    const welfare = await createDepartment('福祉課');

    const answer = await send<{ departments: DepartmentView[] }>(
      h,
      'GET',
      '/api/admin/departments',
      {
        cookie: admin,
      },
    );
    expect(answer.status).toBe(200);
    const listed = answer.body.departments.filter((d) =>
      [old.id, tax.id, welfare.id].includes(d.id),
    );
    expect(listed.map((d) => [d.name, d.archived])).toEqual([
      ['税務課', false],
      ['福祉課', false],
      ['旧土木課', true],
    ]);
    expect(listed[2]?.archivedAt).toEqual(expect.any(Number));
  });

  test('answers 404 for a path that is not a route, after authenticating', async () => {
    const answer = await send<ErrorAnswer>(h, 'GET', '/api/admin/departments/extra/path', {
      cookie: admin,
    });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });
});

describe('POST /api/admin/departments', () => {
  test('creates a department with a trimmed name and logs ids only', async () => {
    const answer = await send<{ department: DepartmentView }>(h, 'POST', '/api/admin/departments', {
      cookie: admin,
      body: { name: '  市民課  ', email: 'shimin@city.midori.lg.jp' },
    });
    expect(answer.status).toBe(201);
    const { department } = answer.body;
    expect(department).toEqual({
      id: expect.stringMatching(/^dep_[0-9a-z]{25}$/),
      name: '市民課',
      email: 'shimin@city.midori.lg.jp',
      createdAt: h.now(),
      archivedAt: null,
      archived: false,
    });
    const line = h.logger.lines.find(
      (l) => l.event === 'admin_change' && l.target === department.id,
    );
    expect(line).toEqual({
      level: 'info',
      event: 'admin_change',
      requestId: expect.any(String),
      tenant: 'midori',
      staff: expect.stringMatching(/^stf_/),
      action: 'department.create',
      target: department.id,
    });
    expect(JSON.stringify(h.logger.lines)).not.toContain('shimin@city.midori.lg.jp');
  });

  test.each([
    ['an empty name', { name: '' }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a name over 100 characters', { name: 'あ'.repeat(101) }, 'name'],
    ['a line break in the name', { name: '改行\n課' }, 'name'],
    ['a malformed email', { name: '課', email: 'not an email' }, 'email'],
    ['an email over 254 characters', { name: '課', email: `${'a'.repeat(250)}@x.jp` }, 'email'],
    ['an unknown property', { name: '課', tenant: 'aoba' }, 'tenant'],
    ['a missing name', {}, 'name'],
  ])('refuses %s with 400 naming the field', async (_, body, path) => {
    const answer = await send<ErrorAnswer>(h, 'POST', '/api/admin/departments', {
      cookie: admin,
      body,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    expect(answer.body.error.details?.map((d) => d.path)).toContain(path);
  });

  test('refuses a second active department of the same name with 409', async () => {
    await createDepartment('会計課');
    const answer = await send<ErrorAnswer>(h, 'POST', '/api/admin/departments', {
      cookie: admin,
      body: { name: '会計課' },
      headers: { 'accept-language': 'en' },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({
      code: 'conflict',
      message: 'A department with this name already exists',
    });
  });

  test('allows the name of an archived department again', async () => {
    const first = await createDepartment('選挙管理課');
    await archive(first.id);
    const second = await createDepartment('選挙管理課');
    expect(second.id).not.toBe(first.id);
  });
});

describe('PATCH /api/admin/departments/:id', () => {
  test('renames a department and clears its alert address with null', async () => {
    const department = await createDepartment('子育て課', 'kosodate@city.midori.lg.jp');
    const renamed = await send<{ department: DepartmentView }>(
      h,
      'PATCH',
      `/api/admin/departments/${department.id}`,
      { cookie: admin, body: { name: 'こども家庭課' } },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.department).toMatchObject({
      name: 'こども家庭課',
      email: 'kosodate@city.midori.lg.jp',
    });
    const cleared = await send<{ department: DepartmentView }>(
      h,
      'PATCH',
      `/api/admin/departments/${department.id}`,
      { cookie: admin, body: { email: null } },
    );
    expect(cleared.body.department).toMatchObject({ name: 'こども家庭課', email: null });
  });

  test('answers 404 for an unknown id', async () => {
    const answer = await send<ErrorAnswer>(
      h,
      'PATCH',
      '/api/admin/departments/dep_0000000000000000',
      {
        cookie: admin,
        body: { name: '何か' },
      },
    );
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });

  test.each([
    ['an empty change', {}, ''],
    ['a name over 100 characters', { name: 'x'.repeat(101) }, 'name'],
    ['a malformed email', { email: 'nope' }, 'email'],
    ['a property that cannot be set', { name: '課', archivedAt: 1 }, 'archivedAt'],
  ])('refuses %s with 400', async (_, body, path) => {
    const department = await createDepartment(`検証課${path}`);
    const answer = await send<ErrorAnswer>(h, 'PATCH', `/api/admin/departments/${department.id}`, {
      cookie: admin,
      body,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    expect(answer.body.error.details?.map((d) => d.path)).toContain(path);
  });

  test('refuses a name another active department has, and changes to archived ones (409)', async () => {
    await createDepartment('環境課');
    const other = await createDepartment('環境保全課');
    const clash = await send<ErrorAnswer>(h, 'PATCH', `/api/admin/departments/${other.id}`, {
      cookie: admin,
      body: { name: '環境課' },
    });
    expect(clash.status).toBe(409);
    await archive(other.id);
    const archived = await send<ErrorAnswer>(h, 'PATCH', `/api/admin/departments/${other.id}`, {
      cookie: admin,
      body: { name: '環境保全課（旧）' },
    });
    expect(archived.status).toBe(409);
    expect(archived.body.error.message).toBe('アーカイブされた課は変更できません');
  });
});

describe('POST /api/admin/departments/:id/archive', () => {
  test('archives a department and keeps the grants that name it', async () => {
    const department = await createDepartment('水道課');
    const { staff } = await inviteThroughApi(h, admin, { email: 'suido@city.midori.lg.jp' });
    const grants = [
      { departmentId: department.id, role: 'reviewer', canExport: true, canSeeMyNumber: false },
    ];
    expect(
      (await send(h, 'PUT', `/api/admin/staff/${staff.id}/grants`, { cookie: admin, body: grants }))
        .status,
    ).toBe(200);

    const answer = await archive(department.id);
    expect(answer.status).toBe(200);
    expect(answer.body.department).toMatchObject({ archived: true, archivedAt: h.now() });
    const person = await send<{ staff: StaffView }>(h, 'GET', `/api/admin/staff/${staff.id}`, {
      cookie: admin,
    });
    expect(person.body.staff.grants).toEqual(grants);
  });

  test('refuses archiving twice with 409', async () => {
    const department = await createDepartment('下水道課');
    expect((await archive(department.id)).status).toBe(200);
    const again = await archive(department.id);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('この課はすでにアーカイブされています');
  });

  test('answers 404 for an unknown id', async () => {
    const answer = await archive('dep_doesnotexist0000');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });
});
