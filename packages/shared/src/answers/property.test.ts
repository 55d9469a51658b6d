import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { parseDefinition } from '../definition/checks';
import { allFieldsForm } from '../testing/all-fields';
import { buildAnswerSchema } from './build-answer-schema';

const fieldKeys = [
  'short',
  'long',
  'num',
  'mail',
  'tel',
  'day',
  'clock',
  'one',
  'many',
  'yn',
  'agree',
  'person',
  'home',
  'born',
  'mynum',
  'bank',
  'scan',
  'kids',
  'slot',
  'copies',
  'postage',
  'code',
  'heading',
  'kid_name',
  'kid_born',
  'kid_note',
  'value',
  'confirm',
  'family',
  'given',
  'familyKana',
  'givenKana',
  'postalCode',
  'prefecture',
  'city',
  'town',
  'bankCode',
  'branchCode',
  'accountType',
  'accountNumber',
  'holderKana',
  'id',
  'name',
  'size',
  'type',
];
const dangerousKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

const huge = fc.constantFrom(
  'あ'.repeat(2_000_000),
  '1'.repeat(1_000_000),
  ' '.repeat(500_000),
  '\uD800'.repeat(100_000),
);
const leaf = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'a',
    'b',
    's1',
    'yes',
    'no',
    'on',
    '123456789018',
    '東京都',
    '2026-02-29',
    '09:30',
    'image/jpeg',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  huge,
);
const key = fc.oneof(fc.constantFrom(...fieldKeys, ...dangerousKeys), fc.string({ maxLength: 10 }));

/** Builds objects with defineProperty so `__proto__` becomes an own key, as JSON.parse makes it. */
function toObject(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [k, value] of entries)
    Object.defineProperty(object, k, {
      value,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  return object;
}

const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('tree'), { maxLength: 6 }),
    fc.array(fc.tuple(key, tie('tree')), { maxLength: 8 }).map(toObject),
  ),
}));
const answers = fc.array(fc.tuple(key, tree), { maxLength: 25 }).map(toObject);

function deeplyNested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { kids: value, all: value };
  return value;
}

function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, String.prototype, Function.prototype]
    .map((proto) => Object.getOwnPropertyNames(proto).sort().join(','))
    .join('|');
}

describe('buildAnswerSchema on arbitrary input', () => {
  const definition = allFieldsForm();
  const schemas = [
    buildAnswerSchema(definition, 'ja', { today: '2026-11-23' }),
    buildAnswerSchema(definition, 'en'),
  ];
  const before = prototypeSnapshot();

  test('never throws, always answers with issues or output, and pollutes no prototype', () => {
    fc.assert(
      fc.property(
        fc.oneof({ arbitrary: answers, weight: 4 }, { arbitrary: tree, weight: 1 }),
        fc.nat(1),
        (input, which) => {
          const schema = schemas[which] ?? schemas[0];
          if (!schema) throw new Error('no schema');
          const result = v.safeParse(schema, input);
          if (result.success) {
            expect(typeof result.output).toBe('object');
          } else {
            expect(result.issues.length).toBeGreaterThan(0);
            for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(prototypeSnapshot()).toBe(before);
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);

  test('refuses JSON text that sets __proto__, without polluting', () => {
    const input = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "short": {"__proto__": {"polluted": "yes"}}}',
    );
    const result = v.safeParse(schemas[0] ?? buildAnswerSchema(definition, 'ja'), input);
    expect(result.success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('deep nesting answers with issues, not a stack overflow', () => {
    for (const input of [
      deeplyNested(50_000),
      { kids: deeplyNested(50_000) },
      { person: deeplyNested(50_000) },
    ]) {
      const result = v.safeParse(schemas[0] ?? buildAnswerSchema(definition, 'ja'), input);
      expect(result.success).toBe(false);
    }
  });
});

describe('parseDefinition on arbitrary input', () => {
  test('never throws', () => {
    fc.assert(
      fc.property(tree, (input) => {
        const result = parseDefinition(input);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  test('refuses a definition nested beyond reason instead of overflowing the stack', () => {
    let condition: unknown = { field: 'a', op: 'answered' };
    for (let i = 0; i < 100_000; i++) condition = { all: [condition] };
    const input = {
      schemaVersion: 1,
      title: { ja: 'x' },
      purposeOfUse: { ja: 'x' },
      category: 'survey',
      yearlyVolume: 1,
      retentionDays: 1,
      pages: [
        {
          id: 'p',
          title: { ja: 'x' },
          fields: [{ id: 'a', type: 'yes_no', label: { ja: 'a' }, pii: 'none', showIf: condition }],
        },
      ],
    };
    const result = parseDefinition(input, 'en');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems[0]?.message).toContain('nested');
  });
});
