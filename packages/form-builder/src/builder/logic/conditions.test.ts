import type { Condition } from '@madoguchi/shared';
import { parseDefinition } from '@madoguchi/shared';
import { describe, expect, test } from 'vitest';
import {
  conditionSources,
  defaultCondition,
  joinCondition,
  splitCondition,
  withOperator,
} from './conditions';
import { addField, addPage, type Draft, fieldAt, updateField } from './draft';

function sample(): Draft {
  let draft: Draft = {
    schemaVersion: 1,
    title: { ja: 'テスト' },
    purposeOfUse: { ja: '受付に利用します。' },
    category: 'application',
    yearlyVolume: 10,
    retentionDays: 365,
    pages: [{ id: 'page1', title: { ja: 'ページ1' }, fields: [] }],
  };
  for (const type of ['heading', 'single_choice', 'yes_no', 'number', 'group', 'email'] as const)
    draft = addField(draft, type, { page: 0 })?.draft ?? draft;
  draft = addField(draft, 'short_text', { page: 0, intoGroup: 4 })?.draft ?? draft;
  draft = addField(draft, 'multiple_choice', { page: 0, intoGroup: 4 })?.draft ?? draft;
  return addPage(draft).draft;
}

const ids = (sources: { id: string }[]) => sources.map((source) => source.id);

describe('the condition editor offers only earlier fields that make sense', () => {
  const draft = sample();

  test('a field sees answered fields before it, not headings, groups or itself', () => {
    expect(ids(conditionSources(draft, { page: 0, index: 3 }))).toEqual([
      'single_choice',
      'yes_no',
    ]);
    expect(ids(conditionSources(draft, { page: 0, index: 5 }))).toEqual([
      'single_choice',
      'yes_no',
      'number',
    ]);
  });

  test('a row field also sees earlier fields of its own row', () => {
    expect(ids(conditionSources(draft, { page: 0, index: 4, child: 1 }))).toEqual([
      'single_choice',
      'yes_no',
      'number',
      'short_text',
    ]);
  });

  test('a page sees the fields of earlier pages only', () => {
    expect(ids(conditionSources(draft, { page: 0 }))).toEqual([]);
    expect(ids(conditionSources(draft, { page: 1 }))).toEqual([
      'single_choice',
      'yes_no',
      'number',
      'email',
    ]);
  });

  test('values fit the field: choices, yes/no, numbers', () => {
    const [choice, yesNo, number] = conditionSources(draft, { page: 0, index: 5 });
    expect(choice?.value.kind === 'choices' && choice.value.options.map((o) => o.value)).toEqual([
      'a',
      'b',
    ]);
    expect(yesNo?.operators).toEqual(['equals', 'not_equals', 'answered']);
    expect(number?.operators).toContain('gt');
    expect(choice && defaultCondition(choice)).toEqual({
      field: 'single_choice',
      op: 'equals',
      value: 'a',
    });
    expect(yesNo && defaultCondition(yesNo)).toEqual({
      field: 'yes_no',
      op: 'equals',
      value: true,
    });
  });

  test('every condition the editor can make passes the shared checks', () => {
    let next = draft;
    const at = { page: 0, index: 5 };
    const parts: Condition[] = [];
    for (const source of conditionSources(draft, at))
      for (const op of source.operators)
        parts.push(withOperator(defaultCondition(source), op, source));
    const field = fieldAt(next, at);
    if (!field) throw new Error('no field');
    next = updateField(next, at, { ...field, showIf: joinCondition('any', parts) });
    const result = parseDefinition(next);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test('split and join keep one level of all/any', () => {
    const leaf: Condition = { field: 'yes_no', op: 'answered' };
    expect(joinCondition('all', [])).toBeUndefined();
    expect(joinCondition('any', [leaf])).toEqual(leaf);
    expect(splitCondition(joinCondition('any', [leaf, leaf]))).toEqual({
      join: 'any',
      parts: [leaf, leaf],
    });
    expect(splitCondition(leaf)).toEqual({ join: 'all', parts: [leaf] });
  });
});
