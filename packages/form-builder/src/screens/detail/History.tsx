import { type SubmissionState, stateLabels } from '@madoguchi/shared';
import type { SubmissionDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../logic/format';
import { historyActionLabel, historyActorLabel } from './history-labels';

const isState = (state: string | null): state is SubmissionState =>
  state !== null && Object.hasOwn(stateLabels, state);

/**
 * What happened to the application, oldest first, in words (お支払い確認, 受付 …), with who did
 * it (申請者・職員・システム) and the messages sent to the applicant.
 */
export function History({ history }: { history: SubmissionDetail['history'] }) {
  const { t, label, locale } = useI18n();
  return (
    <section aria-labelledby="history-title" className="card">
      <h2 id="history-title">{t('detail.history')}</h2>
      <ol className="timeline">
        {history.map((event) => (
          <li key={event.id}>
            <p>
              <strong>{label(historyActionLabel(event.action))}</strong>
              {isState(event.toState) && event.toState !== event.fromState
                ? ` → ${label(stateLabels[event.toState])}`
                : ''}
            </p>
            <p className="muted">
              {formatDateTime(event.at, locale)} ·{' '}
              {label(historyActorLabel(event.actor, event.action))}
            </p>
            {event.message ? <p className="pre quote">{event.message}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
