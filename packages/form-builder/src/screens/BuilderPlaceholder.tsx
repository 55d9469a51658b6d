import { api } from '../api/client';
import { ok } from '../api/errors';
import { Link, useTitle } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { Async, useLoad } from '../ui/async';

/** Where the form builder will live (issue #6, part 2); for now the form's facts and a note. */
export function BuilderPlaceholder({ formId }: { formId: string }) {
  const { t } = useI18n();
  const form = useLoad(() => ok(api.forms[':id'].$get({ param: { id: formId } })), [formId]);
  useTitle(t('builder.title'), t('app.name'));
  return (
    <>
      <p>
        <Link href="/forms">← {t('forms.title')}</Link>
      </p>
      <h1>{t('builder.title')}</h1>
      <Async state={form}>
        {({ form: view }) => (
          <div className="card">
            <h2>{view.title}</h2>
            <p>{t('builder.placeholder')}</p>
          </div>
        )}
      </Async>
    </>
  );
}
