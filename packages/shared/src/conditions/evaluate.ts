import type { Condition, FieldCondition } from './schema';

/** Looks up the normalised answer of a field by id; undefined when unanswered or hidden. */
export type AnswerLookup = (fieldId: string) => unknown;

/** True when a normalised answer counts as given. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function compare(answer: unknown, value: number | string): number | undefined {
  if (typeof answer === 'number' && typeof value === 'number') return answer - value;
  if (typeof answer === 'string' && typeof value === 'string') {
    if (answer < value) return -1;
    return answer > value ? 1 : 0;
  }
  return undefined;
}

function evaluateField(condition: FieldCondition, lookup: AnswerLookup): boolean {
  const answer = lookup(condition.field);
  switch (condition.op) {
    case 'answered':
      return isAnswered(answer);
    case 'equals':
      return answer === condition.value;
    case 'not_equals':
      // An unanswered field is not "different from" anything: the dependent part stays hidden
      // until the resident has answered, which is what residents expect of a follow-up question.
      return isAnswered(answer) && answer !== condition.value;
    case 'one_of':
      return typeof answer === 'string' && condition.values.includes(answer);
    case 'contains':
      return Array.isArray(answer) && answer.includes(condition.value);
    case 'gt': {
      const order = compare(answer, condition.value);
      return order !== undefined && order > 0;
    }
    case 'lt': {
      const order = compare(answer, condition.value);
      return order !== undefined && order < 0;
    }
  }
}

/**
 * Evaluates a condition against answers. The one evaluator both the browser and the server
 * run, so a resident never sees a field the server would drop, or the reverse.
 * @example evaluateCondition({ field: 'nationality', op: 'equals', value: 'other' }, (id) => answers[id])
 */
export function evaluateCondition(condition: Condition | undefined, lookup: AnswerLookup): boolean {
  if (condition === undefined) return true;
  if ('all' in condition) return condition.all.every((part) => evaluateCondition(part, lookup));
  if ('any' in condition) return condition.any.some((part) => evaluateCondition(part, lookup));
  return evaluateField(condition, lookup);
}

/** Every field id a condition refers to. */
export function conditionFieldIds(condition: Condition | undefined): string[] {
  if (condition === undefined) return [];
  if ('all' in condition) return condition.all.flatMap(conditionFieldIds);
  if ('any' in condition) return condition.any.flatMap(conditionFieldIds);
  return [condition.field];
}
