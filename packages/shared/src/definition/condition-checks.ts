import { conditionFieldIds } from '../conditions/evaluate';
import type { Condition } from '../conditions/schema';
import type { Field } from '../fields/index';
import type { NestedField } from '../fields/nested';
import type { DefinitionProblemCode } from './messages';
import type { FormDefinition } from './schema';
import { type FieldPlace, listConditions } from './walk';

/** The deepest all/any nesting a condition may have. */
export const maxConditionDepth = 6;

/** A field at any level (group rows included). */
export type AnyField = Field | NestedField;

/** Records one problem at a path. */
export type Report = (
  path: (string | number)[],
  code: DefinitionProblemCode,
  params?: Record<string, string | number>,
) => void;

function conditionDepth(condition: Condition): number {
  if ('all' in condition) return 1 + Math.max(...condition.all.map(conditionDepth));
  if ('any' in condition) return 1 + Math.max(...condition.any.map(conditionDepth));
  return 1;
}

/** Which operators make sense on which field types, and what value they compare with. */
function operatorFits(op: string, field: AnyField): boolean {
  switch (op) {
    case 'answered':
      return field.type !== 'heading' && field.type !== 'paragraph';
    case 'equals':
    case 'not_equals':
      return [
        'single_choice',
        'yes_no',
        'short_text',
        'hidden',
        'number',
        'fee',
        'date',
        'birth_date',
        'reservation_slot',
      ].includes(field.type);
    case 'one_of':
      return field.type === 'single_choice' || field.type === 'reservation_slot';
    case 'contains':
      return field.type === 'multiple_choice';
    case 'gt':
    case 'lt':
      return ['number', 'fee', 'date', 'birth_date'].includes(field.type);
    default:
      return false;
  }
}

function valueFits(value: unknown, field: AnyField): boolean {
  switch (field.type) {
    case 'yes_no':
      return typeof value === 'boolean';
    case 'number':
    case 'fee':
      return typeof value === 'number';
    case 'date':
    case 'birth_date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    default:
      return typeof value === 'string';
  }
}

function checkLeafConditions(
  condition: Condition,
  path: (string | number)[],
  owner: { order: number; group?: AnyField; isPage: boolean; pageIndex: number; fieldId?: string },
  byId: Map<string, FieldPlace>,
  report: Report,
): void {
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    const key = 'all' in condition ? 'all' : 'any';
    for (const [index, part] of parts.entries()) {
      checkLeafConditions(part, [...path, key, index], owner, byId, report);
    }
    return;
  }
  const target = byId.get(condition.field);
  const at = [...path, 'field'];
  if (!target) {
    report(at, 'condition_unknown_field', { field: condition.field });
    return;
  }
  const earlier = owner.isPage ? target.pageIndex < owner.pageIndex : target.order < owner.order;
  if (!earlier) {
    // A reference to itself or to a later field: the cycle check names loops; this names the rest.
    const insideOwner =
      target.order === owner.order ||
      (owner.isPage && target.pageIndex === owner.pageIndex) ||
      (owner.fieldId !== undefined && target.group?.id === owner.fieldId);
    if (!insideOwner) {
      report(at, 'condition_later_field', { field: condition.field });
    }
    return;
  }
  if (owner.group !== undefined && target.field === owner.group) {
    // A row field shown on its own group's answer: the rows are that answer, so it is a loop.
    report(at, 'condition_cycle', {
      cycle: `${owner.fieldId ?? '?'} → ${target.field.id} → ${owner.fieldId ?? '?'}`,
    });
    return;
  }
  if (target.group && target.group !== owner.group) {
    report(at, 'condition_out_of_scope', { field: condition.field });
    return;
  }
  if (!operatorFits(condition.op, target.field)) {
    report([...path, 'op'], 'condition_incompatible', {
      op: condition.op,
      field: condition.field,
      type: target.field.type,
    });
    return;
  }
  const values =
    'values' in condition ? condition.values : 'value' in condition ? [condition.value] : [];
  for (const value of values) {
    const field = target.field;
    if (!valueFits(value, field)) {
      report([...path, 'value'], 'condition_incompatible', {
        op: condition.op,
        field: condition.field,
        type: field.type,
      });
    } else if (
      (field.type === 'single_choice' || field.type === 'multiple_choice') &&
      !field.options.some((o) => o.value === value)
    ) {
      report([...path, 'value'], 'condition_unknown_value', {
        value: String(value),
        field: condition.field,
      });
    } else if (
      field.type === 'reservation_slot' &&
      !field.slots.some((slot) => slot.id === value)
    ) {
      report([...path, 'value'], 'condition_unknown_value', {
        value: String(value),
        field: condition.field,
      });
    }
  }
}

/**
 * Finds loops in visibility: a page, group or field shown on a condition about itself or about
 * something inside it. Nodes are pages and fields; an edge goes to what decides visibility.
 */
function checkCycles(definition: FormDefinition, places: FieldPlace[], report: Report): void {
  const edges = new Map<string, string[]>();
  const pathOf = new Map<string, (string | number)[]>();
  const idsToNode = new Map(places.map((place) => [place.field.id, `field:${place.field.id}`]));
  definition.pages.forEach((page, index) => {
    const node = `page:${index}`;
    pathOf.set(node, ['pages', index, 'showIf']);
    edges.set(
      node,
      conditionFieldIds(page.showIf).flatMap((id) => idsToNode.get(id) ?? []),
    );
  });
  for (const place of places) {
    const node = `field:${place.field.id}`;
    pathOf.set(node, [...place.path, 'showIf']);
    const targets = conditionFieldIds(place.field.showIf).flatMap((id) => idsToNode.get(id) ?? []);
    targets.push(`page:${place.pageIndex}`);
    if (place.group) targets.push(`field:${place.group.id}`);
    edges.set(node, targets);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (node: string): void => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const seen = state.get(next);
      if (seen === 'visiting') {
        const loop = stack.slice(stack.indexOf(next));
        const key = [...loop].sort().join('|');
        if (!reported.has(key)) {
          reported.add(key);
          report(pathOf.get(next) ?? [], 'condition_cycle', { cycle: [...loop, next].join(' → ') });
        }
      } else if (seen === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
}

/**
 * Checks every condition of a definition: nesting depth, references to earlier fields of a
 * compatible type in the right scope, values that exist, and no loops.
 */
export function checkConditions(
  definition: FormDefinition,
  places: FieldPlace[],
  byId: Map<string, FieldPlace>,
  report: Report,
): void {
  for (const { condition, path, owner } of listConditions(definition)) {
    if (conditionDepth(condition) > maxConditionDepth) {
      report(path, 'condition_too_deep', { max: maxConditionDepth });
      continue;
    }
    const isPage = !('field' in owner);
    const ownerInfo = isPage
      ? { order: -1, isPage: true, pageIndex: definition.pages.indexOf(owner) }
      : {
          order: owner.order,
          group: owner.group,
          isPage: false,
          pageIndex: owner.pageIndex,
          fieldId: owner.field.id,
        };
    checkLeafConditions(condition, path, ownerInfo, byId, report);
  }
  checkCycles(definition, places, report);
}
