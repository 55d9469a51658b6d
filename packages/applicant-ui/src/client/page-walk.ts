import { type FormDefinition, shownParts, validateAnswers } from '@madoguchi/shared';
import type { ClientPageData } from '../client-data';
import { type PostedValues, type RawAnswers, readPostedPage } from '../form-data';
import { inputId } from '../names';

/** What the shared walk says of the page as it is now: problems by key, fields shown by key. */
export interface PageWalk {
  issues: Map<string, string[]>;
  shown: Set<string>;
}

/** The definition the walks run on: the page and the fields its conditions read (see clientPageData). */
export function walkDefinition(data: ClientPageData): FormDefinition {
  // validateAnswers, shownParts and issueAnchor read `pages` and nothing else.
  return { pages: data.pages } as unknown as FormDefinition;
}

/** The page's controls as the browser would post them, by name. */
export function postedValues(form: HTMLFormElement): PostedValues {
  const posted = new Map<string, string[]>();
  for (const [name, value] of new FormData(form))
    if (typeof value === 'string') posted.set(name, [...(posted.get(name) ?? []), value]);
  return posted;
}

/** The page's answers as the server will read them, with the answers of earlier pages. */
export function pageAnswers(form: HTMLFormElement, data: ClientPageData): RawAnswers {
  const page = data.pages.find((candidate) => candidate.id === data.pageId);
  if (!page) return { ...data.answers };
  // readPostedPage counts a group's rows from the answers before; the page shows those rows.
  const before: RawAnswers = {};
  for (const field of page.fields) {
    if (field.type !== 'group') continue;
    const rows = form.querySelectorAll(`#${inputId([field.id])} > .group__row`).length;
    before[field.id] = Array.from({ length: rows }, () => ({}));
  }
  return { ...data.answers, ...readPostedPage(page.fields, before, postedValues(form)).answers };
}

/**
 * Problems the browser cannot judge and leaves to the server: files already sent and a My
 * Number already given are kept by the server, which never sends them back to the page.
 */
function judgedByServer(form: HTMLFormElement, data: ClientPageData, key: string): boolean {
  const page = data.pages.find((candidate) => candidate.id === data.pageId);
  const [id, row, nestedId] = key.split('.');
  const field = page?.fields.find((candidate) => candidate.id === id);
  const type =
    field?.type === 'group' && row !== undefined
      ? field.fields.find((nested) => nested.id === nestedId)?.type
      : field?.type;
  if (type === 'file' || type === 'hidden') return true;
  if (type !== 'my_number') return false;
  const fieldKey = field?.type === 'group' ? `${id}.${row}.${nestedId}` : String(id);
  const input = form.querySelector(`#${inputId(fieldKey.split('.'))}`);
  return (
    input instanceof HTMLInputElement && input.dataset.stored === 'true' && !input.value.trim()
  );
}

/** Validates the page with the shared rules, as the server does when the resident continues. */
export function walkPage(form: HTMLFormElement, data: ClientPageData): PageWalk {
  const definition = walkDefinition(data);
  const answers = pageAnswers(form, data);
  const options = { today: data.today };
  const result = validateAnswers(definition, answers, data.locale, {
    ...options,
    pages: [data.pageId],
  });
  const issues = new Map<string, string[]>();
  if (!result.ok)
    for (const issue of result.issues) {
      const key = issue.path.join('.');
      if (judgedByServer(form, data, key)) continue;
      issues.set(key, [...(issues.get(key) ?? []), issue.message]);
    }
  return { issues, shown: shownParts(definition, answers, data.locale, options).fields };
}
