import * as v from 'valibot';

/** Operators a condition can use on one field's answer. */
export const conditionOperators = [
  'equals',
  'not_equals',
  'one_of',
  'contains',
  'gt',
  'lt',
  'answered',
] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

/** A value compared against: a choice value, a number, a yes/no or an ISO date. */
export type ConditionValue = string | number | boolean;

/** One test on one earlier field's answer. */
export type FieldCondition =
  | { field: string; op: 'equals' | 'not_equals'; value: ConditionValue }
  | { field: string; op: 'one_of'; values: string[] }
  | { field: string; op: 'contains'; value: string }
  | { field: string; op: 'gt' | 'lt'; value: number | string }
  | { field: string; op: 'answered' };

/** A condition deciding whether a page, group or field is shown. */
export type Condition = { all: Condition[] } | { any: Condition[] } | FieldCondition;

const fieldRef = v.pipe(v.string(), v.minLength(1), v.maxLength(63));
const conditionValue = v.union([v.pipe(v.string(), v.maxLength(200)), v.number(), v.boolean()]);

const fieldConditionSchema = v.variant('op', [
  v.strictObject({
    field: fieldRef,
    op: v.picklist(['equals', 'not_equals']),
    value: conditionValue,
  }),
  v.strictObject({
    field: fieldRef,
    op: v.literal('one_of'),
    values: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.minLength(1), v.maxLength(100)),
  }),
  v.strictObject({
    field: fieldRef,
    op: v.literal('contains'),
    value: v.pipe(v.string(), v.maxLength(200)),
  }),
  v.strictObject({
    field: fieldRef,
    op: v.picklist(['gt', 'lt']),
    value: v.union([v.number(), v.pipe(v.string(), v.isoDate())]),
  }),
  v.strictObject({ field: fieldRef, op: v.literal('answered') }),
]);

/** Valibot schema for a condition; all/any nest, up to the depth the definition checks allow. */
export const conditionSchema: v.GenericSchema<Condition> = v.union([
  v.strictObject({
    all: v.pipe(v.array(v.lazy(() => conditionSchema)), v.minLength(1), v.maxLength(50)),
  }),
  v.strictObject({
    any: v.pipe(v.array(v.lazy(() => conditionSchema)), v.minLength(1), v.maxLength(50)),
  }),
  fieldConditionSchema,
]);
