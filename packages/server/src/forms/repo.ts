import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, sql } from 'drizzle-orm';
import { templateCatalog } from '../db/control-schema';
import { abortUnlessChanged } from '../db/guards';
import type { ControlDb, TenantDb } from '../db/registry';
import { forms, formVersions } from '../db/tenant-schema';
import { forgetForm } from './resident-row';

/** A form row as stored. */
export type FormRow = typeof forms.$inferSelect;
/** A published version as stored. */
export type VersionRow = typeof formVersions.$inferSelect;
/** A template of the shared catalog as stored. */
export type TemplateRow = typeof templateCatalog.$inferSelect;
/** A form row with the access setting residents meet (unchecked JSON, or null). */
export type FormWithAccess = FormRow & { access: unknown };
/** A form as lists show it: no draft, which can be large. */
export type FormListRow = Omit<FormWithAccess, 'draft' | 'accessKey'>;

// The published version's setting when there is one, else the draft's intended one.
const access = sql<unknown>`coalesce(json_extract(${formVersions.definition}, '$.settings.access'), json_extract(${forms.draft}, '$.settings.access'))`;
const publishedVersion = and(
  eq(formVersions.formId, forms.id),
  eq(formVersions.version, forms.publishedVersion),
);

/** One form with its access setting, or undefined. */
export async function findForm(db: TenantDb, id: string): Promise<FormWithAccess | undefined> {
  const [row] = await db
    .select({ ...getTableColumns(forms), access })
    .from(forms)
    .leftJoin(formVersions, publishedVersion)
    .where(eq(forms.id, id));
  return row;
}

/**
 * The forms of some departments, narrowed to named forms when the account is limited to them;
 * the most recently edited first.
 */
export function selectForms(
  db: TenantDb,
  departmentIds: string[],
  formIds: string[] | null,
): Promise<FormListRow[]> {
  if (departmentIds.length === 0 || formIds?.length === 0) return Promise.resolve([]);
  const { draft: _draft, accessKey: _accessKey, ...columns } = getTableColumns(forms);
  return db
    .select({ ...columns, access })
    .from(forms)
    .leftJoin(formVersions, publishedVersion)
    .where(
      and(
        inArray(forms.departmentId, departmentIds),
        formIds === null ? undefined : inArray(forms.id, formIds),
      ),
    )
    .orderBy(desc(forms.updatedAt), asc(forms.id));
}

/** Stores a new form. */
export async function insertForm(db: TenantDb, row: FormRow): Promise<void> {
  await db.insert(forms).values(row);
  forgetForm(db, row.id);
}

/**
 * Replaces a draft if it is still the one saved at `expectedUpdatedAt`; undefined when someone
 * saved in between (or the form is gone). The new stamp is strictly later than the old one even
 * within one millisecond, so a stale stamp can never match again.
 */
export async function updateDraft(
  db: TenantDb,
  id: string,
  values: { draft: unknown; title: string },
  expectedUpdatedAt: number,
  now: number,
): Promise<FormRow | undefined> {
  const [row] = await db
    .update(forms)
    .set({ ...values, updatedAt: sql`max(${now}, ${forms.updatedAt} + 1)` })
    .where(and(eq(forms.id, id), eq(forms.updatedAt, expectedUpdatedAt)))
    .returning();
  forgetForm(db, id);
  return row;
}

/**
 * Publishes a definition as the next version, in one batch: the version row is written only
 * while the draft is still the one saved at `draftUpdatedAt` (else the batch aborts), its number
 * is one above the highest ever used, and the form points at it. A new access key is kept only
 * when the form has none, so links already sent keep working.
 */
export async function insertVersion(
  db: TenantDb,
  input: {
    formId: string;
    draftUpdatedAt: number;
    definition: unknown;
    publishedBy: string;
    now: number;
    accessKey: string | null;
  },
): Promise<void> {
  const { formId } = input;
  await db.batch([
    db
      .insert(formVersions)
      .select(
        sql`SELECT ${formId}, coalesce((SELECT max(${formVersions.version}) FROM ${formVersions} WHERE ${formVersions.formId} = ${formId}), 0) + 1, ${JSON.stringify(input.definition)}, ${input.now}, ${input.publishedBy} FROM ${forms} WHERE ${forms.id} = ${formId} AND ${forms.updatedAt} = ${input.draftUpdatedAt}`,
      ),
    abortUnlessChanged(db),
    db
      .update(forms)
      .set({
        status: 'published',
        publishedVersion: sql`(SELECT max(${formVersions.version}) FROM ${formVersions} WHERE ${formVersions.formId} = ${formId})`,
        accessKey: sql`coalesce(${forms.accessKey}, ${input.accessKey})`,
      })
      .where(eq(forms.id, formId)),
  ]);
  forgetForm(db, formId);
}

/**
 * Moves a form from one status to another; undefined when it was not in `from` (or, when
 * reopening, has never been published).
 */
export async function updateStatus(
  db: TenantDb,
  id: string,
  from: FormRow['status'],
  to: FormRow['status'],
): Promise<FormRow | undefined> {
  const [row] = await db
    .update(forms)
    .set({ status: to })
    .where(
      and(
        eq(forms.id, id),
        eq(forms.status, from),
        to === 'published' ? isNotNull(forms.publishedVersion) : undefined,
      ),
    )
    .returning();
  forgetForm(db, id);
  return row;
}

/** The published versions of a form, oldest first, without their definitions. */
export function selectVersions(
  db: TenantDb,
  formId: string,
): Promise<Omit<VersionRow, 'definition' | 'formId'>[]> {
  return db
    .select({
      version: formVersions.version,
      publishedAt: formVersions.publishedAt,
      publishedBy: formVersions.publishedBy,
    })
    .from(formVersions)
    .where(eq(formVersions.formId, formId))
    .orderBy(asc(formVersions.version));
}

/** One published version, or undefined. */
export async function findVersion(
  db: TenantDb,
  formId: string,
  version: number,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(formVersions)
    .where(and(eq(formVersions.formId, formId), eq(formVersions.version, version)));
  return row;
}

/** Adds a template to the catalog every municipality shares. */
export async function insertTemplate(control: ControlDb, row: TemplateRow): Promise<void> {
  await control.insert(templateCatalog).values(row);
}

/** The catalog without definitions, newest first. */
export function selectTemplates(control: ControlDb): Promise<Omit<TemplateRow, 'definition'>[]> {
  const { definition: _definition, ...columns } = getTableColumns(templateCatalog);
  return control
    .select(columns)
    .from(templateCatalog)
    .orderBy(desc(templateCatalog.sharedAt), asc(templateCatalog.id));
}

/** One template, or undefined. */
export async function findTemplate(
  control: ControlDb,
  id: string,
): Promise<TemplateRow | undefined> {
  const [row] = await control.select().from(templateCatalog).where(eq(templateCatalog.id, id));
  return row;
}
