import { type FormDefinition, parseDefinition } from '@madoguchi/shared';
import { exampleDefinitions } from '@madoguchi/shared/examples';
import type { TenantDb } from '../db/registry';
import { submissionRevisions, submissions } from '../db/tenant-schema';
import type { ExportItem, ExportSubmission } from './columns';

/** An example definition of the shared package, parsed (defaults filled in). */
export function example(slug: string): FormDefinition {
  const input = exampleDefinitions[slug];
  if (input === undefined) throw new Error(`no example ${slug}`);
  const parsed = parseDefinition(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.definition;
}

/** An application to export, as the service would give it. */
export function exportItem(
  definition: FormDefinition,
  answers: Record<string, unknown>,
  submission: Partial<ExportSubmission> = {},
): ExportItem {
  return {
    submission: {
      id: 'sub_0000000000000001',
      referenceNumber: '2611-0000001',
      state: 'accepted',
      paymentState: 'none',
      formVersion: 1,
      submittedAt: Date.parse('2026-11-23T09:00:00+09:00'),
      proxyStaffId: null,
      ...submission,
    },
    answers,
    definition,
  };
}

/** One application to insert straight into a tenant database. */
export interface SeedSubmission {
  id: string;
  referenceNumber: string;
  submittedAt: number;
  answers: Record<string, unknown>;
  state?: (typeof submissions.$inferSelect)['state'];
  paymentState?: (typeof submissions.$inferSelect)['paymentState'];
  formVersion?: number;
  searchName?: string;
  /** Answers of earlier revisions; the last revision (`answers`) is the current one. */
  earlierRevisions?: Record<string, unknown>[];
}

/** Inserts applications with their revisions, in batches, bypassing the submit service. */
export async function insertSubmissions(
  db: TenantDb,
  formId: string,
  seeds: readonly SeedSubmission[],
): Promise<void> {
  // 100 rows of 19 columns stays far below SQLite's limit on bound parameters per statement.
  for (let start = 0; start < seeds.length; start += 100) {
    const chunk = seeds.slice(start, start + 100);
    const revisions = chunk.flatMap((seed) =>
      [...(seed.earlierRevisions ?? []), seed.answers].map((answers, index) => ({
        submissionId: seed.id,
        revision: index + 1,
        answers,
        createdAt: seed.submittedAt,
        createdBy: 'applicant',
      })),
    );
    await db.batch([
      db.insert(submissions).values(
        chunk.map((seed) => ({
          id: seed.id,
          formId,
          formVersion: seed.formVersion ?? 1,
          referenceNumber: seed.referenceNumber,
          state: seed.state ?? 'submitted',
          paymentState: seed.paymentState ?? 'none',
          accessSecretHash: Buffer.alloc(32),
          searchName: seed.searchName ?? null,
          holdsPlace: false,
          currentRevision: (seed.earlierRevisions?.length ?? 0) + 1,
          submittedAt: seed.submittedAt,
          updatedAt: seed.submittedAt,
        })),
      ),
      db.insert(submissionRevisions).values(revisions),
    ]);
  }
}
