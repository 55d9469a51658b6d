import { parseDefinition } from '@madoguchi/shared';
import { describe, expect, test } from 'vitest';
import type { Draft } from './draft';
import { fieldIdProblem, renameFieldId } from './ids';

const draft: Draft = {
  schemaVersion: 1,
  title: { ja: 'テスト' },
  purposeOfUse: { ja: '受付に利用します。' },
  category: 'application',
  yearlyVolume: 10,
  retentionDays: 365,
  pages: [
    {
      id: 'page1',
      title: { ja: 'ページ1' },
      fields: [
        { type: 'name', id: 'name', label: { ja: '氏名' }, pii: 'name' },
        { type: 'number', id: 'number', label: { ja: '通数' }, pii: 'none' },
        {
          type: 'fee',
          id: 'fee',
          label: { ja: '手数料' },
          unitPrice: 300,
          quantity: { source: 'field', fieldId: 'number' },
          showIf: { all: [{ field: 'number', op: 'gt', value: 0 }] },
        },
        {
          type: 'group',
          id: 'group',
          label: { ja: '子' },
          fields: [
            { type: 'number', id: 'age', label: { ja: '年齢' }, pii: 'none' },
            {
              type: 'short_text',
              id: 'note',
              label: { ja: '備考' },
              pii: 'none',
              showIf: { field: 'age', op: 'gt', value: 3 },
            },
          ],
        },
      ],
    },
    {
      id: 'page2',
      title: { ja: 'ページ2' },
      showIf: { field: 'number', op: 'answered' },
      fields: [{ type: 'yes_no', id: 'yes_no', label: { ja: '確認' }, pii: 'none' }],
    },
  ],
  options: {
    cardAuthentication: { enabled: true, attributes: ['name'], prefill: { name: 'name' } },
  },
};

describe('field ids', () => {
  test('a new id must fit the pattern, not be reserved, and be free in the whole form', () => {
    expect(fieldIdProblem(draft, 'number', 'copies')).toBeNull();
    expect(fieldIdProblem(draft, 'number', 'number')).toBeNull();
    expect(fieldIdProblem(draft, 'number', 'Copies')).toBe('pattern');
    expect(fieldIdProblem(draft, 'number', '2copies')).toBe('pattern');
    expect(fieldIdProblem(draft, 'number', '通数')).toBe('pattern');
    expect(fieldIdProblem(draft, 'number', 'constructor')).toBe('reserved');
    expect(fieldIdProblem(draft, 'number', 'age')).toBe('taken');
  });

  test('renaming follows conditions, a fee quantity and the card prefill', () => {
    let next = renameFieldId(draft, 'number', 'copies');
    next = renameFieldId(next, 'age', 'child_age');
    next = renameFieldId(next, 'name', 'applicant');
    const [first, second] = next.pages;
    expect(first?.fields.map((f) => f.id)).toEqual(['applicant', 'copies', 'fee', 'group']);
    const fee = first?.fields[2];
    expect(fee?.type === 'fee' && fee.quantity).toEqual({ source: 'field', fieldId: 'copies' });
    expect(fee?.showIf).toEqual({ all: [{ field: 'copies', op: 'gt', value: 0 }] });
    const group = first?.fields[3];
    expect(group?.type === 'group' && group.fields[1]?.showIf).toEqual({
      field: 'child_age',
      op: 'gt',
      value: 3,
    });
    expect(second?.showIf).toEqual({ field: 'copies', op: 'answered' });
    expect(next.options?.cardAuthentication?.prefill).toEqual({ name: 'applicant' });
    const parsed = parseDefinition(next);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });
});
