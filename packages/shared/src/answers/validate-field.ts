import type { AddressAnswer } from '../fields/address';
import { validateAddress } from '../fields/address';
import { type BankAccountAnswer, validateBankAccount } from '../fields/bank-account';
import { validateBirthDate } from '../fields/birth-date';
import { validateConsent } from '../fields/consent';
import { validateDate } from '../fields/date';
import { validateEmail } from '../fields/email';
import { validateFee } from '../fields/fee';
import { type FileAnswer, validateFile } from '../fields/file-upload';
import { validateHidden } from '../fields/hidden';
import type { InputField } from '../fields/index';
import { validateLongText } from '../fields/long-text';
import { validateMultipleChoice } from '../fields/multiple-choice';
import { validateMyNumber } from '../fields/my-number';
import { type NameAnswer, validateName } from '../fields/name';
import type { NestedField } from '../fields/nested';
import { validateNumber } from '../fields/number';
import { validatePhone } from '../fields/phone';
import { validateReservationSlot } from '../fields/reservation-slot';
import { validateShortText } from '../fields/short-text';
import { validateSingleChoice } from '../fields/single-choice';
import { validateTime } from '../fields/time';
import { validateYesNo } from '../fields/yes-no';
import type { AnswerContext, AnswerResult } from './rule';

/** The normalised answer to one field (not a group). */
export type FieldAnswer =
  | string
  | number
  | boolean
  | string[]
  | NameAnswer
  | AddressAnswer
  | BankAccountAnswer
  | FileAnswer[];

/** One row of a repeatable group. */
export type GroupRow = Record<string, FieldAnswer>;

/** The normalised answer to any field: a group's answer is its rows. */
export type AnswerValue = FieldAnswer | GroupRow[];

/** A field that takes an answer of its own (every input field but a group). */
export type ValueField =
  | Exclude<InputField, { type: 'group' }>
  | Exclude<NestedField, { type: 'heading' | 'paragraph' }>;

/** Runs the answer rule of a field's type. */
export function validateFieldAnswer(
  field: ValueField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<FieldAnswer> {
  switch (field.type) {
    case 'short_text':
      return validateShortText(field, input, ctx);
    case 'long_text':
      return validateLongText(field, input, ctx);
    case 'number':
      return validateNumber(field, input, ctx);
    case 'email':
      return validateEmail(field, input, ctx);
    case 'phone':
      return validatePhone(field, input, ctx);
    case 'date':
      return validateDate(field, input, ctx);
    case 'time':
      return validateTime(field, input, ctx);
    case 'single_choice':
      return validateSingleChoice(field, input, ctx);
    case 'multiple_choice':
      return validateMultipleChoice(field, input, ctx);
    case 'yes_no':
      return validateYesNo(field, input, ctx);
    case 'consent':
      return validateConsent(field, input, ctx);
    case 'name':
      return validateName(field, input, ctx);
    case 'address':
      return validateAddress(field, input, ctx);
    case 'birth_date':
      return validateBirthDate(field, input, ctx);
    case 'my_number':
      return validateMyNumber(field, input, ctx);
    case 'bank_account':
      return validateBankAccount(field, input, ctx);
    case 'file':
      return validateFile(field, input, ctx);
    case 'reservation_slot':
      return validateReservationSlot(field, input, ctx);
    case 'fee':
      return validateFee(field, input, ctx);
    case 'hidden':
      return validateHidden(field, input, ctx);
  }
}

/** The message for a required field left empty; the verb depends on how it is answered. */
export function requiredMessage(field: ValueField, ctx: AnswerContext): string {
  switch (field.type) {
    case 'single_choice':
    case 'multiple_choice':
    case 'yes_no':
    case 'reservation_slot':
      return ctx.m.requiredSelect(ctx.label);
    case 'consent':
      return ctx.m.requiredAgree(ctx.label);
    case 'file':
      return ctx.m.requiredAttach(ctx.label);
    default:
      return ctx.m.required(ctx.label);
  }
}
