/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import {
  type Answers,
  actionLabels,
  type FormDefinition,
  listFields,
  localize,
  type PaymentState,
  paymentStateLabels,
  type SubmissionAction,
  type SubmissionState,
  stateLabels,
} from '@madoguchi/shared';
import { type Chrome, FormControls, Layout, MultilineText } from '../document';
import { formatDateTime } from '../format';
import { messagesFor } from '../messages';
import { mainFormId } from '../names';
import { AnswerSummary } from '../summary';
import { PaymentPanel, type PaymentView } from './payment';

/** What the status page shows of an application (the server's applicant view). */
export interface ApplicationView {
  referenceNumber: string;
  state: SubmissionState;
  paymentState: PaymentState;
  submittedAt: number;
  revision: number;
  correction: { message: string | null; fieldsToFix: string[] } | null;
  history: {
    at: number;
    action: string;
    toState: string | null;
    message: string | null;
  }[];
  answers: Answers;
  allowedActions: SubmissionAction[];
}

function labelOf(
  labels: Readonly<Record<string, { ja: string; en: string }>>,
  key: string,
  locale: 'ja' | 'en',
): string {
  return Object.hasOwn(labels, key) ? (labels[key]?.[locale] ?? key) : key;
}

/**
 * What a history entry says: the action's label; a payment event (`payment_paid`, recorded by
 * the payment log) as the payment's new state.
 */
function historyLabel(action: string, locale: 'ja' | 'en'): string {
  const paymentState = action.startsWith('payment_') ? action.slice('payment_'.length) : '';
  if (!Object.hasOwn(actionLabels, action) && Object.hasOwn(paymentStateLabels, paymentState)) {
    const label = labelOf(paymentStateLabels, paymentState, locale);
    return locale === 'ja' ? `お支払い：${label}` : `Payment: ${label}`;
  }
  return labelOf(actionLabels, action, locale);
}

/** Where the status page's actions go. */
export interface StatusLinks {
  withdraw: string;
  correct: string;
  reapply: string;
}

/** The labels of the fields staff asked to correct, in the resident's language. */
export function fieldLabels(definition: FormDefinition, ids: string[], locale: 'ja' | 'en') {
  const places = listFields(definition);
  return ids.map((id) => {
    const place = places.find((candidate) => candidate.field.id === id);
    return place && 'label' in place.field ? localize(place.field.label, locale) : id;
  });
}

/**
 * The page behind the secret link: the state, the history, the staff's request for
 * correction with the fields to fix, the answers, and what the resident may do now.
 */
export function StatusPage(props: {
  chrome: Chrome;
  definition: FormDefinition;
  view: ApplicationView;
  links: StatusLinks;
  /** The payment, where the form charges a fee and one is asked or was made. */
  payment?: PaymentView;
  csrfToken?: string;
}) {
  const { chrome, definition, view } = props;
  const { locale } = chrome;
  const m = messagesFor(locale);
  const formTitle = localize(definition.title, locale);
  const actions = view.allowedActions;
  return (
    <Layout chrome={chrome} title={m.statusTitle} service={formTitle}>
      <p class="caption">{formTitle}</p>
      <h1 class="heading-l">{m.statusTitle}</h1>
      <dl class="summary summary--facts printable">
        <div class="summary__row">
          <dt class="summary__key">{m.referenceNumber}</dt>
          <dd class="summary__value">
            <strong class="reference">{view.referenceNumber}</strong>
          </dd>
        </div>
        <div class="summary__row">
          <dt class="summary__key">{m.currentState}</dt>
          <dd class="summary__value">
            <strong class={`state state--${view.state}`} id="current-state">
              {stateLabels[view.state][locale]}
            </strong>
          </dd>
        </div>
        <div class="summary__row">
          <dt class="summary__key">{m.submittedAt}</dt>
          <dd class="summary__value">{formatDateTime(view.submittedAt, locale)}</dd>
        </div>
        {view.paymentState !== 'none' && !props.payment ? (
          <div class="summary__row">
            <dt class="summary__key">{m.paymentState}</dt>
            <dd class="summary__value">{paymentStateLabels[view.paymentState][locale]}</dd>
          </div>
        ) : null}
      </dl>
      {props.payment?.due && view.state === 'awaiting_payment' ? (
        <p class="body" id="not-complete">
          <strong>{m.awaitingPaymentBody}</strong>
        </p>
      ) : null}
      {props.payment?.due && view.state === 'accepted' ? (
        <p class="body">{m.payAfterAcceptanceBody}</p>
      ) : null}
      {props.payment ? (
        <PaymentPanel payment={props.payment} csrfToken={props.csrfToken ?? ''} locale={locale} />
      ) : null}
      {view.correction ? (
        <section class="panel panel--warning" aria-labelledby="correction-title" id="correction">
          <h2 class="heading-m" id="correction-title">
            {m.correctionHeading}
          </h2>
          {view.correction.message ? (
            <MultilineText text={view.correction.message} class="body staff-message" />
          ) : null}
          {view.correction.fieldsToFix.length > 0 ? (
            <>
              <h3 class="heading-s">{m.fieldsToFix}</h3>
              <ul class="list" id="fields-to-fix">
                {fieldLabels(definition, view.correction.fieldsToFix, locale).map((label) => (
                  <li>{label}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {actions.some((action) => ['withdraw', 'resubmit', 'reapply'].includes(action)) ? (
        <section aria-labelledby="actions-title" class="no-print">
          <h2 class="heading-m" id="actions-title">
            {m.actionsHeading}
          </h2>
          <ul class="action-list">
            {actions.includes('resubmit') ? (
              <li>
                <a class="button" href={props.links.correct} id="correct-link">
                  {m.correctAction}
                </a>
              </li>
            ) : null}
            {actions.includes('reapply') ? (
              <li>
                <a class="button" href={props.links.reapply} id="reapply-link">
                  {m.reapplyAction}
                </a>
              </li>
            ) : null}
            {actions.includes('withdraw') ? (
              <li>
                <a class="button button--warning" href={props.links.withdraw} id="withdraw-link">
                  {m.withdrawAction}
                </a>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="history-title">
        <h2 class="heading-m" id="history-title">
          {m.historyHeading}
        </h2>
        <table class="table" id="history">
          <thead>
            <tr>
              <th scope="col">{m.historyAt}</th>
              <th scope="col">{m.historyWhat}</th>
            </tr>
          </thead>
          <tbody>
            {view.history.map((event) => (
              <tr>
                <td>{formatDateTime(event.at, locale)}</td>
                <td>
                  {historyLabel(event.action, locale)}
                  {event.toState ? `（${labelOf(stateLabels, event.toState, locale)}）` : ''}
                  {event.message ? (
                    <MultilineText text={event.message} class="table__note" />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="answers-title">
        <h2 class="heading-m" id="answers-title">
          {m.answersHeading}
          {view.revision > 1 ? m.revision(view.revision) : ''}
        </h2>
        <AnswerSummary
          definition={definition}
          answers={view.answers}
          locale={locale}
          headingLevel={3}
          feeSettled={view.paymentState === 'paid' || view.paymentState === 'refunded'}
        />
      </section>
    </Layout>
  );
}

/** The confirmation step before withdrawing (取下げ): nothing changes until it is sent. */
export function WithdrawPage(props: {
  chrome: Chrome;
  csrfToken: string;
  definition: FormDefinition;
  referenceNumber: string;
  action: string;
  statusHref: string;
}) {
  const { chrome } = props;
  const m = messagesFor(chrome.locale);
  const formTitle = localize(props.definition.title, chrome.locale);
  return (
    <Layout chrome={chrome} title={m.withdrawTitle} service={formTitle}>
      <form method="post" action={props.action} id={mainFormId} class="form" novalidate>
        <FormControls csrfToken={props.csrfToken} />
        <p class="caption">{formTitle}</p>
        <h1 class="heading-l">{m.withdrawTitle}</h1>
        <dl class="summary summary--facts">
          <div class="summary__row">
            <dt class="summary__key">{m.referenceNumber}</dt>
            <dd class="summary__value">
              <strong class="reference">{props.referenceNumber}</strong>
            </dd>
          </div>
        </dl>
        <p class="body">{m.withdrawQuestion}</p>
        <div class="actions">
          <button type="submit" class="button button--warning" name="_action" value="withdraw">
            {m.withdrawConfirm}
          </button>
          <a class="button button--secondary" href={props.statusHref}>
            {m.withdrawCancel}
          </a>
        </div>
      </form>
    </Layout>
  );
}

/** A short page after an action on the application (withdrawn, resubmitted). */
export function DonePage(props: {
  chrome: Chrome;
  definition: FormDefinition;
  title: string;
  body: string;
  referenceNumber: string;
  statusHref: string;
}) {
  const { chrome } = props;
  const m = messagesFor(chrome.locale);
  const formTitle = localize(props.definition.title, chrome.locale);
  return (
    <Layout chrome={chrome} title={props.title} service={formTitle}>
      <div class="panel printable">
        <h1 class="panel__title">{props.title}</h1>
        <p class="panel__body">
          {m.referenceNumber}
          <br />
          <strong class="reference">{props.referenceNumber}</strong>
        </p>
      </div>
      <p class="body">{props.body}</p>
      <p class="body">
        <a href={props.statusHref}>{m.toStatus}</a>
      </p>
    </Layout>
  );
}

/**
 * The landing page of the secret link. It sets the cookie and moves on to the token-free
 * status page by a refresh: a redirect would still count as part of the cross-site visit from
 * the mail, and the browser would withhold the SameSite=Strict cookie from it.
 */
export function LinkOpenedPage(props: { chrome: Chrome; statusHref: string }) {
  const m = messagesFor(props.chrome.locale);
  return (
    <Layout chrome={props.chrome} title={m.linkOpenedTitle} refreshTo={props.statusHref}>
      <h1 class="heading-l">{m.linkOpenedTitle}</h1>
      <p class="body">{m.linkOpenedBody}</p>
      <p class="body">
        <a class="button" href={props.statusHref}>
          {m.continue}
        </a>
      </p>
    </Layout>
  );
}
