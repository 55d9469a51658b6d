import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { localFileStorage } from './storage';
import { samplePdf } from './test-support';

const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-files-'));
const masterKey = Buffer.from('cd'.repeat(32), 'hex');
const storage = localFileStorage({ dataDir, masterKey });
const plain = new TextEncoder().encode('通帳の写し — account 1234567 — '.repeat(20));
const pathOf = (slug: string, id: string) => join(dataDir, 'files', slug, id);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('local file storage', () => {
  test('round trip: the bytes come back as they were put', async () => {
    await storage.put('midori', 'att_roundtrip', plain);
    expect(await storage.get('midori', 'att_roundtrip')).toEqual(plain);
    const pdf = samplePdf();
    await storage.put('midori', 'att_pdf', pdf);
    expect(await storage.get('midori', 'att_pdf')).toEqual(pdf);
  });

  test('on disk: iv | tag | ciphertext, no plaintext, owner-only, no temporary files left', async () => {
    await storage.put('midori', 'att_disk', plain);
    const stored = readFileSync(pathOf('midori', 'att_disk'));
    expect(stored.length).toBe(12 + 16 + plain.length);
    expect(stored.includes(Buffer.from(plain.subarray(0, 32)))).toBe(false);
    expect(stored.includes(Buffer.from('account 1234567'))).toBe(false);
    expect(statSync(pathOf('midori', 'att_disk')).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dataDir, 'files', 'midori')).filter((n) => n.endsWith('.tmp'))).toEqual(
      [],
    );
  });

  test('the same bytes twice give different ciphertexts (a fresh IV per file)', async () => {
    await storage.put('midori', 'att_twice_a', plain);
    await storage.put('midori', 'att_twice_b', plain);
    expect(readFileSync(pathOf('midori', 'att_twice_a'))).not.toEqual(
      readFileSync(pathOf('midori', 'att_twice_b')),
    );
  });

  test.each([
    ['the IV', 0],
    ['the tag', 12],
    ['the ciphertext', 40],
  ])('a changed byte in %s is an error, not garbage', async (_, at) => {
    const id = `att_tamper_${at}`;
    await storage.put('midori', id, plain);
    const stored = readFileSync(pathOf('midori', id));
    stored[at] = (stored[at] ?? 0) ^ 1;
    writeFileSync(pathOf('midori', id), stored);
    await expect(storage.get('midori', id)).rejects.toThrow();
  });

  test('a truncated file is an error', async () => {
    await storage.put('midori', 'att_short', plain);
    writeFileSync(
      pathOf('midori', 'att_short'),
      readFileSync(pathOf('midori', 'att_short')).subarray(0, 20),
    );
    await expect(storage.get('midori', 'att_short')).rejects.toThrow(/truncated/);
  });

  test("another tenant's key cannot read it, even with the file copied over", async () => {
    await storage.put('midori', 'att_secret', plain);
    mkdirSync(join(dataDir, 'files', 'aoba'), { recursive: true });
    copyFileSync(pathOf('midori', 'att_secret'), pathOf('aoba', 'att_secret'));
    await expect(storage.get('aoba', 'att_secret')).rejects.toThrow();
  });

  test('a file moved to another id of the same tenant is refused', async () => {
    await storage.put('midori', 'att_original', plain);
    copyFileSync(pathOf('midori', 'att_original'), pathOf('midori', 'att_swapped'));
    await expect(storage.get('midori', 'att_swapped')).rejects.toThrow();
  });

  test('another master key cannot read it', async () => {
    await storage.put('midori', 'att_master', plain);
    const other = localFileStorage({ dataDir, masterKey: Buffer.from('ef'.repeat(32), 'hex') });
    await expect(other.get('midori', 'att_master')).rejects.toThrow();
  });

  test('delete removes the file and may be repeated', async () => {
    await storage.put('midori', 'att_gone', plain);
    await storage.delete('midori', 'att_gone');
    expect(existsSync(pathOf('midori', 'att_gone'))).toBe(false);
    await storage.delete('midori', 'att_gone');
    await expect(storage.get('midori', 'att_gone')).rejects.toThrow();
  });

  test('names that could leave the folder are refused', async () => {
    for (const [slug, id] of [
      ['midori', '../control.db'],
      ['..', 'att_x'],
      ['midori', 'a/b'],
      ['Midori', 'att_x'],
      ['midori', ''],
    ] as const)
      await expect(storage.put(slug, id, plain)).rejects.toThrow(/file storage/);
  });
});
