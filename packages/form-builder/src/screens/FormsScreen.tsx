import { api } from '../api/client';
import { ok } from '../api/errors';
import { Link, useTitle } from '../app/router';
import { useSession } from '../app/session';
import { NewForm } from '../builder/NewForm';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../logic/format';
import { mayDesign, mayHandle } from '../logic/permissions';
import { Async, useLoad } from '../ui/async';

/** Every form the person may see, with its status and version, and where to go from it. */
export function FormsScreen() {
  const { t, locale } = useI18n();
  const session = useSession();
  const forms = useLoad(() => ok(api.forms.$get()), []);
  useTitle(t('forms.title'), t('app.name'));
  return (
    <>
      <h1>{t('forms.title')}</h1>
      <NewForm />
      {session.grants.some((grant) => grant.role === 'designer') ? null : (
        // Nothing to click would otherwise be a silent dead end for an admin trying the builder.
        <p className="help" id="design-role-hint">
          {session.staff.isTenantAdmin ? t('forms.needDesignerAdmin') : t('forms.needDesigner')}
        </p>
      )}
      <Async state={forms}>
        {({ forms: list }) =>
          list.length === 0 ? (
            <p>{t('common.empty')}</p>
          ) : (
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t('forms.name')}</th>
                  <th scope="col">{t('forms.status')}</th>
                  <th scope="col">{t('forms.version')}</th>
                  <th scope="col">{t('forms.access')}</th>
                  <th scope="col">{t('forms.updatedAt')}</th>
                  <th scope="col">{t('forms.links')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((form) => (
                  <tr key={form.id}>
                    <td>{form.title}</td>
                    <td>
                      <span className={`status status-${form.status}`}>
                        {t(`forms.status.${form.status}`)}
                      </span>
                    </td>
                    <td>
                      {form.publishedVersion === null
                        ? t('forms.notPublished')
                        : `v${form.publishedVersion}`}
                    </td>
                    <td>{t(`forms.access.${form.access}`)}</td>
                    <td>{formatDateTime(form.updatedAt, locale)}</td>
                    <td className="links">
                      <Link href={`/forms/${form.id}/inbox`}>{t('forms.inbox')}</Link>
                      {mayDesign(session, form) ? (
                        <Link href={`/forms/${form.id}/builder`}>{t('forms.builder')}</Link>
                      ) : null}
                      {mayHandle(session, form) && form.publishedVersion !== null ? (
                        <Link href={`/forms/${form.id}/proxy`}>{t('forms.proxy')}</Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Async>
    </>
  );
}
