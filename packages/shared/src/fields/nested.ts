import * as v from 'valibot';
import { addressFieldSchema } from './address';
import { bankAccountFieldSchema } from './bank-account';
import { birthDateFieldSchema } from './birth-date';
import { dateFieldSchema } from './date';
import { emailFieldSchema } from './email';
import { fileFieldSchema } from './file-upload';
import { headingFieldSchema } from './heading';
import { hiddenFieldSchema } from './hidden';
import { longTextFieldSchema } from './long-text';
import { multipleChoiceFieldSchema } from './multiple-choice';
import { myNumberFieldSchema } from './my-number';
import { nameFieldSchema } from './name';
import { numberFieldSchema } from './number';
import { paragraphFieldSchema } from './paragraph';
import { phoneFieldSchema } from './phone';
import { shortTextFieldSchema } from './short-text';
import { singleChoiceFieldSchema } from './single-choice';
import { timeFieldSchema } from './time';
import { yesNoFieldSchema } from './yes-no';

/**
 * Field types allowed inside a repeatable group (one row per household member or child).
 * Groups do not nest, and fees, slots and consent belong to the whole application, not a row.
 */
export const nestedFieldSchemas = [
  headingFieldSchema,
  paragraphFieldSchema,
  shortTextFieldSchema,
  longTextFieldSchema,
  numberFieldSchema,
  emailFieldSchema,
  phoneFieldSchema,
  dateFieldSchema,
  timeFieldSchema,
  singleChoiceFieldSchema,
  multipleChoiceFieldSchema,
  yesNoFieldSchema,
  nameFieldSchema,
  addressFieldSchema,
  birthDateFieldSchema,
  myNumberFieldSchema,
  bankAccountFieldSchema,
  fileFieldSchema,
  hiddenFieldSchema,
] as const;

/** Valibot schema for a field inside a group. */
export const nestedFieldSchema = v.variant('type', nestedFieldSchemas);
export type NestedField = v.InferOutput<typeof nestedFieldSchema>;
