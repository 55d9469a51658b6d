import { inputName, type RawAnswers, rowCount } from '@madoguchi/applicant-ui';
import {
  type AnswerIssue,
  answerMessages,
  type Field,
  localize,
  type Page,
} from '@madoguchi/shared';
import { saveUpload } from '../files/service';
import { ensureUploadAllowed } from '../files/upload-limit';
import { AppError } from '../http/errors';
import type { FlowSubject } from './flow';
import type { PageContext, PageEnv } from './page-context';

/** The file inputs a page has, by input name, with the field and where its answer sits. */
export function fileInputs(page: Page, answers: RawAnswers) {
  const inputs = new Map<
    string,
    { field: Extract<Field, { type: 'file' }>; path: (string | number)[] }
  >();
  for (const field of page.fields) {
    if (field.type === 'file') inputs.set(inputName([field.id]), { field, path: [field.id] });
    if (field.type !== 'group') continue;
    for (let row = 0; row < rowCount(field, answers); row++) {
      for (const nested of field.fields) {
        if (nested.type === 'file')
          inputs.set(inputName([field.id, row, nested.id]), {
            field: nested,
            path: [field.id, row, nested.id],
          });
      }
    }
  }
  return inputs;
}

/** The raw answer at a path, such as a row's field `['children', 0, 'doc']`. */
export function readAt(answers: RawAnswers, path: (string | number)[]): unknown {
  let current: unknown = answers;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Object.hasOwn(current, key)
      ? (current as Record<string | number, unknown>)[key]
      : undefined;
  }
  return current;
}

/** Replaces the raw answer at a path that exists. */
export function writeAt(answers: RawAnswers, path: (string | number)[], value: unknown): void {
  const [first, ...rest] = path;
  if (first === undefined) return;
  if (rest.length === 0) {
    (answers as Record<string | number, unknown>)[first] = value;
    return;
  }
  const next = (answers as Record<string | number, unknown>)[first];
  if (typeof next === 'object' && next !== null) writeAt(next as RawAnswers, rest, value);
}

/**
 * Stores the files posted with a page through the upload service and adds their references to
 * the answers. A refused file (type, size, count) becomes a problem beside its field; the
 * others are kept, so nothing the resident chose is silently lost.
 */
export async function saveUploads(
  env: PageEnv,
  c: PageContext,
  subject: FlowSubject,
  page: Page,
  answers: RawAnswers,
): Promise<AnswerIssue[]> {
  const inputs = fileInputs(page, answers);
  const issues: AnswerIssue[] = [];
  const locale = c.get('locale');
  for (const [name, files] of c.get('posted').files) {
    const target = inputs.get(name);
    if (!target) throw new AppError('bad_request');
    const stored = readAt(answers, target.path);
    const list = Array.isArray(stored) ? [...stored] : [];
    const label = localize(target.field.label, locale);
    for (const file of files) {
      if (list.length >= target.field.maxFiles) {
        issues.push({
          path: target.path,
          message: answerMessages(locale).tooManyFiles(label, target.field.maxFiles),
        });
        break;
      }
      try {
        ensureUploadAllowed(env.deps, c, c.get('tenant').slug);
        list.push(
          await saveUpload(c.get('db'), subject.storage, {
            tenantSlug: c.get('tenant').slug,
            form: subject.published,
            fieldId: target.field.id,
            name: file.name,
            bytes: new Uint8Array(await file.arrayBuffer()),
            now: env.deps.now(),
          }),
        );
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        issues.push({ path: target.path, message: `${file.name}: ${error.messages[locale]}` });
      }
    }
    writeAt(answers, target.path, list);
  }
  return issues;
}
