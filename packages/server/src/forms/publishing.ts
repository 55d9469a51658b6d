import { parseDefinition } from '@madoguchi/shared';
import { isUniqueViolation } from '../admin/repo';
import { randomString } from '../auth/crypto/index';
import { isUnchangedAbort } from '../db/guards';
import { AppError } from '../http/errors';
import type { FormsContext } from './context';
import { toFieldProblem, viewOf } from './drafts';
import {
  type FormWithAccess,
  findVersion,
  insertVersion,
  selectVersions,
  updateStatus,
} from './repo';
import type { FormView, VersionSummary } from './views';

const urlSafe = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// 24 of 64 characters: 144 bits, so a secret link cannot be guessed.
const accessKeyLength = 24;

const draftChanged = new AppError('conflict', {
  ja: 'このフォームは、読み込んだ後に他の人が変更しました。最新の内容を確認してから公開してください',
  en: 'Someone else changed this form after you loaded it. Check the latest version before publishing',
});

/** A version as its page shows it: the definition frozen at publication. */
export interface VersionView extends VersionSummary {
  definition: unknown;
}

/**
 * Publishes the draft as the next version (the parsed definition, defaults filled in) and makes
 * it the one residents see. A draft that fails the shared checks is refused with every problem;
 * with `updatedAt`, a draft changed since the publisher read it is refused too. A secret-link
 * form gets its access key on first need and keeps it.
 */
export async function publishForm(
  ctx: FormsContext,
  form: FormWithAccess,
  updatedAt: number | undefined,
): Promise<FormView> {
  if (updatedAt !== undefined && updatedAt !== form.updatedAt) throw draftChanged;
  const parsed = parseDefinition(form.draft, ctx.locale);
  if (!parsed.ok) {
    throw new AppError(
      'validation_failed',
      {
        ja: 'フォームに誤りがあるため公開できません。指摘された箇所を直してください',
        en: 'This form cannot be published until the problems listed are fixed',
      },
      parsed.problems.map(toFieldProblem),
    );
  }
  const secret = parsed.definition.settings.access === 'secret_link';
  try {
    await insertVersion(ctx.db, {
      formId: form.id,
      draftUpdatedAt: form.updatedAt,
      definition: parsed.definition,
      publishedBy: ctx.actor.staffId,
      now: ctx.now,
      accessKey: secret ? randomString(accessKeyLength, urlSafe) : null,
    });
  } catch (error) {
    // The draft was saved again, or another publication took the number, after we read it.
    if (isUnchangedAbort(error) || isUniqueViolation(error)) throw draftChanged;
    throw error;
  }
  return viewOf(ctx, form.id);
}

/** Stops residents from submitting; the published versions and the draft stay. */
export async function closeForm(ctx: FormsContext, form: FormWithAccess): Promise<FormView> {
  if (!(await updateStatus(ctx.db, form.id, 'published', 'closed'))) {
    throw new AppError('conflict', {
      ja: '公開中のフォームだけを受付終了にできます',
      en: 'Only a published form can be closed',
    });
  }
  return viewOf(ctx, form.id);
}

/** Opens a closed form again with the version it had. */
export async function reopenForm(ctx: FormsContext, form: FormWithAccess): Promise<FormView> {
  if (!(await updateStatus(ctx.db, form.id, 'closed', 'published'))) {
    throw new AppError('conflict', {
      ja: '受付終了にしたフォームだけを再開できます',
      en: 'Only a closed form can be reopened',
    });
  }
  return viewOf(ctx, form.id);
}

/** The versions of a form, oldest first. */
export function listVersions(ctx: FormsContext, form: FormWithAccess): Promise<VersionSummary[]> {
  return selectVersions(ctx.db, form.id);
}

/** One published version with its definition exactly as it was published. */
export async function getVersion(
  ctx: FormsContext,
  form: FormWithAccess,
  version: number,
): Promise<VersionView> {
  const row = await findVersion(ctx.db, form.id, version);
  if (!row) throw new AppError('not_found');
  return {
    version: row.version,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
    definition: row.definition,
  };
}
