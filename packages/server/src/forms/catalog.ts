import { formDefinitionSchema } from '@madoguchi/shared';
import * as v from 'valibot';
import { newId } from '../db/ids';
import type { ControlDb } from '../db/registry';
import { AppError } from '../http/errors';
import type { FormsContext } from './context';
import { createDraft } from './drafts';
import {
  type FormWithAccess,
  findTemplate,
  findVersion,
  insertTemplate,
  selectTemplates,
  type TemplateRow,
} from './repo';
import type { FormView } from './views';

/** A template as the catalog lists it. */
export type TemplateSummary = Omit<TemplateRow, 'definition'>;

/**
 * Shares the version residents see now with every municipality, credited to this one. Only the
 * definition goes to the catalog: never answers, people or ids of this municipality.
 */
export async function shareForm(
  ctx: FormsContext,
  control: ControlDb,
  form: FormWithAccess,
): Promise<TemplateSummary> {
  const version =
    form.publishedVersion === null
      ? undefined
      : await findVersion(ctx.db, form.id, form.publishedVersion);
  if (!version) {
    throw new AppError('conflict', {
      ja: '公開したフォームだけをテンプレートとして共有できます',
      en: 'Only a published form can be shared as a template',
    });
  }
  // Published definitions were parsed on publication; parsing again only restores their type.
  const definition = v.parse(formDefinitionSchema, version.definition);
  const row: TemplateRow = {
    id: newId('tpl'),
    title: definition.title.ja,
    category: definition.category,
    definition,
    sharedBy: ctx.tenant.name,
    sharedAt: ctx.now,
  };
  await insertTemplate(control, row);
  const { definition: _definition, ...summary } = row;
  return summary;
}

/** Every template municipalities have shared, newest first. */
export function listCatalog(control: ControlDb): Promise<TemplateSummary[]> {
  return selectTemplates(control);
}

/** A new draft in a department from a template of the catalog. */
export async function importTemplate(
  ctx: FormsContext,
  control: ControlDb,
  templateId: string,
  departmentId: string,
): Promise<FormView> {
  const template = await findTemplate(control, templateId);
  if (!template) throw new AppError('not_found');
  return createDraft(ctx, departmentId, template.definition);
}
