import { csvField } from '../exports/cells';
import { canonicalJson } from './chain';
import type { AuditRecord } from './service';

/** Written first, so Excel opens the file as UTF-8 instead of Shift_JIS. */
export const csvBom = '\uFEFF';

/**
 * One CSV cell through the exports' cell rules (formula neutralised, quoted per RFC 4180);
 * numbers as they are, null as an empty cell.
 * @example csvCell('=1+1') // "'=1+1"
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : csvField(value);
}

/** One CSV line, ended with CRLF as RFC 4180 and Excel expect. */
export function csvRow(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const jstOffsetMs = 9 * 60 * 60_000;

/** A moment as ISO 8601 in Japan time, exact to the ms, e.g. `2026-11-23T09:00:00.000+09:00`. */
export function jstTimestamp(at: number): string {
  return new Date(at + jstOffsetMs).toISOString().replace('Z', '+09:00');
}

/** The header line of the audit export: every stored column, so the chain can be rechecked. */
export const auditCsvHeader = csvRow([
  'seq',
  'at',
  'actor_type',
  'actor_id',
  'action',
  'target_type',
  'target_id',
  'ip',
  'details',
  'prev_hash',
  'hash',
]);

/** One audit entry as a CSV line; `details` in the canonical JSON its hash covers. */
export function auditCsvRow(entry: AuditRecord): string {
  return csvRow([
    entry.seq,
    jstTimestamp(entry.at),
    entry.actorType,
    entry.actorId,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.ip,
    entry.details === null ? null : canonicalJson(entry.details),
    entry.prevHash,
    entry.hash,
  ]);
}
