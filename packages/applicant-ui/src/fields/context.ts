import {
  type AnswerMessages,
  answerMessages,
  type Field,
  type FormDefinition,
  type Locale,
  type NestedField,
} from '@madoguchi/shared';
import { compositeParts } from '../form-data';
import type { Messages } from '../messages';
import { type AnswerPath, errorId, hintId, inputId, pathKey } from '../names';

/** What a field needs to render besides itself. */
export interface FieldContext {
  locale: Locale;
  m: Messages;
  parts: AnswerMessages['parts'];
  /** Messages by the key of the path they are about (`name.family`, `children.0.child_name`). */
  errors: ReadonlyMap<string, readonly string[]>;
  /** Keys of the fields shown for the answers so far (see shownParts). */
  shown: ReadonlySet<string>;
  /** Keys of fields that appeared because of the answers just sent. */
  added: ReadonlySet<string>;
  /** Field ids staff asked the resident to correct (補正). */
  toFix: ReadonlySet<string>;
  /**
   * Keys of answers filled in from a My Number card (`name.family`, `birth`): shown read-only.
   * The server puts the card's values back over anything posted, so this is for the resident.
   */
  locked: ReadonlySet<string>;
  /** Places left per reservation field and slot. */
  slotsLeft: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Fee lines already known from answers on earlier pages, by fee field id. */
  fees: ReadonlyMap<string, { quantity: number; amount: number }>;
  /** Today in Japan (YYYY-MM-DD): past reservation slots are not offered. */
  today: string;
  /** The form's action, for buttons that land back on a part of the page. */
  action: string;
}

/** Builds a field context with defaults for what a page does not have. */
export function fieldContext(
  input: Pick<FieldContext, 'locale' | 'm' | 'today' | 'action'> & Partial<FieldContext>,
): FieldContext {
  return {
    parts: answerMessages(input.locale).parts,
    errors: new Map(),
    shown: new Set(),
    added: new Set(),
    toFix: new Set(),
    locked: new Set(),
    slotsLeft: new Map(),
    fees: new Map(),
    ...input,
  };
}

/** The messages about a field: its own and those of its parts (not of a group's rows). */
export function messagesAt(ctx: FieldContext, path: AnswerPath, group = false): string[] {
  const key = pathKey(path);
  const found: string[] = [];
  for (const [at, messages] of ctx.errors) {
    if (at === key || (!group && at.startsWith(`${key}.`))) found.push(...messages);
  }
  return [...new Set(found)];
}

/** Whether a part of a field has a problem of its own. */
export function partInvalid(ctx: FieldContext, path: AnswerPath): boolean {
  return ctx.errors.has(pathKey(path));
}

/** The aria-describedby of a field's inputs: its hint and its error, when it has them. */
export function describedBy(path: AnswerPath, hasHint: boolean, hasError: boolean) {
  const ids = [hasHint ? hintId(path) : '', hasError ? errorId(path) : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A raw answer as the text an input shows. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A property of a raw composite answer. */
export function part(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function anchorOf(field: Field | NestedField, base: AnswerPath, rest: AnswerPath): string {
  const parts = compositeParts(field);
  const first = parts[0];
  if (first === undefined) return inputId(base);
  const named = rest[0];
  return typeof named === 'string' && parts.includes(named)
    ? inputId([...base, named])
    : inputId([...base, first]);
}

/**
 * The id of the element an answer problem is about, for the error summary's link: the part's
 * input, the first option of a choice, a group's fieldset.
 * @example issueAnchor(definition, ['name', 'familyKana']) // 'f-name-familyKana'
 */
export function issueAnchor(definition: FormDefinition, path: AnswerPath): string {
  const [id, row, nestedId, ...rest] = path;
  for (const page of definition.pages) {
    for (const field of page.fields) {
      if (field.id !== id) continue;
      if (field.type !== 'group') return anchorOf(field, [field.id], path.slice(1));
      if (typeof row !== 'number') return inputId([field.id]);
      const nested = field.fields.find((candidate) => candidate.id === nestedId);
      return nested ? anchorOf(nested, [field.id, row, nested.id], rest) : inputId([field.id, row]);
    }
  }
  return 'main';
}
