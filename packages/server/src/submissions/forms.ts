import { timingSafeEqual } from 'node:crypto';
import { type FormDefinition, formDefinitionSchema } from '@madoguchi/shared';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { TenantDb } from '../db/registry';
import { formVersions } from '../db/tenant-schema';
import { type FormRow, formRow } from '../forms/resident-row';
import { AppError } from '../http/errors';

// Published versions never change, so their parsed definitions can be kept per database.
// Only the form row (status, version in force) is read on every request.
const parsedVersions = new WeakMap<TenantDb, Map<string, FormDefinition>>();

async function cachedVersion(
  db: TenantDb,
  formId: string,
  version: number,
): Promise<FormDefinition | undefined> {
  let cache = parsedVersions.get(db);
  if (!cache) {
    cache = new Map();
    parsedVersions.set(db, cache);
  }
  const key = `${formId}@${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const row = await db.query.formVersions.findFirst({
    where: and(eq(formVersions.formId, formId), eq(formVersions.version, version)),
  });
  if (!row) return undefined;
  // Published definitions were parsed on publication; parsing again only restores their type.
  const definition = v.parse(formDefinitionSchema, row.definition);
  if (cache.size > 500) cache.clear();
  cache.set(key, definition);
  return definition;
}

/** A published form as residents see it: its row, the version in force and its definition. */
export interface PublishedForm {
  form: FormRow;
  version: number;
  definition: FormDefinition;
}

/**
 * Loads the published version of a form for residents. Drafts and unknown forms are not found;
 * a secret-link form without the right key is not found either, so its existence does not leak.
 */
export async function loadPublishedForm(
  db: TenantDb,
  formId: string,
  key: string | undefined,
): Promise<PublishedForm> {
  const form = await formRow(db, formId);
  if (!form || form.publishedVersion === null) throw new AppError('not_found');
  const definition = await cachedVersion(db, formId, form.publishedVersion);
  if (!definition) throw new AppError('not_found');
  if (definition.settings.access === 'secret_link' && !keyMatches(key, form.accessKey))
    throw new AppError('not_found');
  return { form, version: form.publishedVersion, definition };
}

/** Compares a link's key with the form's in constant time, so the key cannot be guessed by timing. */
function keyMatches(given: string | undefined, stored: string | null): boolean {
  if (given === undefined || stored === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether residents can submit now: closed, not yet open, or past its closing time. */
export function ensureOpen({ form, definition }: PublishedForm, now: number): void {
  if (form.status === 'closed') throw new AppError('form_closed');
  const { opensAt, closesAt } = definition.settings;
  if (opensAt !== undefined && now < Date.parse(opensAt)) throw new AppError('form_not_open');
  if (closesAt !== undefined && now >= Date.parse(closesAt)) throw new AppError('form_closed');
}

/** The definition of one published version (the one a submission answered). */
export async function loadVersion(
  db: TenantDb,
  formId: string,
  version: number,
): Promise<FormDefinition> {
  const definition = await cachedVersion(db, formId, version);
  if (!definition) throw new AppError('not_found');
  return definition;
}
