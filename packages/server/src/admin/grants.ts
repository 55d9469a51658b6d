import type { Grant } from '../auth/authorize';
import { newId } from '../db/ids';
import { AppError } from '../http/errors';
import type { AdminContext } from './context';
import { findDepartments, replaceGrants, selectGrants } from './repo';
import type { GrantsInput } from './schemas';
import { existingStaff, toGrant } from './staff';

/**
 * Replaces all department roles of a person with the given list, atomically. Every department
 * must be one of this municipality's and not archived; another tenant's id is simply not found.
 */
export async function setGrants(
  ctx: AdminContext,
  staffId: string,
  input: GrantsInput,
): Promise<Grant[]> {
  await existingStaff(ctx, staffId);
  const found = await findDepartments(
    ctx.db,
    input.map((grant) => grant.departmentId),
  );
  for (const [index, grant] of input.entries()) {
    const department = found.find((candidate) => candidate.id === grant.departmentId);
    if (!department) {
      throw new AppError('not_found', undefined, [
        { path: `${index}.departmentId`, message: '課が見つかりません / No such department' },
      ]);
    }
    if (department.archivedAt !== null) {
      throw new AppError(
        'conflict',
        {
          ja: 'アーカイブされた課には権限を付与できません',
          en: 'Roles cannot be granted in an archived department',
        },
        [
          {
            path: `${index}.departmentId`,
            message: 'アーカイブ済みの課です / This department is archived',
          },
        ],
      );
    }
  }
  await replaceGrants(
    ctx.db,
    staffId,
    input.map((grant) => ({ id: newId('grt'), staffId, ...grant, createdAt: ctx.now })),
  );
  return (await selectGrants(ctx.db, staffId)).map(toGrant);
}
