import { newId } from '../db/ids';
import { AppError } from '../http/errors';
import type { AdminContext } from './context';
import {
  type DepartmentRow,
  findActiveDepartmentByName,
  findDepartment,
  insertDepartment,
  selectDepartments,
  updateActiveDepartment,
} from './repo';
import type { CreateDepartmentInput, UpdateDepartmentInput } from './schemas';

/** A department as the admin API shows it. */
export interface DepartmentView {
  id: string;
  name: string;
  email: string | null;
  createdAt: number;
  archivedAt: number | null;
  archived: boolean;
}

const nameTaken = new AppError('conflict', {
  ja: '同じ名前の課がすでにあります',
  en: 'A department with this name already exists',
});
const alreadyArchived = new AppError('conflict', {
  ja: 'この課はすでにアーカイブされています',
  en: 'This department is already archived',
});
const archivedIsReadOnly = new AppError('conflict', {
  ja: 'アーカイブされた課は変更できません',
  en: 'An archived department cannot be changed',
});

function toView(row: DepartmentRow): DepartmentView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    createdAt: row.createdAt,
    archivedAt: row.archivedAt,
    archived: row.archivedAt !== null,
  };
}

/** Every department of the municipality, active ones first. */
export async function listDepartments(ctx: AdminContext): Promise<DepartmentView[]> {
  return (await selectDepartments(ctx.db)).map(toView);
}

/**
 * Creates a department. Two active departments may not share a name: staff pick departments
 * by name when granting roles, and two alike would be a trap.
 */
export async function createDepartment(
  ctx: AdminContext,
  input: CreateDepartmentInput,
): Promise<DepartmentView> {
  if (await findActiveDepartmentByName(ctx.db, input.name)) throw nameTaken;
  const row: DepartmentRow = {
    id: newId('dep'),
    name: input.name,
    email: input.email ?? null,
    createdAt: ctx.now,
    archivedAt: null,
  };
  await insertDepartment(ctx.db, row);
  return toView(row);
}

async function existing(ctx: AdminContext, id: string): Promise<DepartmentRow> {
  const row = await findDepartment(ctx.db, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Renames a department or changes its alert address; archived ones stay as they were. */
export async function updateDepartment(
  ctx: AdminContext,
  id: string,
  input: UpdateDepartmentInput,
): Promise<DepartmentView> {
  const before = await existing(ctx, id);
  if (before.archivedAt !== null) throw archivedIsReadOnly;
  if (input.name !== undefined && (await findActiveDepartmentByName(ctx.db, input.name, id))) {
    throw nameTaken;
  }
  const after = await updateActiveDepartment(ctx.db, id, input);
  if (!after) throw archivedIsReadOnly;
  return toView(after);
}

/**
 * Archives a department. Nothing is deleted: its forms, submissions and grants stay for the
 * record, but no new grant can name it.
 */
export async function archiveDepartment(ctx: AdminContext, id: string): Promise<DepartmentView> {
  const before = await existing(ctx, id);
  if (before.archivedAt !== null) throw alreadyArchived;
  const after = await updateActiveDepartment(ctx.db, id, { archivedAt: ctx.now });
  if (!after) throw alreadyArchived;
  return toView(after);
}
