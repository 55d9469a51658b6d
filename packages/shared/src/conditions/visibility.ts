import { asRecord, own } from '../answers/rule';
import { todayInJapan } from '../answers/validate-answers';
import { validateFieldAnswer } from '../answers/validate-field';
import type { FormDefinition } from '../definition/schema';
import type { GroupField } from '../fields/group';
import { type Locale, localize } from '../i18n/locale';
import { answerMessages } from '../i18n/messages';
import { evaluateCondition } from './evaluate';

/** What a resident is shown for some answers: the pages, and the fields by key. */
export interface ShownParts {
  pages: Set<string>;
  /** `fieldId` for fields of a page, `groupId.row.fieldId` for a row's fields (raw row index). */
  fields: Set<string>;
}

/**
 * Which pages and fields are shown for answers as typed, by the same walk `validateAnswers`
 * makes: each condition sees the valid answers before it, a row's fields also see their row.
 * Row keys use the index of the row as posted, blank rows included, as issue paths do.
 * @example shownParts(definition, answers, 'ja').fields.has('planned_school')
 */
export function shownParts(
  definition: FormDefinition,
  input: unknown,
  locale: Locale,
  options: { today?: string } = {},
): ShownParts {
  const m = answerMessages(locale);
  const today = options.today ?? todayInJapan();
  const record = asRecord(input) ?? {};
  const shown: ShownParts = { pages: new Set(), fields: new Set() };
  const scope = new Map<string, unknown>();
  const lookup = (id: string) => scope.get(id);
  for (const page of definition.pages) {
    if (!evaluateCondition(page.showIf, lookup)) continue;
    shown.pages.add(page.id);
    for (const field of page.fields) {
      if (!evaluateCondition(field.showIf, lookup)) continue;
      shown.fields.add(field.id);
      if (field.type === 'heading' || field.type === 'paragraph') continue;
      if (field.type === 'group') {
        walkRows(field, own(record, field.id), { locale, today, m }, lookup, shown);
        continue;
      }
      const ctx = { locale, today, m, label: localize(field.label, locale) };
      const result = validateFieldAnswer(field, own(record, field.id), ctx);
      if (result.ok && result.value !== undefined) scope.set(field.id, result.value);
    }
  }
  return shown;
}

function walkRows(
  group: GroupField,
  raw: unknown,
  base: { locale: Locale; today: string; m: ReturnType<typeof answerMessages> },
  outer: (id: string) => unknown,
  shown: ShownParts,
): void {
  const rows = Array.isArray(raw) ? raw : [];
  const nestedIds = new Set(group.fields.map((field) => field.id));
  rows.forEach((item, index) => {
    const row = asRecord(item) ?? {};
    const rowScope = new Map<string, unknown>();
    const lookup = (id: string) => (nestedIds.has(id) ? rowScope.get(id) : outer(id));
    for (const field of group.fields) {
      if (!evaluateCondition(field.showIf, lookup)) continue;
      shown.fields.add(`${group.id}.${index}.${field.id}`);
      if (field.type === 'heading' || field.type === 'paragraph') continue;
      const ctx = { ...base, label: localize(field.label, base.locale) };
      const result = validateFieldAnswer(field, own(row, field.id), ctx);
      if (result.ok && result.value !== undefined) rowScope.set(field.id, result.value);
    }
  });
}
