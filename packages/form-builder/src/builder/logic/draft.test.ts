import { fieldTypes, parseDefinition } from '@madoguchi/shared';
import { describe, expect, test } from 'vitest';
import {
  addField,
  addPage,
  type Draft,
  deleteField,
  deletePage,
  duplicateField,
  fieldAt,
  moveField,
  moveFieldTo,
  moveFieldToPage,
  movePage,
  renamePage,
  updateField,
} from './draft';
import { nestedFieldTypes } from './palette';

const empty = (): Draft => ({
  schemaVersion: 1,
  title: { ja: 'テスト' },
  purposeOfUse: { ja: '受付に利用します。' },
  category: 'application',
  yearlyVolume: 10,
  retentionDays: 365,
  pages: [{ id: 'page1', title: { ja: 'ページ1' }, fields: [] }],
});

const ids = (draft: Draft, page = 0) => draft.pages[page]?.fields.map((field) => field.id);

function build(...types: (typeof fieldTypes)[number][]): Draft {
  let draft = empty();
  for (const type of types) draft = addField(draft, type, { page: 0 })?.draft ?? draft;
  return draft;
}

describe('adding fields from the palette', () => {
  test('every type gets defaults that pass the shared checks', () => {
    const draft = build(...fieldTypes);
    expect(ids(draft)).toHaveLength(fieldTypes.length);
    const result = parseDefinition(draft);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test('ids stay unique when a type is added twice, and labels are Japanese', () => {
    const draft = build('short_text', 'short_text', 'short_text');
    expect(ids(draft)).toEqual(['short_text', 'short_text_2', 'short_text_3']);
    const first = fieldAt(draft, { page: 0, index: 0 });
    expect(first && 'label' in first ? first.label.ja : '').toBe('短い文章');
  });

  test('a field is added after the selected one', () => {
    const draft = build('name', 'email');
    const next = addField(draft, 'phone', { page: 0, after: { page: 0, index: 0 } });
    expect(next?.at).toEqual({ page: 0, index: 1 });
    expect(ids(next?.draft ?? draft)).toEqual(['name', 'phone', 'email']);
  });

  test('groups take nested types only, and the result still passes the checks', () => {
    const draft = build('group');
    // The first field replaces the untouched placeholder; later ones go after it.
    for (const type of nestedFieldTypes) {
      const next = addField(draft, type, { page: 0, intoGroup: 0 });
      expect(next?.at.child).toBe(0);
      const group = next && fieldAt(next.draft, { page: 0, index: 0 });
      expect(group?.type === 'group' && group.fields.length).toBe(1);
    }
    expect(addField(draft, 'fee', { page: 0, intoGroup: 0 })).toBeNull();
    expect(addField(draft, 'group', { page: 0, intoGroup: 0 })).toBeNull();
    let full = draft;
    for (const type of nestedFieldTypes)
      full = addField(full, type, { page: 0, intoGroup: 0 })?.draft ?? full;
    const result = parseDefinition(full);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe('a new group', () => {
  test('starts with a named placeholder, replaced by the first field added into it', () => {
    const draft = build('group');
    const group = fieldAt(draft, { page: 0, index: 0 });
    expect(
      group?.type === 'group' && group.fields.map((f) => [f.id, 'label' in f && f.label.ja]),
    ).toEqual([['group_item', 'グループ内の項目']]);
    const next = addField(draft, 'number', { page: 0, intoGroup: 0 });
    const after = next && fieldAt(next.draft, { page: 0, index: 0 });
    expect(after?.type === 'group' && after.fields.map((f) => f.id)).toEqual(['number']);
  });

  test('a placeholder the designer renamed is kept', () => {
    let draft = build('group');
    const group = fieldAt(draft, { page: 0, index: 0 });
    if (group?.type !== 'group') throw new Error('no group');
    const [first] = group.fields;
    if (first?.type !== 'short_text') throw new Error('no placeholder');
    draft = updateField(
      draft,
      { page: 0, index: 0, child: 0 },
      { ...first, label: { ja: '続柄' } },
    );
    const next = addField(draft, 'number', { page: 0, intoGroup: 0 });
    const after = next && fieldAt(next.draft, { page: 0, index: 0 });
    expect(after?.type === 'group' && after.fields.map((f) => f.id)).toEqual([
      'group_item',
      'number',
    ]);
  });
});

describe('duplicate and delete', () => {
  test('a duplicate sits after the original with a fresh id', () => {
    const draft = build('yes_no', 'email');
    const { draft: next, at } = duplicateField(draft, { page: 0, index: 0 });
    expect(at).toEqual({ page: 0, index: 1 });
    expect(ids(next)).toEqual(['yes_no', 'yes_no_copy', 'email']);
  });

  test('a duplicated group renames its row fields too', () => {
    const { draft } = duplicateField(build('group'), { page: 0, index: 0 });
    const copy = fieldAt(draft, { page: 0, index: 1 });
    expect(copy?.type === 'group' && copy.fields.map((f) => f.id)).toEqual(['group_item_copy']);
    expect(parseDefinition(draft).ok).toBe(true);
  });

  test('delete removes the field, but a group keeps its last row field', () => {
    const draft = build('name', 'group');
    expect(ids(deleteField(draft, { page: 0, index: 0 }))).toEqual(['group']);
    expect(deleteField(draft, { page: 0, index: 1, child: 0 })).toBe(draft);
  });
});

describe('moving fields', () => {
  test('up and down among siblings, not past the ends', () => {
    const draft = build('name', 'email', 'phone');
    const down = moveField(draft, { page: 0, index: 0 }, 1);
    expect(ids(down.draft)).toEqual(['email', 'name', 'phone']);
    expect(down.at).toEqual({ page: 0, index: 1 });
    const top = moveField(draft, { page: 0, index: 0 }, -1);
    expect(top.draft).toBe(draft);
  });

  test('inside a group', () => {
    let draft = build('group');
    draft = addField(draft, 'short_text', { page: 0, intoGroup: 0 })?.draft ?? draft;
    draft = addField(draft, 'number', { page: 0, intoGroup: 0 })?.draft ?? draft;
    const up = moveField(draft, { page: 0, index: 0, child: 1 }, -1);
    const group = fieldAt(up.draft, { page: 0, index: 0 });
    expect(group?.type === 'group' && group.fields.map((f) => f.id)).toEqual([
      'number',
      'short_text',
    ]);
  });

  test('to another page, and by drag and drop to a position', () => {
    let draft = build('name', 'email', 'phone');
    draft = addPage(draft).draft;
    const moved = moveFieldToPage(draft, { page: 0, index: 1 }, 1);
    expect(ids(moved.draft, 0)).toEqual(['name', 'phone']);
    expect(ids(moved.draft, 1)).toEqual(['email']);
    expect(moved.at).toEqual({ page: 1, index: 0 });
    const dropped = moveFieldTo(draft, { page: 0, index: 0 }, { page: 0, index: 3 });
    expect(ids(dropped.draft)).toEqual(['email', 'phone', 'name']);
  });

  test('into a group only when the type fits', () => {
    const draft = build('email', 'group', 'fee');
    const inside = moveFieldTo(draft, { page: 0, index: 0 }, { page: 0, index: 1, child: 0 });
    const group = fieldAt(inside.draft, { page: 0, index: 0 });
    expect(group?.type === 'group' && group.fields.map((f) => f.id)).toEqual([
      'email',
      'group_item',
    ]);
    expect(moveFieldTo(draft, { page: 0, index: 2 }, { page: 0, index: 1, child: 0 }).draft).toBe(
      draft,
    );
  });
});

describe('pages', () => {
  test('add, rename, reorder and delete, never the last one', () => {
    let draft = addPage(empty()).draft;
    expect(draft.pages.map((p) => p.id)).toEqual(['page1', 'page2']);
    draft = renamePage(draft, 1, { ja: '世帯', en: 'Household' });
    draft = movePage(draft, 1, -1).draft;
    expect(draft.pages.map((p) => p.title.ja)).toEqual(['世帯', 'ページ1']);
    draft = deletePage(draft, 0);
    expect(draft.pages.map((p) => p.id)).toEqual(['page1']);
    expect(deletePage(draft, 0)).toBe(draft);
  });
});
