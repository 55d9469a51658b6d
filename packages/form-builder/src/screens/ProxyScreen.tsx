import { type FormDefinition, shownParts } from '@madoguchi/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { ApiError, ok } from '../api/errors';
import { Link, useTitle } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { Async, ErrorBox, useLoad } from '../ui/async';
import { ProxyField } from './proxy/ProxyField';

/** The published definition of a form, for counter entry. */
async function loadPublished(formId: string) {
  const { form } = await ok(api.forms[':id'].$get({ param: { id: formId } }));
  if (form.publishedVersion === null) return { form, definition: null };
  const { version } = await ok(
    api.forms[':id'].versions[':version'].$get({
      param: { id: formId, version: String(form.publishedVersion) },
    }),
  );
  return { form, definition: version.definition as unknown as FormDefinition };
}

/**
 * Counter entry (代理入力): staff type in what a resident tells them, on a plain form generated
 * from the published definition. Fields hidden by the form's conditions are hidden here too (the
 * shared evaluator), and the server validates with the same schema as the resident pages.
 */
export function ProxyScreen({ formId }: { formId: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => loadPublished(formId), [formId]);
  useTitle(t('proxy.title', { form: loaded.data?.form.title ?? '' }), t('app.name'));
  return (
    <>
      <p>
        <Link href={`/forms/${formId}/inbox`}>← {t('detail.toInbox')}</Link>
      </p>
      <h1>{t('proxy.title', { form: loaded.data?.form.title ?? '' })}</h1>
      <Async state={loaded}>
        {({ definition }) =>
          definition ? (
            <ProxyForm formId={formId} definition={definition} />
          ) : (
            <p>{t('proxy.notPublished')}</p>
          )
        }
      </Async>
    </>
  );
}

function ProxyForm({ formId, definition }: { formId: string; definition: FormDefinition }) {
  const { t, locale, text } = useI18n();
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ referenceNumber: string; statusUrl: string } | null>(null);
  const shown = shownParts(definition, answers, locale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setErrors({});
    try {
      const done = await ok(
        api.submissions.forms[':formId'].proxy.$post({ param: { formId }, json: { answers } }),
      );
      setResult({ referenceNumber: done.referenceNumber, statusUrl: done.statusUrl });
      setAnswers({});
    } catch (caught) {
      if (caught instanceof ApiError && caught.details.length > 0) {
        const byField: Record<string, string> = {};
        for (const detail of caught.details) {
          const key = detail.path.split('.')[0] ?? '';
          byField[key] = byField[key] ? `${byField[key]} ${detail.message}` : detail.message;
        }
        setErrors(byField);
      }
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  if (result)
    return (
      <div className="card stack" role="status">
        <p>{t('proxy.done', { reference: result.referenceNumber })}</p>
        <p>
          {t('proxy.statusUrl')}: <code>{result.statusUrl}</code>
        </p>
        <p>
          <button type="button" onClick={() => setResult(null)}>
            {t('inbox.proxyEntry')}
          </button>
        </p>
      </div>
    );
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p>{t('proxy.intro')}</p>
      {failure ? <ErrorBox error={failure} /> : null}
      {definition.pages
        .filter((page) => shown.pages.has(page.id))
        .map((page) => (
          <section key={page.id} className="card stack" aria-labelledby={`page-${page.id}`}>
            <h2 id={`page-${page.id}`}>{text(page.title)}</h2>
            {page.fields
              .filter((field) => shown.fields.has(field.id))
              .map((field) => (
                <ProxyField
                  key={field.id}
                  field={field}
                  value={answers[field.id]}
                  error={errors[field.id]}
                  onChange={(value) => {
                    const next = { ...answers };
                    if (value === undefined) delete next[field.id];
                    else next[field.id] = value;
                    setAnswers(next);
                  }}
                />
              ))}
          </section>
        ))}
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {t('proxy.submit')}
        </button>
      </div>
    </form>
  );
}
