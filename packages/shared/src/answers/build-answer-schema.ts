import * as v from 'valibot';
import type { FormDefinition } from '../definition/schema';
import type { Locale } from '../i18n/locale';
import { type Answers, type ValidateAnswersOptions, validateAnswers } from './validate-answers';

function pathItems(
  input: unknown,
  path: (string | number)[],
): [v.IssuePathItem, ...v.IssuePathItem[]] | undefined {
  const items: v.IssuePathItem[] = [];
  let current: unknown = input;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') {
      const value: unknown = current[key];
      items.push({ type: 'array', origin: 'value', input: current, key, value });
      current = value;
    } else {
      const parent =
        typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : {};
      const value = Object.hasOwn(parent, String(key)) ? parent[String(key)] : undefined;
      items.push({ type: 'object', origin: 'value', input: parent, key: String(key), value });
      current = value;
    }
  }
  const [first, ...rest] = items;
  return first ? [first, ...rest] : undefined;
}

/**
 * Builds the valibot schema that validates one submission to a form: unknown input in,
 * normalised answers out, issues with paths and messages in the resident's language.
 * @example
 * const result = v.safeParse(buildAnswerSchema(definition, 'ja'), body);
 * if (!result.success) showErrors(v.flatten(result.issues).nested);
 */
export function buildAnswerSchema(
  definition: FormDefinition,
  locale: Locale,
  options: ValidateAnswersOptions = {},
): v.GenericSchema<unknown, Answers> {
  return v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const result = validateAnswers(definition, dataset.value, locale, options);
      if (result.ok) return result.answers;
      for (const issue of result.issues) {
        addIssue({ message: issue.message, path: pathItems(dataset.value, issue.path) });
      }
      return NEVER;
    }),
  );
}
