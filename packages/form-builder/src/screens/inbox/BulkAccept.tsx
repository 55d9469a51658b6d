import { useState } from 'react';
import { api } from '../../api/client';
import { ok } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import { ErrorBox } from '../../ui/async';
import { Dialog } from '../../ui/Dialog';

/** Accepts the selected applications after a confirmation; tells how many went through. */
export function BulkAccept({
  formId,
  ids,
  onDone,
}: {
  formId: string;
  ids: string[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const { results } = await ok(
        api.submissions.forms[':formId']['bulk-accept'].$post({ param: { formId }, json: { ids } }),
      );
      const accepted = results.filter((entry) => entry.ok).length;
      setResult(t('inbox.bulkResult', { ok: accepted, failed: results.length - accepted }));
      setOpen(false);
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        disabled={ids.length === 0}
        onClick={() => {
          setResult(null);
          setOpen(true);
        }}
      >
        {t('inbox.bulkAccept', { count: ids.length })}
      </button>
      <span role="status" className="muted">
        {result ?? ''}
      </span>
      <Dialog open={open} title={t('inbox.bulkTitle')} onClose={() => setOpen(false)}>
        <p>{t('inbox.bulkBody', { count: ids.length })}</p>
        {error ? <ErrorBox error={error} /> : null}
        <div className="row">
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
            {t('inbox.bulkAccept', { count: ids.length })}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
