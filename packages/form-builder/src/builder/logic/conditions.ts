import type { Condition, ConditionOperator, FieldCondition } from '@madoguchi/shared';
import type { Draft, FieldAddress } from './draft';
import type { DraftField, DraftNestedField } from './palette';

/** What a condition may compare a field's answer with. */
export type ValueKind =
  | { kind: 'choices'; options: { value: string; label: { ja: string; en?: string } }[] }
  | { kind: 'boolean' }
  | { kind: 'number' }
  | { kind: 'date' }
  | { kind: 'text' }
  | { kind: 'none' };

/** A field a condition may refer to, with the operators and values that make sense for it. */
export interface ConditionSource {
  id: string;
  label: { ja: string; en?: string };
  type: DraftField['type'];
  operators: ConditionOperator[];
  value: ValueKind;
}

/** The operators and value kind that fit a field type (the shared checks' table, as choices). */
export function sourceFor(field: DraftField | DraftNestedField): ConditionSource | null {
  if (field.type === 'heading' || field.type === 'paragraph') return null;
  const base = { id: field.id, label: field.label, type: field.type };
  switch (field.type) {
    case 'single_choice':
      return {
        ...base,
        operators: ['equals', 'not_equals', 'one_of', 'answered'],
        value: { kind: 'choices', options: field.options },
      };
    case 'reservation_slot':
      return {
        ...base,
        operators: ['equals', 'not_equals', 'one_of', 'answered'],
        value: {
          kind: 'choices',
          options: field.slots.map((slot) => ({
            value: slot.id,
            label: slot.label ?? { ja: `${slot.date} ${slot.start}–${slot.end}` },
          })),
        },
      };
    case 'multiple_choice':
      return {
        ...base,
        operators: ['contains', 'answered'],
        value: { kind: 'choices', options: field.options },
      };
    case 'yes_no':
      return {
        ...base,
        operators: ['equals', 'not_equals', 'answered'],
        value: { kind: 'boolean' },
      };
    case 'number':
    case 'fee':
      return {
        ...base,
        operators: ['equals', 'not_equals', 'gt', 'lt', 'answered'],
        value: { kind: 'number' },
      };
    case 'date':
    case 'birth_date':
      return {
        ...base,
        operators: ['equals', 'not_equals', 'gt', 'lt', 'answered'],
        value: { kind: 'date' },
      };
    case 'short_text':
    case 'hidden':
      return { ...base, operators: ['equals', 'not_equals', 'answered'], value: { kind: 'text' } };
    default:
      return { ...base, operators: ['answered'], value: { kind: 'none' } };
  }
}

/**
 * The fields a condition on `owner` may use: answered fields before it. A page may use fields of
 * earlier pages; a field inside a group may also use earlier fields of its own row, but never
 * another group's row fields or its own group.
 */
export function conditionSources(
  draft: Draft,
  owner: { page: number } | FieldAddress,
): ConditionSource[] {
  const sources: ConditionSource[] = [];
  const isPage = !('index' in owner);
  for (const [pageIndex, page] of draft.pages.entries()) {
    if (pageIndex > owner.page) break;
    if (isPage && pageIndex === owner.page) break;
    for (const [index, field] of page.fields.entries()) {
      if (!isPage && pageIndex === owner.page && index >= owner.index) {
        if (index === owner.index && owner.child !== undefined && field.type === 'group') {
          for (const nested of field.fields.slice(0, owner.child)) {
            const source = sourceFor(nested);
            if (source) sources.push(source);
          }
        }
        return sources;
      }
      const source = field.type === 'group' ? null : sourceFor(field);
      if (source) sources.push(source);
    }
  }
  return sources;
}

/** A sensible first condition on a source: its first value, or "answered". */
export function defaultCondition(source: ConditionSource): FieldCondition {
  switch (source.value.kind) {
    case 'choices': {
      const first = source.value.options[0]?.value ?? '';
      return source.operators.includes('equals')
        ? { field: source.id, op: 'equals', value: first }
        : { field: source.id, op: 'contains', value: first };
    }
    case 'boolean':
      return { field: source.id, op: 'equals', value: true };
    case 'number':
      return { field: source.id, op: 'gt', value: 0 };
    default:
      return { field: source.id, op: 'answered' };
  }
}

/** Changes a condition's operator, keeping its value where the new operator takes one. */
export function withOperator(
  condition: FieldCondition,
  op: ConditionOperator,
  source: ConditionSource,
): FieldCondition {
  const current =
    'value' in condition
      ? condition.value
      : 'values' in condition
        ? condition.values[0]
        : undefined;
  const fallback = defaultCondition(source);
  const value = current ?? ('value' in fallback ? fallback.value : '');
  switch (op) {
    case 'answered':
      return { field: condition.field, op };
    case 'one_of':
      return { field: condition.field, op, values: [String(value)] };
    case 'contains':
      return { field: condition.field, op, value: String(value) };
    case 'gt':
    case 'lt':
      return { field: condition.field, op, value: typeof value === 'boolean' ? 0 : value };
    default:
      return { field: condition.field, op, value };
  }
}

/** The leaf conditions of a condition and how they combine (the editor shows one level). */
export function splitCondition(condition: Condition | undefined): {
  join: 'all' | 'any';
  parts: Condition[];
} {
  if (!condition) return { join: 'all', parts: [] };
  if ('all' in condition) return { join: 'all', parts: condition.all };
  if ('any' in condition) return { join: 'any', parts: condition.any };
  return { join: 'all', parts: [condition] };
}

/** Joins leaf conditions back: none → no condition, one → itself, more → all/any. */
export function joinCondition(join: 'all' | 'any', parts: Condition[]): Condition | undefined {
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return join === 'all' ? { all: parts } : { any: parts };
}
