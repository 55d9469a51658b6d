import { describe, expect, test } from 'vitest';
import { mayExport, mayHandle } from './permissions';
import { expiryFromDate, expiryToDate, grantRows, grantsToSave } from './staff';

describe('an account end date', () => {
  test('works through the last day in Japan and round-trips', () => {
    const end = expiryFromDate('2027-03-31');
    expect(end).toBe(Date.UTC(2027, 2, 31, 15));
    expect(expiryToDate(end ?? 0)).toBe('2027-03-31');
    expect(expiryFromDate('')).toBeNull();
  });
});

describe('roles per department', () => {
  const departments = [
    { id: 'dep_a', name: '福祉課' },
    { id: 'dep_b', name: '税務課' },
  ];
  test('a row per department; rows without a role are not saved', () => {
    const rows = grantRows(departments, [
      { departmentId: 'dep_b', role: 'reviewer', canExport: true, canSeeMyNumber: false },
    ]);
    expect(rows.map((row) => row.role)).toEqual(['none', 'reviewer']);
    expect(grantsToSave(rows)).toEqual([
      { departmentId: 'dep_b', role: 'reviewer', canExport: true, canSeeMyNumber: false },
    ]);
  });
});

describe('what the console offers', () => {
  const session = {
    staff: { formIds: ['frm_1'] },
    grants: [
      { departmentId: 'dep_a', role: 'reviewer' as const, canExport: true, canSeeMyNumber: false },
    ],
  };
  test('follows the grants and the form limit, like the server', () => {
    expect(mayHandle(session, { id: 'frm_1', departmentId: 'dep_a' })).toBe(true);
    expect(mayExport(session, { id: 'frm_1', departmentId: 'dep_a' })).toBe(true);
    expect(mayHandle(session, { id: 'frm_2', departmentId: 'dep_a' })).toBe(false);
    expect(mayHandle(session, { id: 'frm_1', departmentId: 'dep_b' })).toBe(false);
  });
});
