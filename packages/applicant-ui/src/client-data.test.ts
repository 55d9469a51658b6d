import { type FormDefinition, parseDefinition, validateAnswers } from '@madoguchi/shared';
import { describe, expect, test } from 'vitest';
import { clientPageData } from './client-data';

const text = {
  errorSummaryTitle: 't',
  errorPrefix: 'p',
  postalFound: 'f',
  postalPartial: 'pp',
  postalNotFound: 'n',
};

function definitionOf(input: unknown): FormDefinition {
  const parsed = parseDefinition(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.definition;
}

// A page whose condition reads an answer on an earlier page, and a My Number before it.
const definition = definitionOf({
  schemaVersion: 1,
  title: { ja: '調査' },
  purposeOfUse: { ja: '集計に利用します。' },
  category: 'survey',
  yearlyVolume: 100,
  retentionDays: 365,
  pages: [
    {
      id: 'first',
      title: { ja: '一' },
      fields: [
        {
          id: 'kind',
          type: 'yes_no',
          label: { ja: '種別', en: 'Kind' },
          required: true,
          pii: 'none',
        },
        { id: 'mynumber', type: 'my_number', label: { ja: '個人番号' }, pii: 'my_number' },
        { id: 'note', type: 'short_text', label: { ja: 'メモ' }, pii: 'none' },
      ],
    },
    {
      id: 'second',
      title: { ja: '二' },
      fields: [
        {
          id: 'detail',
          type: 'single_choice',
          label: { ja: '詳細', en: 'Detail' },
          help: { ja: '長い説明' },
          required: true,
          pii: 'none',
          options: [
            { value: 'a', label: { ja: 'ア', en: 'A' } },
            { value: 'b', label: { ja: 'イ', en: 'B' } },
          ],
          showIf: { field: 'kind', op: 'equals', value: true },
        },
      ],
    },
  ],
});
const second = definition.pages[1];
if (!second) throw new Error('no second page');

describe('client data of a form page', () => {
  const data = clientPageData({
    definition,
    page: second,
    answers: { kind: 'yes', mynumber: '123456789018', note: '秘密のメモ' },
    locale: 'en',
    today: '2026-11-23',
    text,
  });

  test('holds the page and only the earlier fields its conditions read, with their answers', () => {
    expect(data.pages.map((page) => [page.id, page.fields.map((field) => field.id)])).toEqual([
      ['first', ['kind']],
      ['second', ['detail']],
    ]);
    expect(data.answers).toEqual({ kind: 'yes' });
    expect(JSON.stringify(data)).not.toContain('秘密');
    expect(JSON.stringify(data)).not.toContain('123456789018');
  });

  test('in one language, without the texts no rule reads', () => {
    const detail = data.pages[1]?.fields[0];
    expect(detail).toMatchObject({
      label: { ja: 'Detail' },
      options: [{ value: 'a' }, { value: 'b' }],
    });
    expect(detail).not.toHaveProperty('help');
  });

  test('the shared rules give the same result on it as on the whole definition', () => {
    const slim = { pages: data.pages } as unknown as FormDefinition;
    for (const answers of [
      { ...data.answers, detail: 'a' },
      { ...data.answers },
      { ...data.answers, detail: 'z' },
    ]) {
      const whole = validateAnswers(definition, { ...answers, note: '秘密のメモ' }, 'en', {
        pages: ['second'],
        today: '2026-11-23',
      });
      expect(
        validateAnswers(slim, answers, 'en', { pages: ['second'], today: '2026-11-23' }),
      ).toEqual(whole.ok ? { ok: true, answers: expect.objectContaining({ kind: true }) } : whole);
    }
  });
});
