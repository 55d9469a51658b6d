import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import type { ExportItem, ExportLayout } from './columns';
import { groupRowsFor, rowsFor } from './service';

/** The name of the sheet with one line per application. */
export const mainSheetName = '申請一覧';

// How many applications are written between checks that the zip and the reader keep up, and
// how much uncompressed XML may wait for the compressor meanwhile.
const rowsPerCheck = 200;
const maxZipBacklog = 1024 * 1024;

// The style of every data cell, one object for all of them. exceljs gives each new cell its own
// copy of the column's style and finds a copy's number in styles.xml by rendering it as XML,
// unless it has seen that very object before: sharing it halved the time of a large export.
const textCell: Partial<ExcelJS.Style> = { numFmt: '@' };

/**
 * An .xlsx workbook, streamed: 申請一覧 with a bold, frozen header row, and in groupMode 'sheet'
 * one more sheet per repeatable group (受付番号 and the group's columns, one line per row).
 *
 * Every cell is a string in a text-formatted column: Excel never reads 0012345 as a number, a
 * date-like answer as a date, or =1+1 as a formula, not even when someone edits the cell later.
 *
 * `read` is called once per sheet. A zip archive is written one entry at a time, so rows of a
 * second sheet written meanwhile would pile up in memory; reading the applications again for
 * each group sheet keeps memory constant at the cost of one more pass over the database.
 */
export function xlsxStream(
  layout: ExportLayout,
  read: () => AsyncIterable<ExportItem>,
): AsyncIterable<Uint8Array> {
  const output = new PassThrough();
  writeWorkbook(layout, read, output).catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return output;
}

async function writeWorkbook(
  layout: ExportLayout,
  read: () => AsyncIterable<ExportItem>,
  output: PassThrough,
): Promise<void> {
  // Loaded on the first Excel download: exceljs and its zip libraries hold about 20 MB that a
  // server which only ever sends CSV would carry for nothing.
  const { default: excel } = await import('exceljs');
  const book = new excel.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const headers = layout.columns.map((column) => column.header);
  await writeSheet(book, mainSheetName, headers, read(), output, (item) => [
    rowsFor(layout.columns, item),
  ]);
  for (const group of layout.groups) {
    const groupHeaders = group.columns.map((column) => column.header);
    await writeSheet(book, group.name, groupHeaders, read(), output, (item) =>
      groupRowsFor(group, item),
    );
  }
  // A reader that went away leaves nothing to finish the archive for.
  if (!output.destroyed) await book.commit();
}

async function writeSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  headers: string[],
  items: AsyncIterable<ExportItem>,
  output: PassThrough,
  linesOf: (item: ExportItem) => string[][],
): Promise<void> {
  if (output.destroyed) return;
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header) => ({ width: columnWidth(header), style: { numFmt: '@' } }));
  const head = sheet.addRow(headers);
  head.font = { bold: true };
  head.commit();
  let written = 0;
  for await (const item of items) {
    // Leaving the loop ends the database read too.
    if (output.destroyed) return;
    for (const line of linesOf(item)) {
      // Blank cells are not written at all (exceljs skips undefined): flattened groups leave many.
      const row = sheet.addRow(line.map((cell) => cell || undefined));
      row.eachCell((cell) => {
        cell.style = textCell;
      });
      row.commit();
    }
    if (++written % rowsPerCheck === 0) await keptUp(output, sheet);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  sheet.commit();
}

// Rows go synchronously into exceljs' buffers, and on into the zip compressor, which runs
// asynchronously and only moves on while the reader (the HTTP response) takes what it wrote.
// Waiting here for both bounds what sits in memory, however many rows and however slow the
// network.
async function keptUp(output: PassThrough, sheet: ExcelJS.Worksheet): Promise<void> {
  await nextTurn();
  while (zipBacklog(sheet) > maxZipBacklog && !output.destroyed) await sleep(1);
  if (!output.writableNeedDrain) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      output.off('drain', done);
      output.off('close', done);
      resolve();
    };
    output.on('drain', done);
    output.on('close', done);
  });
}

// exceljs pipes a sheet's XML into archiver without heeding backpressure, so XML written faster
// than zlib compresses it piles up in archiver's input (150 MB for 100,000 applications in the
// benchmark). exceljs (4.4) exposes neither that buffer nor an event for it: its length is read
// from the sheet's internal stream. Should a later exceljs change that shape, this reads 0 and
// the wait falls back to a turn of the event loop: slower to bound, never stuck.
function zipBacklog(sheet: ExcelJS.Worksheet): number {
  const pipes = field(field(sheet, 'stream'), 'pipes');
  if (!Array.isArray(pipes)) return 0;
  let total = 0;
  for (const pipe of pipes) {
    const length = field(field(pipe, '_writableState'), 'length');
    if (typeof length === 'number') total += length;
  }
  return total;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

// Japanese headers are about two width units a character; data widths are unknown when streaming.
function columnWidth(header: string): number {
  return Math.min(40, Math.max(10, [...header].length * 2 + 2));
}
