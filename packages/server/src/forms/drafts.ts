import {
  type DefinitionProblem,
  type FormDefinitionInput,
  parseDefinition,
} from '@madoguchi/shared';
import { findDepartment } from '../admin/repo';
import { authorize } from '../auth/authorize';
import { newId } from '../db/ids';
import { AppError } from '../http/errors';
import type { FormsContext } from './context';
import {
  type FormRow,
  type FormWithAccess,
  findForm,
  insertForm,
  selectForms,
  updateDraft,
} from './repo';
import type { DraftDefinition } from './schemas';
import { type FormSummary, type FormView, toSummary, toView } from './views';

const untitled = '無題のフォーム';
// Lists show titles; the full text stays in the draft.
const maxListTitle = 200;
const copyPrefix = '（コピー）';

const staleDraft = new AppError('conflict', {
  ja: 'このフォームは、読み込んだ後に他の人が保存しました。最新の内容を読み込み直してから、もう一度保存してください',
  en: 'Someone else saved this form after you loaded it. Reload the latest version and save again',
});
const archivedDepartment = new AppError('conflict', {
  ja: 'アーカイブされた課にはフォームを作成できません',
  en: 'Forms cannot be created in an archived department',
});

/**
 * Where a new form starts: the smallest definition that can be published, one page asking for
 * a name, so the designer edits from something that works.
 */
export const startingDefinition: FormDefinitionInput = {
  schemaVersion: 1,
  title: { ja: '新しいフォーム', en: 'New form' },
  purposeOfUse: {
    ja: '申請の受付と、申請者への連絡に利用します。',
    en: 'Used to receive the application and to contact the applicant.',
  },
  category: 'application',
  yearlyVolume: 0,
  retentionDays: 365,
  pages: [
    {
      id: 'applicant',
      title: { ja: '申請者', en: 'Applicant' },
      fields: [
        {
          id: 'name',
          type: 'name',
          label: { ja: '氏名', en: 'Name' },
          required: true,
          pii: 'name',
        },
      ],
    },
  ],
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The Japanese title of a draft for lists; drafts may not have one yet. */
function titleOf(draft: unknown): string {
  const title = isRecord(draft) ? draft.title : undefined;
  const ja = isRecord(title) && typeof title.ja === 'string' ? title.ja.trim() : '';
  return ja === '' ? untitled : ja.slice(0, maxListTitle);
}

/** A form row's view, read again after a write so it shows what is stored. */
export async function viewOf(ctx: FormsContext, id: string): Promise<FormView> {
  const row = await findForm(ctx.db, id);
  if (!row) throw new AppError('not_found');
  return toView(ctx, row);
}

/** Every form the actor may read: those of their departments, within their form limits. */
export async function listForms(ctx: FormsContext): Promise<FormSummary[]> {
  const { actor } = ctx;
  const rows = await selectForms(
    ctx.db,
    actor.grants.map((grant) => grant.departmentId),
    actor.formIds,
  );
  // The query narrows; the one authorisation function decides.
  return rows
    .filter((row) =>
      authorize(
        actor,
        { kind: 'form.read', departmentId: row.departmentId, formId: row.id },
        ctx.now,
      ),
    )
    .map(toSummary);
}

/**
 * Stores a new draft in a department. Drafts may be incomplete; only publishing requires a
 * definition that passes every check. Archived departments take no new forms.
 */
export async function createDraft(
  ctx: FormsContext,
  departmentId: string,
  draft: unknown,
): Promise<FormView> {
  const department = await findDepartment(ctx.db, departmentId);
  if (!department) throw new AppError('not_found');
  if (department.archivedAt !== null) throw archivedDepartment;
  const row: FormRow = {
    id: newId('frm'),
    departmentId,
    title: titleOf(draft),
    status: 'draft',
    draft,
    publishedVersion: null,
    accessKey: null,
    createdBy: ctx.actor.staffId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await insertForm(ctx.db, row);
  return viewOf(ctx, row.id);
}

/** Imports a definition file as a new draft; it must at least have the definition's shape. */
export async function importDraft(
  ctx: FormsContext,
  departmentId: string,
  definition: DraftDefinition,
): Promise<FormView> {
  const parsed = parseDefinition(definition, ctx.locale);
  // The shared checks run only on a definition of the right shape, so shape problems come alone.
  const shapeProblems = parsed.ok ? [] : parsed.problems.filter((p) => p.code === 'shape');
  if (shapeProblems.length > 0) {
    throw new AppError(
      'validation_failed',
      {
        ja: 'フォーム定義の形式が正しくないため、取り込めません',
        en: 'This file is not a form definition in the right format',
      },
      shapeProblems.map(toFieldProblem),
    );
  }
  return createDraft(ctx, departmentId, definition);
}

/** A definition problem as an error detail. */
export function toFieldProblem(problem: DefinitionProblem): { path: string; message: string } {
  return { path: problem.path, message: problem.message };
}

/** Saves a draft unless someone else saved since the designer's copy (`updatedAt`) was read. */
export async function saveDraft(
  ctx: FormsContext,
  form: FormWithAccess,
  definition: DraftDefinition,
  updatedAt: number,
): Promise<FormView> {
  if (updatedAt !== form.updatedAt) throw staleDraft;
  const saved = await updateDraft(
    ctx.db,
    form.id,
    { draft: definition, title: titleOf(definition) },
    updatedAt,
    ctx.now,
  );
  if (!saved) throw staleDraft;
  return viewOf(ctx, form.id);
}

/** The shared checks' verdict on a definition: whether it can be published, and why not. */
export function checkDraft(
  ctx: FormsContext,
  definition: unknown,
): { ok: boolean; problems: DefinitionProblem[] } {
  const parsed = parseDefinition(definition, ctx.locale);
  return parsed.ok ? { ok: true, problems: [] } : { ok: false, problems: parsed.problems };
}

/** Copies a form's draft as a new draft, its title marked as a copy; versions stay behind. */
export async function duplicateDraft(
  ctx: FormsContext,
  form: FormWithAccess,
  departmentId: string,
): Promise<FormView> {
  const { draft } = form;
  if (!isRecord(draft)) return createDraft(ctx, departmentId, draft);
  const title = isRecord(draft.title) ? draft.title : {};
  const ja = typeof title.ja === 'string' && title.ja.trim() !== '' ? title.ja : untitled;
  return createDraft(ctx, departmentId, {
    ...draft,
    title: { ...title, ja: `${copyPrefix}${ja}` },
  });
}

/** A draft as a file to download: pretty JSON and a file name from the form. */
export function exportDraft(form: FormWithAccess): { fileName: string; json: string } {
  return { fileName: `${form.title}.json`, json: `${JSON.stringify(form.draft, null, 2)}\n` };
}
