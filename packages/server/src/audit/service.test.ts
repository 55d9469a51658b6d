import { count, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newId } from '../db/ids';
import { deriveDatabaseKey } from '../db/keys';
import { openDatabase } from '../db/open';
import { type TenantDb, tenantDatabaseUrl } from '../db/registry';
import * as tenantSchema from '../db/tenant-schema';
import { auditLog, departments } from '../db/tenant-schema';
import { createHarness } from '../testing/harness';
import { entryHash } from './chain';
import { type AuditEntry, appendAudit, listAudit, verifyChain, writeWithAudit } from './service';

let h: Awaited<ReturnType<typeof createHarness>>;
let databases = 0;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** A fresh tenant database of its own, with its raw client for tampering. */
async function freshDatabase() {
  databases += 1;
  const slug = `audit${databases}`;
  return { slug, db: await h.registry.database(slug), client: await h.registry.client(slug) };
}

const entry = (n: number): AuditEntry => ({
  actorType: 'staff',
  actorId: `stf_${n}`,
  action: 'test.event',
  targetType: 'thing',
  targetId: `thing_${n}`,
  ip: '192.0.2.10',
  details: { n, nested: { b: 2, a: 1 } },
});

async function withEntries(total: number) {
  const database = await freshDatabase();
  const [first, ...rest] = Array.from({ length: total }, (_, i) => entry(i + 1));
  if (first) await writeWithAudit(database.db, [], [first, ...rest], h.now());
  return database;
}

const departmentInsert = (db: TenantDb, name: string) =>
  db.insert(departments).values({ id: newId('dep'), name, createdAt: h.now() });

describe('writeWithAudit', () => {
  test('commits the change and its entries together, with consecutive seqs and linked hashes', async () => {
    const { db } = await freshDatabase();
    const [inserted] = await writeWithAudit(
      db,
      [departmentInsert(db, '防災課')],
      [entry(1), entry(2)],
      h.now(),
    );
    expect(inserted.rowsAffected).toBe(1);
    await appendAudit(db, { actorType: 'system', action: 'test.alone' }, h.now());
    const rows = await db.select().from(auditLog).orderBy(auditLog.seq);
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3]);
    expect(rows[0]?.prevHash).toBe('0'.repeat(64));
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(rows[2]).toMatchObject({ actorType: 'system', actorId: null, details: null });
    expect(await verifyChain(db)).toEqual({ ok: true, entries: 3 });
  });

  test('writes nothing when the change fails, and passes its error on without retrying', async () => {
    const { db } = await freshDatabase();
    const id = newId('dep');
    await db.insert(departments).values({ id, name: '既存', createdAt: h.now() });
    await expect(
      writeWithAudit(
        db,
        [db.insert(departments).values({ id, name: '重複', createdAt: h.now() })],
        [entry(1)],
        h.now(),
      ),
    ).rejects.toThrow(/UNIQUE|PRIMARY/);
    expect(await db.select().from(auditLog)).toEqual([]);
  });

  test('stores details as the hash saw them (undefined members dropped)', async () => {
    const { db } = await freshDatabase();
    await appendAudit(
      db,
      { actorType: 'staff', action: 'test.details', details: { kept: 1, dropped: undefined } },
      h.now(),
    );
    const [row] = await db.select().from(auditLog);
    expect(row?.details).toEqual({ kept: 1 });
    expect(await verifyChain(db)).toEqual({ ok: true, entries: 1 });
  });

  test('50 concurrent writers over two connections (two processes) all succeed', async () => {
    const { slug, db } = await freshDatabase();
    // A second connection to the same file stands in for a second server process.
    const otherClient = await openDatabase({
      url: tenantDatabaseUrl(h.registry.settings, slug),
      encryptionKey: deriveDatabaseKey(h.registry.settings.masterKey, `tenant:${slug}`),
    });
    const other = drizzle(otherClient, { schema: tenantSchema });
    try {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => {
          const handle = i % 2 === 0 ? db : other;
          return writeWithAudit(
            handle,
            [departmentInsert(handle, `課 ${i}`)],
            [entry(i), { ...entry(i), action: 'test.second' }],
            h.now(),
          );
        }),
      );
    } finally {
      otherClient.close();
    }
    const [departmentCount] = await db.select({ n: count() }).from(departments);
    expect(departmentCount?.n).toBe(50);
    expect(await verifyChain(db)).toEqual({ ok: true, entries: 100 });
    // Each writer's two entries are neighbours: a batch is never split by another writer.
    const rows = await db.select().from(auditLog).orderBy(auditLog.seq);
    for (let i = 0; i < rows.length; i += 2) {
      expect(rows[i]?.action).toBe('test.event');
      expect(rows[i + 1]).toMatchObject({ action: 'test.second', actorId: rows[i]?.actorId });
    }
  });

  test('gives up after 10 lost races, leaving the change undone', async () => {
    const { db, client } = await freshDatabase();
    // Every audit insert now fails on a constraint, as if another writer always got there first.
    await client.execute(
      "CREATE TRIGGER always_taken BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'taken'); END",
    );
    await expect(
      writeWithAudit(db, [departmentInsert(db, '消える課')], [entry(1)], h.now()),
    ).rejects.toThrow('lost the race for the next seq 10 times');
    const [departmentCount] = await db.select({ n: count() }).from(departments);
    expect(departmentCount?.n).toBe(0);
  });
});

describe('verifyChain', () => {
  test('an empty log verifies', async () => {
    const { db } = await freshDatabase();
    expect(await verifyChain(db)).toEqual({ ok: true, entries: 0 });
  });

  test('a clean chain over several pages verifies', async () => {
    const { db } = await withEntries(2500);
    expect(await verifyChain(db)).toEqual({ ok: true, entries: 2500 });
  });

  test('changed details: hash_mismatch at that entry, even on a later page', async () => {
    const { db, client } = await withEntries(2500);
    await client.execute({
      sql: 'UPDATE audit_log SET details = ? WHERE seq = 1500',
      args: [JSON.stringify({ n: 9999, nested: { a: 1, b: 2 } })],
    });
    expect(await verifyChain(db)).toEqual({ ok: false, brokenAt: 1500, reason: 'hash_mismatch' });
  });

  test('details rewritten with other key order or spacing is not tampering', async () => {
    const { db, client } = await withEntries(3);
    await client.execute({
      sql: 'UPDATE audit_log SET details = ? WHERE seq = 2',
      args: ['{ "nested": { "b": 2, "a": 1 }, "n": 2 }'],
    });
    expect(await verifyChain(db)).toEqual({ ok: true, entries: 3 });
  });

  test('a deleted entry: gap at the missing seq', async () => {
    const { db, client } = await withEntries(10);
    await client.execute('DELETE FROM audit_log WHERE seq = 4');
    expect(await verifyChain(db)).toEqual({ ok: false, brokenAt: 4, reason: 'gap' });
  });

  test('the first entry deleted: gap at 1', async () => {
    const { db, client } = await withEntries(3);
    await client.execute('DELETE FROM audit_log WHERE seq = 1');
    expect(await verifyChain(db)).toEqual({ ok: false, brokenAt: 1, reason: 'gap' });
  });

  test('two entries swapped: prev_mismatch at the first of them', async () => {
    const { db, client } = await withEntries(10);
    await client.batch([
      'UPDATE audit_log SET seq = -1 WHERE seq = 5',
      'UPDATE audit_log SET seq = 5 WHERE seq = 6',
      'UPDATE audit_log SET seq = 6 WHERE seq = -1',
    ]);
    expect(await verifyChain(db)).toEqual({ ok: false, brokenAt: 5, reason: 'prev_mismatch' });
  });

  test('an entry changed and re-hashed: the next entry no longer links (prev_mismatch)', async () => {
    const { db, client } = await withEntries(10);
    const [row] = await db.select().from(auditLog).where(eq(auditLog.seq, 7));
    if (!row) throw new Error('no entry 7');
    const forged = { ...row, actorId: 'stf_someone_else' };
    await client.execute({
      sql: 'UPDATE audit_log SET actor_id = ?, hash = ? WHERE seq = 7',
      args: [forged.actorId, entryHash(row.prevHash, forged)],
    });
    expect(await verifyChain(db)).toEqual({ ok: false, brokenAt: 8, reason: 'prev_mismatch' });
  });

  test('reports the first break when there are several', async () => {
    const { db, client } = await withEntries(10);
    await client.execute("UPDATE audit_log SET action = 'x' WHERE seq IN (3, 8)");
    await client.execute('DELETE FROM audit_log WHERE seq = 5');
    expect(await verifyChain(db)).toEqual({ ok: false, brokenAt: 3, reason: 'hash_mismatch' });
  });
});

describe('listAudit', () => {
  test('newest first, with filters and cursor paging', async () => {
    const { db } = await freshDatabase();
    const start = h.now();
    for (let i = 1; i <= 6; i++)
      await appendAudit(
        db,
        { ...entry(i), action: i % 2 === 0 ? 'even' : 'odd', actorId: 'stf_same' },
        start + i * 1000,
      );
    const all = await listAudit(db, { limit: 100 });
    expect(all.entries.map((row) => row.seq)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(all.nextBeforeSeq).toBeNull();

    const first = await listAudit(db, { action: 'even', limit: 2 });
    expect(first.entries.map((row) => row.seq)).toEqual([6, 4]);
    expect(first.nextBeforeSeq).toBe(4);
    const second = await listAudit(db, { action: 'even', limit: 2, beforeSeq: 4 });
    expect(second.entries.map((row) => row.seq)).toEqual([2]);
    expect(second.nextBeforeSeq).toBeNull();

    const window = await listAudit(db, { from: start + 2000, to: start + 5000, limit: 100 });
    expect(window.entries.map((row) => row.seq)).toEqual([4, 3, 2]);
    expect((await listAudit(db, { targetId: 'thing_3', limit: 100 })).entries).toHaveLength(1);
    expect((await listAudit(db, { actorId: 'stf_same', limit: 100 })).entries).toHaveLength(6);
    expect((await listAudit(db, { actorId: 'stf_other', limit: 100 })).entries).toEqual([]);
  });

  test('never returns more than 500 entries', async () => {
    const { db } = await withEntries(600);
    const page = await listAudit(db, { limit: 10_000 });
    expect(page.entries).toHaveLength(500);
    expect(page.nextBeforeSeq).toBe(101);
  });
});
