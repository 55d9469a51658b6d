import type { FileType } from '@madoguchi/shared';

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

const pdfMagic = ascii('%PDF-');
const jpegMagic = Uint8Array.of(0xff, 0xd8, 0xff);
const pngMagic = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const zipLocalHeader = Uint8Array.of(0x50, 0x4b, 0x03, 0x04);
const heifBrands = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1']);

const endOfCentralDirectory = 0x06054b50;
const centralDirectoryEntry = 0x02014b50;
const endRecordSize = 22;
const maxCommentSize = 0xffff;

function startsWith(bytes: Uint8Array, magic: Uint8Array): boolean {
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}

// Names and brands compared here are ASCII; latin1 maps every byte to one character whatever it is.
const latin1Decoder = new TextDecoder('latin1');

function latin1(bytes: Uint8Array, from: number, to: number): string {
  return latin1Decoder.decode(bytes.subarray(from, to));
}

/** HEIF images are ISO BMFF files whose first box is `ftyp` with a HEIF major brand. */
function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || latin1(bytes, 4, 8) !== 'ftyp') return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The ftyp box holds size, type, major brand and minor version at least.
  const boxSize = view.getUint32(0);
  if (boxSize < 16 || boxSize > bytes.length) return false;
  return heifBrands.has(latin1(bytes, 8, 12));
}

/**
 * The entry names of a ZIP archive, read from its central directory; undefined unless the file
 * is one plain archive from its first byte to its last. Self-extracting programs and other
 * files with an archive glued on carry bytes before the first entry, and ZIP64 is never needed
 * at our sizes, so both are refused rather than parsed.
 */
function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  if (!startsWith(bytes, zipLocalHeader) || bytes.length < endRecordSize) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - endRecordSize - maxCommentSize);
  let end = -1;
  for (let at = bytes.length - endRecordSize; at >= lowest; at--) {
    if (
      view.getUint32(at, true) === endOfCentralDirectory &&
      at + endRecordSize + view.getUint16(at + 20, true) === bytes.length
    ) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryStart = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 8, true) !== count)
    return undefined;
  if (directoryStart + directorySize !== end) return undefined;
  const names: string[] = [];
  let at = directoryStart;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== centralDirectoryEntry) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const next =
      at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > end) return undefined;
    names.push(latin1(bytes, at + 46, at + 46 + nameLength));
    at = next;
  }
  return at === end ? names : undefined;
}

/** An Office Open XML document or workbook, told apart by its main part. */
function officeType(bytes: Uint8Array): FileType | undefined {
  const names = zipEntryNames(bytes);
  if (!names?.includes('[Content_Types].xml')) return undefined;
  // Macro-enabled documents renamed to .docx/.xlsx keep their macros in vbaProject.bin.
  if (names.some((name) => name.toLowerCase().endsWith('vbaproject.bin'))) return undefined;
  const isWord = names.includes('word/document.xml');
  const isExcel = names.includes('xl/workbook.xml');
  if (isWord === isExcel) return undefined;
  return isWord
    ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}

/**
 * The type of a file from its bytes (magic numbers), never from its name or the type the
 * browser claimed; undefined for anything that is not one of the accepted kinds.
 * @example sniffFileType(await file.bytes()) // 'application/pdf'
 */
export function sniffFileType(bytes: Uint8Array): FileType | undefined {
  if (startsWith(bytes, pdfMagic)) return 'application/pdf';
  if (startsWith(bytes, jpegMagic)) return 'image/jpeg';
  if (startsWith(bytes, pngMagic)) return 'image/png';
  if (isHeic(bytes)) return 'image/heic';
  return officeType(bytes);
}
