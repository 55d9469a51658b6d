import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { type ZipEntry, zipStream } from './zip';

async function archive(entries: ZipEntry[]): Promise<string> {
  async function* source() {
    yield* entries;
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of zipStream(source())) chunks.push(chunk);
  const path = join(mkdtempSync(join(tmpdir(), 'zip-')), 'out.zip');
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

test('a zip Python’s zipfile reads back: Japanese names, exact bytes, CRCs checked', async () => {
  const path = await archive([
    {
      name: '2611-4829137/bankbook_scan_通帳の写し.pdf',
      bytes: new TextEncoder().encode('%PDF-1.4 テスト'),
      modified: Date.parse('2026-11-23T10:00:00+09:00'),
    },
    {
      name: '2611-4829137/photo.png',
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
      modified: Date.parse('2026-11-23T10:00:00+09:00'),
    },
  ]);
  const script = [
    'import sys, zipfile, json',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'print(json.dumps([[i.filename, list(z.read(i.filename)), list(i.date_time)] for i in z.infolist()], ensure_ascii=False))',
  ].join('\n');
  const listed = JSON.parse(
    execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }),
  ) as [string, number[], number[]][];
  expect(listed.map(([name]) => name)).toEqual([
    '2611-4829137/bankbook_scan_通帳の写し.pdf',
    '2611-4829137/photo.png',
  ]);
  expect(Buffer.from(listed[0]?.[1] ?? []).toString('utf8')).toBe('%PDF-1.4 テスト');
  expect(listed[1]?.[2]).toEqual([2026, 11, 23, 10, 0, 0]);
});

test('an empty archive is still a valid zip', async () => {
  const path = await archive([]);
  expect(
    execFileSync(
      'python3',
      ['-c', 'import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).infolist()))', path],
      { encoding: 'utf8' },
    ).trim(),
  ).toBe('0');
});
