import * as v from 'valibot';
import type { Locale, LocalizedText } from '../i18n/locale';
import { type AnyField, checkConditions, type Report } from './condition-checks';
import { type DefinitionProblemCode, definitionProblemMessage } from './messages';
import {
  type FormDefinition,
  formDefinitionSchema,
  notificationEvents,
  templatePlaceholders,
} from './schema';
import { type FieldPlace, formatPath, listFields } from './walk';

/** A problem found in a definition, with the path of the part at fault. */
export interface DefinitionProblem {
  path: string;
  code: DefinitionProblemCode;
  message: string;
}

function checkJapanese(
  text: LocalizedText | undefined,
  path: (string | number)[],
  report: Report,
): void {
  if (text !== undefined && text.ja.trim() === '') report([...path, 'ja'], 'japanese_text_missing');
}

function checkRange(
  min: number | string | undefined,
  max: number | string | undefined,
  path: (string | number)[],
  report: Report,
): void {
  if (min !== undefined && max !== undefined && min > max)
    report(path, 'range_inverted', { min, max });
}

function checkFieldTexts(field: AnyField, path: (string | number)[], report: Report): void {
  if (field.type === 'heading' || field.type === 'paragraph') {
    checkJapanese(field.text, [...path, 'text'], report);
    return;
  }
  checkJapanese(field.label, [...path, 'label'], report);
  if (field.type === 'consent') checkJapanese(field.terms, [...path, 'terms'], report);
  if (field.type === 'single_choice' || field.type === 'multiple_choice') {
    const seen = new Set<string>();
    field.options.forEach((option, index) => {
      checkJapanese(option.label, [...path, 'options', index, 'label'], report);
      if (seen.has(option.value))
        report([...path, 'options', index, 'value'], 'duplicate_option_value', {
          value: option.value,
        });
      seen.add(option.value);
    });
  }
}

function checkFieldLimits(field: AnyField, path: (string | number)[], report: Report): void {
  switch (field.type) {
    case 'short_text':
    case 'long_text':
      checkRange(field.minLength, field.maxLength, [...path, 'minLength'], report);
      break;
    case 'number':
      checkRange(field.min, field.max, [...path, 'min'], report);
      break;
    case 'multiple_choice':
      checkRange(field.minSelected, field.maxSelected, [...path, 'minSelected'], report);
      checkRange(field.minSelected, field.options.length, [...path, 'minSelected'], report);
      break;
    case 'birth_date':
      checkRange(field.minAge, field.maxAge, [...path, 'minAge'], report);
      break;
    case 'date':
      if (typeof field.min === 'string' && typeof field.max === 'string') {
        checkRange(field.min, field.max, [...path, 'min'], report);
      }
      break;
    case 'time':
      checkRange(field.min, field.max, [...path, 'min'], report);
      break;
    case 'group':
      checkRange(field.minRows, field.maxRows, [...path, 'minRows'], report);
      break;
    case 'fee':
      if (field.quantity.source === 'input') {
        checkRange(field.quantity.min, field.quantity.max, [...path, 'quantity', 'min'], report);
      }
      break;
    case 'reservation_slot': {
      const seen = new Set<string>();
      field.slots.forEach((slot, index) => {
        if (seen.has(slot.id))
          report([...path, 'slots', index, 'id'], 'duplicate_slot_id', { id: slot.id });
        seen.add(slot.id);
        checkRange(slot.start, slot.end, [...path, 'slots', index, 'start'], report);
      });
      break;
    }
  }
}

function checkOptions(definition: FormDefinition, places: FieldPlace[], report: Report): void {
  const topLevel = new Map(places.filter((p) => !p.group).map((p) => [p.field.id, p.field]));
  const hasFee = places.some((p) => p.field.type === 'fee');
  const payment = definition.options.payment;
  if (payment.mode !== 'none' && !hasFee && payment.fixedFee === 0) {
    report(['options', 'payment', 'mode'], 'payment_without_fee');
  }
  const card = definition.options.cardAuthentication;
  if (card.enabled && card.attributes.length === 0) {
    report(['options', 'cardAuthentication', 'attributes'], 'card_attributes_missing');
  }
  const expected = {
    name: 'name',
    address: 'address',
    birthdate: 'birth_date',
    gender: 'single_choice',
  } as const;
  for (const attribute of ['name', 'address', 'birthdate', 'gender'] as const) {
    const fieldId = card.prefill[attribute];
    if (fieldId === undefined) continue;
    const target = topLevel.get(fieldId);
    if (!target || target.type !== expected[attribute] || !card.attributes.includes(attribute)) {
      report(['options', 'cardAuthentication', 'prefill', attribute], 'card_prefill_target', {
        attribute,
        field: fieldId,
        expected: expected[attribute],
      });
    } else if (attribute === 'gender' && target.type === 'single_choice') {
      // The card says male or female: a choice without both values could not take its answer.
      const values = new Set(target.options.map((option) => option.value));
      if (!values.has('male') || !values.has('female'))
        report(['options', 'cardAuthentication', 'prefill', attribute], 'card_gender_values', {
          field: fieldId,
        });
    }
  }
  const rule = definition.settings.onePerPerson;
  // The rule needs an address on every submission: a required email field always shown.
  const alwaysAsked = places.filter((p) => !p.group && !p.page.showIf && !p.field.showIf);
  if (rule === 'email' && !alwaysAsked.some((p) => p.field.type === 'email' && p.field.required)) {
    report(['settings', 'onePerPerson'], 'one_per_person_source', { rule });
  }
  if (rule === 'card_subject' && !card.enabled) {
    report(['settings', 'onePerPerson'], 'one_per_person_source', { rule });
  }
  const { opensAt, closesAt } = definition.settings;
  if (
    opensAt !== undefined &&
    closesAt !== undefined &&
    Date.parse(opensAt) >= Date.parse(closesAt)
  ) {
    report(['settings', 'closesAt'], 'period_inverted');
  }
  for (const place of places) {
    const field = place.field;
    if (field.type !== 'fee' || field.quantity.source !== 'field') continue;
    const source = topLevel.get(field.quantity.fieldId);
    if (source?.type !== 'number' || !source.integer) {
      report([...place.path, 'quantity', 'fieldId'], 'fee_quantity_field', {
        field: field.quantity.fieldId,
      });
    }
  }
}

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

function checkTemplates(definition: FormDefinition, report: Report): void {
  const allowed: readonly string[] = templatePlaceholders;
  for (const event of notificationEvents) {
    const template = definition.notifications[event];
    if (!template) continue;
    for (const part of ['subject', 'body'] as const) {
      checkJapanese(template[part], ['notifications', event, part], report);
      for (const locale of ['ja', 'en'] as const) {
        for (const match of (template[part][locale] ?? '').matchAll(placeholderPattern)) {
          const name = match[1] ?? '';
          if (!allowed.includes(name)) {
            report(['notifications', event, part, locale], 'unknown_placeholder', {
              name,
              allowed: allowed.join(', '),
            });
          }
        }
      }
    }
  }
}

/**
 * Checks a parsed definition beyond its shape: unique ids, Japanese texts, sane limits,
 * conditions on earlier compatible fields without loops, fees, options and mail templates.
 * Returns the problems found, each naming the path at fault; an empty list means publishable.
 */
export function checkDefinition(
  definition: FormDefinition,
  locale: Locale = 'ja',
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report: Report = (path, code, params = {}) => {
    problems.push({
      path: formatPath(path),
      code,
      message: definitionProblemMessage(code, params, locale),
    });
  };
  checkJapanese(definition.title, ['title'], report);
  checkJapanese(definition.purposeOfUse, ['purposeOfUse'], report);
  const pageIds = new Set<string>();
  definition.pages.forEach((page, index) => {
    if (pageIds.has(page.id)) report(['pages', index, 'id'], 'duplicate_page_id', { id: page.id });
    pageIds.add(page.id);
    checkJapanese(page.title, ['pages', index, 'title'], report);
  });

  const places = listFields(definition);
  const byId = new Map<string, FieldPlace>();
  const csvColumns = new Set<string>();
  for (const place of places) {
    const { field, path } = place;
    const first = byId.get(field.id);
    if (first)
      report([...path, 'id'], 'duplicate_field_id', {
        id: field.id,
        other: formatPath(first.path),
      });
    else byId.set(field.id, place);
    if ('csvColumn' in field && field.csvColumn !== undefined) {
      if (csvColumns.has(field.csvColumn))
        report([...path, 'csvColumn'], 'duplicate_csv_column', { column: field.csvColumn });
      csvColumns.add(field.csvColumn);
    }
    checkFieldTexts(field, path, report);
    checkFieldLimits(field, path, report);
  }
  if (!places.some((place) => place.field.type !== 'heading' && place.field.type !== 'paragraph')) {
    report(['pages'], 'no_input_fields');
  }

  checkConditions(definition, places, byId, report);
  checkOptions(definition, places, report);
  checkTemplates(definition, report);
  return problems;
}

/** The result of parsing a definition: the definition with defaults filled in, or the problems. */
export type ParseDefinitionResult =
  | { ok: true; definition: FormDefinition }
  | { ok: false; problems: DefinitionProblem[] };

/** The deepest JSON nesting a definition may have; real ones stay under 20. */
export const maxDefinitionDepth = 40;

/** Measures nesting without recursion, so hostile input cannot overflow the stack. */
export function exceedsDepth(input: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[input, 0]];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    const [value, depth] = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Parses untrusted JSON into a definition: shape first (valibot), then `checkDefinition`. */
export function parseDefinition(input: unknown, locale: Locale = 'ja'): ParseDefinitionResult {
  if (exceedsDepth(input, maxDefinitionDepth)) {
    const detail =
      locale === 'en'
        ? `nested more than ${maxDefinitionDepth} levels deep`
        : `入れ子が${maxDefinitionDepth}段を超えています`;
    return {
      ok: false,
      problems: [
        { path: '', code: 'shape', message: definitionProblemMessage('shape', { detail }, locale) },
      ],
    };
  }
  const shaped = v.safeParse(formDefinitionSchema, input);
  if (!shaped.success) {
    return {
      ok: false,
      problems: shaped.issues.map((issue) => ({
        path: formatPath(
          (issue.path ?? []).map((item) =>
            typeof item.key === 'number' ? item.key : String(item.key),
          ),
        ),
        code: 'shape' as const,
        message: definitionProblemMessage('shape', { detail: issue.message }, locale),
      })),
    };
  }
  const problems = checkDefinition(shaped.output, locale);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition: shaped.output };
}
