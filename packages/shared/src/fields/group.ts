import * as v from 'valibot';
import { conditionSchema } from '../conditions/schema';
import { localizedTextSchema } from '../i18n/locale';
import { fieldIdSchema } from './common';
import { nestedFieldSchema } from './nested';

/**
 * A repeatable group: the same fields once per row (household members, children). Answers are
 * a list of rows; conditions inside a row may refer to earlier fields of the same row.
 */
export const groupFieldSchema = v.strictObject({
  type: v.literal('group'),
  id: fieldIdSchema,
  label: localizedTextSchema,
  help: v.optional(localizedTextSchema),
  rowLabel: v.optional(localizedTextSchema),
  required: v.optional(v.boolean(), false),
  minRows: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(50)), 0),
  maxRows: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 10),
  showIf: v.optional(conditionSchema),
  fields: v.pipe(v.array(nestedFieldSchema), v.minLength(1), v.maxLength(100)),
});
export type GroupField = v.InferOutput<typeof groupFieldSchema>;
