import * as v from 'valibot';
import { consentFieldSchema } from './consent';
import { feeFieldSchema } from './fee';
import { groupFieldSchema } from './group';
import { nestedFieldSchemas } from './nested';
import { reservationSlotFieldSchema } from './reservation-slot';

/** Every field type of the form language, joined on `type`. */
export const fieldSchema = v.variant('type', [
  ...nestedFieldSchemas,
  consentFieldSchema,
  reservationSlotFieldSchema,
  feeFieldSchema,
  groupFieldSchema,
]);
export type Field = v.InferOutput<typeof fieldSchema>;
export type FieldInput = v.InferInput<typeof fieldSchema>;
export type FieldType = Field['type'];

/** Field types in the order a designer's palette lists them. */
export const fieldTypes = [
  'heading',
  'paragraph',
  'short_text',
  'long_text',
  'number',
  'email',
  'phone',
  'date',
  'time',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'consent',
  'name',
  'address',
  'birth_date',
  'my_number',
  'bank_account',
  'file',
  'group',
  'reservation_slot',
  'fee',
  'hidden',
] as const satisfies readonly FieldType[];

/** Fields that show text only and take no answer. */
export type StaticField = Extract<Field, { type: 'heading' | 'paragraph' }>;
/** Fields that take an answer (groups take a list of rows). */
export type InputField = Exclude<Field, StaticField>;

/** True for fields that take an answer. */
export function isInputField(field: Field): field is InputField {
  return field.type !== 'heading' && field.type !== 'paragraph';
}

export * from './address';
export * from './bank-account';
export * from './birth-date';
export * from './common';
export * from './consent';
export * from './date';
export * from './email';
export * from './fee';
export * from './file-upload';
export * from './group';
export * from './heading';
export * from './hidden';
export * from './long-text';
export * from './multiple-choice';
export * from './my-number';
export * from './name';
export * from './nested';
export * from './number';
export * from './paragraph';
export * from './phone';
export * from './reservation-slot';
export * from './short-text';
export * from './single-choice';
export * from './time';
export * from './yes-no';
