import {
  type PaymentState,
  paymentStates,
  type SubmissionState,
  submissionStates,
} from '@madoguchi/shared';

/** The inbox filters as the screen holds them (dates as typed, `YYYY-MM-DD`, in Japan). */
export interface InboxFilters {
  states: SubmissionState[];
  payment: PaymentState[];
  from: string;
  to: string;
  /** A reference number or part of a name. */
  q: string;
}

/** No filter at all. */
export const emptyFilters: InboxFilters = { states: [], payment: [], from: '', to: '', q: '' };

const dayMs = 24 * 60 * 60 * 1000;
const japanOffsetMs = 9 * 60 * 60 * 1000;

/**
 * Midnight in Japan at the start of a `YYYY-MM-DD` day, in ms since the epoch; undefined for
 * anything that is not a real date.
 * @example startOfJapanDay('2026-04-01') // Date.UTC(2026, 3, 1) - 9 h
 */
export function startOfJapanDay(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return utc - japanOffsetMs;
}

/** The API's query for the filters: the `to` day is included (up to its end, exclusive). */
export function filtersToQuery(filters: InboxFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.states.length > 0) query.states = filters.states.join(',');
  if (filters.payment.length > 0) query.payment = filters.payment.join(',');
  const from = startOfJapanDay(filters.from);
  if (from !== undefined) query.from = String(from);
  const to = startOfJapanDay(filters.to);
  if (to !== undefined) query.to = String(to + dayMs);
  const q = filters.q.trim();
  if (q) query.q = q;
  return query;
}

/** Whether any filter is set. */
export function hasFilters(filters: InboxFilters): boolean {
  return Object.keys(filtersToQuery(filters)).length > 0;
}

/** The download formats the server offers. */
export type ExportFormat = 'csv_utf8' | 'csv_sjis' | 'xlsx';

/**
 * The URL of a download with the inbox's current filters, so the file holds what the list shows.
 * @example exportUrl('frm_1', emptyFilters, 'csv_sjis') // '/api/exports/forms/frm_1/submissions.csv?encoding=sjis'
 */
export function exportUrl(formId: string, filters: InboxFilters, format: ExportFormat): string {
  const query = new URLSearchParams(filtersToQuery(filters));
  if (format === 'csv_sjis') query.set('encoding', 'sjis');
  const file = format === 'xlsx' ? 'submissions.xlsx' : 'submissions.csv';
  const search = query.toString();
  return `/api/exports/forms/${encodeURIComponent(formId)}/${file}${search ? `?${search}` : ''}`;
}

/** Toggles one value in a list, keeping the canonical order of `all`. */
export function toggle<T extends string>(all: readonly T[], chosen: T[], value: T): T[] {
  const set = new Set(chosen);
  if (set.has(value)) set.delete(value);
  else set.add(value);
  return all.filter((item) => set.has(item));
}

export { paymentStates, submissionStates };

/**
 * Filters kept while the console is open (in memory only: a search can be a resident's name,
 * which must not land in the browser's storage or history), per form or for all forms.
 */
const remembered = new Map<string, InboxFilters>();

/** The filters last used for this inbox in this tab. */
export function rememberedFilters(key: string): InboxFilters {
  return remembered.get(key) ?? emptyFilters;
}

/** Keeps the filters for when the person comes back to this inbox. */
export function rememberFilters(key: string, filters: InboxFilters): void {
  remembered.set(key, filters);
}
