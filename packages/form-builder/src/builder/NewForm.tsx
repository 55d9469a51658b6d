import { useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/errors';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { ErrorBox, useLoad } from '../ui/async';
import { SelectField } from '../ui/fields';
import { useBuilderText } from './text';

/** Starts a form in a department the person designs for: empty, or from a shared template. */
export function NewForm() {
  const bt = useBuilderText();
  const session = useSession();
  const departments = session.grants.filter((grant) => grant.role === 'designer');
  const [department, setDepartment] = useState(departments[0]?.departmentId ?? '');
  const [template, setTemplate] = useState('');
  const [error, setError] = useState<unknown>(null);
  // Names come from the designers' department list (GET /api/departments); ids if it fails.
  const names = useLoad(
    () =>
      departments.length > 0
        ? ok(api.departments.$get())
            .then((r) => new Map(r.departments.map((d) => [d.id, d.name])))
            .catch(() => new Map<string, string>())
        : Promise.resolve(new Map<string, string>()),
    [departments.length],
  );
  const catalog = useLoad(
    () =>
      departments.length === 0
        ? Promise.resolve({ templates: [] })
        : ok(api.forms.catalog.$get()).catch(() => ({ templates: [] })),
    [departments.length],
  );
  if (departments.length === 0) return null;
  const create = async () => {
    setError(null);
    try {
      const { form } = template
        ? await ok(
            api.forms.catalog[':templateId'].import.$post({
              param: { templateId: template },
              json: { departmentId: department },
            }),
          )
        : await ok(api.forms.$post({ json: { departmentId: department } }));
      navigate(`/forms/${form.id}/builder`);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-labelledby="new-form-title" className="card">
      <h2 id="new-form-title">{bt('newForm')}</h2>
      <div className="row">
        <SelectField
          label={bt('department')}
          value={department}
          onChange={(event) => setDepartment(event.target.value)}
        >
          {departments.map((grant) => (
            <option key={grant.departmentId} value={grant.departmentId}>
              {names.data?.get(grant.departmentId) ?? grant.departmentId}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={bt('template')}
          value={template}
          onChange={(event) => setTemplate(event.target.value)}
        >
          <option value="">{bt('templateNone')}</option>
          {(catalog.data?.templates ?? []).map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.title}
            </option>
          ))}
        </SelectField>
      </div>
      <button type="button" className="primary" onClick={create}>
        {bt('create')}
      </button>
      {error ? <ErrorBox error={error} /> : null}
    </section>
  );
}
