import { type FormDefinitionInput, parseDefinition } from '@madoguchi/shared';
import type { DraftField, DraftNestedField } from './palette';

/** One difference between two versions of a definition, for people to read. */
export type DefinitionChange =
  | { kind: 'field_added'; id: string; label: string; page: string }
  | { kind: 'field_removed'; id: string; label: string; page: string }
  | { kind: 'field_moved'; id: string; label: string; from: string; to: string }
  | { kind: 'field_changed'; id: string; label: string; properties: string[] }
  | { kind: 'page_added' | 'page_removed'; id: string; label: string }
  | { kind: 'page_changed'; id: string; label: string; properties: string[] }
  | { kind: 'form_changed'; properties: string[] };

type AnyField = DraftField | DraftNestedField;
type Def = Pick<FormDefinitionInput, 'pages'> & Partial<FormDefinitionInput>;

const textOf = (field: AnyField): string =>
  field.type === 'heading' || field.type === 'paragraph' ? field.text.ja : field.label.ja;

/** Fields by id with the page they sit on; row fields are named "group › field". */
function fieldsById(
  definition: Def,
): Map<string, { field: AnyField; page: string; label: string }> {
  const found = new Map<string, { field: AnyField; page: string; label: string }>();
  for (const page of definition.pages) {
    for (const field of page.fields) {
      const label = textOf(field);
      if (field.type === 'group') {
        const { fields, ...rest } = field;
        found.set(field.id, { field: rest as AnyField, page: page.title.ja, label });
        for (const nested of fields)
          found.set(nested.id, {
            field: nested,
            page: page.title.ja,
            label: `${label} › ${textOf(nested)}`,
          });
      } else {
        found.set(field.id, { field, page: page.title.ja, label });
      }
    }
  }
  return found;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The top-level keys whose values differ, in a stable order. */
function changedKeys(a: object, b: object, skip: string[] = []): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter((key) => !skip.includes(key))
    .filter(
      (key) => !same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
    .sort();
}

/**
 * What changed from `before` to `after`: form settings, pages and fields (added, removed, moved
 * to another page, or with changed properties), fields named by their Japanese labels.
 */
export function diffDefinitions(before: Def, after: Def): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const form = changedKeys(before, after, ['pages']);
  if (form.length > 0) changes.push({ kind: 'form_changed', properties: form });

  const beforePages = new Map(before.pages.map((page) => [page.id, page]));
  const afterPages = new Map(after.pages.map((page) => [page.id, page]));
  for (const page of before.pages)
    if (!afterPages.has(page.id))
      changes.push({ kind: 'page_removed', id: page.id, label: page.title.ja });
  for (const page of after.pages) {
    const old = beforePages.get(page.id);
    if (!old) changes.push({ kind: 'page_added', id: page.id, label: page.title.ja });
    else {
      const properties = changedKeys(old, page, ['fields']);
      if (properties.length > 0)
        changes.push({ kind: 'page_changed', id: page.id, label: page.title.ja, properties });
    }
  }

  const oldFields = fieldsById(before);
  const newFields = fieldsById(after);
  for (const [id, { label, page }] of oldFields)
    if (!newFields.has(id)) changes.push({ kind: 'field_removed', id, label, page });
  for (const [id, entry] of newFields) {
    const old = oldFields.get(id);
    if (!old) {
      changes.push({ kind: 'field_added', id, label: entry.label, page: entry.page });
      continue;
    }
    if (old.page !== entry.page)
      changes.push({ kind: 'field_moved', id, label: entry.label, from: old.page, to: entry.page });
    const properties = changedKeys(old.field, entry.field);
    if (properties.length > 0)
      changes.push({ kind: 'field_changed', id, label: entry.label, properties });
  }
  return changes;
}

/**
 * The diff between a published version and a draft as people mean it: published versions are
 * stored with the form language's defaults filled in, so a draft that parses is compared with its
 * defaults too (otherwise every unset `required: false` would read as a change).
 */
export function diffVersions(published: Def, draft: Def): DefinitionChange[] {
  const parsed = parseDefinition(draft);
  return diffDefinitions(published, parsed.ok ? parsed.definition : draft);
}
