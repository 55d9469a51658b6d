import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ok } from '../../api/errors';
import type { Department } from '../../api/types';
import { useTitle } from '../../app/router';
import { useI18n } from '../../i18n/i18n';
import { Async, useErrorText, useLoad } from '../../ui/async';
import { TextField } from '../../ui/fields';

/** Departments (課): add, rename, set the alert address, archive. */
export function DepartmentsScreen() {
  const { t } = useI18n();
  const list = useLoad(() => ok(api.admin.departments.$get()), []);
  useTitle(t('admin.departments'), t('app.name'));
  return (
    <>
      <h1>{t('admin.departments')}</h1>
      <NewDepartment onAdded={list.reload} />
      <Async state={list}>
        {({ departments }) => (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('admin.departmentName')}</th>
                <th scope="col">{t('admin.departmentEmail')}</th>
                <th scope="col">{t('forms.links')}</th>
              </tr>
            </thead>
            <tbody>
              {departments.map((department) => (
                <DepartmentRow
                  key={department.id}
                  department={department}
                  onChanged={list.reload}
                />
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </>
  );
}

function NewDepartment({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await ok(
        api.admin.departments.$post({
          json: { name, ...(email.trim() ? { email: email.trim() } : {}) },
        }),
      );
      setName('');
      setEmail('');
      onAdded();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card row end" onSubmit={submit}>
      <TextField
        label={t('admin.departmentName')}
        required
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        label={t('admin.departmentEmail')}
        type="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <button type="submit" className="primary" disabled={busy || !name.trim()}>
        {t('admin.departmentAdd')}
      </button>
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function DepartmentRow({
  department,
  onChanged,
}: {
  department: Department;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [name, setName] = useState(department.name);
  const [email, setEmail] = useState(department.email ?? '');
  const [error, setError] = useState<string | null>(null);
  const archived = department.archivedAt !== null;
  const save = async () => {
    setError(null);
    try {
      await ok(
        api.admin.departments[':id'].$patch({
          param: { id: department.id },
          json: { name, email: email.trim() ? email.trim() : null },
        }),
      );
      onChanged();
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  const archive = async () => {
    setError(null);
    try {
      await ok(api.admin.departments[':id'].archive.$post({ param: { id: department.id } }));
      onChanged();
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <tr>
      <td>
        <input
          aria-label={t('admin.departmentName')}
          value={name}
          disabled={archived}
          onChange={(event) => setName(event.target.value)}
        />
      </td>
      <td>
        <input
          aria-label={t('admin.departmentEmail')}
          type="email"
          value={email}
          disabled={archived}
          onChange={(event) => setEmail(event.target.value)}
        />
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </td>
      <td className="links">
        {archived ? (
          <span className="muted">{t('admin.departmentArchived')}</span>
        ) : (
          <>
            <button type="button" onClick={() => void save()}>
              {t('common.save')}
            </button>
            <button type="button" onClick={() => void archive()}>
              {t('admin.departmentArchive')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
