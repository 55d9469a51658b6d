import {
  type PaymentState,
  paymentStateLabels,
  type SubmissionState,
  stateLabels,
  submissionStates,
} from '@madoguchi/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/errors';
import type { FormSummary, InboxItem } from '../api/types';
import { Link, navigate, useTitle } from '../app/router';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/i18n';
import {
  emptyFilters,
  filtersToQuery,
  type InboxFilters,
  paymentStates,
  rememberedFilters,
  rememberFilters,
  toggle,
} from '../logic/filters';
import { formatDateTime } from '../logic/format';
import { mayExport, mayHandle } from '../logic/permissions';
import { Async, ErrorBox, Loading, useLoad } from '../ui/async';
import { SelectField, TextField } from '../ui/fields';
import { BulkAccept } from './inbox/BulkAccept';
import { Downloads } from './inbox/Downloads';

const pageSize = 50;

/** Loads one page of the inbox of a form, or of every form. */
function loadPage(formId: string | undefined, filters: InboxFilters, cursor?: string) {
  const query = {
    ...filtersToQuery(filters),
    limit: String(pageSize),
    ...(cursor ? { cursor } : {}),
  };
  return formId
    ? ok(api.submissions.forms[':formId'].$get({ param: { formId }, query }))
    : ok(api.submissions.$get({ query }));
}

/** The applications of one form or of all forms the person may read, with filters. */
export function InboxScreen({ formId }: { formId?: string | undefined }) {
  const { t } = useI18n();
  const forms = useLoad(() => ok(api.forms.$get()), []);
  const form = forms.data?.forms.find((candidate) => candidate.id === formId);
  useTitle(form ? t('inbox.titleForm', { form: form.title }) : t('inbox.title'), t('app.name'));
  return (
    <>
      <h1>{form ? t('inbox.titleForm', { form: form.title }) : t('inbox.title')}</h1>
      <Async state={forms}>
        {(data) => (
          <>
            <SelectField
              label={t('inbox.formSelect')}
              value={formId ?? ''}
              onChange={(event) =>
                navigate(event.target.value ? `/forms/${event.target.value}/inbox` : '/inbox')
              }
            >
              <option value="">{t('inbox.allForms')}</option>
              {data.forms.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title}
                </option>
              ))}
            </SelectField>
            {formId && !form ? (
              <p className="error-box">{t('common.notFound')}</p>
            ) : (
              <InboxBody key={formId ?? 'all'} form={form} forms={data.forms} />
            )}
          </>
        )}
      </Async>
    </>
  );
}

function InboxBody({ form, forms }: { form: FormSummary | undefined; forms: FormSummary[] }) {
  const { t, label, locale } = useI18n();
  const session = useSession();
  const memoryKey = form?.id ?? 'all';
  const [draft, setDraft] = useState<InboxFilters>(() => rememberedFilters(memoryKey));
  const [filters, setFilters] = useState<InboxFilters>(draft);
  const [extra, setExtra] = useState<{ items: InboxItem[]; cursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const first = useLoad(() => loadPage(form?.id, filters), [form?.id, filters]);

  const apply = (next: InboxFilters) => {
    rememberFilters(memoryKey, next);
    setDraft(next);
    setFilters(next);
    setExtra(null);
    setSelected(new Set());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const reload = () => {
    setExtra(null);
    setSelected(new Set());
    first.reload();
  };
  const items = [...(first.data?.items ?? []), ...(extra?.items ?? [])];
  const cursor = extra ? extra.cursor : (first.data?.nextCursor ?? null);
  const more = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await loadPage(form?.id, filters, cursor);
      setExtra({ items: [...(extra?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };
  const titles = new Map(forms.map((candidate) => [candidate.id, candidate.title]));
  const handles = form ? mayHandle(session, form) : false;
  const acceptable = items.filter(
    (item) => item.state === 'submitted' || item.state === 'in_review',
  );

  return (
    <>
      <form className="filters" onSubmit={submit} aria-label={t('inbox.filters')}>
        <fieldset className="chips">
          <legend>{t('inbox.states')}</legend>
          {submissionStates.map((state) => (
            <label key={state} className="chip">
              <input
                type="checkbox"
                checked={draft.states.includes(state)}
                onChange={() =>
                  setDraft({ ...draft, states: toggle(submissionStates, draft.states, state) })
                }
              />
              {label(stateLabels[state])}
            </label>
          ))}
        </fieldset>
        <fieldset className="chips">
          <legend>{t('inbox.payment')}</legend>
          {paymentStates.map((payment: PaymentState) => (
            <label key={payment} className="chip">
              <input
                type="checkbox"
                checked={draft.payment.includes(payment)}
                onChange={() =>
                  setDraft({ ...draft, payment: toggle(paymentStates, draft.payment, payment) })
                }
              />
              {label(paymentStateLabels[payment])}
            </label>
          ))}
        </fieldset>
        <div className="row">
          <TextField
            label={t('inbox.from')}
            type="date"
            value={draft.from}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          />
          <TextField
            label={t('inbox.to')}
            type="date"
            value={draft.to}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
          <TextField
            label={t('inbox.search')}
            type="search"
            value={draft.q}
            onChange={(event) => setDraft({ ...draft, q: event.target.value })}
          />
        </div>
        <div className="row">
          <button type="submit" className="primary">
            {t('inbox.apply')}
          </button>
          <button type="button" onClick={() => apply(emptyFilters)}>
            {t('inbox.clear')}
          </button>
        </div>
      </form>

      {first.data ? (
        <StateCounts
          counts={first.data.counts as Record<SubmissionState, number>}
          onPick={(state) => apply({ ...filters, states: state ? [state] : [] })}
        />
      ) : null}

      <div className="toolbar">
        {form && mayExport(session, form) ? <Downloads formId={form.id} filters={filters} /> : null}
        {form && handles ? (
          <>
            <BulkAccept
              formId={form.id}
              ids={[...selected].filter((id) => acceptable.some((item) => item.id === id))}
              onDone={reload}
            />
            <Link className="button" href={`/forms/${form.id}/proxy`}>
              {t('inbox.proxyEntry')}
            </Link>
          </>
        ) : null}
        {form ? null : <p className="hint">{t('inbox.pickFormForDownload')}</p>}
      </div>

      <section aria-labelledby="results-title">
        <h2 id="results-title">{t('inbox.results')}</h2>
        {first.error ? <ErrorBox error={first.error} onRetry={first.reload} /> : null}
        {first.loading && !first.data ? <Loading /> : null}
        {first.data && items.length === 0 ? <p>{t('common.empty')}</p> : null}
        {items.length > 0 ? (
          <table className="list">
            <thead>
              <tr>
                {handles ? (
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label={t('inbox.selectAll')}
                      checked={
                        acceptable.length > 0 && acceptable.every((item) => selected.has(item.id))
                      }
                      onChange={(event) =>
                        setSelected(
                          new Set(event.target.checked ? acceptable.map((item) => item.id) : []),
                        )
                      }
                    />
                  </th>
                ) : null}
                <th scope="col">{t('inbox.reference')}</th>
                <th scope="col">{t('inbox.name')}</th>
                {form ? null : <th scope="col">{t('inbox.form')}</th>}
                <th scope="col">{t('inbox.state')}</th>
                <th scope="col">{t('inbox.payment')}</th>
                <th scope="col">{t('inbox.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  {handles ? (
                    <td>
                      {item.state === 'submitted' || item.state === 'in_review' ? (
                        <input
                          type="checkbox"
                          aria-label={t('inbox.select', { reference: item.referenceNumber })}
                          checked={selected.has(item.id)}
                          onChange={(event) => {
                            const next = new Set(selected);
                            if (event.target.checked) next.add(item.id);
                            else next.delete(item.id);
                            setSelected(next);
                          }}
                        />
                      ) : null}
                    </td>
                  ) : null}
                  <td>
                    <Link href={`/submissions/${item.id}`} className="mono">
                      {item.referenceNumber}
                    </Link>
                    {item.proxyEntry ? <span className="tag">{t('inbox.proxy')}</span> : null}
                    {item.verifiedByCard ? (
                      <span className="tag tag-verified" title={t('inbox.cardVerifiedLong')}>
                        <span aria-hidden="true">✓ </span>
                        {t('inbox.cardVerified')}
                      </span>
                    ) : null}
                  </td>
                  <td>{item.name ?? '—'}</td>
                  {form ? null : <td>{titles.get(item.formId) ?? item.formId}</td>}
                  <td>
                    <span className={`state state-${item.state}`}>
                      {label(stateLabels[item.state])}
                    </span>
                  </td>
                  <td>{label(paymentStateLabels[item.paymentState])}</td>
                  <td>{formatDateTime(item.submittedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <p className="muted" role="status">
          {items.length > 0 ? t('inbox.shown', { count: items.length }) : ''}
        </p>
        {moreError ? <ErrorBox error={moreError} onRetry={() => void more()} /> : null}
        {cursor ? (
          <button type="button" onClick={() => void more()} disabled={loadingMore}>
            {loadingMore ? t('common.loading') : t('inbox.more')}
          </button>
        ) : null}
      </section>
    </>
  );
}

function StateCounts({
  counts,
  onPick,
}: {
  counts: Record<SubmissionState, number>;
  onPick: (state: SubmissionState | null) => void;
}) {
  const { t, label } = useI18n();
  const total = submissionStates.reduce((sum, state) => sum + (counts[state] ?? 0), 0);
  return (
    <nav className="counts" aria-label={t('inbox.counts')}>
      <ul>
        <li>
          <button type="button" onClick={() => onPick(null)}>
            {t('inbox.countsAll')} <strong>{total}</strong>
          </button>
        </li>
        {submissionStates
          .filter((state) => (counts[state] ?? 0) > 0)
          .map((state) => (
            <li key={state}>
              <button type="button" onClick={() => onPick(state)}>
                {label(stateLabels[state])} <strong>{counts[state]}</strong>
              </button>
            </li>
          ))}
      </ul>
    </nav>
  );
}
