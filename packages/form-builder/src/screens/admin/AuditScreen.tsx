import { type FormEvent, useState } from 'react';
import { api, ensureSignedIn } from '../../api/client';
import { ok } from '../../api/errors';
import type { AuditPage } from '../../api/types';
import { useTitle } from '../../app/router';
import { useI18n } from '../../i18n/i18n';
import { startOfJapanDay } from '../../logic/filters';
import { formatDateTime } from '../../logic/format';
import { ErrorBox, Loading, useErrorText, useLoad } from '../../ui/async';
import { startDownload } from '../../ui/download';
import { TextField } from '../../ui/fields';

interface AuditFilters {
  from: string;
  to: string;
  action: string;
  actorId: string;
  targetId: string;
}
const noFilters: AuditFilters = { from: '', to: '', action: '', actorId: '', targetId: '' };

/** The audit query for the filters (dates in Japan; the `to` day included). */
export function auditQuery(filters: AuditFilters, beforeSeq?: number): Record<string, string> {
  const query: Record<string, string> = { limit: '100' };
  const from = startOfJapanDay(filters.from);
  const to = startOfJapanDay(filters.to);
  if (from !== undefined) query.from = String(from);
  if (to !== undefined) query.to = String(to + 24 * 60 * 60 * 1000);
  for (const key of ['action', 'actorId', 'targetId'] as const)
    if (filters[key].trim()) query[key] = filters[key].trim();
  if (beforeSeq !== undefined) query.beforeSeq = String(beforeSeq);
  return query;
}

/** The audit log with filters, paging, the chain check and the CSV export. */
export function AuditScreen() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<AuditFilters>(noFilters);
  const [filters, setFilters] = useState<AuditFilters>(noFilters);
  const [older, setOlder] = useState<AuditPage | null>(null);
  const [check, setCheck] = useState<string | null>(null);
  const first = useLoad(() => ok(api.audit.$get({ query: auditQuery(filters) })), [filters]);
  useTitle(t('admin.audit'), t('app.name'));
  const entries = [...(first.data?.entries ?? []), ...(older?.entries ?? [])];
  const next = older ? older.nextBeforeSeq : (first.data?.nextBeforeSeq ?? null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOlder(null);
    setFilters(draft);
  };
  const more = async () => {
    if (next === null) return;
    const page = await ok(api.audit.$get({ query: auditQuery(filters, next) }));
    setOlder({
      entries: [...(older?.entries ?? []), ...page.entries],
      nextBeforeSeq: page.nextBeforeSeq,
    });
  };
  const verify = async () => {
    setCheck(t('common.loading'));
    try {
      const result = await ok(api.audit.verify.$get());
      setCheck(
        result.ok
          ? t('admin.auditVerifyOk', { count: result.entries })
          : t('admin.auditVerifyBroken', { seq: result.brokenAt }),
      );
    } catch (caught) {
      setCheck(errorText(caught));
    }
  };
  const field = (key: keyof AuditFilters, label: string, type = 'text') => (
    <TextField
      label={label}
      type={type}
      value={draft[key]}
      onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
    />
  );
  return (
    <>
      <h1>{t('admin.audit')}</h1>
      <div className="toolbar">
        <button type="button" onClick={() => void verify()}>
          {t('admin.auditVerify')}
        </button>
        <button
          type="button"
          onClick={() =>
            void ensureSignedIn().then(
              () => startDownload('/api/audit/export.csv'),
              () => undefined,
            )
          }
        >
          {t('admin.auditExport')}
        </button>
        <p role="status" className="notice">
          {check ?? ''}
        </p>
      </div>
      <form className="filters" onSubmit={submit} aria-label={t('inbox.filters')}>
        <div className="row">
          {field('from', t('admin.auditFrom'), 'date')}
          {field('to', t('admin.auditTo'), 'date')}
          {field('action', t('admin.auditAction'))}
          {field('actorId', t('admin.auditActor'))}
          {field('targetId', t('admin.auditTarget'))}
        </div>
        <div className="row">
          <button type="submit" className="primary">
            {t('inbox.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(noFilters);
              setOlder(null);
              setFilters(noFilters);
            }}
          >
            {t('inbox.clear')}
          </button>
        </div>
      </form>
      {first.error ? <ErrorBox error={first.error} onRetry={first.reload} /> : null}
      {first.loading && !first.data ? <Loading /> : null}
      {first.data && entries.length === 0 ? <p>{t('common.empty')}</p> : null}
      {entries.length > 0 ? (
        <table className="list compact">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('admin.auditAt')}</th>
              <th scope="col">{t('admin.auditActorCol')}</th>
              <th scope="col">{t('admin.auditActionCol')}</th>
              <th scope="col">{t('admin.auditTargetCol')}</th>
              <th scope="col">{t('admin.auditIp')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq}>
                <td className="mono">{entry.seq}</td>
                <td>{formatDateTime(entry.at, locale)}</td>
                <td className="mono">
                  {entry.actorType}
                  {entry.actorId ? ` ${entry.actorId}` : ''}
                </td>
                <td className="mono">{entry.action}</td>
                <td className="mono">{entry.targetId ?? ''}</td>
                <td className="mono">{entry.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {next !== null ? (
        <button type="button" onClick={() => void more()}>
          {t('admin.auditOlder')}
        </button>
      ) : null}
    </>
  );
}
