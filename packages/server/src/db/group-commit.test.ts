import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyChain, writeStatementsWithAudit } from '../audit/service';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';
import { GroupCommit, PreparedConnection, type UnitTransaction } from './group-commit';
import type { TenantDb } from './registry';
import { insertStatement, type Statement } from './statements';
import * as tenantSchema from './tenant-schema';
import { departments, outbox, staff } from './tenant-schema';
import { localWriterOf, readRow, readRows } from './writer-thread';

let h: Awaited<ReturnType<typeof createHarness>>;
let db: TenantDb;
beforeAll(async () => {
  h = await createHarness();
  await createTenant(
    h.registry,
    {
      slug: 'kita',
      name: '北区',
      localGovernmentCode: '131172',
      adminEmail: 'a@kita.example.lg.jp',
      adminName: '管理',
    },
    h.now(),
  );
  db = await h.registry.database('kita');
});
afterAll(() => h.close());

const department = (id: string) => insertStatement(departments, { id, name: id, createdAt: 1 });
/** Statements through the tenant's writer thread, with no audit entry. */
const write = (...statements: Statement[]) => {
  const writer = localWriterOf(db);
  if (!writer) throw new Error('a local tenant database has a writer');
  return writer.write({ statements, entries: [], now: 1 });
};
const names = async () => (await db.select().from(departments)).map((d) => d.id).sort();

describe('insertStatement', () => {
  test('stores a row exactly as drizzle reads it back: JSON, booleans, nulls, SQL defaults', async () => {
    await db.insert(departments).values({ id: 'dep_s', name: 's', createdAt: 1 });
    await write(
      insertStatement(staff, {
        id: 'stf_s',
        email: 's@kita.example.lg.jp',
        name: '職員',
        isTenantAdmin: true,
        status: 'active',
        formIds: ['frm_1', 'frm_2'],
        createdAt: 5,
        updatedAt: 5,
      }),
    );
    const [row] = await db.select().from(staff).where(eq(staff.id, 'stf_s'));
    expect(row).toMatchObject({ isTenantAdmin: true, formIds: ['frm_1', 'frm_2'], createdAt: 5 });
  });

  test('names the column it does not know, instead of writing a broken statement', () => {
    expect(() => insertStatement(departments, { nope: 1 } as never)).toThrow(/no column nope/);
  });

  test('can ignore a conflict on a unique column (a retried event queues one mail)', async () => {
    const mail = {
      id: 'mail_a',
      eventKey: 'evt:1',
      to: 'x@y.jp',
      subject: 's',
      body: 'b',
      createdAt: 1,
      nextAttemptAt: 1,
    };
    const [first] = await write(insertStatement(outbox, mail, 'event_key'));
    const [again] = await write(insertStatement(outbox, { ...mail, id: 'mail_b' }, 'event_key'));
    expect([first?.changes, again?.changes]).toEqual([1, 0]);
  });
});

describe('group commit (the engine inside the writer thread)', () => {
  let group: GroupCommit;
  let reader: PreparedConnection;
  const put = (id: string) => ({ sql: 'INSERT INTO t (id) VALUES (?)', args: [id] });
  const stored = () =>
    (reader.db.prepare('SELECT id FROM t ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  beforeAll(() => {
    const path = join(mkdtempSync(join(tmpdir(), 'madoguchi-group-')), 'g.db');
    reader = new PreparedConnection(path, undefined);
    reader.db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
    group = new GroupCommit(path, undefined);
  });
  afterAll(() => {
    group.close();
    reader.close();
  });

  test('what a unit leaves in the memo reaches the next unit of the same transaction only, and not from a unit rolled back', async () => {
    const seen: unknown[] = [];
    const remember = (value: string) => (tx: UnitTransaction) => {
      seen.push(tx.memo.get('k'));
      tx.memo.set('k', value);
    };
    await Promise.allSettled([
      group.submit(remember('a')),
      group.submit(remember('b')),
      group.submit((tx) => {
        remember('rolled back')(tx);
        throw new Error('this unit fails after writing its memo');
      }),
      group.submit(remember('c')),
    ]);
    expect(seen).toEqual([undefined, 'a', 'b', undefined]);
    // A later transaction starts with nothing.
    await group.submit(remember('d'));
    expect(seen.at(-1)).toBeUndefined();
  });

  test('units that arrive together commit in one transaction and all resolve', async () => {
    const results = await Promise.all(
      ['g1', 'g2', 'g3'].map((id) => group.submit((tx) => tx.run(put(id)))),
    );
    expect(results.map((r) => r.changes)).toEqual([1, 1, 1]);
    expect(stored()).toEqual(expect.arrayContaining(['g1', 'g2', 'g3']));
  });

  test('a unit that fails is rolled back alone: its caller gets the error, the others commit', async () => {
    const outcomes = await Promise.allSettled([
      group.submit((tx) => tx.run(put('ok1'))),
      group.submit((tx) => {
        tx.run(put('half'));
        tx.run(put('ok1')); // primary key taken by the unit before
        return 'never';
      }),
      group.submit((tx) => {
        tx.run(put('thrown'));
        throw new Error('refused by the unit itself');
      }),
      group.submit((tx) => tx.run(put('ok2'))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(stored()).toEqual(expect.arrayContaining(['ok1', 'ok2']));
    expect(stored()).not.toContain('half');
    expect(stored()).not.toContain('thrown');
  });

  /** Units that count how often they ran, by name (a group may run its units again). */
  const countingRuns = () => {
    const runs = new Map<string, number>();
    const counted =
      (name: string, work: (tx: UnitTransaction) => unknown) => (tx: UnitTransaction) => {
        runs.set(name, (runs.get(name) ?? 0) + 1);
        return work(tx);
      };
    return { runs, counted };
  };

  test('a unit that fails before changing a row is dropped alone: no unit of its group runs twice', async () => {
    const { runs, counted } = countingRuns();
    const outcomes = await Promise.allSettled([
      group.submit(counted('a', (tx) => tx.run(put('fast-a')))),
      // Inserts nothing (the row is there), then fails on its second statement: nothing to undo.
      group.submit(
        counted('nothing', (tx) => {
          const none = tx.run({ sql: 'INSERT INTO t (id) SELECT ? WHERE 0', args: ['never'] });
          expect(none.changes).toBe(0);
          tx.run(put('fast-a'));
        }),
      ),
      group.submit(counted('b', (tx) => tx.run(put('fast-b')))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect([...runs.values()]).toEqual([1, 1, 1]);
    expect(stored()).toEqual(expect.arrayContaining(['fast-a', 'fast-b']));
    expect(stored()).not.toContain('never');
  });

  test('a unit that fails after changing rows makes its group run again with a savepoint per unit: each caller gets its own result once', async () => {
    const { runs, counted } = countingRuns();
    const outcomes = await Promise.allSettled([
      group.submit(counted('a', (tx) => tx.run(put('again-a')).changes)),
      group.submit(
        counted('half', (tx) => {
          tx.run(put('again-half'));
          tx.run(put('again-a'));
        }),
      ),
      group.submit(counted('b', (tx) => tx.run(put('again-b')).changes)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 1 });
    // The first pass stopped at the failing unit; the second ran all three.
    expect(Object.fromEntries(runs)).toEqual({ a: 2, half: 2, b: 1 });
    const ids = stored();
    expect(ids.filter((id) => id.startsWith('again-'))).toEqual(['again-a', 'again-b']);
  });

  test('a query that writes counts as a change: its unit failing is rolled back, not kept', async () => {
    const outcomes = await Promise.allSettled([
      group.submit((tx) => {
        tx.get('INSERT INTO t (id) VALUES (?) RETURNING id', ['returned']);
        throw new Error('fails after a write through get');
      }),
      group.submit((tx) => tx.run(put('beside-returned'))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
    expect(stored()).toContain('beside-returned');
    expect(stored()).not.toContain('returned');
  });

  test('when SQLite gives up the whole transaction, no caller is told it succeeded', async () => {
    const outcomes = await Promise.allSettled([
      group.submit((tx) => tx.run(put('lost'))),
      group.submit((tx) => {
        tx.run({ sql: 'ROLLBACK', args: [] });
        throw new Error('the transaction is gone');
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(stored()).not.toContain('lost');
    // And the writer goes on working afterwards.
    await group.submit((tx) => tx.run(put('after')));
    expect(stored()).toContain('after');
  });
});

describe('the writer thread', () => {
  test('writes that arrive together all resolve, and the drizzle connection sees them', async () => {
    const results = await Promise.all(
      ['dep_g1', 'dep_g2', 'dep_g3'].map((id) => write(department(id))),
    );
    expect(results.map((r) => r[0]?.changes)).toEqual([1, 1, 1]);
    expect(await names()).toEqual(expect.arrayContaining(['dep_g1', 'dep_g2', 'dep_g3']));
  });

  test("a failing write is refused alone, with SQLite's words (callers tell a constraint from a guard by them)", async () => {
    const outcomes = await Promise.allSettled([
      write(department('dep_w1')),
      write(department('dep_w2'), department('dep_w1')),
      write(department('dep_w3')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(
      /UNIQUE constraint failed: departments\.id/,
    );
    expect(await names()).not.toContain('dep_w2');
  });

  test("bytes reach the file exactly, a view into Node's shared pool included", async () => {
    await write({ sql: 'CREATE TABLE bytes_check (id TEXT PRIMARY KEY, bytes BLOB)', args: [] });
    const pooled = Buffer.from(Uint8Array.from({ length: 32 }, (_, i) => i * 7));
    expect(pooled.buffer.byteLength).toBeGreaterThan(32);
    const args = ['pooled', pooled];
    await write({ sql: 'INSERT INTO bytes_check (id, bytes) VALUES (?, ?)', args });
    const row = await readRow<{ bytes: Uint8Array }>(
      db,
      'SELECT bytes FROM bytes_check WHERE id = ?',
      ['pooled'],
    );
    expect(Buffer.from(row?.bytes ?? []).equals(pooled)).toBe(true);
  });

  test('readRow reads on a connection of this thread, and through the client where there is none', async () => {
    await write(department('dep_after'));
    const sql = 'SELECT id, name, created_at AS createdAt FROM departments WHERE id = ?';
    expect(await readRow(db, sql, ['dep_after'])).toEqual({
      id: 'dep_after',
      name: 'dep_after',
      createdAt: 1,
    });
    const plain = drizzle(db.$client, { schema: tenantSchema });
    expect(localWriterOf(plain)).toBeUndefined();
    expect(await readRow(plain, sql, ['dep_after'])).toEqual({
      id: 'dep_after',
      name: 'dep_after',
      createdAt: 1,
    });
    expect(await readRow(plain, sql, ['nobody'])).toBeUndefined();
  });

  test('readRows gives every row as an array of values, the same on this thread and through the client', async () => {
    await write(department('dep_rows1'), department('dep_rows2'));
    const sql = "SELECT id, created_at FROM departments WHERE id LIKE 'dep_rows%' ORDER BY id";
    const expected = [
      ['dep_rows1', 1],
      ['dep_rows2', 1],
    ];
    expect(await readRows(db, sql, [])).toEqual(expected);
    const plain = drizzle(db.$client, { schema: tenantSchema });
    expect(await readRows(plain, sql, [])).toEqual(expected);
    expect(await readRows(plain, 'SELECT id FROM departments WHERE id = ?', ['nobody'])).toEqual(
      [],
    );
  });

  test('closing writes what is pending first; afterwards writes are refused, not lost', async () => {
    const other = await createHarness();
    await createTenant(
      other.registry,
      {
        slug: 'minami',
        name: '南区',
        localGovernmentCode: '131181',
        adminEmail: 'a@minami.example.lg.jp',
        adminName: '管理',
      },
      other.now(),
    );
    const otherDb = await other.registry.database('minami');
    const writer = localWriterOf(otherDb);
    if (!writer) throw new Error('no writer');
    const pending = writer.write({ statements: [department('dep_pending')], entries: [], now: 1 });
    const closing = writer.close();
    await expect(pending).resolves.toEqual([{ changes: 1 }]);
    await closing;
    await expect(
      writer.write({ statements: [department('dep_late')], entries: [], now: 1 }),
    ).rejects.toThrow(/closed/);
    await other.close();
  });
});

describe('writeStatementsWithAudit', () => {
  const entry = { actorType: 'system', action: 'test.write' } as const;

  test('grouped writes chain their audit entries in commit order; the chain verifies', async () => {
    const writes = Array.from({ length: 40 }, (_, i) =>
      writeStatementsWithAudit(db, [department(`dep_a${i}`)], [entry], h.now()),
    );
    // One of them fails on its own statement: its entry must not be in the chain.
    writes.push(writeStatementsWithAudit(db, [department('dep_a0')], [entry], h.now()));
    const outcomes = await Promise.allSettled(writes);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(40);
    expect(await verifyChain(db)).toMatchObject({ ok: true });
  });

  test('without a group writer (a libSQL server) it is one batch, and the chain still verifies', async () => {
    const plain = drizzle(db.$client, { schema: tenantSchema });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        writeStatementsWithAudit(plain, [department(`dep_r${i}`)], [entry], h.now()),
      ),
    );
    expect(results.map((r) => r[0]?.changes)).toEqual(Array(10).fill(1));
    await expect(
      writeStatementsWithAudit(plain, [department('dep_r0')], [entry], h.now()),
    ).rejects.toThrow(/UNIQUE/);
    expect(await verifyChain(db)).toMatchObject({ ok: true });
  });
});
