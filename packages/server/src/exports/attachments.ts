import type { Answers } from '@madoguchi/shared';
import type { TenantDb } from '../db/registry';
import { refsInAnswers } from '../files/service';
import type { FileStorage } from '../files/storage';
import { type ExportFilters, streamSubmissions } from './service';
import type { ZipEntry } from './zip';

/** A file name safe in every operating system's folders, Japanese kept. */
function safeName(name: string): string {
  return [...name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim()].slice(0, 120).join('') || 'file';
}

/**
 * The attachments of a form's filtered applications as zip entries, one application at a time:
 * `<reference number>/<field id>_<file name>`, a counter added when two files share a name.
 * Only files bound to the application's current answers are included.
 */
export async function* attachmentEntries(
  db: TenantDb,
  storage: FileStorage,
  tenantSlug: string,
  formId: string,
  filters: ExportFilters,
): AsyncGenerator<ZipEntry> {
  for await (const item of streamSubmissions(db, formId, filters)) {
    const used = new Set<string>();
    for (const ref of refsInAnswers(item.definition, item.answers as Answers)) {
      let name = `${item.submission.referenceNumber}/${ref.fieldId}_${safeName(ref.name)}`;
      for (let n = 2; used.has(name); n++)
        name = `${item.submission.referenceNumber}/${ref.fieldId}_${n}_${safeName(ref.name)}`;
      used.add(name);
      yield {
        name,
        bytes: await storage.get(tenantSlug, ref.id),
        modified: item.submission.submittedAt,
      };
    }
  }
}
