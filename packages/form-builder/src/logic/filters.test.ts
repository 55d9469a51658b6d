import { describe, expect, test } from 'vitest';
import {
  emptyFilters,
  exportUrl,
  filtersToQuery,
  hasFilters,
  rememberedFilters,
  rememberFilters,
  startOfJapanDay,
  submissionStates,
  toggle,
} from './filters';

describe('inbox filters → API query', () => {
  test('no filter, no query', () => {
    expect(filtersToQuery(emptyFilters)).toEqual({});
    expect(hasFilters(emptyFilters)).toBe(false);
  });

  test('states, payment, search and a date range in Japan time, the last day included', () => {
    expect(
      filtersToQuery({
        states: ['submitted', 'in_review'],
        payment: ['paid'],
        from: '2026-04-01',
        to: '2026-04-30',
        q: '  2604-1234567 ',
      }),
    ).toEqual({
      states: 'submitted,in_review',
      payment: 'paid',
      // 2026-04-01 00:00 in Japan is 2026-03-31 15:00 UTC.
      from: String(Date.UTC(2026, 2, 31, 15)),
      // Up to the end of 30 April in Japan: 1 May 00:00 JST, exclusive.
      to: String(Date.UTC(2026, 3, 30, 15)),
      q: '2604-1234567',
    });
  });

  test('a date that does not exist is no filter rather than a wrong one', () => {
    expect(startOfJapanDay('2026-02-30')).toBeUndefined();
    expect(startOfJapanDay('20260401')).toBeUndefined();
    expect(filtersToQuery({ ...emptyFilters, from: '2026-13-01' })).toEqual({});
  });

  test('toggling keeps the state machine order', () => {
    expect(toggle(submissionStates, ['accepted'], 'submitted')).toEqual(['submitted', 'accepted']);
    expect(toggle(submissionStates, ['submitted', 'accepted'], 'submitted')).toEqual(['accepted']);
  });
});

describe('download URLs carry the current filters', () => {
  const filters = { ...emptyFilters, states: ['accepted' as const], q: '緑' };

  test('CSV in UTF-8 (the default), CSV in Shift_JIS, Excel', () => {
    expect(exportUrl('frm_1', filters, 'csv_utf8')).toBe(
      '/api/exports/forms/frm_1/submissions.csv?states=accepted&q=%E7%B7%91',
    );
    expect(exportUrl('frm_1', filters, 'csv_sjis')).toBe(
      '/api/exports/forms/frm_1/submissions.csv?states=accepted&q=%E7%B7%91&encoding=sjis',
    );
    expect(exportUrl('frm_1', emptyFilters, 'xlsx')).toBe(
      '/api/exports/forms/frm_1/submissions.xlsx',
    );
  });
});

describe('remembered filters', () => {
  test('are kept per inbox in memory only', () => {
    rememberFilters('frm_a', { ...emptyFilters, q: '花子' });
    expect(rememberedFilters('frm_a').q).toBe('花子');
    expect(rememberedFilters('frm_b')).toEqual(emptyFilters);
    expect(globalThis.localStorage?.length ?? 0).toBe(0);
  });
});
