import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, test } from 'vitest';
import { deriveDatabaseKey, loadMasterKey } from './keys';
import { openDatabase } from './open';

const dir = () => mkdtempSync(join(tmpdir(), 'madoguchi-db-'));

describe('openDatabase', () => {
  test('a local file is durable: WAL, synchronous=FULL, foreign keys on, a busy timeout', async () => {
    const client = await openDatabase({ url: `file:${join(dir(), 'nested', 'a.db')}` });
    const pragma = async (name: string) =>
      Object.values((await client.execute(`PRAGMA ${name}`)).rows[0] ?? {})[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
    client.close();
  });

  test('an encrypted file cannot be read without its key, or with another tenant’s key', async () => {
    const path = join(dir(), 'tenant.db');
    const master = loadMasterKey(undefined, dir()).key;
    const key = deriveDatabaseKey(master, 'tenant:midori');
    const client = await openDatabase({ url: `file:${path}`, encryptionKey: key });
    await client.execute('CREATE TABLE t (name TEXT)');
    await client.execute("INSERT INTO t VALUES ('山田太郎 secret-marker')");
    client.close();

    expect(readFileSync(path).includes(Buffer.from('secret-marker'))).toBe(false);
    await expect(
      createClient({ url: `file:${path}` }).execute('SELECT * FROM t'),
    ).rejects.toMatchObject({ code: 'SQLITE_NOTADB' });
    const otherKey = deriveDatabaseKey(master, 'tenant:aoba');
    await expect(
      openDatabase({ url: `file:${path}`, encryptionKey: otherKey }),
    ).rejects.toMatchObject({ code: 'SQLITE_NOTADB' });

    const again = await openDatabase({ url: `file:${path}`, encryptionKey: key });
    expect((await again.execute('SELECT name FROM t')).rows[0]?.name).toBe(
      '山田太郎 secret-marker',
    );
    again.close();
  });
});

describe('keys', () => {
  test('a master key is generated once into the data folder, then reused', () => {
    const data = dir();
    const first = loadMasterKey(undefined, data);
    expect(first.generated).toBe(true);
    const second = loadMasterKey(undefined, data);
    expect(second).toMatchObject({ generated: false });
    expect(second.key.equals(first.key)).toBe(true);
  });

  test('a configured key wins and nothing is written', () => {
    const configured = 'ab'.repeat(32);
    expect(loadMasterKey(configured, dir())).toEqual({
      key: Buffer.from(configured, 'hex'),
      generated: false,
    });
  });

  test('derived keys differ per purpose and are stable', () => {
    const master = Buffer.alloc(32, 7);
    expect(deriveDatabaseKey(master, 'tenant:a')).toBe(deriveDatabaseKey(master, 'tenant:a'));
    expect(deriveDatabaseKey(master, 'tenant:a')).not.toBe(deriveDatabaseKey(master, 'tenant:b'));
    expect(deriveDatabaseKey(master, 'tenant:a')).toMatch(/^[0-9a-f]{64}$/);
  });
});
