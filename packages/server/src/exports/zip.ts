import { crc32 } from 'node:zlib';

/** One file to put in a zip. */
export interface ZipEntry {
  /** Path inside the archive, with / separators. */
  name: string;
  bytes: Uint8Array;
  /** Modification time, ms since the epoch (shown in Japan time). */
  modified: number;
}

/** Archives larger than this, or with more entries, would need ZIP64; we refuse instead. */
export const zipLimits = { bytes: 0xffff_fff0, entries: 0xffff };

function dosDateTime(ms: number): { date: number; time: number } {
  const jst = new Date(ms + 9 * 60 * 60 * 1000);
  const year = Math.max(1980, jst.getUTCFullYear());
  return {
    date: ((year - 1980) << 9) | ((jst.getUTCMonth() + 1) << 5) | jst.getUTCDate(),
    time:
      (jst.getUTCHours() << 11) | (jst.getUTCMinutes() << 5) | Math.floor(jst.getUTCSeconds() / 2),
  };
}

/**
 * Streams a zip archive, one entry at a time, so memory holds one file and the directory, not
 * the archive. Entries are stored, not compressed: attachments are PDFs, JPEGs and PNGs that do
 * not shrink. Names are UTF-8 (general-purpose flag bit 11), which Windows' Explorer and macOS
 * read as such, so Japanese file names survive.
 */
export async function* zipStream(entries: AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const directory: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { date, time } = dosDateTime(entry.modified);
    const crc = crc32(entry.bytes);
    const size = entry.bytes.length;
    count++;
    if (count > zipLimits.entries || offset + 30 + name.length + size > zipLimits.bytes) {
      throw new Error('zip_too_large');
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(size, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(size, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    yield Buffer.concat([local, name]);
    yield entry.bytes;
    offset += 30 + name.length + size;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  yield Buffer.concat([directoryBytes, end]);
}
