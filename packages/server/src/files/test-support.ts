import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import type { FormDefinitionInput } from '@madoguchi/shared';

const text = (value: string) => new TextEncoder().encode(value);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function littleEndian(values: [number, 2 | 4][]): Uint8Array {
  const out = new Uint8Array(values.reduce((sum, [, size]) => sum + size, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [value, size] of values) {
    if (size === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += size;
  }
  return out;
}

/** A valid 1×1 red PNG: signature, IHDR, one deflated IDAT row, IEND, each chunk with its CRC. */
export function samplePng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = concat([text(type), data]);
    const out = new Uint8Array(body.length + 8);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(body, 4);
    view.setUint32(body.length + 4, crc32(body));
    return out;
  };
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, 1);
  view.setUint32(4, 1);
  header.set([8, 2, 0, 0, 0], 8);
  return concat([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Uint8Array.of(0, 255, 0, 0))),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** A one-page PDF with a correct cross-reference table. */
export function samplePdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return text(body);
}

/** The start of a JPEG (JFIF): SOI, an APP0 segment and EOI. */
export function sampleJpeg(): Uint8Array {
  return concat([
    Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10),
    text('JFIF\0'),
    Uint8Array.of(1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9),
  ]);
}

/** An ISO BMFF file's first box, `ftyp`, with a major brand and compatible brands. */
export function sampleFtyp(brand: string): Uint8Array {
  const box = concat([new Uint8Array(4), text('ftyp'), text(brand), new Uint8Array(4)]);
  const withBrands = concat([box, text('mif1'), text(brand)]);
  new DataView(withBrands.buffer).setUint32(0, withBrands.length);
  return withBrands;
}

/** A ZIP archive built by hand: deflated entries, central directory, end record. */
export function zipArchive(entries: { name: string; data: string }[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = text(entry.name);
    const data = text(entry.data);
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = concat([
      littleEndian([
        [0x04034b50, 4],
        [20, 2],
        [0, 2],
        [8, 2],
        [0, 2],
        [0x21, 2],
        [crc, 4],
        [packed.length, 4],
        [data.length, 4],
        [name.length, 2],
        [0, 2],
      ]),
      name,
      packed,
    ]);
    directory.push(
      concat([
        littleEndian([
          [0x02014b50, 4],
          [20, 2],
          [20, 2],
          [0, 2],
          [8, 2],
          [0, 2],
          [0x21, 2],
          [crc, 4],
          [packed.length, 4],
          [data.length, 4],
          [name.length, 2],
          [0, 2],
          [0, 2],
          [0, 2],
          [0, 2],
          [0, 4],
          [offset, 4],
        ]),
        name,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const central = concat(directory);
  return concat([
    ...locals,
    central,
    littleEndian([
      [0x06054b50, 4],
      [0, 2],
      [0, 2],
      [entries.length, 2],
      [entries.length, 2],
      [central.length, 4],
      [offset, 4],
      [0, 2],
    ]),
  ]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="${main}" ContentType="application/xml"/></Types>`;

/** A minimal Word document: content types, the package relationship and the main part. */
export function sampleDocx(extra: { name: string; data: string }[] = []): Uint8Array {
  return zipArchive([
    { name: '[Content_Types].xml', data: contentTypes('/word/document.xml') },
    { name: '_rels/.rels', data: '<Relationships/>' },
    {
      name: 'word/document.xml',
      data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>申請書</w:t></w:r></w:p></w:body></w:document>',
    },
    ...extra,
  ]);
}

/** Bytes of any length, for size limits (they sniff as PDF). */
export function pdfOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(text('%PDF-1.4\n'));
  return bytes;
}

/**
 * A form with a file field at the top level (PDF or PNG, 1 MB), one inside a repeatable group
 * (JPEG only) and a text field.
 */
export const fileFormDefinition: FormDefinitionInput = {
  schemaVersion: 1,
  title: { ja: '添付書類の提出' },
  purposeOfUse: { ja: '申請内容の確認に利用します' },
  category: 'application',
  yearlyVolume: 100,
  retentionDays: 365,
  pages: [
    {
      id: 'p1',
      title: { ja: '書類' },
      fields: [
        { id: 'note', type: 'short_text', label: { ja: '備考' }, pii: 'other' },
        {
          id: 'bankbook',
          type: 'file',
          label: { ja: '通帳の写し' },
          pii: 'bank',
          accept: ['application/pdf', 'image/png'],
          maxSizeMb: 1,
          maxFiles: 2,
        },
        {
          id: 'children',
          type: 'group',
          label: { ja: 'お子さん' },
          fields: [
            { id: 'child_name', type: 'short_text', label: { ja: '氏名' }, pii: 'name' },
            {
              id: 'insurance_card',
              type: 'file',
              label: { ja: '保険証の写し' },
              pii: 'health',
              accept: ['image/jpeg'],
            },
          ],
        },
      ],
    },
  ],
};
