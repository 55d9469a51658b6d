import { describe, expect, test } from 'vitest';
import { addField, type Draft, fieldAt, updateField } from './draft';
import { checkDraft, problemPlace, problemsAt, problemsOfForm } from './problems';

describe('problems are shown next to the part at fault', () => {
  test('paths map to fields, row fields, pages and the form', () => {
    expect(problemPlace('pages[1].fields[3].label.ja')).toEqual({
      kind: 'field',
      at: { page: 1, index: 3 },
      rest: 'label.ja',
    });
    expect(problemPlace('pages[0].fields[2].fields[1].id')).toEqual({
      kind: 'field',
      at: { page: 0, index: 2, child: 1 },
      rest: 'id',
    });
    expect(problemPlace('pages[2].title.ja')).toEqual({ kind: 'page', page: 2, rest: 'title.ja' });
    expect(problemPlace('settings.closesAt')).toEqual({ kind: 'form', rest: 'settings.closesAt' });
  });

  test('a blank label and an inverted range land on their field, live', () => {
    let draft: Draft = {
      schemaVersion: 1,
      title: { ja: '' },
      purposeOfUse: { ja: '受付' },
      category: 'application',
      yearlyVolume: 0,
      retentionDays: 365,
      pages: [{ id: 'p', title: { ja: 'p' }, fields: [] }],
    };
    draft = addField(draft, 'number', { page: 0 })?.draft ?? draft;
    draft = addField(draft, 'yes_no', { page: 0 })?.draft ?? draft;
    const number = fieldAt(draft, { page: 0, index: 0 });
    if (number?.type !== 'number') throw new Error('number expected');
    draft = updateField(
      draft,
      { page: 0, index: 0 },
      { ...number, label: { ja: ' ' }, min: 10, max: 1 },
    );
    const { problems } = checkDraft(draft, 'ja');
    expect(
      problemsAt(problems, { page: 0, index: 0 })
        .map((p) => p.code)
        .sort(),
    ).toEqual(['japanese_text_missing', 'range_inverted']);
    expect(problemsAt(problems, { page: 0, index: 1 })).toEqual([]);
    expect(problemsOfForm(problems).map((p) => p.path)).toEqual(['title.ja']);
  });
});
