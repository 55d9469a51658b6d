import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deriveDatabaseKey } from '../db/keys';

/**
 * Where attachment bytes live. Behind an interface so a deployment can keep them in object
 * storage instead of the data folder; the database holds only the metadata.
 */
export interface FileStorage {
  /** Stores the bytes of an attachment; a second put with the same id replaces them. */
  put(slug: string, id: string, bytes: Uint8Array): Promise<void>;
  /** The bytes as they were put; throws when they are missing or were altered. */
  get(slug: string, id: string): Promise<Uint8Array<ArrayBuffer>>;
  /** Removes the bytes; nothing happens when there are none. */
  delete(slug: string, id: string): Promise<void>;
}

const ivLength = 12;
const tagLength = 16;
// Slugs and attachment ids are ours, but the adapter must not become a path traversal whatever
// a caller passes it.
const safeName = /^[a-z0-9][a-z0-9_-]{0,99}$/;

function checkNames(slug: string, id: string): void {
  if (!safeName.test(slug) || !safeName.test(id))
    throw new Error('file storage: slug and id must be lower-case letters, digits, _ and -');
}

/** The tenant's file key: derived like its database key, so one tenant's key opens nothing else. */
function tenantFileKey(masterKey: Buffer, slug: string): Buffer {
  return Buffer.from(deriveDatabaseKey(masterKey, `files:${slug}`), 'hex');
}

// The slug and id are authenticated with the bytes, so a file moved to another name or tenant
// fails to decrypt instead of being served as someone else's attachment.
const associatedData = (slug: string, id: string) => Buffer.from(`${slug}/${id}`, 'utf8');

/**
 * Encrypted files in `<dataDir>/files/<slug>/<id>`: AES-256-GCM with the tenant's file key and
 * a random IV per file, stored as `iv | tag | ciphertext`. Writes go to a temporary file that is
 * synced and renamed into place, so a crash never leaves half a file under the real name.
 * @example const storage = localFileStorage({ dataDir: config.DATA_DIR, masterKey });
 */
export function localFileStorage(options: { dataDir: string; masterKey: Buffer }): FileStorage {
  const folder = (slug: string) => join(options.dataDir, 'files', slug);
  return {
    async put(slug, id, bytes) {
      checkNames(slug, id);
      const iv = randomBytes(ivLength);
      const cipher = createCipheriv('aes-256-gcm', tenantFileKey(options.masterKey, slug), iv);
      cipher.setAAD(associatedData(slug, id));
      const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
      const directory = folder(slug);
      await mkdir(directory, { recursive: true, mode: 0o700 });
      const temporary = join(directory, `.${id}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        const handle = await open(temporary, 'wx', 0o600);
        try {
          await handle.writeFile(Buffer.concat([iv, cipher.getAuthTag(), ciphertext]));
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, join(directory, id));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      // The rename is durable only once the folder itself is synced.
      const folderHandle = await open(directory, 'r');
      try {
        await folderHandle.sync();
      } finally {
        await folderHandle.close();
      }
    },

    async get(slug, id) {
      checkNames(slug, id);
      const stored = await readFile(join(folder(slug), id));
      if (stored.length < ivLength + tagLength)
        throw new Error(`file storage: ${slug}/${id} is truncated`);
      const decipher = createDecipheriv(
        'aes-256-gcm',
        tenantFileKey(options.masterKey, slug),
        stored.subarray(0, ivLength),
      );
      decipher.setAAD(associatedData(slug, id));
      decipher.setAuthTag(stored.subarray(ivLength, ivLength + tagLength));
      const head = decipher.update(stored.subarray(ivLength + tagLength));
      // final() throws when the tag does not match: altered bytes never come back as garbage.
      const tail = decipher.final();
      const plain = new Uint8Array(head.length + tail.length);
      plain.set(head);
      plain.set(tail, head.length);
      return plain;
    },

    async delete(slug, id) {
      checkNames(slug, id);
      await rm(join(folder(slug), id), { force: true });
    },
  };
}
