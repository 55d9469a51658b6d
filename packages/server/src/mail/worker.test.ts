import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { type TenantDb, TenantRegistry } from '../db/registry';
import { outbox } from '../db/tenant-schema';
import { setTenantStatus } from '../tenants/service';
import { queueMail } from './outbox';
import { fakeTransport, mailHarness } from './test-support';
import { sendTimeoutMs } from './transports';
import { deliverDue, maxAttempts, retryDelay, startMailWorker } from './worker';

let world: Awaited<ReturnType<typeof mailHarness>>;
let db: TenantDb;
const from = { name: 'みどり区', address: 'no-reply@madoguchi.local' };

beforeAll(async () => {
  world = await mailHarness();
  db = world.db;
});
afterAll(() => world.h.close());
beforeEach(async () => {
  await db.delete(outbox);
});

async function queue(count: number): Promise<string[]> {
  for (let i = 0; i < count; i += 1)
    await db.batch([
      queueMail(
        db,
        {
          eventKey: `sub_${i}:arrival`,
          to: `taro${i}@example.jp`,
          subject: `件名${i}`,
          body: '本文',
        },
        world.h.now(),
      ),
    ]);
  const rows = await db.select({ id: outbox.id }).from(outbox);
  return rows.map((row) => row.id);
}

const row = async (id: string) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0];

describe('deliverDue', () => {
  test('sends each due mail once and marks it sent', async () => {
    const ids = await queue(3);
    const transport = fakeTransport();
    const report = await deliverDue(db, transport, { now: world.h.now, from });
    expect(report.sent.sort()).toEqual([...ids].sort());
    expect(transport.sent.map((mail) => mail.messageId).sort()).toEqual([...ids].sort());
    expect(transport.sent.find((mail) => mail.subject === '件名0')).toMatchObject({
      from,
      to: 'taro0@example.jp',
      body: '本文',
    });
    for (const id of ids)
      expect(await row(id)).toMatchObject({ sentAt: world.h.now(), claimedUntil: null });
    world.h.advance(24 * 3_600_000);
    expect(await deliverDue(db, transport, { now: world.h.now, from })).toEqual({
      sent: [],
      failed: [],
    });
    expect(transport.sent).toHaveLength(3);
  });

  test('takes at most a batch, oldest first', async () => {
    await queue(3);
    const transport = fakeTransport();
    const report = await deliverDue(db, transport, { now: world.h.now, from, batchSize: 2 });
    expect(report.sent).toHaveLength(2);
    expect((await deliverDue(db, transport, { now: world.h.now, from })).sent).toHaveLength(1);
  });

  test('retries a failed mail later, with a growing wait, until it goes', async () => {
    const [id = ''] = await queue(1);
    const transport = fakeTransport({ failWith: 'connect ECONNREFUSED 127.0.0.1:25' });
    const first = await deliverDue(db, transport, { now: world.h.now, from });
    expect(first.failed).toEqual([
      { id, attempts: 1, gaveUp: false, error: 'connect ECONNREFUSED 127.0.0.1:25' },
    ]);
    const afterFirst = await row(id);
    expect(afterFirst).toMatchObject({
      attempts: 1,
      lastError: 'connect ECONNREFUSED 127.0.0.1:25',
      sentAt: null,
      claimedUntil: null,
    });
    const wait1 = (afterFirst?.nextAttemptAt ?? 0) - world.h.now();
    expect(wait1).toBeGreaterThanOrEqual(48_000);
    expect(wait1).toBeLessThanOrEqual(60_000);

    expect(await deliverDue(db, transport, { now: world.h.now, from })).toEqual({
      sent: [],
      failed: [],
    });
    world.h.advance(wait1);
    await deliverDue(db, transport, { now: world.h.now, from });
    const wait2 = ((await row(id))?.nextAttemptAt ?? 0) - world.h.now();
    expect(wait2).toBeGreaterThanOrEqual(96_000);
    expect(wait2).toBeLessThanOrEqual(120_000);

    transport.failWith = undefined;
    world.h.advance(wait2);
    expect((await deliverDue(db, transport, { now: world.h.now, from })).sent).toEqual([id]);
    expect(await row(id)).toMatchObject({ attempts: 2, sentAt: world.h.now() });
    expect(transport.tries).toBe(3);
  });

  test('gives up after 10 failures and keeps the mail with its error', async () => {
    const [id = ''] = await queue(1);
    const transport = fakeTransport({ failWith: '550 5.1.1 user unknown' });
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const report = await deliverDue(db, transport, { now: world.h.now, from });
      expect(report.failed[0]).toMatchObject({ attempts: attempt, gaveUp: attempt === 10 });
      world.h.advance(3_600_000);
    }
    world.h.advance(365 * 24 * 3_600_000);
    expect(await deliverDue(db, transport, { now: world.h.now, from })).toEqual({
      sent: [],
      failed: [],
    });
    expect(transport.tries).toBe(10);
    const kept = await row(id);
    expect(kept).toMatchObject({ attempts: 10, lastError: '550 5.1.1 user unknown', sentAt: null });
    expect(new Date(kept?.nextAttemptAt ?? 0).getTime()).toBeGreaterThan(world.h.now());
  });

  test('keeps a long error short', async () => {
    await queue(1);
    const report = await deliverDue(db, fakeTransport({ failWith: 'x'.repeat(5000) }), {
      now: world.h.now,
      from,
    });
    expect(report.failed[0]?.error).toHaveLength(1000);
  });

  test('two workers racing send each mail exactly once', async () => {
    const ids = await queue(6);
    const transport = fakeTransport({
      onSend: () => new Promise((resolve) => setTimeout(resolve, 5)),
    });
    const reports = await Promise.all([
      deliverDue(db, transport, { now: world.h.now, from, batchSize: 4 }),
      deliverDue(db, transport, { now: world.h.now, from, batchSize: 4 }),
    ]);
    const again = await deliverDue(db, transport, { now: world.h.now, from });
    expect(reports.flatMap((report) => report.sent).length + again.sent.length).toBe(6);
    expect(transport.sent.map((mail) => mail.messageId).sort()).toEqual([...ids].sort());
  });

  test('two processes on one database send each mail exactly once', async () => {
    const ids = await queue(6);
    // A second registry opens its own connection to the same file, as another process would.
    const other = new TenantRegistry(world.h.registry.control, world.h.registry.settings);
    try {
      const otherDb = await other.database('midori');
      const transport = fakeTransport({
        onSend: () => new Promise((resolve) => setTimeout(resolve, 5)),
      });
      await Promise.all([
        deliverDue(db, transport, { now: world.h.now, from }),
        deliverDue(otherDb, transport, { now: world.h.now, from }),
        deliverDue(db, transport, { now: world.h.now, from }),
      ]);
      expect(transport.sent.map((mail) => mail.messageId).sort()).toEqual([...ids].sort());
    } finally {
      await other.close();
    }
  });

  test('starts no send that could outlast its claim; the next pass after it lapses does', async () => {
    await queue(3);
    // Each send takes longer than half a claim, as a slow SMTP server might.
    const transport = fakeTransport({ onSend: () => world.h.advance(sendTimeoutMs + 10_000) });
    expect((await deliverDue(db, transport, { now: world.h.now, from })).sent).toHaveLength(1);
    expect((await deliverDue(db, transport, { now: world.h.now, from })).sent).toHaveLength(0);
    world.h.advance(sendTimeoutMs);
    expect((await deliverDue(db, transport, { now: world.h.now, from })).sent).toHaveLength(1);
    expect(transport.tries).toBe(2);
  });
});

describe('retryDelay', () => {
  test('doubles from a minute up to an hour, shortened by at most a fifth', () => {
    const nominal = [1, 2, 4, 8, 16, 32, 60, 60, 60].map((minutes) => minutes * 60_000);
    nominal.forEach((ms, i) => {
      expect(retryDelay(i + 1, () => 0)).toBe(ms);
      expect(retryDelay(i + 1, () => 0.999_999)).toBeGreaterThanOrEqual(ms * 0.8);
    });
  });
});

describe('startMailWorker', () => {
  test('delivers the mail of active tenants until stopped, and logs without addresses', async () => {
    const ids = await queue(2);
    const transport = fakeTransport();
    const worker = startMailWorker({
      registry: world.h.registry,
      listTenantSlugs: async () => ['midori', 'unknown'],
      transport,
      from: 'no-reply@madoguchi.local',
      intervalMs: 10,
      logger: world.h.logger,
      now: world.h.now,
    });
    await vi.waitFor(() => expect(transport.sent).toHaveLength(2));
    expect(transport.sent[0]?.from).toEqual(from);

    transport.failWith = '550 5.1.1 <taro9@example.jp>: Recipient address rejected';
    await db.batch([
      queueMail(
        db,
        { eventKey: 'sub_9:arrival', to: 'taro9@example.jp', subject: 's', body: 'b' },
        world.h.now(),
      ),
    ]);
    await vi.waitFor(() =>
      expect(world.h.logger.lines).toContainEqual(
        expect.objectContaining({ event: 'mail_failed', tenant: 'midori' }),
      ),
    );
    await worker.stop();
    const tries = transport.tries;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(transport.tries).toBe(tries);

    const lines = world.h.logger.lines.filter((line) => String(line.event).startsWith('mail_'));
    expect(lines).toContainEqual(
      expect.objectContaining({ event: 'mail_sent', tenant: 'midori', id: ids[0] }),
    );
    expect(JSON.stringify(lines)).not.toContain('example.jp');
    expect(JSON.stringify(lines)).toContain('[address]');
  });

  test('leaves the mail of a suspended tenant queued', async () => {
    await queue(1);
    await setTenantStatus(world.h.registry, 'midori', 'suspended', world.h.now());
    try {
      const transport = fakeTransport();
      const worker = startMailWorker({
        registry: world.h.registry,
        listTenantSlugs: async () => ['midori'],
        transport,
        from: 'no-reply@madoguchi.local',
        intervalMs: 10,
        logger: world.h.logger,
        now: world.h.now,
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await worker.stop();
      expect(transport.tries).toBe(0);
    } finally {
      await setTenantStatus(world.h.registry, 'midori', 'active', world.h.now());
    }
  });
});
