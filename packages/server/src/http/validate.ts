import { vValidator } from '@hono/valibot-validator';
import type { ValidationTargets } from 'hono';
import { validator } from 'hono/validator';
import * as v from 'valibot';
import { AppError } from './errors';

// Valibot's own messages are English; staff and residents read Japanese first. Each problem is
// given as "日本語 / English" like the other API messages, by the kind of check that failed.
const japanese: Record<string, string> = {
  string: '文字で入力してください',
  number: '数値で入力してください',
  boolean: 'はい・いいえで指定してください',
  array: '一覧の形で指定してください',
  object: '項目の形が正しくありません',
  strict_object: '受け付けない項目が含まれています',
  picklist: '選択肢の中から選んでください',
  literal: '値が正しくありません',
  min_length: '入力してください（短すぎます）',
  max_length: '長すぎます',
  min_value: '小さすぎます',
  max_value: '大きすぎます',
  email: 'メールアドレスの形式が正しくありません',
  regex: '形式が正しくありません',
  integer: '整数で入力してください',
  url: 'URL の形式が正しくありません',
};

/** One validation problem in Japanese and English. */
export function problemMessage(issue: v.BaseIssue<unknown>): string {
  return `${japanese[issue.type] ?? '入力内容を確認してください'} / ${issue.message}`;
}

function failed(issues: readonly v.BaseIssue<unknown>[]): AppError {
  const details = issues.map((issue) => ({
    path: v.getDotPath(issue) ?? '',
    message: problemMessage(issue),
  }));
  return new AppError('validation_failed', undefined, details);
}

/** The middleware type @hono/valibot-validator gives (the typed client reads inputs from it). */
function typedLikeVValidator<
  Schema extends v.GenericSchema,
  Target extends keyof ValidationTargets,
>(target: Target, schema: Schema) {
  return vValidator(target, schema, (result) => {
    if (!result.success) throw failed(result.issues);
  });
}

/**
 * Validates one part of a request with a valibot schema; a failure becomes a 400
 * `validation_failed` error listing each problem with its path, through the one error handler.
 * Synchronous: our schemas are, and the library's asynchronous parse cost every submit three
 * rounds of promises for nothing.
 * @example app.post('/departments', validate('json', createDepartmentSchema), handler)
 */
export function validate<Schema extends v.GenericSchema, Target extends keyof ValidationTargets>(
  target: Target,
  schema: Schema,
): ReturnType<typeof typedLikeVValidator<Schema, Target>> {
  const middleware = validator(target, (value) => {
    const result = v.safeParse(schema, value);
    if (!result.success) throw failed(result.issues);
    return result.output;
  });
  return middleware as unknown as ReturnType<typeof typedLikeVValidator<Schema, Target>>;
}
