import { useState } from 'react';
import { api } from '../../api/client';
import { ok } from '../../api/errors';
import type { Department, StaffMember } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { type GrantRow, grantRows, grantsToSave } from '../../logic/staff';
import { useErrorText } from '../../ui/async';

const roles = ['none', 'designer', 'reviewer', 'viewer'] as const;

/** Roles per department, with the separate export and My Number permissions. */
export function Grants({
  staff,
  departments,
  onSaved,
}: {
  staff: StaffMember;
  departments: Department[];
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [rows, setRows] = useState<GrantRow[]>(() => grantRows(departments, staff.grants));
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const change = (departmentId: string, patch: Partial<GrantRow>) =>
    setRows(rows.map((row) => (row.departmentId === departmentId ? { ...row, ...patch } : row)));
  const save = async () => {
    setError(null);
    setNotice('');
    try {
      await ok(
        api.admin.staff[':id'].grants.$put({ param: { id: staff.id }, json: grantsToSave(rows) }),
      );
      setNotice(t('common.saved'));
      onSaved();
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <section className="card stack" aria-labelledby="grants-title">
      <h2 id="grants-title">{t('admin.staffGrants')}</h2>
      <table className="list">
        <thead>
          <tr>
            <th scope="col">{t('admin.departmentName')}</th>
            <th scope="col">{t('admin.role')}</th>
            <th scope="col">{t('admin.canExport')}</th>
            <th scope="col">{t('admin.canSeeMyNumber')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.departmentId}>
              <th scope="row">{row.name}</th>
              <td>
                <select
                  aria-label={`${row.name} ${t('admin.role')}`}
                  value={row.role}
                  onChange={(event) =>
                    change(row.departmentId, { role: event.target.value as GrantRow['role'] })
                  }
                >
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {t(`admin.role.${role}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${row.name} ${t('admin.canExport')}`}
                  disabled={row.role === 'none'}
                  checked={row.canExport}
                  onChange={(event) =>
                    change(row.departmentId, { canExport: event.target.checked })
                  }
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${row.name} ${t('admin.canSeeMyNumber')}`}
                  disabled={row.role === 'none'}
                  checked={row.canSeeMyNumber}
                  onChange={(event) =>
                    change(row.departmentId, { canSeeMyNumber: event.target.checked })
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('admin.grantsSave')}
        </button>
        <span role="status" className="muted">
          {notice}
        </span>
      </div>
    </section>
  );
}
