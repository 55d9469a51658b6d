import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TenantDb } from '../db/registry';
import { departments, outbox } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { isMailAddress, queueMail } from './outbox';
import { mailHarness } from './test-support';

let world: Awaited<ReturnType<typeof mailHarness>>;
let db: TenantDb;

beforeAll(async () => {
  world = await mailHarness();
  db = world.db;
});
afterAll(() => world.h.close());

const mail = (eventKey: string) => ({
  eventKey,
  to: 'taro@example.jp',
  subject: '【みどり区】申請を受け付けました',
  body: '本文',
});
const department = (id: string) =>
  db.insert(departments).values({ id, name: '清掃事務所', createdAt: world.h.now() });
const queued = (eventKey: string) => db.select().from(outbox).where(eq(outbox.eventKey, eventKey));

describe('queueMail', () => {
  test('queues the mail together with the change that causes it', async () => {
    await db.batch([department('dep_a'), queueMail(db, mail('sub_a:arrival'), world.h.now())]);
    const rows = await queued('sub_a:arrival');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      to: 'taro@example.jp',
      attempts: 0,
      nextAttemptAt: world.h.now(),
      createdAt: world.h.now(),
      claimedUntil: null,
      sentAt: null,
      lastError: null,
    });
    expect(rows[0]?.id).toMatch(/^mail_/);
    expect(await db.select().from(departments).where(eq(departments.id, 'dep_a'))).toHaveLength(1);
  });

  test('queues nothing when the change fails', async () => {
    await expect(
      db.batch([queueMail(db, mail('sub_b:arrival'), world.h.now()), department('dep_a')]),
    ).rejects.toThrow();
    expect(await queued('sub_b:arrival')).toHaveLength(0);
  });

  test('queues an event once, however often the change is retried', async () => {
    await db.batch([queueMail(db, mail('sub_c:acceptance'), world.h.now())]);
    await db.batch([
      queueMail(db, { ...mail('sub_c:acceptance'), subject: 'second' }, world.h.now()),
    ]);
    const rows = await queued('sub_c:acceptance');
    expect(rows.map((row) => row.subject)).toEqual(['【みどり区】申請を受け付けました']);
  });

  test('keeps the subject on one line', async () => {
    await db.batch([
      queueMail(db, { ...mail('sub_d:arrival'), subject: 'a\r\nBcc: x@example.com' }, 0),
    ]);
    expect((await queued('sub_d:arrival'))[0]?.subject).toBe('a Bcc: x@example.com');
  });

  test.each([
    'taro@example.jp, hanako@example.jp',
    'taro@example.jp\r\nBcc: victim@example.com',
    'Taro <taro@example.jp>',
    'taro@example',
    'taro',
    '',
    `${'a'.repeat(245)}@example.jp`,
  ])('refuses %j as the recipient', (to) => {
    expect(isMailAddress(to)).toBe(false);
    expect(() => queueMail(db, { ...mail('sub_e:arrival'), to }, 0)).toThrow(AppError);
  });

  test('accepts ordinary addresses', () => {
    for (const to of ['taro.midori+forms@example.jp', 'a@mail.city.midori.lg.jp'])
      expect(isMailAddress(to)).toBe(true);
  });
});
