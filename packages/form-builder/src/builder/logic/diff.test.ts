import { parseDefinition } from '@madoguchi/shared';
import { describe, expect, test } from 'vitest';
import { diffDefinitions, diffVersions } from './diff';
import {
  addField,
  addPage,
  type Draft,
  deleteField,
  fieldAt,
  moveFieldToPage,
  updateField,
} from './draft';

function base(): Draft {
  let draft: Draft = {
    schemaVersion: 1,
    title: { ja: 'テスト' },
    purposeOfUse: { ja: '受付に利用します。' },
    category: 'application',
    yearlyVolume: 10,
    retentionDays: 365,
    pages: [{ id: 'page1', title: { ja: 'ページ1' }, fields: [] }],
  };
  for (const type of ['name', 'email', 'group'] as const)
    draft = addField(draft, type, { page: 0 })?.draft ?? draft;
  return addPage(draft).draft;
}

describe('the diff between two versions', () => {
  test('no changes, no entries', () => {
    expect(diffDefinitions(base(), base())).toEqual([]);
  });

  test('names fields added, removed, moved and changed by their labels', () => {
    const before = base();
    let after = deleteField(before, { page: 0, index: 0 });
    after = addField(after, 'yes_no', { page: 1 })?.draft ?? after;
    after = moveFieldToPage(after, { page: 0, index: 0 }, 1).draft;
    const row = fieldAt(after, { page: 0, index: 0, child: 0 });
    if (row?.type !== 'short_text') throw new Error('expected the row field');
    after = updateField(
      after,
      { page: 0, index: 0, child: 0 },
      { ...row, label: { ja: '続柄' }, required: true },
    );
    after = { ...after, retentionDays: 730 };
    expect(diffDefinitions(before, after)).toEqual([
      { kind: 'form_changed', properties: ['retentionDays'] },
      { kind: 'field_removed', id: 'name', label: '氏名', page: 'ページ1' },
      {
        kind: 'field_changed',
        id: 'group_item',
        label: '繰り返しグループ › 続柄',
        properties: ['label', 'required'],
      },
      { kind: 'field_added', id: 'yes_no', label: 'はい／いいえ', page: 'ページ2' },
      { kind: 'field_moved', id: 'email', label: 'メールアドレス', from: 'ページ1', to: 'ページ2' },
    ]);
  });

  test('pages added, removed and renamed', () => {
    const before = base();
    const after: Draft = {
      ...before,
      pages: [
        { ...(before.pages[0] as Draft['pages'][number]), title: { ja: '申請者' } },
        { id: 'p3', title: { ja: '確認' }, fields: [] },
      ],
    };
    expect(diffDefinitions(before, after).filter((c) => c.kind.startsWith('page'))).toEqual([
      { kind: 'page_removed', id: 'page2', label: 'ページ2' },
      { kind: 'page_changed', id: 'page1', label: '申請者', properties: ['title'] },
      { kind: 'page_added', id: 'p3', label: '確認' },
    ]);
  });

  test('a published version (defaults filled in) against the same draft shows no change', () => {
    const draft = base();
    const parsed = parseDefinition(draft);
    if (!parsed.ok) throw new Error('base must parse');
    expect(diffVersions(parsed.definition, draft)).toEqual([]);
    const after = addField(draft, 'yes_no', { page: 1 })?.draft ?? draft;
    expect(diffVersions(parsed.definition, after).map((change) => change.kind)).toEqual([
      'field_added',
    ]);
  });
});
