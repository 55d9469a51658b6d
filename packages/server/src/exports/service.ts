import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  type FormDefinition,
  formDefinitionSchema,
  type PaymentState,
  type SubmissionState,
} from '@madoguchi/shared';
import { and, asc, desc, eq, gt, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { TenantDb } from '../db/registry';
import { fromDrizzle } from '../db/statements';
import { formVersions, submissionRevisions, submissions } from '../db/tenant-schema';
import { readRows } from '../db/writer-thread';
import { normalizeReferenceNumber } from '../submissions/reference-number';
import type { ExportColumn, ExportItem, ExportSubmission, GroupSheet } from './columns';
import { toCp932Text, type UnmappableCharacter, unmappableAt } from './csv';

/** Which applications to export; `to` is exclusive, times in ms since the epoch (as the inbox). */
export interface ExportFilters {
  states?: SubmissionState[] | undefined;
  payment?: PaymentState[] | undefined;
  from?: number | undefined;
  to?: number | undefined;
  /** A reference number, or part of a name (氏名・フリガナ). */
  q?: string | undefined;
}

/** A character CP932 lacks, with the application and column it is in (header row: null). */
export interface ShiftJisProblem extends UnmappableCharacter {
  referenceNumber: string | null;
  header: string;
}

/** How many applications one query reads. */
export const exportPageSize = 500;

/** Every published version's definition of a form, newest first. */
export async function publishedDefinitions(
  db: TenantDb,
  formId: string,
): Promise<FormDefinition[]> {
  const rows = await db
    .select({ definition: formVersions.definition })
    .from(formVersions)
    .where(eq(formVersions.formId, formId))
    .orderBy(desc(formVersions.version));
  // Published definitions were parsed on publication; parsing again only restores their type.
  return rows.map((row) => v.parse(formDefinitionSchema, row.definition));
}

/**
 * A form's applications oldest first, a page at a time, each with its current answers and the
 * definition of the version it answered. Keyset paging on (submittedAt, id): each page is one
 * query that starts where the last one ended, so memory stays at one page whatever the count.
 */
export async function* submissionPages(
  db: TenantDb,
  formId: string,
  filters: ExportFilters,
): AsyncGenerator<ExportItem[]> {
  const definitions = new Map<number, FormDefinition>();
  const filtered = filterConditions(formId, filters);
  let after: { submittedAt: number; id: string } | undefined;
  for (;;) {
    const entries = await readPage(db, filtered, after);
    const page: ExportItem[] = [];
    for (const { submission, answers } of entries) {
      let definition = definitions.get(submission.formVersion);
      if (!definition) {
        definition = await versionDefinition(db, formId, submission.formVersion);
        definitions.set(submission.formVersion, definition);
      }
      page.push({ submission, answers: answers ?? {}, definition });
    }
    const last = entries.at(-1)?.submission;
    if (last === undefined) return;
    yield page;
    if (entries.length < exportPageSize) return;
    after = { submittedAt: last.submittedAt, id: last.id };
    // Embedded libSQL runs each query synchronously on this thread: between pages, other
    // requests get their turn, so a long export does not stall the whole server.
    await nextTurn();
  }
}

/**
 * One page of applications, read as two values per row: the submission's fields as one JSON
 * object, and the stored answers. The driver's cost is per value (a native conversion and two
 * property definitions each) and the query builder's mapping per field, and with a column per
 * field the two were most of an export's time.
 */
async function readPage(
  db: TenantDb,
  filtered: SQL[],
  after: { submittedAt: number; id: string } | undefined,
): Promise<{ submission: ExportSubmission; answers: Record<string, unknown> | null }[]> {
  const query = db
    .select({
      submission: sql`json_object(
        'id', ${submissions.id},
        'referenceNumber', ${submissions.referenceNumber},
        'state', ${submissions.state},
        'paymentState', ${submissions.paymentState},
        'formVersion', ${submissions.formVersion},
        'submittedAt', ${submissions.submittedAt},
        'proxyStaffId', ${submissions.proxyStaffId}
      )`,
      answers: submissionRevisions.answers,
    })
    .from(submissions)
    // A left join, so an application whose revision is missing still shows (with blank
    // answers) instead of silently dropping out of the file.
    .leftJoin(
      submissionRevisions,
      and(
        eq(submissionRevisions.submissionId, submissions.id),
        eq(submissionRevisions.revision, submissions.currentRevision),
      ),
    )
    .where(
      and(
        ...filtered,
        // The >= on its own lets the index on (form_id, submitted_at, id) seek to the page
        // instead of walking from the first application; the OR then skips the ties seen.
        after && gte(submissions.submittedAt, after.submittedAt),
        after && or(gt(submissions.submittedAt, after.submittedAt), gt(submissions.id, after.id)),
      ),
    )
    .orderBy(asc(submissions.submittedAt), asc(submissions.id))
    .limit(exportPageSize);
  const { sql: text, args } = fromDrizzle(query);
  const rows = await readRows(db, text, args);
  // Both are JSON written by SQLite (json_object) or by the application (the answers column).
  return rows.map((row) => ({
    submission: JSON.parse(String(row[0])),
    answers: typeof row[1] === 'string' ? JSON.parse(row[1]) : null,
  }));
}

/** A form's applications oldest first, one at a time (see `submissionPages`). */
export async function* streamSubmissions(
  db: TenantDb,
  formId: string,
  filters: ExportFilters,
): AsyncGenerator<ExportItem> {
  for await (const page of submissionPages(db, formId, filters)) yield* page;
}

/** One application's line of the main table. */
export function rowsFor(columns: readonly ExportColumn[], item: ExportItem): string[] {
  return columns.map((column) => column.read(item));
}

/** One application's lines on a group's sheet: one per row of the group it answered. */
export function groupRowsFor(sheet: GroupSheet, item: ExportItem): string[][] {
  const rows = Object.hasOwn(item.answers, sheet.groupId) ? item.answers[sheet.groupId] : [];
  if (!Array.isArray(rows)) return [];
  return rows
    .filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
    .map((row) => sheet.columns.map((column) => column.read(row, item)));
}

/** The header line, then one line per application. */
export async function* tableRows(
  columns: readonly ExportColumn[],
  items: AsyncIterable<ExportItem>,
): AsyncGenerator<string[]> {
  yield columns.map((column) => column.header);
  for await (const item of items) yield rowsFor(columns, item);
}

/**
 * Every character a Shift_JIS export would replace with 〓, with its application and column:
 * the list staff check before (or after) downloading in Shift_JIS. The first `limit` are
 * listed; `total` counts them all.
 */
export async function shiftJisReport(
  columns: readonly ExportColumn[],
  items: AsyncIterable<ExportItem>,
  limit: number,
): Promise<{ problems: ShiftJisProblem[]; total: number }> {
  const problems: ShiftJisProblem[] = [];
  let total = 0;
  const check = (row: number, cells: readonly string[], referenceNumber: string | null) => {
    for (const [index, column] of columns.entries()) {
      toCp932Text(cells[index] ?? '', (character) => {
        total++;
        if (problems.length < limit)
          problems.push({
            ...unmappableAt(row, index + 1, character),
            referenceNumber,
            header: column.header,
          });
      });
    }
  };
  check(
    1,
    columns.map((column) => column.header),
    null,
  );
  let row = 1;
  for await (const item of items) {
    row++;
    check(row, rowsFor(columns, item), item.submission.referenceNumber);
  }
  return { problems, total };
}

// An application always names a published version; one that is missing is a damaged database,
// an internal error rather than "not found".
async function versionDefinition(
  db: TenantDb,
  formId: string,
  version: number,
): Promise<FormDefinition> {
  const [row] = await db
    .select({ definition: formVersions.definition })
    .from(formVersions)
    .where(and(eq(formVersions.formId, formId), eq(formVersions.version, version)));
  if (!row) throw new Error(`form ${formId} has applications on version ${version}, not stored`);
  return v.parse(formDefinitionSchema, row.definition);
}

function filterConditions(formId: string, filters: ExportFilters): SQL[] {
  const conditions: SQL[] = [eq(submissions.formId, formId)];
  if (filters.states?.length) conditions.push(inArray(submissions.state, filters.states));
  if (filters.payment?.length) conditions.push(inArray(submissions.paymentState, filters.payment));
  if (filters.from !== undefined) conditions.push(gte(submissions.submittedAt, filters.from));
  if (filters.to !== undefined) conditions.push(lt(submissions.submittedAt, filters.to));
  if (filters.q) {
    // SQLite's LIKE has no escape character unless one is named: without it, a % or _ typed in
    // the search box would act as a wildcard.
    const text = filters.q
      .normalize('NFKC')
      .trim()
      .replace(/[%_\\]/g, (c) => `\\${c}`);
    const byName = sql`${submissions.searchName} LIKE ${`%${text}%`} ESCAPE '\\'`;
    const reference = normalizeReferenceNumber(filters.q);
    conditions.push(
      reference ? (or(eq(submissions.referenceNumber, reference), byName) ?? byName) : byName,
    );
  }
  return conditions;
}
