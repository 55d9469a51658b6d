import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { sniffFileType } from './sniff';
import {
  pdfOfSize,
  sampleDocx,
  sampleFtyp,
  sampleJpeg,
  samplePdf,
  samplePng,
  zipArchive,
} from './test-support';

const text = (value: string) => new TextEncoder().encode(value);
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function realXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('申請一覧').addRow(['受付番号', '氏名']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('sniffFileType recognises accepted kinds by their bytes', () => {
  test.each([
    ['a one-page PDF', samplePdf(), 'application/pdf'],
    ['a 1×1 PNG', samplePng(), 'image/png'],
    ['a JPEG (JFIF)', sampleJpeg(), 'image/jpeg'],
    ['a HEIC image (heic brand)', sampleFtyp('heic'), 'image/heic'],
    ['a HEIF image (mif1 brand)', sampleFtyp('mif1'), 'image/heic'],
    ['a HEIF sequence (msf1 brand)', sampleFtyp('msf1'), 'image/heic'],
    ['a Word document', sampleDocx(), docxType],
  ] as const)('%s', (_, bytes, type) => {
    expect(sniffFileType(bytes)).toBe(type);
  });

  test('an Excel workbook written by exceljs', async () => {
    expect(sniffFileType(await realXlsx())).toBe(xlsxType);
  });
});

describe('sniffFileType refuses everything else, whatever its name', () => {
  const exe = concatBytes(text('MZ'), new Uint8Array(62), text('PE\0\0'));
  test.each([
    ['nothing', new Uint8Array(0)],
    ['a Windows program named .pdf (MZ)', exe],
    ['an HTML page named .png', text('<!doctype html><script>alert(1)</script>')],
    [
      'an SVG image (it can carry script)',
      text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
    ['a GIF', text('GIF89a\x01\x00\x01\x00')],
    ['a PDF header not at the start', concatBytes(text(' '), samplePdf())],
    ['an AVIF image (avif brand)', sampleFtyp('avif')],
    ['an MP4 video (isom brand)', sampleFtyp('isom')],
    ['a plain ZIP of text files', zipArchive([{ name: 'readme.txt', data: 'hello' }])],
    [
      'a ZIP with content types but neither main part',
      zipArchive([{ name: '[Content_Types].xml', data: '<Types/>' }]),
    ],
    [
      'a ZIP with a document but no content types',
      zipArchive([{ name: 'word/document.xml', data: '<w:document/>' }]),
    ],
    [
      'a macro-enabled document renamed .docx',
      sampleDocx([{ name: 'word/vbaProject.bin', data: 'macros' }]),
    ],
    [
      'an archive claiming to be both a document and a workbook',
      sampleDocx([{ name: 'xl/workbook.xml', data: '<workbook/>' }]),
    ],
    ['a self-extracting program (a document glued to MZ)', concatBytes(exe, sampleDocx())],
    ['a document with bytes after its end record', concatBytes(sampleDocx(), text('<html>'))],
    ['a document cut short', sampleDocx().subarray(0, sampleDocx().length - 10)],
  ])('%s', (_, bytes) => {
    expect(sniffFileType(bytes)).toBeUndefined();
  });

  test('a ZIP whose central directory points outside the file', () => {
    const zip = sampleDocx();
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(zip.length - 6, zip.length * 2, true);
    expect(sniffFileType(zip)).toBeUndefined();
  });

  test('only the leading bytes decide: a PDF with a ZIP inside is a PDF', () => {
    expect(sniffFileType(concatBytes(pdfOfSize(64), sampleDocx()))).toBe('application/pdf');
  });
});

function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
