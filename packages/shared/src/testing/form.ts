import * as v from 'valibot';
import {
  type FormDefinition,
  type FormDefinitionInput,
  formDefinitionSchema,
} from '../definition/schema';
import type { FieldInput } from '../fields/index';

type PageInput = FormDefinitionInput['pages'][number];

/** Builds a parsed definition around the given pages, for tests. Throws on a shape error. */
export function formWithPages(
  pages: PageInput[],
  extra: Partial<FormDefinitionInput> = {},
): FormDefinition {
  return v.parse(formDefinitionSchema, {
    schemaVersion: 1,
    title: { ja: 'テスト申請', en: 'Test application' },
    purposeOfUse: { ja: '申請の審査に利用します' },
    category: 'application',
    yearlyVolume: 100,
    retentionDays: 365,
    pages,
    ...extra,
  });
}

/** Builds a parsed one-page definition holding the given fields, for tests. */
export function formWith(
  fields: FieldInput[],
  extra: Partial<FormDefinitionInput> = {},
): FormDefinition {
  return formWithPages([{ id: 'p1', title: { ja: '入力' }, fields }], extra);
}

/** A label, for brevity in test fixtures. */
export function ja(text: string): { ja: string } {
  return { ja: text };
}
