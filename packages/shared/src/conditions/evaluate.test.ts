import { describe, expect, test } from 'vitest';
import { conditionFieldIds, evaluateCondition } from './evaluate';
import type { Condition } from './schema';

const answers: Record<string, unknown> = {
  choice: 'b',
  yes: true,
  count: 3,
  moved: '2026-04-01',
  many: ['x', 'y'],
  blank: '',
  none: [],
};
const lookup = (id: string) => answers[id];

describe('evaluateCondition', () => {
  test.each<[Condition, boolean]>([
    [{ field: 'choice', op: 'equals', value: 'b' }, true],
    [{ field: 'choice', op: 'equals', value: 'a' }, false],
    [{ field: 'yes', op: 'equals', value: true }, true],
    [{ field: 'yes', op: 'equals', value: 'true' }, false],
    [{ field: 'choice', op: 'not_equals', value: 'a' }, true],
    [{ field: 'choice', op: 'not_equals', value: 'b' }, false],
    [{ field: 'missing', op: 'not_equals', value: 'a' }, false],
    [{ field: 'choice', op: 'one_of', values: ['a', 'b'] }, true],
    [{ field: 'choice', op: 'one_of', values: ['c'] }, false],
    [{ field: 'many', op: 'contains', value: 'y' }, true],
    [{ field: 'many', op: 'contains', value: 'z' }, false],
    [{ field: 'choice', op: 'contains', value: 'b' }, false],
    [{ field: 'count', op: 'gt', value: 2 }, true],
    [{ field: 'count', op: 'gt', value: 3 }, false],
    [{ field: 'count', op: 'lt', value: 4 }, true],
    [{ field: 'count', op: 'lt', value: '4' }, false],
    [{ field: 'moved', op: 'gt', value: '2026-03-31' }, true],
    [{ field: 'moved', op: 'lt', value: '2026-04-01' }, false],
    [{ field: 'missing', op: 'gt', value: 0 }, false],
    [{ field: 'choice', op: 'answered' }, true],
    [{ field: 'blank', op: 'answered' }, false],
    [{ field: 'none', op: 'answered' }, false],
    [{ field: 'yes', op: 'answered' }, true],
    [
      {
        all: [
          { field: 'yes', op: 'equals', value: true },
          { field: 'count', op: 'gt', value: 1 },
        ],
      },
      true,
    ],
    [
      {
        all: [
          { field: 'yes', op: 'equals', value: true },
          { field: 'count', op: 'gt', value: 5 },
        ],
      },
      false,
    ],
    [
      {
        any: [
          { field: 'yes', op: 'equals', value: false },
          { field: 'count', op: 'gt', value: 1 },
        ],
      },
      true,
    ],
    [
      {
        any: [
          { field: 'yes', op: 'equals', value: false },
          { all: [{ field: 'blank', op: 'answered' }] },
        ],
      },
      false,
    ],
  ])('%j → %s', (condition, expected) => {
    expect(evaluateCondition(condition, lookup)).toBe(expected);
  });

  test('no condition means shown', () => {
    expect(evaluateCondition(undefined, lookup)).toBe(true);
  });

  test('lists the fields a condition refers to', () => {
    expect(
      conditionFieldIds({
        any: [{ field: 'a', op: 'answered' }, { all: [{ field: 'b', op: 'equals', value: 1 }] }],
      }),
    ).toEqual(['a', 'b']);
  });
});
