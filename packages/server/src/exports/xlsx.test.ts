import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { type ExportItem, type ExportOptions, exportColumns } from './columns';
import { example, exportItem } from './test-support';
import { mainSheetName, xlsxStream } from './xlsx';

const moving = example('moving-out-notice');

function applicant(index: number): ExportItem {
  return exportItem(
    moving,
    {
      name: { family: index === 0 ? '=1+1' : '青葉', given: `花子${index}` },
      phone: '0352734000',
      moving_date: '2026-12-01',
      moving_scope: 'with_members',
      members: [
        { member_name: { family: '青葉', given: `太郎${index}` }, member_relationship: 'child' },
        { member_name: { family: '青葉', given: `次郎${index}` }, member_relationship: 'child' },
      ],
    },
    { referenceNumber: `2611-${String(index).padStart(7, '0')}` },
  );
}

async function workbook(groupMode: ExportOptions['groupMode'], count: number) {
  const layout = exportColumns(moving, { includeMyNumber: false, groupMode });
  const items = Array.from({ length: count }, (_, index) => applicant(index));
  let reads = 0;
  const read = async function* () {
    reads++;
    yield* items;
  };
  const chunks: Uint8Array[] = [];
  for await (const chunk of xlsxStream(layout, read)) chunks.push(chunk);
  const file = Buffer.concat(chunks);
  const book = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer.
  await book.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
  return { book, layout, reads };
}

function sheetOf(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe('xlsxStream', () => {
  test('申請一覧: the header row is bold and frozen, one line per application', async () => {
    const { book, layout } = await workbook('flatten', 3);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([mainSheetName]);
    const sheet = sheetOf(book, mainSheetName);
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe('受付番号');
    expect(header.getCell(layout.columns.length).value).toBe('届出にあたっての確認事項');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(4).getCell(1).value).toBe('2611-0000002');
  });

  test('cells are text: leading zeros stay, dates stay as written, formulas stay inert', async () => {
    const { book, layout } = await workbook('flatten', 1);
    const sheet = sheetOf(book, mainSheetName);
    const cell = (header: string) =>
      sheet.getRow(2).getCell(layout.columns.findIndex((c) => c.header === header) + 1);
    expect(cell('電話番号').value).toBe('0352734000');
    expect(cell('電話番号').type).toBe(ExcelJS.ValueType.String);
    expect(cell('転出予定日').value).toBe('2026/12/01');
    expect(cell('転出予定日').type).toBe(ExcelJS.ValueType.String);
    expect(cell('届出人氏名_氏').value).toBe('=1+1');
    expect(cell('届出人氏名_氏').type).toBe(ExcelJS.ValueType.String);
    expect(cell('届出人氏名_氏').formula).toBeUndefined();
    // Text format, so a cell typed over later stays text too.
    expect(cell('電話番号').numFmt).toBe('@');
    expect(cell('届出人氏名_名（フリガナ）').value).toBeNull();
  });

  test('data cells on every sheet are text and not bold; only the header row is bold', async () => {
    const { book } = await workbook('sheet', 2);
    for (const sheet of book.worksheets) {
      for (const n of [2, 3]) {
        const cell = sheet.getRow(n).getCell(1);
        expect(cell.value).toMatch(/^2611-/);
        expect(cell.numFmt).toBe('@');
        expect(cell.font?.bold).not.toBe(true);
      }
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    }
  });

  test('flatten: group rows are numbered columns of the main sheet', async () => {
    const { book, layout, reads } = await workbook('flatten', 1);
    const sheet = sheetOf(book, mainSheetName);
    const at = layout.columns.findIndex((c) => c.header === '世帯員2_世帯員氏名_名') + 1;
    expect(sheet.getRow(1).getCell(at).value).toBe('世帯員2_世帯員氏名_名');
    expect(sheet.getRow(2).getCell(at).value).toBe('次郎0');
    expect(reads).toBe(1);
  });

  test('sheet: each group on its own sheet, one line per row, keyed by 受付番号', async () => {
    const { book, reads } = await workbook('sheet', 2);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      mainSheetName,
      '一緒に異動する世帯員',
    ]);
    const members = sheetOf(book, '一緒に異動する世帯員');
    expect(members.getRow(1).getCell(1).value).toBe('受付番号');
    expect(members.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(members.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const lines = [2, 3, 4, 5].map((n) => [
      members.getRow(n).getCell(1).value,
      members.getRow(n).getCell(3).value,
    ]);
    expect(lines).toEqual([
      ['2611-0000000', '太郎0'],
      ['2611-0000000', '次郎0'],
      ['2611-0000001', '太郎1'],
      ['2611-0000001', '次郎1'],
    ]);
    const main = sheetOf(book, mainSheetName);
    const headers = main.getRow(1).values;
    expect(Array.isArray(headers) && headers.some((h) => String(h).startsWith('世帯員'))).toBe(
      false,
    );
    // One pass for the main sheet, one for the group's sheet.
    expect(reads).toBe(2);
  });

  test('thousands of applications stream through whole', async () => {
    const { book } = await workbook('sheet', 1000);
    expect(sheetOf(book, mainSheetName).rowCount).toBe(1001);
    expect(sheetOf(book, '一緒に異動する世帯員').rowCount).toBe(2001);
  });

  test('memory stays bounded: rows wait for the compressor instead of piling up', async () => {
    // Every household member filled in: about 5 kB of XML per application, 50 MB in all.
    const member = (n: number) => ({
      member_name: { family: '青葉', given: `花子${n}`, familyKana: 'アオバ', givenKana: 'ハナコ' },
      member_birth_date: '2020-05-05',
      member_relationship: 'other',
      member_relationship_detail: '同居人'.repeat(5),
    });
    const full = exportItem(moving, {
      name: { family: '青葉', given: '一郎' },
      members: Array.from({ length: 9 }, (_, n) => member(n)),
    });
    const layout = exportColumns(moving, { includeMyNumber: false, groupMode: 'flatten' });
    const read = async function* () {
      for (let i = 0; i < 10_000; i++) yield full;
    };
    // What is retained, not what awaits collection: collect before each sample.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    collect();
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    let chunks = 0;
    for await (const _chunk of xlsxStream(layout, read)) {
      if (++chunks % 20 !== 0) continue;
      collect();
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }
    expect(peak - before).toBeLessThan(10 * 1024 * 1024);
  }, 60_000);

  test('a failing read errors the stream instead of ending the file early', async () => {
    const layout = exportColumns(moving, { includeMyNumber: false, groupMode: 'flatten' });
    const read = async function* () {
      yield applicant(0);
      throw new Error('database gone');
    };
    const drain = async () => {
      for await (const _chunk of xlsxStream(layout, read));
    };
    await expect(drain()).rejects.toThrow('database gone');
  });
});
