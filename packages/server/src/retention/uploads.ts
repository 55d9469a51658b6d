import { and, eq, isNull, lt } from 'drizzle-orm';
import type { TenantDb } from '../db/registry';
import { attachments } from '../db/tenant-schema';
import type { FileStorage } from '../files/storage';

/**
 * How long an upload may wait for its application: a resident's draft lives 24 hours
 * (ADR 0010), so a file still unclaimed an hour after that will never be submitted.
 */
export const unclaimedUploadMs = 25 * 60 * 60_000;

/**
 * Deletes uploads that no application claimed in time: the row first (guarded, so a file bound
 * meanwhile stays), then the encrypted bytes. Files of people who gave up are personal data
 * nobody needs. A crash between the two steps leaves bytes no row names, which nothing serves.
 * @returns how many uploads were deleted.
 */
export async function deleteUnclaimedUploads(
  db: TenantDb,
  storage: FileStorage,
  slug: string,
  now: number,
  limit = 500,
): Promise<number> {
  const stale = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(isNull(attachments.submissionId), lt(attachments.createdAt, now - unclaimedUploadMs)),
    )
    .limit(limit);
  let deleted = 0;
  for (const { id } of stale) {
    const result = await db
      .delete(attachments)
      .where(and(eq(attachments.id, id), isNull(attachments.submissionId)));
    if (result.rowsAffected === 0) continue;
    await storage.delete(slug, id);
    deleted++;
  }
  return deleted;
}
