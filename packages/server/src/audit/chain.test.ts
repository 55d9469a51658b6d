import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { type ChainedFields, canonicalEntry, canonicalJson, entryHash, genesisHash } from './chain';

const entry: ChainedFields = {
  seq: 1,
  at: 1_795_392_000_000,
  actorType: 'staff',
  actorId: 'stf_0123456789abcdef',
  action: 'department.create',
  targetType: null,
  targetId: 'dep_0123456789abcdef',
  ip: '192.0.2.10',
  details: { z: 1, a: { y: [3, { d: 'ー', c: null }], b: true } },
};

describe('canonical JSON', () => {
  test('sorts keys at every depth, keeps array order, adds no spaces', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
  });

  test('gives the same bytes whatever order the keys were written in', () => {
    const reordered = { a: { b: true, y: [3, { c: null, d: 'ー' }] }, z: 1 };
    expect(canonicalJson(reordered)).toBe(canonicalJson(entry.details));
  });

  test('leaves out undefined members, as the stored JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  test('says what JSON.stringify says for empty containers, holes and values JSON cannot hold', () => {
    const value = { e: {}, l: [], h: [undefined, 1], n: Number.NaN, q: 'a"\n' };
    expect(canonicalJson(value)).toBe('{"e":{},"h":[null,1],"l":[],"n":null,"q":"a\\"\\n"}');
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  test('writes the entry fields in the documented order, not sorted', () => {
    expect(canonicalEntry(entry)).toBe(
      '{"seq":1,"at":1795392000000,"actorType":"staff","actorId":"stf_0123456789abcdef",' +
        '"action":"department.create","targetType":null,"targetId":"dep_0123456789abcdef",' +
        '"ip":"192.0.2.10","details":{"a":{"b":true,"y":[3,{"c":null,"d":"ー"}]},"z":1}}',
    );
  });
});

describe('entry hash', () => {
  test('is SHA-256 hex of the previous hash, a newline and the canonical entry', () => {
    const expected = createHash('sha256')
      .update(`${genesisHash}\n${canonicalEntry(entry)}`)
      .digest('hex');
    expect(entryHash(genesisHash, entry)).toBe(expected);
    expect(genesisHash).toBe('0'.repeat(64));
  });

  test('is stable across runs and releases (pinned)', () => {
    expect(entryHash(genesisHash, entry)).toBe(
      'a36df8904aebfe73a33bb1a23ca35371492eca47b70c8b57fb2edad87d412187',
    );
  });

  test('changes with any field and with the previous hash', () => {
    const base = entryHash(genesisHash, entry);
    expect(entryHash('f'.repeat(64), entry)).not.toBe(base);
    expect(entryHash(genesisHash, { ...entry, seq: 2 })).not.toBe(base);
    expect(entryHash(genesisHash, { ...entry, ip: null })).not.toBe(base);
    expect(entryHash(genesisHash, { ...entry, details: { z: 2 } })).not.toBe(base);
  });
});
