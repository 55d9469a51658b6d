import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the generated local master key lives. */
export function masterKeyPath(dataDir: string): string {
  return join(dataDir, 'master.key');
}

/**
 * The master key: from configuration, or (local default) read from or generated into the data
 * folder. Returns whether it was generated now, so the caller can say so once.
 */
export function loadMasterKey(
  configured: string | undefined,
  dataDir: string,
): { key: Buffer; generated: boolean; path?: string } {
  if (configured !== undefined) return { key: Buffer.from(configured, 'hex'), generated: false };
  const path = masterKeyPath(dataDir);
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(text))
      throw new Error(`${path} does not hold a 64-character hexadecimal key`);
    return { key: Buffer.from(text, 'hex'), generated: false, path };
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  // wx: never overwrite a key another process wrote a moment ago; 0600: the owner only.
  writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, generated: true, path };
}

/**
 * A database encryption key for one purpose (`control`, or `tenant:<slug>`), derived with
 * HKDF-SHA256 so no key is stored beside the data and each tenant's key is different.
 */
export function deriveDatabaseKey(masterKey: Buffer, purpose: string): string {
  return Buffer.from(hkdfSync('sha256', masterKey, 'madoguchi/database', purpose, 32)).toString(
    'hex',
  );
}
