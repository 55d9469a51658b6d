import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { departments } from '../db/tenant-schema';
import { createHarness } from '../testing/harness';
import { runOperatorCommand } from './cli';
import { backupTenant, createTenant, listTenants, restoreTenant, setTenantStatus } from './service';

let h: Awaited<ReturnType<typeof createHarness>>;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const input = {
  slug: 'kita',
  name: 'きた区',
  localGovernmentCode: '131172',
  adminEmail: 'admin@kita.example.lg.jp',
  adminName: '北 花子',
};

describe('createTenant', () => {
  test('creates the control row, an encrypted database and an invited admin', async () => {
    const { tenant, inviteToken } = await createTenant(h.registry, input, h.now());
    expect(tenant).toMatchObject({ slug: 'kita', status: 'active', localGovernmentCode: '131172' });
    expect(inviteToken).toMatch(/^kita~/);
    const db = await h.registry.database('kita');
    const admins = await db.query.staff.findMany();
    expect(admins).toEqual([
      expect.objectContaining({
        email: input.adminEmail,
        isTenantAdmin: true,
        status: 'invited',
        passwordHash: null,
      }),
    ]);
    const file = join(h.dataDir, 'tenants', 'kita.db');
    const withoutKey = createClient({ url: `file:${file}` });
    await expect(withoutKey.execute('SELECT * FROM staff')).rejects.toMatchObject({
      code: 'SQLITE_NOTADB',
    });
    withoutKey.close();
  });

  test.each([
    [{ slug: 'Kita!' }, 'slug'],
    [{ slug: 'kita' }, 'already exists'],
    [{ slug: 'kita2', localGovernmentCode: '131170' }, 'check digit'],
    [{ slug: 'kita3', localGovernmentCode: '131172' }, 'already used'],
    [{ slug: 'kita4', localGovernmentCode: '130001', adminEmail: 'nope' }, 'admin-email'],
  ])(
    'refuses %j with a message naming the problem, leaving nothing behind',
    async (change, message) => {
      const before = await listTenants(h.registry);
      await expect(createTenant(h.registry, { ...input, ...change }, h.now())).rejects.toThrow(
        message,
      );
      expect(await listTenants(h.registry)).toEqual(before);
    },
  );
});

describe('suspending', () => {
  test('a suspended tenant refuses sign-in and existing sessions; resuming restores them', async () => {
    const ward = await h.tenantWithAdmin('minami', '130001');
    await setTenantStatus(h.registry, 'minami', 'suspended', h.now());
    expect((await h.request('GET', '/api/auth/session', { cookie: ward.cookie })).status).toBe(401);
    await setTenantStatus(h.registry, 'minami', 'active', h.now());
    expect((await h.request('GET', '/api/auth/session', { cookie: ward.cookie })).status).toBe(200);
    await expect(setTenantStatus(h.registry, 'nowhere', 'suspended', h.now())).rejects.toThrow(
      'no tenant',
    );
  }, 30_000);
});

describe('backup and restore', () => {
  test('an online backup restores the data as it was; the backup stays encrypted', async () => {
    const db = await h.registry.database('kita');
    await db
      .insert(departments)
      .values({ id: 'dep_before', name: '戸籍住民課', createdAt: h.now() });
    const path = await backupTenant(h.registry, 'kita', join(h.dataDir, 'backups', 'kita.db'));
    expect(readFileSync(path).includes(Buffer.from('戸籍住民課'))).toBe(false);
    await db
      .insert(departments)
      .values({ id: 'dep_after', name: '後から追加', createdAt: h.now() });

    await restoreTenant(h.registry, 'kita', path);
    const restored = await h.registry.database('kita');
    expect((await restored.select().from(departments)).map((d) => d.id)).toEqual(['dep_before']);
  });

  test('refuses to overwrite an existing backup, and to restore a file that is not this tenant’s', async () => {
    const path = join(h.dataDir, 'backups', 'kita.db');
    await expect(backupTenant(h.registry, 'kita', path)).rejects.toThrow('already exists');
    const junk = join(h.dataDir, 'junk.db');
    writeFileSync(junk, 'not a database at all');
    await expect(restoreTenant(h.registry, 'kita', junk)).rejects.toThrow('not a backup of "kita"');
    await expect(restoreTenant(h.registry, 'minami', path)).rejects.toThrow(
      'not a backup of "minami"',
    );
    expect(
      (await (await h.registry.database('kita')).select().from(departments)).map((d) => d.id),
    ).toEqual(['dep_before']);
  });
});

describe('the operator command', () => {
  const env = () => ({ DATA_DIR: h.dataDir, MASTER_KEY: 'ab'.repeat(32) });

  test('creates and lists tenants, printing the invitation link but no personal data of residents', async () => {
    const created = await runOperatorCommand(
      [
        'create',
        '--slug',
        'higashi',
        '--name',
        'ひがし区',
        '--code',
        '010006',
        '--admin-email',
        'a@higashi.example.lg.jp',
        '--admin-name',
        '東 一郎',
      ],
      env(),
      h.now(),
    );
    expect(created).toMatch(
      /http:\/\/127\.0\.0\.1:3001\/invite#higashi~[a-z2-9]{24}\.[a-z2-9]{24}/,
    );
    const listed = await runOperatorCommand(['list'], env(), h.now());
    expect(listed).toContain('higashi\t010006\tactive\tひがし区');
  });

  test('explains a missing option and an unknown command', async () => {
    await expect(runOperatorCommand(['create', '--slug', 'x'], env())).rejects.toThrow(
      '--name is required',
    );
    await expect(runOperatorCommand(['launch'], env())).rejects.toThrow('unknown command "launch"');
    expect(await runOperatorCommand([], env())).toContain('pnpm tenants create');
  });
});
