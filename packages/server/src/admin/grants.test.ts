import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Grant } from '../auth/authorize';
import { createHarness } from '../testing/harness';
import type { DepartmentView } from './departments';
import type { StaffView } from './staff';
import {
  type ErrorAnswer,
  type Harness,
  inviteThroughApi,
  send,
  signedInMember,
} from './test-support';

let h: Harness;
let admin: string;
let tax: string;
let welfare: string;
let archived: string;

async function department(name: string): Promise<string> {
  const answer = await send<{ department: DepartmentView }>(h, 'POST', '/api/admin/departments', {
    cookie: admin,
    body: { name },
  });
  return answer.body.department.id;
}

beforeAll(async () => {
  h = await createHarness();
  admin = (await h.tenantWithAdmin('midori', '131041')).cookie;
  tax = await department('税務課');
  welfare = await department('福祉課');
  archived = await department('旧総務課');
  await send(h, 'POST', `/api/admin/departments/${archived}/archive`, { cookie: admin });
});
afterAll(() => h.close());

const put = (staffId: string, body: unknown) =>
  send<Grant[] & ErrorAnswer>(h, 'PUT', `/api/admin/staff/${staffId}/grants`, {
    cookie: admin,
    body,
  });
const grantsOf = async (staffId: string) =>
  (await send<{ staff: StaffView }>(h, 'GET', `/api/admin/staff/${staffId}`, { cookie: admin }))
    .body.staff.grants;
let counter = 0;
const newPerson = async () =>
  (await inviteThroughApi(h, admin, { email: `grants${++counter}@city.midori.lg.jp` })).staff;

describe('PUT /api/admin/staff/:id/grants', () => {
  test('replaces the whole list and answers the new one', async () => {
    const person = await newPerson();
    const first: Grant[] = [
      { departmentId: tax, role: 'reviewer', canExport: true, canSeeMyNumber: false },
      { departmentId: welfare, role: 'viewer', canExport: false, canSeeMyNumber: true },
    ];
    const answer = await put(person.id, first);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(expect.arrayContaining(first));
    expect(answer.body).toHaveLength(2);
    expect(await grantsOf(person.id)).toEqual(answer.body);

    const second: Grant[] = [
      { departmentId: welfare, role: 'designer', canExport: false, canSeeMyNumber: false },
    ];
    expect((await put(person.id, second)).body).toEqual(second);
    expect((await put(person.id, [])).body).toEqual([]);
    expect(await grantsOf(person.id)).toEqual([]);
  });

  test('takes effect on the next request of a signed-in person', async () => {
    const member = await signedInMember(h, 'midori', admin, { email: 'live@city.midori.lg.jp' });
    const grant = { departmentId: tax, role: 'designer', canExport: false, canSeeMyNumber: false };
    await put(member.staff.id, [grant]);
    const session = await send<{ grants: Grant[] }>(h, 'GET', '/api/auth/session', {
      cookie: member.cookie,
    });
    expect(session.body.grants).toEqual([grant]);
  });

  test.each([
    [
      'a department listed twice',
      (d: string) => [
        { departmentId: d, role: 'viewer', canExport: false, canSeeMyNumber: false },
        { departmentId: d, role: 'reviewer', canExport: false, canSeeMyNumber: false },
      ],
      '1',
    ],
    [
      'an unknown role',
      (d: string) => [{ departmentId: d, role: 'owner', canExport: false, canSeeMyNumber: false }],
      '0.role',
    ],
    [
      'a missing flag',
      (d: string) => [{ departmentId: d, role: 'viewer', canExport: false }],
      '0.canSeeMyNumber',
    ],
    [
      'an unknown property',
      (d: string) => [
        { departmentId: d, role: 'viewer', canExport: false, canSeeMyNumber: false, staffId: 'x' },
      ],
      '0.staffId',
    ],
    ['an object instead of a list', (d: string) => ({ departmentId: d }), ''],
    [
      'more than 200 grants',
      (d: string) =>
        Array.from({ length: 201 }, (_, i) => ({
          departmentId: `${d}${i}`,
          role: 'viewer',
          canExport: false,
          canSeeMyNumber: false,
        })),
      '',
    ],
  ])('refuses %s with 400 and keeps the old list', async (_, body, path) => {
    const person = await newPerson();
    const kept = [
      { departmentId: welfare, role: 'viewer', canExport: false, canSeeMyNumber: false },
    ];
    await put(person.id, kept);
    const answer = await put(person.id, body(tax));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    expect(answer.body.error.details?.map((d) => d.path)).toContain(path);
    expect(await grantsOf(person.id)).toEqual(kept);
  });

  test('answers 404 for an unknown department and writes nothing', async () => {
    const person = await newPerson();
    const kept = [{ departmentId: tax, role: 'reviewer', canExport: false, canSeeMyNumber: false }];
    await put(person.id, kept);
    const answer = await put(person.id, [
      { departmentId: welfare, role: 'viewer', canExport: false, canSeeMyNumber: false },
      {
        departmentId: 'dep_0000000000000000',
        role: 'viewer',
        canExport: false,
        canSeeMyNumber: false,
      },
    ]);
    expect(answer.status).toBe(404);
    expect(answer.body.error.details).toEqual([
      { path: '1.departmentId', message: expect.any(String) },
    ]);
    expect(await grantsOf(person.id)).toEqual(kept);
  });

  test('refuses an archived department with 409 and writes nothing', async () => {
    const person = await newPerson();
    const answer = await put(person.id, [
      { departmentId: archived, role: 'viewer', canExport: false, canSeeMyNumber: false },
    ]);
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toBe('アーカイブされた課には権限を付与できません');
    expect(await grantsOf(person.id)).toEqual([]);
  });

  test('answers 404 for an unknown person', async () => {
    const answer = await put('stf_0000000000000000', []);
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });
});
