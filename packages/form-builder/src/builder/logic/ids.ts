import type { Condition } from '@madoguchi/shared';
import type { Draft } from './draft';
import { usedIds } from './palette';

/** The form language's pattern for field ids (fieldIdSchema in the shared package). */
export const fieldIdPattern = /^[a-z][a-z0-9_]{0,62}$/;

/** Why an id cannot be used, or null when it can. */
export type FieldIdProblem = 'pattern' | 'reserved' | 'taken';

/**
 * Checks a new id for a field before it is applied: the shared pattern, the reserved word, and
 * uniqueness across the whole form (row fields included). `current` is the field's own id.
 */
export function fieldIdProblem(draft: Draft, current: string, next: string): FieldIdProblem | null {
  if (!fieldIdPattern.test(next)) return 'pattern';
  if (next === 'constructor') return 'reserved';
  if (next !== current && usedIds(draft).has(next)) return 'taken';
  return null;
}

function renameInCondition(
  condition: Condition | undefined,
  from: string,
  to: string,
): Condition | undefined {
  if (condition === undefined) return undefined;
  if ('all' in condition)
    return { all: condition.all.map((c) => renameInCondition(c, from, to) as Condition) };
  if ('any' in condition)
    return { any: condition.any.map((c) => renameInCondition(c, from, to) as Condition) };
  return condition.field === from ? { ...condition, field: to } : condition;
}

/** Renames the property `showIf` of anything that has one, keeping it absent when absent. */
function withShowIf<T extends { showIf?: Condition }>(item: T, from: string, to: string): T {
  return item.showIf === undefined
    ? item
    : { ...item, showIf: renameInCondition(item.showIf, from, to) as Condition };
}

/**
 * Gives a field a new id and follows it everywhere the form refers to it: conditions of pages
 * and fields, a fee's quantity source and the card prefill targets. Answers and CSV keys use the
 * id, so designers rename it before publishing; call only after `fieldIdProblem` said null.
 */
export function renameFieldId(draft: Draft, from: string, to: string): Draft {
  if (from === to) return draft;
  const rename = <F extends { id: string; showIf?: Condition }>(field: F): F => {
    let next = withShowIf(field, from, to);
    if (next.id === from) next = { ...next, id: to };
    const quantity = (next as { quantity?: { source: string; fieldId?: string } }).quantity;
    if (quantity?.source === 'field' && quantity.fieldId === from)
      next = { ...next, quantity: { ...quantity, fieldId: to } };
    return next;
  };
  const pages = draft.pages.map((page) => ({
    ...withShowIf(page, from, to),
    fields: page.fields.map((field) => {
      const renamed = rename(field);
      return renamed.type === 'group'
        ? { ...renamed, fields: renamed.fields.map((nested) => rename(nested)) }
        : renamed;
    }),
  }));
  const card = draft.options?.cardAuthentication;
  const prefill = card?.prefill;
  const options =
    card && prefill && Object.values(prefill).includes(from)
      ? {
          ...draft.options,
          cardAuthentication: {
            ...card,
            prefill: Object.fromEntries(
              Object.entries(prefill).map(([key, id]) => [key, id === from ? to : id]),
            ),
          },
        }
      : draft.options;
  return { ...draft, pages, ...(options === undefined ? {} : { options }) };
}
