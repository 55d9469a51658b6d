import {
  actionLabels,
  type SubmissionAction,
  type SubmissionState,
  stateLabels,
} from '@madoguchi/shared';
import type { SubmissionDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../logic/format';

const isAction = (action: string): action is SubmissionAction =>
  Object.hasOwn(actionLabels, action);
const isState = (state: string | null): state is SubmissionState =>
  state !== null && Object.hasOwn(stateLabels, state);

/** What happened to the application, oldest first, with the messages sent to the applicant. */
export function History({ history }: { history: SubmissionDetail['history'] }) {
  const { t, label, locale } = useI18n();
  return (
    <section aria-labelledby="history-title" className="card">
      <h2 id="history-title">{t('detail.history')}</h2>
      <ol className="timeline">
        {history.map((event) => (
          <li key={event.id}>
            <p>
              <strong>
                {isAction(event.action) ? label(actionLabels[event.action]) : event.action}
              </strong>
              {isState(event.toState) ? ` → ${label(stateLabels[event.toState])}` : ''}
            </p>
            <p className="muted">
              {formatDateTime(event.at, locale)} ·{' '}
              {event.actor === 'applicant' ? t('detail.byApplicant') : t('detail.byStaff')}
            </p>
            {event.message ? <p className="pre quote">{event.message}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
