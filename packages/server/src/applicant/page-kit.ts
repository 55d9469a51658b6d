import { messagesFor } from '@madoguchi/applicant-ui';
import { type FormDefinition, listFields } from '@madoguchi/shared';
import { eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { type CardVerification, lockedToCard } from '../card-auth/prefill';
import type { TenantDb } from '../db/registry';
import { forms } from '../db/tenant-schema';
import type { FileStorage } from '../files/storage';
import { AppError } from '../http/errors';
import { findByAccessToken, type SubmissionRow } from '../submissions/applicant';
import { loadPublishedForm, type PublishedForm } from '../submissions/forms';
import { mailContextFor } from '../submissions/mails';
import { placesHeld } from '../submissions/service';
import type { Draft } from './draft';
import { type FlowSubject, goToConfirmation, renderFormPage } from './flow';
import type { PageContext, PageEnv, PageVariables } from './page-context';
import { PageProblem } from './page-problem';
import { accessTokenOf, forgetAccessToken } from './page-security';
import { firstPage, renderVerifyEmail } from './verify';

const megabyte = 1024 * 1024;

/** The most a page of this form can post: its answers, plus room for its files. */
export function flowBodyLimit(definition: FormDefinition): number {
  let files = 0;
  for (const { field, group } of listFields(definition)) {
    if (field.type === 'file')
      files += field.maxFiles * field.maxSizeMb * megabyte * (group?.maxRows ?? 1);
  }
  return megabyte + Math.min(files, 50 * megabyte);
}

/** Refuses names a step does not post (and any file), so nothing unexpected is half-read. */
export function onlyNames(c: PageContext, allowed: readonly string[]): void {
  for (const name of c.get('posted').strings.keys())
    if (!allowed.includes(name)) throw new AppError('bad_request');
  if (c.get('posted').files.size > 0) throw new AppError('bad_request');
}

/** The key of a secret-link form, for pages reached without it (re-sent links, re-applying). */
export async function accessKeyOf(db: TenantDb, formId: string): Promise<string | undefined> {
  const row = await db.query.forms.findFirst({
    where: eq(forms.id, formId),
    columns: { accessKey: true },
  });
  return row?.accessKey ?? undefined;
}

/** Refuses a full form (closed and not-yet-open ones are `ensureOpen`'s); the places left. */
export async function ensureRoom(db: TenantDb, published: PublishedForm): Promise<number | null> {
  const capacity = published.definition.settings.capacity;
  if (capacity === undefined) return null;
  const left = Math.max(0, capacity - (await placesHeld(db, published.form.id)));
  if (left === 0) throw new AppError('form_full');
  return left;
}

/** What the page routes share: the environment and the steps every flow starts with. */
export function pageKit(env: PageEnv, storage: FileStorage) {
  const { deps } = env;
  const masterKey = deps.registry.settings.masterKey;
  const base = (c: PageContext) => `/t/${c.get('tenant').slug}`;
  const formPath = (c: PageContext, formId: string, key: string | undefined) =>
    `${base(c)}/f/${formId}${key ? `?key=${encodeURIComponent(key)}` : ''}`;

  /** The published form of the URL; problems send the resident back to its start page. */
  const loadForm: MiddlewareHandler<{ Variables: PageVariables }> = async (c, next) => {
    const formId = c.req.param('formId') ?? '';
    const key = c.req.query('key');
    if (formId.length > 64 || (key?.length ?? 0) > 100) throw new AppError('not_found');
    const published = await loadPublishedForm(c.get('db'), formId, key);
    c.set('published', published);
    c.set('bodyLimitBytes', flowBodyLimit(published.definition));
    c.set('backLink', {
      href: formPath(c, formId, key),
      label: messagesFor(c.get('locale')).startAgain,
    });
    await next();
  };

  /** The application of the remembered link: none is 401, one no longer valid 404. */
  const loadApplication: MiddlewareHandler<{ Variables: PageVariables }> = async (c, next) => {
    const token = accessTokenOf(c, deps.config.PUBLIC_ORIGIN);
    if (!token) throw new PageProblem('unauthenticated', 'no_link');
    let row: SubmissionRow;
    try {
      row = await findByAccessToken(c.get('db'), token);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        forgetAccessToken(c, deps.config.PUBLIC_ORIGIN, c.get('tenant').slug);
        throw new PageProblem('not_found', 'link_invalid');
      }
      throw error;
    }
    c.set('application', row);
    c.set('backLink', {
      href: `${base(c)}/status`,
      label: messagesFor(c.get('locale')).toStatus,
    });
    await next();
  };

  const applySubject = (
    c: PageContext,
    published: PublishedForm,
    key: string | undefined,
  ): FlowSubject => ({
    mode: 'apply',
    definition: published.definition,
    published,
    action: formPath(c, published.form.id, key),
    binding: { masterKey, slug: c.get('tenant').slug, scope: `form:${published.form.id}` },
    storage,
    fieldsToFix: [],
  });

  /** Starts a new application: email verification first where the form asks for it. */
  const startApplication = async (
    c: PageContext,
    subject: FlowSubject,
    answers: Draft['answers'],
    notices: string[],
    card?: CardVerification,
  ) => {
    const draft: Draft = {
      mode: 'apply',
      formId: subject.published.form.id,
      version: subject.published.version,
      step: '',
      answers: lockedToCard(subject.definition, card, answers),
      ...(card ? { card } : {}),
      savedAt: deps.now(),
    };
    if (subject.definition.options.emailVerification) {
      const field = subject.definition.pages
        .flatMap((page) => page.fields)
        .find((candidate) => candidate.type === 'email');
      const value = field ? answers[field.id] : undefined;
      const email =
        typeof value === 'string'
          ? value
          : typeof value === 'object' && value !== null && 'value' in value
            ? String(value.value)
            : '';
      return renderVerifyEmail(env, c, subject, draft, { email });
    }
    const page = firstPage(env, c, subject, draft);
    return page
      ? renderFormPage(env, c, subject, draft, page, { notices })
      : goToConfirmation(env, c, subject, draft, notices);
  };

  return {
    env,
    deps,
    storage,
    masterKey,
    now: () => deps.now(),
    mail: (c: PageContext) => mailContextFor(deps.config, c.get('tenant')),
    base,
    formPath,
    loadForm,
    loadApplication,
    applySubject,
    startApplication,
  };
}

/** The kit the route files are built with. */
export type PageKit = ReturnType<typeof pageKit>;
