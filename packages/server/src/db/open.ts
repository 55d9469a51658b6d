import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';

/** How to reach one database. */
export interface DatabaseTarget {
  url: string;
  /** Encrypts a local file at rest; a libSQL server encrypts on its side. */
  encryptionKey?: string;
  authToken?: string;
}

/** The path of a `file:` URL, or undefined for a remote database. */
export function localPath(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  return url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
}

/**
 * Opens a libSQL database. Local files are created with their folder, encrypted when a key is
 * given, and set to WAL with synchronous=FULL so an acknowledged write survives a power cut.
 *
 * A local client keeps exactly one connection: PRAGMAs are per connection, and embedded libSQL
 * runs each statement synchronously in this process anyway, so a pool would add lock contention
 * and connections without the settings above. Writes therefore use atomic batches, never
 * interactive transactions (see docs/adr/0005).
 */
export async function openDatabase(target: DatabaseTarget): Promise<Client> {
  const path = localPath(target.url);
  if (path !== undefined) {
    mkdirSync(dirname(path), { recursive: true });
    const client = createClient({
      url: target.url,
      concurrency: 1,
      ...(target.encryptionKey ? { encryptionKey: target.encryptionKey } : {}),
    });
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = FULL');
    await client.execute('PRAGMA foreign_keys = ON');
    await client.execute('PRAGMA busy_timeout = 5000');
    return client;
  }
  return createClient({
    url: target.url,
    ...(target.authToken ? { authToken: target.authToken } : {}),
  });
}
