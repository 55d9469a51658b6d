import { type FormDefinition, paymentStateLabels, stateLabels } from '@madoguchi/shared';
import { api } from '../api/client';
import { ok } from '../api/errors';
import type { SubmissionDetail } from '../api/types';
import { Link, useTitle } from '../app/router';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../logic/format';
import { mayHandle } from '../logic/permissions';
import { Async, useLoad } from '../ui/async';
import { Actions } from './detail/Actions';
import { Answers } from './detail/Answers';
import { CardVerified } from './detail/CardVerified';
import { feeView, formatYen } from './detail/fees';
import { History } from './detail/History';
import { Notes } from './detail/Notes';

/** One application: summary, answers (revisions side by side), actions, history, notes. */
export function DetailScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useLoad(() => ok(api.submissions[':id'].$get({ param: { id } })), [id]);
  const reference = detail.data?.submission.referenceNumber ?? '';
  useTitle(t('detail.title', { reference }), t('app.name'));
  return (
    <>
      <p>
        <Link href={detail.data ? `/forms/${detail.data.form.id}/inbox` : '/inbox'}>
          ← {t('detail.toInbox')}
        </Link>
      </p>
      <Async state={detail}>{(data) => <Detail data={data} reload={detail.reload} />}</Async>
    </>
  );
}

function Detail({ data, reload }: { data: SubmissionDetail; reload: () => void }) {
  const { t, label, locale } = useI18n();
  const session = useSession();
  const { submission } = data;
  // The amount: the payment's own (what the provider was asked for) when there is one, else
  // the fee of the latest answers through the shared computation.
  const fee = feeView(
    data.definition as unknown as FormDefinition,
    data.revisions.at(-1)?.answers,
    locale,
  );
  const amount = data.payment?.amount ?? fee?.total;
  return (
    <>
      <h1>
        {t('detail.title', { reference: submission.referenceNumber })}{' '}
        <span className={`state state-${submission.state}`}>
          {label(stateLabels[submission.state])}
        </span>
      </h1>
      <div className="detail-grid">
        <div className="detail-main">
          <section aria-labelledby="summary-title" className="card">
            <h2 id="summary-title">{t('detail.summary')}</h2>
            <dl className="pairs">
              <dt>{t('detail.form')}</dt>
              <dd>{data.form.title}</dd>
              <dt>{t('detail.state')}</dt>
              <dd>{label(stateLabels[submission.state])}</dd>
              <dt>{t('detail.payment')}</dt>
              <dd>{label(paymentStateLabels[submission.paymentState])}</dd>
              {amount !== undefined && amount > 0 ? (
                <>
                  <dt>{t('detail.amount')}</dt>
                  <dd>
                    <strong>{formatYen(amount, locale)}</strong>
                    {fee && fee.lines.length > 0 ? (
                      <ul className="fee-lines" aria-label={t('detail.amountLines')}>
                        {fee.lines.map((line) => (
                          <li key={line.label + line.text}>
                            {line.label}
                            {locale === 'ja' ? '：' : ': '}
                            {line.text}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </dd>
                </>
              ) : null}
              <dt>{t('detail.submittedAt')}</dt>
              <dd>{formatDateTime(submission.submittedAt, locale)}</dd>
              <dt>{t('detail.updatedAt')}</dt>
              <dd>{formatDateTime(submission.updatedAt, locale)}</dd>
              <dt>{t('detail.revision')}</dt>
              <dd>{submission.revision}</dd>
              <dt>{t('detail.email')}</dt>
              <dd>{submission.applicantEmail ?? '—'}</dd>
              {submission.proxyStaffId ? (
                <>
                  <dt>{t('detail.proxy')}</dt>
                  <dd>{t('common.yes')}</dd>
                </>
              ) : null}
            </dl>
          </section>
          {submission.verifiedByCard ? (
            <CardVerified verification={submission.verifiedByCard} />
          ) : null}
          <Answers data={data} />
        </div>
        <div className="detail-side">
          <Actions data={data} handles={mayHandle(session, data.form)} onDone={reload} />
          <Notes
            submissionId={submission.id}
            notes={data.notes}
            canAdd={data.allowedActions.includes('add_note')}
            onAdded={reload}
          />
          <History history={data.history} />
        </div>
      </div>
    </>
  );
}
