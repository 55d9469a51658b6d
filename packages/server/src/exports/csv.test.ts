import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { csvShiftJisStream, csvUtf8Stream, toCp932Text, type UnmappableCharacter } from './csv';

async function* rowsOf(rows: string[][]): AsyncGenerator<string[]> {
  yield* rows;
}

async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

async function shiftJis(rows: string[][]) {
  const problems: UnmappableCharacter[] = [];
  const bytes = await bytesOf(csvShiftJisStream(rowsOf(rows), (p) => problems.push(p)));
  return { bytes, text: iconv.decode(bytes, 'cp932'), problems };
}

describe('csvUtf8Stream', () => {
  test('starts with the UTF-8 BOM and round-trips Japanese, with CRLF line ends', async () => {
    const rows = [
      ['受付番号', '氏名', 'ご意見'],
      ['2611-4829137', '髙橋 𠮷子', '駐輪場が足りません。\n増やしてください😊'],
    ];
    const bytes = await bytesOf(csvUtf8Stream(rowsOf(rows)));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      '受付番号,氏名,ご意見\r\n2611-4829137,髙橋 𠮷子,"駐輪場が足りません。\n増やしてください😊"\r\n',
    );
  });

  test('many rows come out in several chunks that join to the whole file', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [String(i), 'みどり区役所'.repeat(5)]);
    const chunks: Uint8Array[] = [];
    for await (const chunk of csvUtf8Stream(rowsOf(rows))) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    const lines = Buffer.concat(chunks).toString('utf8').slice(1).split('\r\n');
    expect(lines).toHaveLength(5001);
    expect(lines[4999]).toBe(`4999,${'みどり区役所'.repeat(5)}`);
  });

  test('neutralises formulas', async () => {
    const bytes = await bytesOf(csvUtf8Stream(rowsOf([['=1+1', '@SUM(A1)']])));
    expect(bytes.toString('utf8')).toBe("\uFEFF'=1+1,'@SUM(A1)\r\n");
  });
});

describe('csvShiftJisStream', () => {
  test('encodes as CP932: IBM extension kanji, half-width kana, NEC symbols, no BOM', async () => {
    const { bytes, text, problems } = await shiftJis([['髙島屋', 'ﾊﾝｶｸ', '①㈱', '～']]);
    expect(problems).toEqual([]);
    expect(text).toBe('髙島屋,ﾊﾝｶｸ,①㈱,～\r\n');
    // 髙 is FBFC (IBM extension); half-width katakana are one byte each; ～ is 8160.
    expect(bytes.subarray(0, 2).toString('hex')).toBe('fbfc');
    expect(bytes.subarray(7, 11).toString('hex')).toBe('caddb6b8');
    expect(bytes.subarray(-4, -2).toString('hex')).toBe('8160');
  });

  test('JIS variants move to the CP932 code point without a report (〜 typed on an iPhone)', async () => {
    const { bytes, text, problems } = await shiftJis([['9:00〜12:00', '−5', '‖', '—', '¢£¬']]);
    expect(problems).toEqual([]);
    expect(text).toBe('9:00～12:00,－5,∥,―,￠￡￢\r\n');
    expect(bytes.subarray(4, 6).toString('hex')).toBe('8160');
  });

  test('a character CP932 lacks becomes 〓 and is reported with its row and column', async () => {
    const { text, problems } = await shiftJis([
      ['受付番号', '氏名', 'ご意見'],
      ['2611-4829137', '𠮷田 花子', 'ありがとう😊'],
      ['2611-5550001', '鷗外', 'なし'],
    ]);
    expect(text).toBe(
      '受付番号,氏名,ご意見\r\n2611-4829137,〓田 花子,ありがとう〓\r\n2611-5550001,〓外,なし\r\n',
    );
    expect(problems).toEqual([
      { row: 2, column: 2, character: '𠮷', codePoint: 'U+20BB7' },
      { row: 2, column: 3, character: '😊', codePoint: 'U+1F60A' },
      { row: 3, column: 2, character: '鷗', codePoint: 'U+9DD7' },
    ]);
  });

  test('a yen sign, which CP932 would turn into a backslash, is reported too', async () => {
    const { text, problems } = await shiftJis([['¥1,000']]);
    expect(text).toBe('"〓1,000"\r\n');
    expect(problems.map((p) => p.codePoint)).toEqual(['U+00A5']);
  });

  test('quoting and formula neutralisation apply as in UTF-8', async () => {
    const { text } = await shiftJis([['=1+1', '氏名,フリガナ']]);
    expect(text).toBe('\'=1+1,"氏名,フリガナ"\r\n');
  });
});

describe('toCp932Text', () => {
  test('leaves ASCII and CP932 text alone', () => {
    const seen: string[] = [];
    expect(toCp932Text('Midori 1-2-3 みどり区 ﾐﾄﾞﾘ', (c) => seen.push(c))).toBe(
      'Midori 1-2-3 みどり区 ﾐﾄﾞﾘ',
    );
    expect(seen).toEqual([]);
  });
});
