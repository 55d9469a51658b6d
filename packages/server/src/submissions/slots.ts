import { type Answers, type FormDefinition, listFields } from '@madoguchi/shared';
import { sql } from 'drizzle-orm';
import { abortUnlessBooked } from '../db/guards';
import type { TenantDb } from '../db/registry';
import { AppError } from '../http/errors';

/** A slot an application asks for: which field, which slot, how many places it has. */
export interface SlotChoice {
  fieldId: string;
  slotId: string;
  capacity: number;
}

/** The reservation slots chosen in the answers (fields outside repeatable groups). */
export function slotChoices(definition: FormDefinition, answers: Answers): SlotChoice[] {
  return listFields(definition).flatMap(({ field, group }) => {
    if (group || field.type !== 'reservation_slot') return [];
    const slot = field.slots.find((candidate) => candidate.id === answers[field.id]);
    return slot ? [{ fieldId: field.id, slotId: slot.id, capacity: slot.capacity }] : [];
  });
}

/**
 * Statements that book each chosen slot while it has room, for the same batch as the change
 * that needs it: the INSERT counts the slot's bookings held by applications that hold a place,
 * and the guard after it fails the batch (`isBookingAbort`) when nothing was inserted.
 */
export function slotBookingStatements(
  db: TenantDb,
  submissionId: string,
  formId: string,
  choices: readonly SlotChoice[],
) {
  return choices.flatMap((choice) => [
    db.run(sql`INSERT INTO slot_bookings (submission_id, form_id, field_id, slot_id)
      SELECT ${submissionId}, ${formId}, ${choice.fieldId}, ${choice.slotId}
      WHERE (SELECT count(*) FROM slot_bookings b JOIN submissions s ON s.id = b.submission_id
        WHERE b.form_id = ${formId} AND b.field_id = ${choice.fieldId} AND b.slot_id = ${choice.slotId}
          AND s.holds_place = 1) < ${choice.capacity}`),
    abortUnlessBooked(db),
  ]);
}

/** The statement that gives up an application's bookings before it books again (a correction). */
export function releaseSlotsStatement(db: TenantDb, submissionId: string) {
  return db.run(sql`DELETE FROM slot_bookings WHERE submission_id = ${submissionId}`);
}

/** The chosen slot is full: said beside the field, so the resident can choose another. */
export function slotFull(choices: readonly SlotChoice[]): AppError {
  return new AppError(
    'slot_full',
    undefined,
    choices.map((choice) => ({
      path: choice.fieldId,
      message: '選んだ日時は定員に達しました / The time you chose is fully booked',
    })),
  );
}

/** Places held now in each slot of a form, keyed `fieldId/slotId`. */
export async function slotPlacesHeld(db: TenantDb, formId: string): Promise<Map<string, number>> {
  const rows = await db.all<{ fieldId: string; slotId: string; held: number }>(
    sql`SELECT b.field_id AS fieldId, b.slot_id AS slotId, count(*) AS held
      FROM slot_bookings b JOIN submissions s ON s.id = b.submission_id
      WHERE b.form_id = ${formId} AND s.holds_place = 1 GROUP BY b.field_id, b.slot_id`,
  );
  return new Map(rows.map((row) => [`${row.fieldId}/${row.slotId}`, Number(row.held)]));
}
