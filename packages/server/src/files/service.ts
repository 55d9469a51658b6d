import { createHash } from 'node:crypto';
import {
  type Answers,
  type FileAnswer,
  type FileField,
  type FileType,
  type FormDefinition,
  fileTypes,
  listFields,
} from '@madoguchi/shared';
import { and, eq, isNull, or } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Actor } from '../auth/authorize';
import { abortUnlessChanged } from '../db/guards';
import { newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { attachments, submissions } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { ensureOpen, type PublishedForm } from '../submissions/forms';
import { readableForm } from '../submissions/staff';
import { sniffFileType } from './sniff';
import type { FileStorage } from './storage';

/** A file answer with the field it answers, as found in an application's answers. */
export interface AttachmentRef extends FileAnswer {
  fieldId: string;
}

/** What a resident sends to upload one file. */
export interface UploadInput {
  tenantSlug: string;
  form: PublishedForm;
  fieldId: string;
  /** The name the browser gave; only shown back, never trusted for the type. */
  name: string;
  bytes: Uint8Array;
  now: number;
}

// The shared answer rule refuses names over 255 UTF-16 units, so a name is cut to that (which is
// never more than 255 code points) and a stored upload can always be referenced.
const maxNameLength = 255;
const maxExtensionLength = 16;
const extensions: Record<FileType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};
// Control characters, and the bidirectional controls that make `invoice‮fdp.exe` look like a PDF.
const unsafeCharacters = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The name to keep for an upload: the last path segment, without control or bidirectional
 * characters, NFC (macOS sends Japanese names decomposed), at most 255 characters with the
 * extension kept; a name left empty becomes `attachment.<extension of the sniffed type>`.
 * @example sanitizeFileName('C:\\scans\\通帳.pdf', 'application/pdf') // '通帳.pdf'
 */
export function sanitizeFileName(name: string, type: FileType): string {
  const lastSegment = name.normalize('NFC').split(/[/\\]/).at(-1) ?? '';
  const cleaned = lastSegment.replace(unsafeCharacters, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..')
    return `attachment.${extensions[type]}`;
  if (cleaned.length <= maxNameLength) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= maxExtensionLength ? cleaned.slice(dot) : '';
  let stem = '';
  // By code point, so a character outside the BMP is never cut in half.
  for (const character of cleaned.slice(0, cleaned.length - extension.length)) {
    if (stem.length + character.length + extension.length > maxNameLength) break;
    stem += character;
  }
  return stem + extension;
}

/** The file field with this id in a definition, at the top level or inside a group. */
function fileField(definition: FormDefinition, fieldId: string): FileField {
  const place = listFields(definition).find(({ field }) => field.id === fieldId);
  if (place?.field.type !== 'file')
    throw new AppError('validation_failed', undefined, [
      { path: 'field', message: `${fieldId} is not a file field of this form` },
    ]);
  return place.field;
}

/**
 * Stores one uploaded file for a field of a published form, unbound until the application is
 * submitted. Refused unless the form is open, the field is a file field, the size is within its
 * limit and the bytes are of a type it accepts. Returns the reference a file answer carries.
 */
export async function saveUpload(
  db: TenantDb,
  storage: FileStorage,
  input: UploadInput,
): Promise<FileAnswer> {
  ensureOpen(input.form, input.now);
  const field = fileField(input.form.definition, input.fieldId);
  if (input.bytes.length > field.maxSizeMb * 1024 * 1024)
    throw new AppError('payload_too_large', {
      ja: `ファイルの大きさは ${field.maxSizeMb} MB までです`,
      en: `The file must be ${field.maxSizeMb} MB or smaller`,
    });
  const type = sniffFileType(input.bytes);
  if (type === undefined || !field.accept.includes(type)) {
    const accepted = field.accept.map((accept) => fileTypes[accept]);
    throw new AppError('unsupported_media_type', {
      ja: `この項目に添付できるファイルの種類は ${accepted.join('、')} です`,
      en: `This field accepts ${accepted.join(', ')} files only`,
    });
  }
  const reference: FileAnswer = {
    id: newId('att'),
    name: sanitizeFileName(input.name, type),
    size: input.bytes.length,
    type,
  };
  await storage.put(input.tenantSlug, reference.id, input.bytes);
  try {
    await db.insert(attachments).values({
      ...reference,
      formId: input.form.form.id,
      fieldId: field.id,
      submissionId: null,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      createdAt: input.now,
    });
  } catch (error) {
    // Bytes without a row would never be found again, nor ever deleted.
    await storage.delete(input.tenantSlug, reference.id);
    throw error;
  }
  return reference;
}

function isFileAnswers(value: unknown): value is FileAnswer[] {
  return (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'object' && item !== null && 'id' in item)
  );
}

/** Every file reference in validated answers, top level and in group rows, with its field. */
export function refsInAnswers(definition: FormDefinition, answers: Answers): AttachmentRef[] {
  const refs: AttachmentRef[] = [];
  for (const { field, group } of listFields(definition)) {
    if (field.type !== 'file') continue;
    const rows: unknown = group ? answers[group.id] : [answers];
    if (!Array.isArray(rows)) continue;
    for (const row of rows) {
      if (typeof row !== 'object' || row === null) continue;
      const value = (row as Record<string, unknown>)[field.id];
      if (isFileAnswers(value)) for (const ref of value) refs.push({ ...ref, fieldId: field.id });
    }
  }
  return refs;
}

/**
 * Statements for the submit batch that bind uploads to the application: each reference must be
 * an upload of this form and field whose name, size and type are what the answer says, not yet
 * bound to another application (already bound to this one is fine: a resubmission keeps its
 * files). Any reference that matches no row aborts the whole batch (`isUnchangedAbort`), so an
 * application never stores a reference to someone else's file.
 */
export function attachmentsBindStatements(
  db: TenantDb,
  submissionId: string,
  formId: string,
  refs: readonly AttachmentRef[],
): BatchItem<'sqlite'>[] {
  return refs.flatMap((ref) => [
    db
      .update(attachments)
      .set({ submissionId })
      .where(
        and(
          eq(attachments.id, ref.id),
          eq(attachments.formId, formId),
          eq(attachments.fieldId, ref.fieldId),
          eq(attachments.name, ref.name),
          eq(attachments.size, ref.size),
          eq(attachments.type, ref.type),
          or(isNull(attachments.submissionId), eq(attachments.submissionId, submissionId)),
        ),
      ),
    abortUnlessChanged(db),
  ]);
}

/** What a staff member asks to download. */
export interface AttachmentRequest {
  actor: Actor;
  submissionId: string;
  attachmentId: string;
  now: number;
}

/**
 * An application's attachment with its decrypted bytes, for staff who may read that
 * application; not found otherwise, and for uploads not bound to it, so nothing leaks.
 */
export async function readAttachment(
  db: TenantDb,
  storage: FileStorage,
  slug: string,
  request: AttachmentRequest,
) {
  const [found] = await db
    .select({ attachment: attachments, formId: submissions.formId })
    .from(attachments)
    .innerJoin(submissions, eq(submissions.id, attachments.submissionId))
    .where(
      and(
        eq(attachments.id, request.attachmentId),
        eq(attachments.submissionId, request.submissionId),
      ),
    )
    .limit(1);
  if (!found || found.formId !== found.attachment.formId) throw new AppError('not_found');
  await readableForm(db, request.actor, found.formId, request.now);
  return { attachment: found.attachment, bytes: await storage.get(slug, found.attachment.id) };
}
