import type { RawAnswers } from '@madoguchi/applicant-ui';
import {
  type Answers,
  computeFee,
  type Field,
  type FormDefinition,
  listFields,
  type NestedField,
  validateAnswers,
} from '@madoguchi/shared';
import type { TenantDb } from '../db/registry';
import { slotPlacesHeld } from '../submissions/slots';

function rawValue(field: Field | NestedField, value: unknown): unknown {
  switch (field.type) {
    case 'email':
      return field.confirm && typeof value === 'string' ? { value, confirm: value } : value;
    case 'yes_no':
      return value === true ? 'yes' : value === false ? 'no' : value;
    case 'consent':
      return value === true ? 'on' : value;
    case 'number':
      return typeof value === 'number' ? String(value) : value;
    case 'fee':
      return field.quantity.source === 'input' && typeof value === 'number'
        ? String(value)
        : undefined;
    case 'group':
      return Array.isArray(value)
        ? value.map((row: Record<string, unknown>) => {
            const out: Record<string, unknown> = {};
            for (const nested of field.fields) {
              if (!Object.hasOwn(row, nested.id)) continue;
              const converted = rawValue(nested, row[nested.id]);
              if (converted !== undefined) out[nested.id] = converted;
            }
            return out;
          })
        : undefined;
    default:
      return value;
  }
}

/**
 * Stored answers as a page shows them again (a correction, a re-application): email twice,
 * yes/no and consent as the form posts them, numbers as text. Answers to fields the definition
 * no longer has are left out.
 */
export function toRawAnswers(definition: FormDefinition, answers: Answers): RawAnswers {
  const raw: RawAnswers = {};
  for (const page of definition.pages) {
    for (const field of page.fields) {
      if (!Object.hasOwn(answers, field.id)) continue;
      const value = rawValue(field, answers[field.id]);
      if (value !== undefined) raw[field.id] = value;
    }
  }
  return raw;
}

/** Keeps only answers to fields of this definition (a form republished while being filled). */
export function knownAnswers(definition: FormDefinition, answers: RawAnswers): RawAnswers {
  const ids = new Set(definition.pages.flatMap((page) => page.fields.map((field) => field.id)));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => ids.has(id)));
}

/** The fee lines the answers so far already determine, by fee field. */
export function knownFees(
  definition: FormDefinition,
  raw: RawAnswers,
  today: string,
): Map<string, { quantity: number; amount: number }> {
  const result = validateAnswers(definition, raw, 'ja', { pages: [], today });
  const lines = new Map<string, { quantity: number; amount: number }>();
  if (!result.ok) return lines;
  for (const line of computeFee(definition, result.answers).lines)
    if (line.fieldId) lines.set(line.fieldId, { quantity: line.quantity, amount: line.amount });
  return lines;
}

/** Places left per reservation slot: each slot's capacity less the places booked in it. */
export async function slotsLeft(
  db: TenantDb,
  formId: string,
  definition: FormDefinition,
): Promise<Map<string, Map<string, number>>> {
  const left = new Map<string, Map<string, number>>();
  const slotFields = definition.pages
    .flatMap((page) => page.fields)
    .filter((field) => field.type === 'reservation_slot');
  if (slotFields.length === 0) return left;
  const held = await slotPlacesHeld(db, formId);
  for (const field of slotFields) {
    left.set(
      field.id,
      new Map(
        field.slots.map((slot) => [
          slot.id,
          Math.max(0, slot.capacity - (held.get(`${field.id}/${slot.id}`) ?? 0)),
        ]),
      ),
    );
  }
  return left;
}

/**
 * The pages a correction may change: those holding a field staff asked to fix, or every page
 * when the request names none the definition knows.
 */
export function correctionPages(definition: FormDefinition, fieldsToFix: string[]): string[] {
  const pages = new Set(
    listFields(definition)
      .filter(({ field }) => fieldsToFix.includes(field.id))
      .map(({ page }) => page.id),
  );
  return pages.size > 0
    ? definition.pages.filter((page) => pages.has(page.id)).map((page) => page.id)
    : definition.pages.map((page) => page.id);
}
