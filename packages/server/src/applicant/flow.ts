import { randomBytes } from 'node:crypto';
import {
  ConfirmPage,
  type FormAction,
  FormPageView,
  fieldContext,
  inputName,
  issueAnchor,
  liveName,
  messagesFor,
  type RawAnswers,
  readPostedPage,
  rowCount,
  type SummaryError,
} from '@madoguchi/applicant-ui';
import {
  type AnswerIssue,
  type FormDefinition,
  type GroupField,
  type Locale,
  type Page,
  type ShownParts,
  shownParts,
  todayInJapan,
  validateAnswers,
} from '@madoguchi/shared';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type CardVerification, lockedToCard } from '../card-auth/prefill';
import type { FileStorage } from '../files/storage';
import { AppError } from '../http/errors';
import type { PublishedForm } from '../submissions/forms';
import { knownFees, slotsLeft } from './answers';
import { type Draft, type DraftBinding, sealDraft } from './draft';
import { chromeOf, type PageContext, type PageEnv, sendPage } from './page-context';
import { fileInputs, readAt, saveUploads, writeAt } from './uploads';

/** What a form flow runs on: a new application, or the correction of one (補正). */
export interface FlowSubject {
  mode: 'apply' | 'correct';
  definition: FormDefinition;
  /** The published form, for uploads and (new applications) availability. */
  published: PublishedForm;
  /** Where the flow's forms post. */
  action: string;
  binding: DraftBinding;
  storage: FileStorage;
  /** Field ids staff asked to correct (none for a new application). */
  fieldsToFix: string[];
}

/** Extra things a rendered page shows. */
export interface PageExtras {
  issues?: AnswerIssue[];
  notices?: string[];
  added?: ReadonlySet<string>;
  /** The status of a page shown again with problems: 400 unless the problem says otherwise. */
  status?: ContentfulStatusCode;
}

const badRequest = () => new AppError('bad_request');

function today(env: PageEnv): string {
  return todayInJapan(new Date(env.deps.now()));
}

/** The pages the resident goes through now, in order: shown by conditions, and allowed. */
export function visiblePages(subject: FlowSubject, draft: Draft, shown: ShownParts): Page[] {
  return subject.definition.pages.filter(
    (page) =>
      shown.pages.has(page.id) &&
      (subject.mode === 'apply' || (draft.pages ?? []).includes(page.id)),
  );
}

/** Fills a page's groups up to the rows it shows, so what is shown and what is read agree. */
function withDisplayedRows(page: Page, answers: RawAnswers): RawAnswers {
  const padded = { ...answers };
  for (const field of page.fields) {
    if (field.type !== 'group') continue;
    const rows = Array.isArray(padded[field.id]) ? [...(padded[field.id] as unknown[])] : [];
    while (rows.length < rowCount(field, answers)) rows.push({});
    padded[field.id] = rows;
  }
  return padded;
}

/** The page a field (or a problem at a path) belongs to. */
function pageOfField(definition: FormDefinition, fieldId: unknown): Page | undefined {
  return definition.pages.find((page) => page.fields.some((field) => field.id === fieldId));
}

function seal(env: PageEnv, subject: FlowSubject, draft: Draft): string {
  return sealDraft({ ...draft, savedAt: env.deps.now() }, subject.binding);
}

/** Issues as the page shows them: the summary's links and the messages by path. */
function issueView(definition: FormDefinition, issues: AnswerIssue[]) {
  const summary: SummaryError[] = [];
  const byPath = new Map<string, string[]>();
  for (const issue of issues) {
    const key = issue.path.join('.');
    byPath.set(key, [...(byPath.get(key) ?? []), issue.message]);
    summary.push({ target: issueAnchor(definition, issue.path), message: issue.message });
  }
  return { summary, byPath };
}

/**
 * The answers a card verification filled in, as path keys (`name.family`, `birth`): the page
 * shows them read-only. The name's kana and an address's building are not on the card.
 */
export function lockedKeys(
  definition: FormDefinition,
  card: CardVerification | undefined,
): Set<string> {
  const keys = new Set<string>();
  if (!card) return keys;
  const { prefill } = definition.options.cardAuthentication;
  for (const [attribute, value] of Object.entries(card.values)) {
    const fieldId = prefill[attribute as keyof typeof prefill];
    if (fieldId === undefined) continue;
    if (typeof value === 'object' && value !== null)
      for (const part of Object.keys(value)) keys.add(`${fieldId}.${part}`);
    else keys.add(fieldId);
  }
  return keys;
}

/** Renders one page of the flow with the answers so far. */
export async function renderFormPage(
  env: PageEnv,
  c: PageContext,
  subject: FlowSubject,
  draft: Draft,
  page: Page,
  extras: PageExtras = {},
) {
  const locale = c.get('locale');
  const day = today(env);
  const answers = withDisplayedRows(page, draft.answers);
  const current: Draft = { ...draft, step: page.id, answers };
  const shown = shownParts(subject.definition, answers, locale, { today: day });
  const pages = visiblePages(subject, current, shown);
  const index = pages.findIndex((candidate) => candidate.id === page.id);
  const { summary, byPath } = issueView(subject.definition, extras.issues ?? []);
  const ctx = fieldContext({
    locale,
    m: messagesFor(locale),
    today: day,
    action: subject.action,
    errors: byPath,
    shown: shown.fields,
    added: extras.added ?? new Set(),
    toFix: new Set(subject.fieldsToFix),
    locked: lockedKeys(subject.definition, draft.card),
    slotsLeft: await slotsLeft(c.get('db'), subject.published.form.id, subject.definition),
    fees: knownFees(subject.definition, answers, day),
  });
  return sendPage(
    c,
    summary.length > 0 ? (extras.status ?? 400) : 200,
    FormPageView({
      chrome: chromeOf(env, c, 'buttons'),
      csrfToken: c.get('csrfToken'),
      state: seal(env, subject, current),
      definition: subject.definition,
      page,
      pageNumber: Math.max(1, index + 1),
      pageCount: Math.max(pages.length, 1),
      answers,
      ctx,
      errors: summary,
      notices: extras.notices ?? [],
      hasPrevious: index > 0,
      isLast: index === pages.length - 1,
      reviewing: current.reviewing === true,
      correcting: subject.mode === 'correct',
    }),
  );
}

/**
 * Moves to the confirmation page when every answer holds; otherwise to the first page with a
 * problem, showing it. Everything is validated again here, whatever the pages said.
 */
export async function goToConfirmation(
  env: PageEnv,
  c: PageContext,
  subject: FlowSubject,
  draft: Draft,
  notices: string[] = [],
) {
  const locale = c.get('locale');
  const day = today(env);
  const result = validateAnswers(subject.definition, draft.answers, locale, { today: day });
  const shown = shownParts(subject.definition, draft.answers, locale, { today: day });
  if (!result.ok) {
    const first =
      pageOfField(subject.definition, result.issues[0]?.path[0]) ?? subject.definition.pages[0];
    if (!first) throw badRequest();
    const onPage = result.issues.filter(
      (issue) => pageOfField(subject.definition, issue.path[0])?.id === first.id,
    );
    // A correction may need a page staff did not name (a date limit has moved on since).
    const pages =
      subject.mode === 'correct' && !(draft.pages ?? []).includes(first.id)
        ? [...(draft.pages ?? []), first.id]
        : draft.pages;
    return renderFormPage(
      env,
      c,
      subject,
      { ...draft, reviewing: false, ...(pages ? { pages } : {}) },
      first,
      { issues: onPage },
    );
  }
  const confirmDraft: Draft = { ...draft, step: 'confirm', reviewing: false };
  const pages = visiblePages(subject, confirmDraft, shown);
  return sendPage(
    c,
    200,
    ConfirmPage({
      chrome: chromeOf(env, c, 'buttons'),
      csrfToken: c.get('csrfToken'),
      state: seal(env, subject, confirmDraft),
      // Drawn once per confirmation page: a double click or a retry sends the same token, and
      // the submit returns the first result instead of a second application.
      ...(subject.mode === 'apply' ? { clientToken: randomBytes(24).toString('base64url') } : {}),
      definition: subject.definition,
      answers: result.answers,
      shown,
      action: subject.action,
      changeablePages: new Set(pages.map((page) => page.id)),
      correcting: subject.mode === 'correct',
      notices,
    }),
  );
}

const controlNames = new Set(['_csrf', '_state', '_action', liveName]);

/** Input fields (not text) of a page, by the keys `shownParts` uses. */
function inputKeysOf(page: Page, answers: RawAnswers): Set<string> {
  const keys = new Set<string>();
  for (const field of page.fields) {
    if (field.type === 'heading' || field.type === 'paragraph') continue;
    keys.add(field.id);
    if (field.type !== 'group') continue;
    for (let row = 0; row < rowCount(field, answers); row++)
      for (const nested of field.fields)
        if (nested.type !== 'heading' && nested.type !== 'paragraph')
          keys.add(`${field.id}.${row}.${nested.id}`);
  }
  return keys;
}

function groupOn(page: Page, id: string): GroupField {
  const group = page.fields.find((field) => field.id === id);
  if (group?.type !== 'group') throw badRequest();
  return group;
}

/**
 * A page was posted: its answers are merged into the draft (files stored), then the button
 * decides: add or remove a row or a file, switch language, go back, or continue. Continuing
 * validates this page with the shared schema; questions that only now apply are shown first.
 */
export async function onPagePosted(
  env: PageEnv,
  c: PageContext,
  subject: FlowSubject,
  draft: Draft,
  page: Page,
  action: FormAction,
) {
  const posted = c.get('posted');
  const read = readPostedPage(page.fields, draft.answers, posted.strings);
  for (const name of posted.strings.keys())
    if (!controlNames.has(name) && !read.consumed.has(name)) throw badRequest();
  if (read.repeated.length > 0) throw badRequest();
  const before = draft.answers;
  // A field the card verified keeps the verified value whatever was posted (ignored, not refused).
  const answers: RawAnswers = structuredClone(
    lockedToCard(subject.definition, draft.card, { ...before, ...read.answers }),
  );
  const uploadIssues = await saveUploads(env, c, subject, page, answers);
  const next: Draft = { ...draft, answers };
  const locale = c.get('locale');
  switch (action.kind) {
    case 'language':
      return renderFormPage(env, c, subject, next, page, { issues: uploadIssues });
    case 'add_row': {
      const group = groupOn(page, action.groupId);
      const rows = Array.isArray(answers[group.id]) ? (answers[group.id] as unknown[]) : [];
      if (rows.length < group.maxRows) rows.push({});
      answers[group.id] = rows;
      return renderFormPage(env, c, subject, next, page, { issues: uploadIssues });
    }
    case 'remove_row': {
      const group = groupOn(page, action.groupId);
      const rows = Array.isArray(answers[group.id]) ? (answers[group.id] as unknown[]) : [];
      if (action.row >= rows.length) throw badRequest();
      rows.splice(action.row, 1);
      answers[group.id] = rows;
      return renderFormPage(env, c, subject, next, page, { issues: uploadIssues });
    }
    case 'remove_file': {
      const path = action.path.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      if (!fileInputs(page, answers).has(inputName(path))) throw badRequest();
      const stored = readAt(answers, path);
      const kept = (Array.isArray(stored) ? stored : []).filter(
        (file) => (file as { id?: unknown })?.id !== action.fileId,
      );
      writeAt(answers, path, kept);
      return renderFormPage(env, c, subject, next, page, { issues: uploadIssues });
    }
    case 'back': {
      const shown = shownParts(subject.definition, answers, locale, { today: today(env) });
      const pages = visiblePages(subject, next, shown);
      const index = pages.findIndex((candidate) => candidate.id === page.id);
      const previous = index > 0 ? pages[index - 1] : undefined;
      return renderFormPage(env, c, subject, { ...next, reviewing: false }, previous ?? page);
    }
    case 'next': {
      const day = today(env);
      const shownBefore = shownParts(subject.definition, before, locale, { today: day });
      const shownAfter = shownParts(subject.definition, answers, locale, { today: day });
      const onPage = inputKeysOf(page, answers);
      // With the client script the resident saw new questions appear while answering: they are
      // judged now like the others. Without it they are shown first, with a notice.
      const live = posted.strings.get(liveName)?.join() === '1';
      const added = new Set(
        live
          ? []
          : [...shownAfter.fields].filter((key) => onPage.has(key) && !shownBefore.fields.has(key)),
      );
      const result = validateAnswers(subject.definition, answers, locale, {
        pages: [page.id],
        today: day,
      });
      const isAdded = (issue: AnswerIssue) => {
        const key = issue.path.join('.');
        return [...added].some((addedKey) => key === addedKey || key.startsWith(`${addedKey}.`));
      };
      const issues = [
        ...uploadIssues,
        ...(result.ok ? [] : result.issues.filter((i) => !isAdded(i))),
      ];
      if (added.size > 0 || issues.length > 0) {
        return renderFormPage(env, c, subject, next, page, {
          issues,
          added,
          notices: added.size > 0 ? [messagesFor(locale).newFieldsNotice] : [],
        });
      }
      if (next.reviewing) return goToConfirmation(env, c, subject, next);
      const pages = visiblePages(subject, next, shownAfter);
      const index = pages.findIndex((candidate) => candidate.id === page.id);
      const following = pages[index + 1];
      return following
        ? renderFormPage(env, c, subject, next, following)
        : goToConfirmation(env, c, subject, next);
    }
    default:
      throw badRequest();
  }
}

/** The confirmation page was posted: go back, change a page, or switch language. */
export async function onConfirmationPosted(
  env: PageEnv,
  c: PageContext,
  subject: FlowSubject,
  draft: Draft,
  action: FormAction,
) {
  const locale = c.get('locale');
  const shown = shownParts(subject.definition, draft.answers, locale, { today: today(env) });
  const pages = visiblePages(subject, draft, shown);
  switch (action.kind) {
    case 'language':
      return goToConfirmation(env, c, subject, draft);
    case 'back': {
      const last = pages.at(-1);
      if (!last) throw badRequest();
      return renderFormPage(env, c, subject, draft, last);
    }
    case 'goto': {
      const page = pages.find((candidate) => candidate.id === action.pageId);
      if (!page) throw badRequest();
      return renderFormPage(env, c, subject, { ...draft, reviewing: true }, page);
    }
    default:
      throw badRequest();
  }
}

/**
 * Problems the submit found in answers (invalid, or a slot that filled up meanwhile), mapped
 * back to the page they are on, with the status of their code; undefined for any other error.
 */
export function issuesFromSubmit(
  definition: FormDefinition,
  error: unknown,
  locale: Locale,
): { page: Page; issues: AnswerIssue[]; status: ContentfulStatusCode } | undefined {
  if (!(error instanceof AppError) || !['validation_failed', 'slot_full'].includes(error.code))
    return undefined;
  const issues = (error.details ?? []).map((detail) => ({
    path: detail.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    // A full slot's detail is in both languages; its message is in the resident's.
    message: error.code === 'slot_full' ? error.messages[locale] : detail.message,
  }));
  const page = pageOfField(definition, issues[0]?.path[0]);
  if (!page) return undefined;
  return {
    page,
    issues: issues.filter((issue) => pageOfField(definition, issue.path[0])?.id === page.id),
    status: error.status,
  };
}
