import { afterAll, beforeAll, expect, test } from 'vitest';
import { totpCode } from '../auth/crypto/index';
import { localFileStorage } from '../files/storage';
import { createHarness } from '../testing/harness';
import { type DemoCredentials, ensureDemoTenant } from './demo';

let h: Awaited<ReturnType<typeof createHarness>>;
let demo: DemoCredentials | undefined;
beforeAll(async () => {
  h = await createHarness();
  demo = await ensureDemoTenant(
    h.registry,
    localFileStorage({ dataDir: h.dataDir, masterKey: h.registry.settings.masterKey }),
    h.now(),
  );
}, 60_000);
afterAll(() => h.close());

test('the first start makes a demo municipality with the example forms and sample applications', () => {
  expect(demo).toMatchObject({
    tenant: 'demo',
    forms: 8,
    admin: { email: 'admin@demo.madoguchi.local' },
  });
  expect(demo?.applications).toBeGreaterThanOrEqual(6);
});

test('it is made once: a data folder with tenants gets none', async () => {
  expect(
    await ensureDemoTenant(
      h.registry,
      localFileStorage({ dataDir: h.dataDir, masterKey: h.registry.settings.masterKey }),
      h.now(),
    ),
  ).toBeUndefined();
});

test('the printed credentials work, and the admin sees the applications in the inbox', async () => {
  if (!demo) throw new Error('no demo');
  h.advance(30_000);
  const signIn = await h.request('POST', '/api/auth/sign-in', {
    body: {
      tenant: 'demo',
      email: demo.admin.email,
      password: demo.admin.password,
      totpCode: totpCode(demo.admin.totpSecret, Math.floor(h.now() / 30_000)),
    },
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const db = await h.registry.database('demo');
  const forms = await db.query.forms.findMany();
  let seen = 0;
  const states = new Set<string>();
  for (const form of forms) {
    const inbox = (await (
      await h.request('GET', `/api/submissions/forms/${form.id}`, { cookie })
    ).json()) as { items: { state: string }[] };
    seen += inbox.items.length;
    for (const item of inbox.items) states.add(item.state);
  }
  expect(seen).toBe(demo.applications);
  expect([...states].sort()).toEqual(expect.arrayContaining(['accepted', 'returned', 'submitted']));
});

test('the designer signs in with the printed password and a code of the printed TOTP secret', async () => {
  if (!demo) throw new Error('no demo');
  h.advance(30_000);
  const body = { tenant: 'demo', email: demo.designer.email, password: demo.designer.password };
  const withoutCode = await h.request('POST', '/api/auth/sign-in', { body });
  expect(withoutCode.status).toBe(401);
  expect(((await withoutCode.json()) as { error: { code: string } }).error.code).toBe(
    'second_factor_required',
  );
  const signIn = await h.request('POST', '/api/auth/sign-in', {
    body: {
      ...body,
      totpCode: totpCode(demo.designer.totpSecret, Math.floor(h.now() / 30_000)),
    },
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const session = await h.request('GET', '/api/auth/session', { cookie });
  expect(await session.json()).toMatchObject({
    staff: { email: 'designer@demo.madoguchi.local', isTenantAdmin: false, totpEnabled: true },
  });
});
