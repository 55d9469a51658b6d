import { useState } from 'react';
import { ensureSignedIn } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { type ExportFormat, exportUrl, type InboxFilters } from '../../logic/filters';
import { ErrorBox } from '../../ui/async';
import { startDownload } from '../../ui/download';

/**
 * CSV (UTF-8 with BOM, or Shift_JIS) and Excel downloads with the inbox's filters. The session
 * is checked first: if it ended, the sign-in dialog opens before the download, rather than the
 * browser saving an error as a file.
 */
export function Downloads({ formId, filters }: { formId: string; filters: InboxFilters }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const download = async (format: ExportFormat) => {
    setError(null);
    try {
      await ensureSignedIn();
      startDownload(exportUrl(formId, filters, format));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <fieldset className="downloads">
      <legend>{t('inbox.download')}</legend>
      <button type="button" onClick={() => void download('csv_utf8')}>
        {t('inbox.csvUtf8')}
      </button>
      <button type="button" onClick={() => void download('csv_sjis')}>
        {t('inbox.csvSjis')}
      </button>
      <button type="button" onClick={() => void download('xlsx')}>
        {t('inbox.xlsx')}
      </button>
      {error ? <ErrorBox error={error} /> : null}
    </fieldset>
  );
}
