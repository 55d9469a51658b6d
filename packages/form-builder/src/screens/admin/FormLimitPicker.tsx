import { api } from '../../api/client';
import { ok } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import { Async, useLoad } from '../../ui/async';
import { CheckboxField } from '../../ui/fields';

/**
 * Limits an account to named forms (contractors who check one procedure's applications), or
 * leaves it to its department roles (`null`). Lists every form of the municipality.
 */
export function FormLimitPicker({
  value,
  onChange,
}: {
  value: string[] | null;
  onChange: (value: string[] | null) => void;
}) {
  const { t } = useI18n();
  const forms = useLoad(() => ok(api.admin.forms.$get()), []);
  return (
    <fieldset className="checks">
      <legend>{t('admin.staffForms')}</legend>
      <CheckboxField
        label={t('admin.staffFormsAll')}
        checked={value === null}
        onChange={(event) => onChange(event.target.checked ? null : [])}
      />
      {value === null ? null : (
        <Async state={forms}>
          {(data) => (
            <>
              {data.forms.map((form) => (
                <CheckboxField
                  key={form.id}
                  label={form.title}
                  checked={value.includes(form.id)}
                  onChange={(event) =>
                    onChange(
                      event.target.checked
                        ? [...value, form.id]
                        : value.filter((id) => id !== form.id),
                    )
                  }
                />
              ))}
            </>
          )}
        </Async>
      )}
    </fieldset>
  );
}
