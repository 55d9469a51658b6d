import {
  conditionFieldIds,
  type Field,
  type FormDefinition,
  type Locale,
  localize,
  type Page,
} from '@madoguchi/shared';
import type { RawAnswers } from './form-data';

/** Texts the client script shows, in the page's language (it carries no message catalog). */
export interface ClientText {
  errorSummaryTitle: string;
  /** Said before each message by screen readers, as the server's pages do. */
  errorPrefix: string;
  postalFound: string;
  postalPartial: string;
  postalNotFound: string;
}

/**
 * What the client script of a form page reads from the page (`data-client` on the form): the
 * definition it validates and shows fields with — this page's fields and the fields of other
 * pages that their conditions read — and the answers already given to those, so the browser
 * walks the same shared code the server does and reaches the same result.
 */
export interface ClientPageData {
  locale: Locale;
  /** Today in Japan (YYYY-MM-DD), for date limits and ages, as the server validates. */
  today: string;
  pageId: string;
  /** Pages of the definition in order, holding only the fields the browser needs. */
  pages: ClientPage[];
  /** Answers so far to the fields of other pages that conditions on this page read. */
  answers: RawAnswers;
  text: ClientText;
  /** Where postal-code chunks are served: `${postalCodes}${first three digits}.json`. */
  postalCodes?: string;
}

/** A page as the client script knows it: the walks read nothing else. */
export type ClientPage = Pick<Page, 'id' | 'showIf' | 'fields'>;

// Texts no walk reads: left out so the page carries less.
const unread = new Set(['help', 'terms', 'agreeLabel', 'placeholder', 'csvColumn', 'text']);
// Answers never sent back into a page in the clear (ADR 0010: the draft is sealed for them).
const neverEchoed = new Set(['my_number', 'bank_account', 'file']);

/** A definition part in one language only, without the texts no walk reads. */
function slim(value: unknown, locale: Locale): unknown {
  if (Array.isArray(value)) return value.map((item) => slim(item, locale));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (typeof record.ja === 'string' && Object.keys(record).every((k) => k === 'ja' || k === 'en'))
    return { ja: localize(record as { ja: string; en?: string }, locale) };
  return Object.fromEntries(
    Object.entries(record)
      .filter(([key]) => !unread.has(key))
      .map(([key, item]) => [
        key,
        // A choice is checked by its value; its label is the page's to show.
        key === 'options' && Array.isArray(item)
          ? item.map((option: { value: string }) => ({ value: option.value }))
          : slim(item, locale),
      ]),
  );
}

/** Field ids the conditions of some fields and pages read, followed through the fields they name. */
function conditionClosure(definition: FormDefinition, start: readonly Field[]): Set<string> {
  const byId = new Map<string, { field: Field; page: Page }>();
  for (const page of definition.pages)
    for (const field of page.fields) byId.set(field.id, { field, page });
  const needed = new Set<string>();
  const queue: string[] = [];
  const read = (ids: string[]) => {
    for (const id of ids)
      if (!needed.has(id) && byId.has(id)) {
        needed.add(id);
        queue.push(id);
      }
  };
  for (const field of start) {
    read(conditionFieldIds(field.showIf));
    if (field.type === 'group')
      for (const nested of field.fields) read(conditionFieldIds(nested.showIf));
  }
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const place = byId.get(id);
    if (!place) continue;
    read(conditionFieldIds(place.field.showIf));
    read(conditionFieldIds(place.page.showIf));
  }
  return needed;
}

/**
 * The client data of one form page.
 * @example <form data-client={JSON.stringify(clientPageData({ ... }))}>
 */
export function clientPageData(input: {
  definition: FormDefinition;
  page: Page;
  answers: RawAnswers;
  locale: Locale;
  today: string;
  text: ClientText;
  postalCodes?: string;
}): ClientPageData {
  const { definition, page, locale } = input;
  const needed = conditionClosure(definition, page.fields);
  const pages: ClientPage[] = [];
  const answers: RawAnswers = {};
  for (const candidate of definition.pages) {
    if (candidate.id === page.id) {
      // The resident is on this page, so its own condition held.
      pages.push({ id: candidate.id, fields: candidate.fields });
      continue;
    }
    const fields = candidate.fields.filter(
      (field) => needed.has(field.id) && !neverEchoed.has(field.type),
    );
    if (fields.length === 0) continue;
    pages.push({ id: candidate.id, showIf: candidate.showIf, fields });
    for (const field of fields)
      if (Object.hasOwn(input.answers, field.id)) answers[field.id] = input.answers[field.id];
  }
  return {
    locale,
    today: input.today,
    pageId: page.id,
    pages: pages.map((kept) => ({
      id: kept.id,
      ...(kept.showIf ? { showIf: kept.showIf } : {}),
      fields: slim(kept.fields, locale) as Field[],
    })),
    answers,
    text: input.text,
    ...(input.postalCodes !== undefined ? { postalCodes: input.postalCodes } : {}),
  };
}
