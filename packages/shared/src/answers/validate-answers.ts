import { evaluateCondition } from '../conditions/evaluate';
import type { FormDefinition } from '../definition/schema';
import type { FeeField } from '../fields/fee';
import type { GroupField } from '../fields/group';
import { type Locale, localize } from '../i18n/locale';
import { answerMessages } from '../i18n/messages';
import { type AnswerContext, type AnswerIssue, asRecord, isBlank, own } from './rule';
import {
  type AnswerValue,
  type FieldAnswer,
  type GroupRow,
  requiredMessage,
  validateFieldAnswer,
} from './validate-field';

/** Normalised answers of one submission, keyed by field id; hidden fields are absent. */
export type Answers = Record<string, AnswerValue>;

/** Options for validating answers. */
export interface ValidateAnswersOptions {
  /** The date to validate on (YYYY-MM-DD, Japan time); defaults to today in Japan. */
  today?: string;
  /**
   * Only report problems on these pages (a resident moving page by page). Answers on other
   * pages are still read, so conditions see them, but their problems are not reported.
   */
  pages?: readonly string[];
}

/** The result of validating a submission. */
export type ValidateAnswersResult =
  | { ok: true; answers: Answers }
  | { ok: false; issues: AnswerIssue[] };

const maxKeys = 2000;

/** Today's date in Japan (UTC+9, no daylight saving), YYYY-MM-DD. */
export function todayInJapan(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function rowLabel(group: GroupField, index: number, fieldLabel: string, locale: Locale): string {
  const groupLabel = localize(group.rowLabel ?? group.label, locale);
  return locale === 'en'
    ? `${fieldLabel} (${groupLabel} ${index + 1})`
    : `${groupLabel}（${index + 1}件目）の${fieldLabel}`;
}

/**
 * Validates one submission against a definition. Walks the pages in order, evaluating each
 * condition on the normalised answers before it; answers to hidden fields are dropped, unknown
 * keys refused, every answer normalised. Never throws, whatever the input.
 */
export function validateAnswers(
  definition: FormDefinition,
  input: unknown,
  locale: Locale,
  options: ValidateAnswersOptions = {},
): ValidateAnswersResult {
  const m = answerMessages(locale);
  const today = options.today ?? todayInJapan();
  const record = asRecord(input);
  if (!record) return { ok: false, issues: [{ path: [], message: m.notAnObject() }] };

  const issues: AnswerIssue[] = [];
  const known = new Set<string>();
  for (const page of definition.pages) {
    for (const field of page.fields)
      if (field.type !== 'heading' && field.type !== 'paragraph') known.add(field.id);
  }
  const keys = Object.keys(record);
  if (keys.length > maxKeys) return { ok: false, issues: [{ path: [], message: m.notAnObject() }] };
  for (const key of keys)
    if (!known.has(key)) issues.push({ path: [key], message: m.unknownField() });

  const answers: Answers = {};
  const scope = new Map<string, unknown>();
  const lookup = (id: string) => scope.get(id);
  const computedFees: FeeField[] = [];

  for (const page of definition.pages) {
    const report = options.pages === undefined || options.pages.includes(page.id);
    const pageVisible = evaluateCondition(page.showIf, lookup);
    for (const field of page.fields) {
      if (field.type === 'heading' || field.type === 'paragraph') continue;
      if (!pageVisible || !evaluateCondition(field.showIf, lookup)) continue;
      if (field.type === 'fee' && field.quantity.source !== 'input') {
        computedFees.push(field);
        continue;
      }
      const raw = own(record, field.id);
      const found: AnswerIssue[] = [];
      let value: AnswerValue | undefined;
      if (field.type === 'group') {
        value = validateGroup(field, raw, locale, today, lookup, found);
      } else {
        const ctx: AnswerContext = { locale, today, m, label: localize(field.label, locale) };
        const result = validateFieldAnswer(field, raw, ctx);
        if (!result.ok)
          found.push(
            ...result.issues.map((issue) => ({ ...issue, path: [field.id, ...issue.path] })),
          );
        else if (result.value === undefined && field.required)
          found.push({ path: [field.id], message: requiredMessage(field, ctx) });
        else value = result.value;
      }
      if (report) issues.push(...found);
      if (found.length === 0 && value !== undefined) {
        answers[field.id] = value;
        scope.set(field.id, value);
      }
    }
  }
  // A fee whose quantity comes from another field (copies) records the quantity charged, so the
  // stored answers say exactly what the resident was asked to pay.
  for (const fee of computedFees) {
    const quantity =
      fee.quantity.source === 'fixed'
        ? fee.quantity.value
        : fee.quantity.source === 'field'
          ? scope.get(fee.quantity.fieldId)
          : undefined;
    if (typeof quantity === 'number' && Number.isInteger(quantity) && quantity > 0)
      answers[fee.id] = quantity;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers };
}

function validateGroup(
  group: GroupField,
  raw: unknown,
  locale: Locale,
  today: string,
  outer: (id: string) => unknown,
  issues: AnswerIssue[],
): GroupRow[] | undefined {
  const m = answerMessages(locale);
  const label = localize(group.label, locale);
  const minRows = Math.max(group.minRows, group.required ? 1 : 0);
  if (raw !== undefined && raw !== null && raw !== '' && !Array.isArray(raw)) {
    issues.push({ path: [group.id], message: m.wrongType(label) });
    return undefined;
  }
  const list: unknown[] = Array.isArray(raw) ? raw : [];
  if (list.length > group.maxRows) {
    issues.push({ path: [group.id], message: m.tooManyRows(label, group.maxRows) });
    return undefined;
  }
  const nestedIds = new Set(group.fields.map((field) => field.id));
  const rows: GroupRow[] = [];
  list.forEach((item, index) => {
    const record = asRecord(item);
    if (!record) {
      if (!isBlank(item)) issues.push({ path: [group.id, index], message: m.wrongType(label) });
      return;
    }
    for (const key of Object.keys(record)) {
      if (!nestedIds.has(key))
        issues.push({ path: [group.id, index, key], message: m.unknownField() });
    }
    // A row with nothing typed in it is an unused blank row (as a page without JavaScript posts).
    if (group.fields.every((field) => isBlank(emptyComposite(own(record, field.id))))) return;
    const row: GroupRow = {};
    const rowScope = new Map<string, FieldAnswer>();
    const lookup = (id: string) => (nestedIds.has(id) ? rowScope.get(id) : outer(id));
    for (const field of group.fields) {
      if (field.type === 'heading' || field.type === 'paragraph') continue;
      if (!evaluateCondition(field.showIf, lookup)) continue;
      const ctx: AnswerContext = {
        locale,
        today,
        m,
        label: rowLabel(group, index, localize(field.label, locale), locale),
      };
      const result = validateFieldAnswer(field, own(record, field.id), ctx);
      if (!result.ok) {
        issues.push(
          ...result.issues.map((issue) => ({
            ...issue,
            path: [group.id, index, field.id, ...issue.path],
          })),
        );
      } else if (result.value === undefined) {
        if (field.required)
          issues.push({ path: [group.id, index, field.id], message: requiredMessage(field, ctx) });
      } else {
        row[field.id] = result.value;
        rowScope.set(field.id, result.value);
      }
    }
    rows.push(row);
  });
  if (rows.length < minRows)
    issues.push({ path: [group.id], message: m.tooFewRows(label, minRows) });
  return rows.length > 0 ? rows : undefined;
}

/** Treats a composite answer whose parts are all blank ({ family: '', given: '' }) as blank. */
function emptyComposite(value: unknown): unknown {
  const record = asRecord(value);
  if (!record) return value;
  return Object.keys(record).every((key) => isBlank(own(record, key))) ? undefined : value;
}
