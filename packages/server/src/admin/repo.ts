import { LibsqlError } from '@libsql/client';
import { and, asc, DrizzleQueryError, eq, exists, inArray, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { deleteStaffSessions, type StaffRow } from '../auth/sessions';
import type { TenantDb } from '../db/registry';
import { departments, invites, roleGrants, staff, tenantSettings } from '../db/tenant-schema';

/** A department row as stored. */
export type DepartmentRow = typeof departments.$inferSelect;
/** A role grant row as stored. */
export type GrantRow = typeof roleGrants.$inferSelect;
/** The settings row as stored. */
export type SettingsRow = typeof tenantSettings.$inferSelect;

/** Whether an error is a UNIQUE constraint violation (two requests racing past a check). */
export function isUniqueViolation(error: unknown): boolean {
  const cause = error instanceof DrizzleQueryError ? error.cause : error;
  return cause instanceof LibsqlError && cause.extendedCode === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Every department, active ones first, each group in creation order. */
export function selectDepartments(db: TenantDb): Promise<DepartmentRow[]> {
  return db
    .select()
    .from(departments)
    .orderBy(
      sql`${departments.archivedAt} IS NOT NULL`,
      asc(departments.createdAt),
      asc(departments.id),
    );
}

/** One department, or undefined. */
export async function findDepartment(db: TenantDb, id: string): Promise<DepartmentRow | undefined> {
  const [row] = await db.select().from(departments).where(eq(departments.id, id));
  return row;
}

/** The departments among `ids` that exist. */
export function findDepartments(db: TenantDb, ids: string[]): Promise<DepartmentRow[]> {
  return ids.length === 0
    ? Promise.resolve([])
    : db.select().from(departments).where(inArray(departments.id, ids));
}

/** An active department with exactly this name, other than `exceptId`. */
export async function findActiveDepartmentByName(
  db: TenantDb,
  name: string,
  exceptId?: string,
): Promise<DepartmentRow | undefined> {
  const [row] = await db
    .select()
    .from(departments)
    .where(
      and(
        eq(departments.name, name),
        isNull(departments.archivedAt),
        exceptId === undefined ? undefined : ne(departments.id, exceptId),
      ),
    )
    .limit(1);
  return row;
}

/** Stores a new department. */
export async function insertDepartment(db: TenantDb, row: DepartmentRow): Promise<void> {
  await db.insert(departments).values(row);
}

/**
 * Changes an active department; undefined when it is archived (or gone), so a change racing an
 * archive cannot land on the archived record.
 */
export async function updateActiveDepartment(
  db: TenantDb,
  id: string,
  values: { name?: string; email?: string | null; archivedAt?: number },
): Promise<DepartmentRow | undefined> {
  const [row] = await db
    .update(departments)
    .set(values)
    .where(and(eq(departments.id, id), isNull(departments.archivedAt)))
    .returning();
  return row;
}

/** Every staff member in creation order. */
export function selectStaff(db: TenantDb): Promise<StaffRow[]> {
  return db.select().from(staff).orderBy(asc(staff.createdAt), asc(staff.id));
}

/** One staff member, or undefined. */
export async function findStaff(db: TenantDb, id: string): Promise<StaffRow | undefined> {
  const [row] = await db.select().from(staff).where(eq(staff.id, id));
  return row;
}

/** The staff member with this email address in any letter case, or undefined. */
export async function findStaffByEmail(db: TenantDb, email: string): Promise<StaffRow | undefined> {
  const [row] = await db
    .select()
    .from(staff)
    .where(eq(sql`lower(${staff.email})`, email.toLowerCase()))
    .limit(1);
  return row;
}

/** Stores a new staff account. */
export async function insertStaff(db: TenantDb, row: StaffRow): Promise<void> {
  await db.insert(staff).values(row);
}

/** The changes an administrator can make to a staff row. */
export type StaffChange = Partial<
  Pick<StaffRow, 'name' | 'isTenantAdmin' | 'expiresAt' | 'formIds' | 'status'>
> & { updatedAt: number };

/**
 * Changes a staff row. With `keepAnotherAdmin`, the change lands only while someone else is an
 * active, permanent tenant admin: the check and the write are one statement, so two admins
 * demoting each other at the same moment cannot both succeed. Undefined when nothing changed.
 */
export async function updateStaff(
  db: TenantDb,
  id: string,
  change: StaffChange,
  options: { keepAnotherAdmin: boolean },
): Promise<StaffRow | undefined> {
  const other = alias(staff, 'other_admin');
  const anotherAdmin = exists(
    db
      .select({ id: other.id })
      .from(other)
      .where(
        and(
          ne(other.id, id),
          eq(other.isTenantAdmin, true),
          eq(other.status, 'active'),
          isNull(other.expiresAt),
        ),
      ),
  );
  const [row] = await db
    .update(staff)
    .set(change)
    .where(and(eq(staff.id, id), options.keepAnotherAdmin ? anotherAdmin : undefined))
    .returning();
  return row;
}

/**
 * Re-enables a disabled account: back to `invited` when no password was ever set, else
 * `active`. Undefined unless it was disabled.
 */
export async function enableStaff(
  db: TenantDb,
  id: string,
  now: number,
): Promise<StaffRow | undefined> {
  const [row] = await db
    .update(staff)
    .set({
      status: sql`CASE WHEN ${staff.passwordHash} IS NULL THEN 'invited' ELSE 'active' END`,
      updatedAt: now,
    })
    .where(and(eq(staff.id, id), eq(staff.status, 'disabled')))
    .returning();
  return row;
}

/** Ends every session of a person and voids their unused one-time links, in one batch. */
export async function revokeSessionsAndLinks(
  db: TenantDb,
  staffId: string,
  now: number,
): Promise<void> {
  await db.batch([
    deleteStaffSessions(db, staffId),
    db
      .update(invites)
      .set({ usedAt: now })
      .where(and(eq(invites.staffId, staffId), isNull(invites.usedAt))),
  ]);
}

/**
 * Removes a person's second factor and ends their sessions in one batch: whoever holds a
 * session made with the old factor must not outlive its removal.
 */
export async function clearSecondFactor(db: TenantDb, staffId: string, now: number): Promise<void> {
  await db.batch([
    db
      .update(staff)
      .set({ totpSecret: null, totpLastStep: null, updatedAt: now })
      .where(eq(staff.id, staffId)),
    deleteStaffSessions(db, staffId),
  ]);
}

/** The grants of one person, or of everyone when `staffId` is omitted. */
export function selectGrants(db: TenantDb, staffId?: string): Promise<GrantRow[]> {
  return db
    .select()
    .from(roleGrants)
    .where(staffId === undefined ? undefined : eq(roleGrants.staffId, staffId))
    .orderBy(asc(roleGrants.createdAt), asc(roleGrants.departmentId));
}

/** Replaces all grants of a person in one batch, so nobody ever sees half of the new list. */
export async function replaceGrants(
  db: TenantDb,
  staffId: string,
  rows: GrantRow[],
): Promise<void> {
  const removeAll = db.delete(roleGrants).where(eq(roleGrants.staffId, staffId));
  await (rows.length === 0
    ? db.batch([removeAll])
    : db.batch([removeAll, db.insert(roleGrants).values(rows)]));
}

/** The settings row, or undefined. */
export async function findSettings(db: TenantDb): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(tenantSettings).where(eq(tenantSettings.id, 1));
  return row;
}

/** Writes the one settings row, creating it if it is missing; answers the row written. */
export async function saveSettings(
  db: TenantDb,
  values: Omit<SettingsRow, 'id'>,
): Promise<SettingsRow | undefined> {
  const [row] = await db
    .insert(tenantSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: tenantSettings.id, set: values })
    .returning();
  return row;
}
