import { describe, expect, test } from 'vitest';
import { decodeChanges, decodeWrites, encodeChanges, encodeWrite } from './writer-codec';

describe('writer codec', () => {
  test('every kind of value crosses exactly, whatever the strings hold', () => {
    const awkward = 's3:x;n,d1;:\u0000\r\n"\\\u{1F600}\uD800 申請者';
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const write = {
      now: 1_765_000_000_123,
      statements: [
        {
          sql: 'INSERT INTO t (a, b, c, d, e, f, g, h) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          args: [awkward, '', null, -0, 3.25, -17, 2n ** 70n, bytes],
        },
        { sql: 'DELETE FROM t', args: [] },
      ],
      entries: [
        {
          actorType: 'applicant' as const,
          action: 'submission.submit',
          details: { n: 1, s: awkward },
        },
      ],
    };
    const text = encodeWrite(7, write) + encodeWrite(8, { ...write, statements: [], entries: [] });
    const [first, second] = decodeWrites(text);
    expect(first?.id).toBe(7);
    expect(first?.write.now).toBe(write.now);
    expect(first?.write.entries).toEqual(write.entries);
    const args = first?.write.statements[0]?.args ?? [];
    expect(args.slice(0, 7)).toEqual([awkward, '', null, -0, 3.25, -17, 2n ** 70n]);
    expect(Object.is(args[3], -0)).toBe(true);
    expect(Buffer.from(args[7] as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    expect(first?.write.statements[1]).toEqual({ sql: 'DELETE FROM t', args: [] });
    expect(second).toEqual({ id: 8, write: { now: write.now, statements: [], entries: [] } });
  });

  test("only a view's own bytes are sent, not the pool it lives in", () => {
    const pooled = Buffer.from(Uint8Array.from({ length: 32 }, (_, i) => i * 7));
    expect(pooled.buffer.byteLength).toBeGreaterThan(32);
    const text = encodeWrite(1, {
      now: 0,
      statements: [{ sql: 'X', args: [pooled] }],
      entries: [],
    });
    expect(text.length).toBeLessThan(64);
  });

  test('a value it cannot carry refuses the write instead of sending something else', () => {
    const bad = {
      now: 0,
      statements: [],
      entries: [{ actorType: 'system' as const, action: 'x', details: { n: 1n } }],
    };
    expect(() => encodeWrite(1, bad)).toThrow(TypeError);
    const odd = {
      now: 0,
      statements: [{ sql: 'X', args: [true as unknown as null] }],
      entries: [],
    };
    expect(() => encodeWrite(1, odd)).toThrow(/cannot send/);
  });

  test('a message cut short is an error, not a quiet half', () => {
    const text = encodeWrite(1, { now: 0, statements: [{ sql: 'X', args: ['abc'] }], entries: [] });
    expect(() => decodeWrites(text.slice(0, 12))).toThrow();
  });

  test('changed-row counts cross per write, an empty list included', () => {
    const committed = [
      { id: 3, changes: [1, 0, 2] },
      { id: 4, changes: [] },
    ];
    expect(decodeChanges(encodeChanges(committed))).toEqual([
      { id: 3, changes: [{ changes: 1 }, { changes: 0 }, { changes: 2 }] },
      { id: 4, changes: [] },
    ]);
    expect(decodeChanges('')).toEqual([]);
  });
});
