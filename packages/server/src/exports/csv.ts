import iconv from 'iconv-lite';
import { csvRecord } from './cells';

/**
 * A character that Shift_JIS (CP932) cannot hold, and where it was: the spreadsheet row
 * (the header is row 1, the first application row 2) and column (A = 1).
 */
export interface UnmappableCharacter {
  row: number;
  column: number;
  character: string;
  /** e.g. U+20BB7, for staff who cannot see the character in their font. */
  codePoint: string;
}

// Rows are gathered into chunks of about this many characters: one write per row would cost
// more in stream overhead than the encoding itself.
const chunkCharacters = 64 * 1024;

/** CSV as UTF-8 with a BOM first, which is what makes Excel read it as UTF-8. */
export async function* csvUtf8Stream(
  rows: AsyncIterable<readonly string[]>,
): AsyncGenerator<Uint8Array> {
  let pending = '\uFEFF';
  for await (const row of rows) {
    pending += csvRecord(row);
    if (pending.length >= chunkCharacters) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  yield Buffer.from(pending, 'utf8');
}

/**
 * CSV in Shift_JIS as Windows writes it (CP932), for ward systems that read nothing else.
 *
 * What CP932 cannot hold (𠮷, 𩸽, 鷗, emoji, ㋿, accented Latin letters…) becomes 〓 (geta), the
 * mark Japanese systems have long used for "a character that could not be represented", and
 * each one is reported through `onUnmappable` with its row and column. Nothing is replaced
 * silently: besides this report, staff can ask for the full list before or after downloading
 * (the route's `submissions.sjis-report`), so they know exactly which cells to correct by hand.
 * The export still completes, because refusing it would leave the ward with no file at all for
 * one resident's registered kanji.
 *
 * The only changes made without a report are the JIS X 0208 characters that Unicode maps twice
 * (〜 U+301C is Windows' ～ U+FF5E, and so on): these are the same character in the JIS
 * standard, written with the code point Windows uses, so nothing is lost.
 */
export async function* csvShiftJisStream(
  rows: AsyncIterable<readonly string[]>,
  onUnmappable: (problem: UnmappableCharacter) => void,
): AsyncGenerator<Uint8Array> {
  let pending = '';
  let row = 0;
  for await (const cells of rows) {
    row++;
    const converted = cells.map((cell, index) =>
      toCp932Text(cell, (character) => onUnmappable(unmappableAt(row, index + 1, character))),
    );
    pending += csvRecord(converted);
    if (pending.length >= chunkCharacters) {
      yield iconv.encode(pending, 'cp932');
      pending = '';
    }
  }
  yield iconv.encode(pending, 'cp932');
}

// JIS X 0208 characters whose Unicode mapping differs between the JIS tables (used by macOS and
// iOS input methods) and Microsoft's CP932: the same character, so it is moved to CP932's code
// point rather than lost. A resident typing 〜 on an iPhone gets U+301C, which CP932 lacks.
const jisVariants = new Map([
  ['\u301C', '\uFF5E'], // 〜 wave dash → ～ fullwidth tilde
  ['\u2212', '\uFF0D'], // − minus sign → － fullwidth hyphen-minus
  ['\u2016', '\u2225'], // ‖ double vertical line → ∥ parallel to
  ['\u2014', '\u2015'], // — em dash → ― horizontal bar
  ['\u00A2', '\uFFE0'], // ¢ → ￠
  ['\u00A3', '\uFFE1'], // £ → ￡
  ['\u00AC', '\uFFE2'], // ¬ → ￢
]);
const jisVariantPattern = /[\u301C\u2212\u2016\u2014\u00A2\u00A3\u00AC]/g;
const beyondAscii = /[\u0080-\u{10FFFF}]/u;
const geta = '〓';
const fitsCache = new Map<string, boolean>();

/**
 * A cell's text as CP932 can hold it: JIS variants moved to CP932's code points, anything else
 * CP932 lacks replaced by 〓 and passed to `onUnmappable`.
 */
export function toCp932Text(text: string, onUnmappable: (character: string) => void): string {
  const mapped = text.replace(jisVariantPattern, (character) => jisVariants.get(character) ?? '');
  if (!beyondAscii.test(mapped)) return mapped;
  let out = '';
  for (const character of mapped) {
    if (fitsCp932(character)) {
      out += character;
    } else {
      onUnmappable(character);
      out += geta;
    }
  }
  return out;
}

// iconv-lite writes '?' for what it cannot encode, and maps ¥ to the byte that reads back as a
// backslash; only a character that survives the round trip fits. Results are cached because a
// column of names repeats the same few thousand kanji.
function fitsCp932(character: string): boolean {
  let fits = fitsCache.get(character);
  if (fits === undefined) {
    fits = iconv.decode(iconv.encode(character, 'cp932'), 'cp932') === character;
    fitsCache.set(character, fits);
  }
  return fits;
}

/** The report entry for a character CP932 lacks, found at a row and column. */
export function unmappableAt(row: number, column: number, character: string): UnmappableCharacter {
  const code = character.codePointAt(0) ?? 0;
  return {
    row,
    column,
    character,
    codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
  };
}
