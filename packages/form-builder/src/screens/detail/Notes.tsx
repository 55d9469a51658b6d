import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ok } from '../../api/errors';
import type { SubmissionDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../logic/format';
import { useErrorText } from '../../ui/async';
import { TextArea } from '../../ui/fields';

/** Internal handling notes (対応記録): read by staff only, never sent to the applicant. */
export function Notes({
  submissionId,
  notes,
  canAdd,
  onAdded,
}: {
  submissionId: string;
  notes: SubmissionDetail['notes'];
  canAdd: boolean;
  onAdded: () => void;
}) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await ok(api.submissions[':id'].notes.$post({ param: { id: submissionId }, json: { body } }));
      setBody('');
      setNotice(t('detail.noteAdded'));
      onAdded();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="notes-title" className="card">
      <h2 id="notes-title">{t('detail.notes')}</h2>
      {notes.length === 0 ? <p className="muted">{t('common.none')}</p> : null}
      <ul className="timeline">
        {notes.map((note) => (
          <li key={note.id}>
            <p className="muted">{formatDateTime(note.at, locale)}</p>
            <p className="pre">{note.body}</p>
          </li>
        ))}
      </ul>
      {canAdd ? (
        <form onSubmit={submit} className="stack">
          <TextArea
            label={t('detail.noteBody')}
            rows={3}
            maxLength={4000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          {error ? (
            <p className="error-box" role="alert">
              {error}
            </p>
          ) : null}
          <div className="row">
            <button type="submit" disabled={busy || !body.trim()}>
              {t('detail.noteAdd')}
            </button>
            <span role="status" className="muted">
              {notice}
            </span>
          </div>
        </form>
      ) : null}
    </section>
  );
}
