import type { Condition } from '../conditions/schema';
import type { Field } from '../fields/index';
import type { NestedField } from '../fields/nested';
import type { FormDefinition, Page } from './schema';

/** A field with where it sits: its page, its group (for fields in a repeatable group), its path. */
export interface FieldPlace {
  field: Field | NestedField;
  page: Page;
  pageIndex: number;
  /** The group this field belongs to, when it is one of a group's row fields. */
  group?: Extract<Field, { type: 'group' }>;
  /** Path inside the definition, e.g. ['pages', 0, 'fields', 3, 'fields', 1]. */
  path: (string | number)[];
  /** Position in document order, counting every field once. */
  order: number;
}

/** Lists every field of a definition in document order, group row fields after their group. */
export function listFields(definition: Pick<FormDefinition, 'pages'>): FieldPlace[] {
  const places: FieldPlace[] = [];
  definition.pages.forEach((page, pageIndex) => {
    page.fields.forEach((field, fieldIndex) => {
      const path = ['pages', pageIndex, 'fields', fieldIndex];
      places.push({ field, page, pageIndex, path, order: places.length });
      if (field.type === 'group') {
        field.fields.forEach((nested, nestedIndex) => {
          places.push({
            field: nested,
            page,
            pageIndex,
            group: field,
            path: [...path, 'fields', nestedIndex],
            order: places.length,
          });
        });
      }
    });
  });
  return places;
}

/** Every condition in a definition with its path, for checks and for the builder. */
export function listConditions(
  definition: Pick<FormDefinition, 'pages'>,
): { condition: Condition; path: (string | number)[]; owner: FieldPlace | Page }[] {
  const found: { condition: Condition; path: (string | number)[]; owner: FieldPlace | Page }[] = [];
  definition.pages.forEach((page, pageIndex) => {
    if (page.showIf)
      found.push({ condition: page.showIf, path: ['pages', pageIndex, 'showIf'], owner: page });
  });
  for (const place of listFields(definition)) {
    if (place.field.showIf) {
      found.push({ condition: place.field.showIf, path: [...place.path, 'showIf'], owner: place });
    }
  }
  return found;
}

/** Formats a definition path for people: pages[0].fields[3].label.ja */
export function formatPath(path: (string | number)[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('');
}
