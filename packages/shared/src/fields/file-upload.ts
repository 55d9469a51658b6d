import * as v from 'valibot';
import { type AnswerContext, type AnswerResult, asRecord, fail, ok, own } from '../answers/rule';
import { inputFieldEntries } from './common';

/**
 * File types a form can accept, by MIME type. The server checks the bytes (magic numbers), so
 * this list is what the sniffer must recognise.
 */
export const fileTypes = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/heic': 'HEIC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
} as const;
export type FileType = keyof typeof fileTypes;
const fileTypeNames = Object.keys(fileTypes) as [FileType, ...FileType[]];

/** Attachments, such as a scan of a bank book. */
export const fileFieldSchema = v.strictObject({
  type: v.literal('file'),
  ...inputFieldEntries,
  accept: v.optional(v.pipe(v.array(v.picklist(fileTypeNames)), v.minLength(1)), [
    'application/pdf',
    'image/jpeg',
    'image/png',
  ]),
  maxSizeMb: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 10),
  maxFiles: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20)), 1),
});
export type FileField = v.InferOutput<typeof fileFieldSchema>;

/** A reference to an uploaded attachment; the bytes live in the server's storage. */
export interface FileAnswer {
  id: string;
  name: string;
  size: number;
  type: FileType;
}

/** Validates attachment references: count, size and declared type within the field's limits. */
export function validateFile(
  field: FileField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<FileAnswer[]> {
  if (input === undefined || input === null || (Array.isArray(input) && input.length === 0)) {
    return ok(undefined);
  }
  if (!Array.isArray(input)) return fail(ctx.m.wrongType(ctx.label));
  if (input.length > field.maxFiles) return fail(ctx.m.tooManyFiles(ctx.label, field.maxFiles));
  const value: FileAnswer[] = [];
  const accepted = field.accept.map((type) => fileTypes[type]).join(', ');
  for (const [index, item] of input.entries()) {
    const record = asRecord(item);
    const id = record && own(record, 'id');
    const name = record && own(record, 'name');
    const size = record && own(record, 'size');
    const type = record && own(record, 'type');
    if (
      typeof id !== 'string' ||
      !/^[A-Za-z0-9_-]{1,64}$/.test(id) ||
      typeof name !== 'string' ||
      name.length === 0 ||
      name.length > 255 ||
      typeof size !== 'number' ||
      !Number.isInteger(size) ||
      size < 0
    ) {
      return fail(ctx.m.wrongType(ctx.label), [index]);
    }
    if (size > field.maxSizeMb * 1024 * 1024) {
      return fail(ctx.m.fileTooLarge(ctx.label, name, field.maxSizeMb), [index]);
    }
    const known = field.accept.find((candidate) => candidate === type);
    if (!known) return fail(ctx.m.fileType(ctx.label, name, accepted), [index]);
    value.push({ id, name, size, type: known });
  }
  return ok(value);
}
