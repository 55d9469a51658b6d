import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';
import { abortUnlessChanged, isUnchangedAbort } from './guards';
import type { TenantDb } from './registry';
import { departments } from './tenant-schema';

let h: Awaited<ReturnType<typeof createHarness>>;
let db: TenantDb;
beforeAll(async () => {
  h = await createHarness();
  await createTenant(
    h.registry,
    {
      slug: 'midori',
      name: 'みどり区',
      localGovernmentCode: '131041',
      adminEmail: 'a@midori.example.lg.jp',
      adminName: '管理',
    },
    h.now(),
  );
  db = await h.registry.database('midori');
  await db.insert(departments).values({ id: 'dep_a', name: 'A', createdAt: 1 });
});
afterAll(() => h.close());

test('a guarded batch commits when the update changed a row', async () => {
  await db.batch([
    db.update(departments).set({ name: 'B' }).where(eq(departments.name, 'A')),
    abortUnlessChanged(db),
    db.insert(departments).values({ id: 'dep_b', name: 'after', createdAt: 2 }),
  ]);
  expect((await db.select().from(departments)).map((d) => d.name).sort()).toEqual(['B', 'after']);
});

test('a guarded batch rolls back whole when the update changed nothing', async () => {
  const attempt = db.batch([
    db.update(departments).set({ name: 'C' }).where(eq(departments.name, 'nope')),
    abortUnlessChanged(db),
    db.insert(departments).values({ id: 'dep_c', name: 'must not exist', createdAt: 3 }),
  ]);
  const error = await attempt.catch((e: unknown) => e);
  expect(isUnchangedAbort(error)).toBe(true);
  expect((await db.select().from(departments)).map((d) => d.id).sort()).toEqual(['dep_a', 'dep_b']);
});
