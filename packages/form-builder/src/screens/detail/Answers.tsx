import type { FormDefinition, Locale } from '@madoguchi/shared';
import { useState } from 'react';
import { ensureSignedIn } from '../../api/client';
import type { SubmissionDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { type AnswerRow, answerRows, changedFields } from '../../logic/answers';
import { startDownload } from '../../ui/download';
import { CheckboxField } from '../../ui/fields';
import { cardVerifiedFields } from './card';
import { feeView } from './fees';

const attachmentUrl = (submissionId: string, fileId: string) =>
  `/api/submissions/${encodeURIComponent(submissionId)}/attachments/${encodeURIComponent(fileId)}`;

/**
 * The latest answers; with more than one revision, the previous one beside it, changes marked.
 * Fee fields read as quantity × unit price = amount; answers the My Number card verified are
 * marked so.
 */
export function Answers({ data }: { data: SubmissionDetail }) {
  const { t, locale } = useI18n();
  const [compare, setCompare] = useState(false);
  const definition = data.definition as unknown as FormDefinition;
  const latest = data.revisions.at(-1);
  const previous = data.revisions.at(-2);
  if (!latest) return null;
  const changed = previous ? changedFields(previous.answers, latest.answers) : new Set<string>();
  const rows = withFees(definition, latest.answers, locale);
  const before = previous && compare ? withFees(definition, previous.answers, locale) : null;
  const verified = cardVerifiedFields(definition, data.submission.verifiedByCard?.attributes ?? []);
  return (
    <section aria-labelledby="answers-title" className="card">
      <h2 id="answers-title">{t('detail.answers')}</h2>
      {data.myNumberVisible ? null : <p className="muted">{t('detail.myNumberMasked')}</p>}
      {previous ? (
        <CheckboxField
          label={t('detail.compare')}
          checked={compare}
          onChange={(event) => setCompare(event.target.checked)}
        />
      ) : null}
      <table className="answers">
        <thead>
          <tr>
            <th scope="col">{t('detail.field')}</th>
            {before && previous ? (
              <th scope="col">{t('detail.revisionN', { n: previous.revision })}</th>
            ) : null}
            <th scope="col">{t('detail.revisionN', { n: latest.revision })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.fieldId} className={changed.has(row.fieldId) ? 'changed' : undefined}>
              <th scope="row">
                {row.label}
                {changed.has(row.fieldId) ? (
                  <span className="tag">{t('detail.changed')}</span>
                ) : null}
                {verified.has(row.fieldId) ? (
                  <span className="tag tag-verified">
                    <span aria-hidden="true">✓ </span>
                    {t('detail.cardVerifiedValue')}
                  </span>
                ) : null}
              </th>
              {before ? (
                <td>
                  <AnswerCell row={before[index]} submissionId={data.submission.id} />
                </td>
              ) : null}
              <td>
                <AnswerCell row={row} submissionId={data.submission.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The answer rows, a fee field's quantity replaced by its line 「2 × 300円 = 600円」. */
function withFees(definition: FormDefinition, answers: unknown, locale: Locale): AnswerRow[] {
  const rows = answerRows(definition, answers, locale);
  const fees = feeView(definition, answers, locale);
  if (!fees) return rows;
  return rows.map((row) => {
    const line = fees.byField.get(row.fieldId);
    return line ? { ...row, text: line } : row;
  });
}

function AnswerCell({ row, submissionId }: { row: AnswerRow | undefined; submissionId: string }) {
  const { t } = useI18n();
  if (!row) return null;
  if (row.groupRows)
    return (
      <ol className="group-rows">
        {row.groupRows.map((groupRow, index) => (
          // Rows have no id of their own; their position is what the applicant sees too.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index}>
            <dl className="pairs">
              {groupRow.map((cell) => (
                <div key={cell.fieldId}>
                  <dt>{cell.label}</dt>
                  <dd>
                    <AnswerCell row={cell} submissionId={submissionId} />
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    );
  if (row.files.length > 0)
    return (
      <ul className="files">
        {row.files.map((file) => (
          <li key={file.id}>
            <a
              href={attachmentUrl(submissionId, file.id)}
              download
              aria-label={t('detail.download', { name: file.name })}
              onClick={(event) => {
                event.preventDefault();
                void ensureSignedIn().then(
                  () => startDownload(attachmentUrl(submissionId, file.id)),
                  () => undefined,
                );
              }}
            >
              {file.name}
            </a>{' '}
            <span className="muted">({Math.max(1, Math.round(file.size / 1024))} KB)</span>
          </li>
        ))}
      </ul>
    );
  return <span className="answer">{row.text || '—'}</span>;
}
