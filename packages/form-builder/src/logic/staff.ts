import { startOfJapanDay } from './filters';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The end of access for a last day typed as `YYYY-MM-DD`: the account works through that whole
 * day in Japan and stops at the following midnight. Empty means no end.
 * @example expiryFromDate('2027-03-31') // 2027-04-01 00:00 JST in ms
 */
export function expiryFromDate(date: string): number | null {
  const start = startOfJapanDay(date);
  return start === undefined ? null : start + dayMs;
}

/** The last day of access (`YYYY-MM-DD` in Japan) for an end moment made by expiryFromDate. */
export function expiryToDate(expiresAt: number): string {
  return new Date(expiresAt - 1 + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** A department's line in the roles table; `none` means no grant there. */
export interface GrantRow {
  departmentId: string;
  name: string;
  role: 'none' | 'designer' | 'reviewer' | 'viewer';
  canExport: boolean;
  canSeeMyNumber: boolean;
}

/** One row per department, filled from the person's grants. */
export function grantRows(
  departments: { id: string; name: string }[],
  grants: {
    departmentId: string;
    role: GrantRow['role'];
    canExport: boolean;
    canSeeMyNumber: boolean;
  }[],
): GrantRow[] {
  return departments.map((department) => {
    const grant = grants.find((candidate) => candidate.departmentId === department.id);
    return {
      departmentId: department.id,
      name: department.name,
      role: grant?.role ?? 'none',
      canExport: grant?.canExport ?? false,
      canSeeMyNumber: grant?.canSeeMyNumber ?? false,
    };
  });
}

/** The grant list the API replaces the person's with: rows with a role only. */
export function grantsToSave(rows: GrantRow[]) {
  return rows.flatMap((row) =>
    row.role === 'none'
      ? []
      : [
          {
            departmentId: row.departmentId,
            role: row.role,
            canExport: row.canExport,
            canSeeMyNumber: row.canSeeMyNumber,
          },
        ],
  );
}
