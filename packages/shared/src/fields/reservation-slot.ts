import * as v from 'valibot';
import { type AnswerContext, type AnswerResult, fail, ok, readText } from '../answers/rule';
import { localizedTextSchema } from '../i18n/locale';
import { inputFieldEntries, isoDateSchema } from './common';

const timeOfDay = v.pipe(v.string(), v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM'));

/** One bookable time slot with its own capacity. */
export const reservationSlotSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'slot ids use A–Z, 0–9, _ and -')),
  date: isoDateSchema,
  start: timeOfDay,
  end: timeOfDay,
  capacity: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
  label: v.optional(localizedTextSchema),
});
export type ReservationSlot = v.InferOutput<typeof reservationSlotSchema>;

/** A choice of date-time slot (consultations, events); the server enforces each slot's capacity. */
export const reservationSlotFieldSchema = v.strictObject({
  type: v.literal('reservation_slot'),
  ...inputFieldEntries,
  slots: v.pipe(v.array(reservationSlotSchema), v.minLength(1), v.maxLength(1000)),
});
export type ReservationSlotField = v.InferOutput<typeof reservationSlotFieldSchema>;

/** Validates a slot answer: the id of a slot of this field that has not already passed. */
export function validateReservationSlot(
  field: ReservationSlotField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<string> {
  const text = readText(input, 64);
  if (typeof text !== 'string') return fail(ctx.m.slot(ctx.label));
  if (text === '') return ok(undefined);
  const slot = field.slots.find((candidate) => candidate.id === text);
  if (!slot || slot.date < ctx.today) return fail(ctx.m.slot(ctx.label));
  return ok(slot.id);
}
