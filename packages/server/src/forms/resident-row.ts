import type { TenantDb } from '../db/registry';
import type { forms } from '../db/tenant-schema';
import { readRow } from '../db/writer-thread';

/** A form's row without its draft, which residents never need and which is the large part. */
export type FormRow = Omit<typeof forms.$inferSelect, 'draft'>;

// Every resident request reads this row: plain SQL through the hot-read path, no draft.
const formRowSql =
  'SELECT id, department_id AS departmentId, title, status, published_version AS publishedVersion, access_key AS accessKey, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt FROM forms WHERE id = ?';

// The form row is read by every resident request; kept for a moment per database so a burst of
// submits reads it once (the read was 5% of a submit: the reading connection's pages are stale
// after every commit of the writer thread). This process forgets a form at once when it changes
// it (forgetForm, from forms/repo.ts); a change made by another process shows within 2 s.
const rowLifetimeMs = 2000;
const formRows = new WeakMap<TenantDb, Map<string, { row: FormRow | undefined; until: number }>>();

/** A form's row as residents need it, or undefined. */
export async function formRow(db: TenantDb, formId: string): Promise<FormRow | undefined> {
  let rows = formRows.get(db);
  if (!rows) {
    rows = new Map();
    formRows.set(db, rows);
  }
  const now = performance.now();
  const kept = rows.get(formId);
  if (kept && kept.until > now) return kept.row;
  const row = await readRow<FormRow>(db, formRowSql, [formId]);
  if (rows.size > 1000) rows.clear();
  rows.set(formId, { row, until: now + rowLifetimeMs });
  return row;
}

/** Drops what is kept of a form's row, after this process changed it (status, version, key). */
export function forgetForm(db: TenantDb, formId: string): void {
  formRows.get(db)?.delete(formId);
}
