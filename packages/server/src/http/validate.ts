import { vValidator } from '@hono/valibot-validator';
import type { ValidationTargets } from 'hono';
import * as v from 'valibot';
import { AppError } from './errors';

/**
 * Validates one part of a request with a valibot schema; a failure becomes a 400
 * `validation_failed` error listing each problem with its path, through the one error handler.
 * @example app.post('/departments', validate('json', createDepartmentSchema), handler)
 */
export function validate<Schema extends v.GenericSchema, Target extends keyof ValidationTargets>(
  target: Target,
  schema: Schema,
) {
  return vValidator(target, schema, (result) => {
    if (!result.success) {
      const details = result.issues.map((issue) => ({
        path: v.getDotPath(issue) ?? '',
        message: issue.message,
      }));
      throw new AppError(
        'validation_failed',
        { ja: '入力内容に誤りがあります', en: 'Some values are not valid' },
        details,
      );
    }
  });
}
