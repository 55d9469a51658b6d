import {
  type Field,
  type GroupField,
  isValidMyNumber,
  type NestedField,
  normalizeMyNumber,
} from '@madoguchi/shared';
import { type AnswerPath, inputName } from './names';

/** Answers as the resident typed them, keyed by field id; groups hold a list of row objects. */
export type RawAnswers = Record<string, unknown>;

/** The string values of a posted form, by name (files are taken out by the server). */
export type PostedValues = ReadonlyMap<string, readonly string[]>;

/** What reading a posted page gives: the page's answers, and what the post got wrong. */
export interface PostedPage {
  answers: RawAnswers;
  /** Every name the page's fields read; anything else posted is not ours. */
  consumed: Set<string>;
  /** Names posted with several values where one is expected. */
  repeated: string[];
}

/** The parts of a composite field, in the order they are shown. */
export function compositeParts(field: Field | NestedField): readonly string[] {
  switch (field.type) {
    case 'name':
      return field.kana === 'none'
        ? ['family', 'given']
        : ['family', 'given', 'familyKana', 'givenKana'];
    case 'address':
      return ['postalCode', 'prefecture', 'city', 'town', 'building'];
    case 'bank_account':
      return field.askNames
        ? [
            'bankCode',
            'bankName',
            'branchCode',
            'branchName',
            'accountType',
            'accountNumber',
            'holderKana',
          ]
        : ['bankCode', 'branchCode', 'accountType', 'accountNumber', 'holderKana'];
    case 'email':
      return field.confirm ? ['value', 'confirm'] : [];
    default:
      return [];
  }
}

/** How many rows of a group a page shows: those typed, at least one and the minimum, at most the maximum. */
export function rowCount(group: GroupField, answers: RawAnswers): number {
  const rows = Object.hasOwn(answers, group.id) ? answers[group.id] : undefined;
  const typed = Array.isArray(rows) ? rows.length : 0;
  return Math.min(group.maxRows, Math.max(typed, group.minRows, 1));
}

/** Whether a stored My Number answer is complete, so the page need not show it again. */
export function isStoredMyNumber(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const digits = normalizeMyNumber(value);
  return digits !== null && isValidMyNumber(digits);
}

function own(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null && Object.hasOwn(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Reads the answers of a page's fields from a posted form. Fields not posted read as empty
 * (an unticked checkbox sends nothing); files and hidden values keep what the page had; a My
 * Number left blank keeps the number already given, which the page never shows in full.
 */
export function readPostedPage(
  fields: readonly Field[],
  previous: RawAnswers,
  posted: PostedValues,
): PostedPage {
  const result: PostedPage = { answers: {}, consumed: new Set(), repeated: [] };
  const one = (path: AnswerPath): string => {
    const name = inputName(path);
    result.consumed.add(name);
    const values = posted.get(name) ?? [];
    if (values.length > 1) result.repeated.push(name);
    return values[0] ?? '';
  };
  const many = (path: AnswerPath): string[] => {
    const name = inputName(path);
    result.consumed.add(name);
    return [...(posted.get(name) ?? [])];
  };
  const readField = (field: Field | NestedField, path: AnswerPath, before: unknown): unknown => {
    switch (field.type) {
      case 'heading':
      case 'paragraph':
        return undefined;
      case 'hidden':
      case 'file':
        return before;
      case 'multiple_choice':
        return many(path);
      case 'my_number': {
        const typed = one(path);
        return typed.trim() === '' && isStoredMyNumber(before) ? before : typed;
      }
      case 'fee':
        return field.quantity.source === 'input' ? one(path) : undefined;
      case 'group': {
        const rows: Record<string, unknown>[] = [];
        const beforeRows = Array.isArray(before) ? before : [];
        for (let row = 0; row < rowCount(field, { [field.id]: beforeRows }); row++) {
          const values: Record<string, unknown> = {};
          for (const nested of field.fields) {
            const value = readField(
              nested,
              [...path, row, nested.id],
              own(beforeRows[row], nested.id),
            );
            if (value !== undefined) values[nested.id] = value;
          }
          rows.push(values);
        }
        return rows;
      }
      default: {
        const parts = compositeParts(field);
        if (parts.length === 0) return one(path);
        return Object.fromEntries(parts.map((part) => [part, one([...path, part])]));
      }
    }
  };
  for (const field of fields) {
    const value = readField(field, [field.id], own(previous, field.id));
    if (value !== undefined) result.answers[field.id] = value;
  }
  return result;
}
