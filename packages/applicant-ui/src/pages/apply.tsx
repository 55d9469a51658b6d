/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import {
  type Answers,
  type FormDefinition,
  localize,
  type Page,
  type ShownParts,
} from '@madoguchi/shared';
import { clientPageData } from '../client-data';
import {
  type Chrome,
  ErrorSummary,
  FormControls,
  Layout,
  MultilineText,
  type SummaryError,
} from '../document';
import type { FieldContext } from '../fields/context';
import { hasFileField, PageFields } from '../fields/field';
import type { RawAnswers } from '../form-data';
import { formatDateTime } from '../format';
import { messagesFor } from '../messages';
import { actionValue, mainFormId } from '../names';
import { AnswerSummary } from '../summary';
import { PaymentPanel, type PaymentView } from './payment';

/** The form's start page: what it is for, what to have ready, how personal data is used. */
export function StartPage(props: {
  chrome: Chrome;
  csrfToken: string;
  definition: FormDefinition;
  action: string;
  resendHref: string;
  placesLeft: number | null;
  closesAt?: number;
  /** Values the link carried for hidden fields (a campaign, a letter number). */
  linkValues: { name: string; value: string }[];
  indexable: boolean;
}) {
  const { chrome, definition } = props;
  const { locale } = chrome;
  const m = messagesFor(locale);
  const title = localize(definition.title, locale);
  return (
    <Layout chrome={chrome} title={title} indexable={props.indexable}>
      <h1 class="heading-l">{title}</h1>
      {definition.description ? (
        <MultilineText text={localize(definition.description, locale)} class="lead" />
      ) : null}
      {props.closesAt !== undefined || props.placesLeft !== null ? (
        <ul class="facts">
          {props.closesAt !== undefined ? (
            <li>{m.closesAt(formatDateTime(props.closesAt, locale))}</li>
          ) : null}
          {props.placesLeft !== null ? <li>{m.placesLeft(props.placesLeft)}</li> : null}
        </ul>
      ) : null}
      {definition.whatYouNeed ? (
        <section aria-labelledby="what-you-need">
          <h2 class="heading-m" id="what-you-need">
            {m.needHeading}
          </h2>
          <MultilineText text={localize(definition.whatYouNeed, locale)} />
        </section>
      ) : null}
      <section aria-labelledby="purpose-of-use">
        <h2 class="heading-m" id="purpose-of-use">
          {m.purposeHeading}
        </h2>
        <MultilineText text={localize(definition.purposeOfUse, locale)} />
      </section>
      <form method="post" action={props.action} id={mainFormId} class="form" novalidate>
        <FormControls csrfToken={props.csrfToken} />
        {props.linkValues.map((value) => (
          <input type="hidden" name={value.name} value={value.value} />
        ))}
        {/* Shown by the client script when this device keeps a draft of this form. */}
        <section class="resume" aria-labelledby="resume-title" data-resume hidden>
          <h2 class="heading-m" id="resume-title">
            {m.resumeTitle}
          </h2>
          <p class="body">{m.resumeBody}</p>
          <div class="actions">
            <button
              type="submit"
              class="button"
              name="_action"
              value={actionValue({ kind: 'resume' })}
              data-resume-continue
            >
              {m.resumeButton}
            </button>
            <button type="button" class="button button--secondary" data-resume-discard>
              {m.resumeDiscard}
            </button>
          </div>
        </section>
        <p class="body">{m.startNote}</p>
        <button
          type="submit"
          class="button button--start"
          name="_action"
          value={actionValue({ kind: 'start' })}
        >
          {m.startButton}
        </button>
      </form>
      <p class="body secondary-link">
        <a href={props.resendHref}>{m.resendLinkPrompt}</a>
      </p>
    </Layout>
  );
}

/** Notices at the top of a page (not errors): fields added, answers prefilled, address verified. */
function Notices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <div class="notice" role="status">
      {notices.map((notice) => (
        <p>{notice}</p>
      ))}
    </div>
  );
}

/** The hidden default button: Enter in a text box continues instead of adding or removing a row. */
export function DefaultAction({ label, value }: { label: string; value: string }) {
  return (
    <button
      type="submit"
      class="visually-hidden default-action"
      name="_action"
      value={value}
      tabindex={-1}
    >
      {label}
    </button>
  );
}

/** One page of a form (or of a correction), as a real form POST. */
export function FormPageView(props: {
  chrome: Chrome;
  csrfToken: string;
  state: string;
  definition: FormDefinition;
  page: Page;
  pageNumber: number;
  pageCount: number;
  answers: RawAnswers;
  ctx: FieldContext;
  errors: SummaryError[];
  notices: string[];
  hasPrevious: boolean;
  isLast: boolean;
  reviewing: boolean;
  correcting: boolean;
}) {
  const { chrome, definition, page, ctx } = props;
  const { locale } = chrome;
  const m = messagesFor(locale);
  const formTitle = localize(definition.title, locale);
  const title = localize(page.title, locale);
  const next = props.reviewing ? m.backToConfirm : props.isLast ? m.toConfirm : m.next;
  return (
    <Layout chrome={chrome} title={title} service={formTitle} hasErrors={props.errors.length > 0}>
      <ErrorSummary errors={props.errors} locale={locale} />
      <Notices notices={props.notices} />
      <form
        method="post"
        action={ctx.action}
        id={mainFormId}
        class="form"
        novalidate
        enctype={hasFileField(page.fields) ? 'multipart/form-data' : undefined}
        data-client={JSON.stringify(
          clientPageData({
            definition,
            page,
            answers: props.answers,
            locale,
            today: ctx.today,
            text: {
              errorSummaryTitle: m.errorSummaryTitle,
              errorPrefix: m.errorTitlePrefix,
              postalFound: m.postalFound,
              postalPartial: m.postalPartial,
              postalNotFound: m.postalNotFound,
            },
            ...(chrome.postalCodes !== undefined ? { postalCodes: chrome.postalCodes } : {}),
          }),
        )}
        data-draft={props.correcting ? undefined : true}
      >
        <DefaultAction label={next} value={actionValue({ kind: 'next' })} />
        <FormControls csrfToken={props.csrfToken} state={props.state} />
        <p class="caption">
          {props.correcting ? `${m.correctionTitle} – ` : ''}
          {m.pageProgress(props.pageNumber, props.pageCount)}
        </p>
        <h1 class="heading-l">{title}</h1>
        {page.description ? <MultilineText text={localize(page.description, locale)} /> : null}
        <PageFields fields={page.fields} answers={props.answers} ctx={ctx} />
        <div class="actions">
          <button type="submit" class="button" name="_action" value={actionValue({ kind: 'next' })}>
            {next}
          </button>
          {props.hasPrevious ? (
            <button
              type="submit"
              class="button button--secondary"
              name="_action"
              value={actionValue({ kind: 'back' })}
            >
              {m.back}
            </button>
          ) : null}
        </div>
      </form>
    </Layout>
  );
}

/**
 * 申請内容の確認: every answer, each with a button back to its page, the fee, and the submit
 * button. The client token drawn for this page makes a repeated submit return the first result.
 */
export function ConfirmPage(props: {
  chrome: Chrome;
  csrfToken: string;
  state: string;
  clientToken?: string;
  definition: FormDefinition;
  answers: Answers;
  shown: ShownParts;
  action: string;
  changeablePages: ReadonlySet<string>;
  correcting: boolean;
  notices: string[];
}) {
  const { chrome, definition } = props;
  const { locale } = chrome;
  const m = messagesFor(locale);
  const formTitle = localize(definition.title, locale);
  const title = props.correcting ? `${m.confirmTitle}（${m.correctionTitle}）` : m.confirmTitle;
  return (
    <Layout chrome={chrome} title={title} service={formTitle}>
      <Notices notices={props.notices} />
      <form
        method="post"
        action={props.action}
        id={mainFormId}
        class="form printable"
        novalidate
        data-draft={props.correcting ? undefined : true}
      >
        <FormControls
          csrfToken={props.csrfToken}
          state={props.state}
          {...(props.clientToken !== undefined ? { clientToken: props.clientToken } : {})}
        />
        <p class="caption">{formTitle}</p>
        <h1 class="heading-l">{title}</h1>
        <p class="body">{m.confirmIntro}</p>
        <p class="body print-only">{m.confirmPrintNote}</p>
        <AnswerSummary
          definition={definition}
          answers={props.answers}
          locale={locale}
          shown={props.shown}
          change={{ action: props.action, pages: props.changeablePages }}
        />
        <div class="actions no-print">
          <button
            type="submit"
            class="button"
            name="_action"
            value={actionValue({ kind: 'submit' })}
          >
            {props.correcting ? m.resubmit : m.confirmSubmit}
          </button>
          <button
            type="submit"
            class="button button--secondary"
            name="_action"
            value={actionValue({ kind: 'back' })}
          >
            {m.back}
          </button>
        </div>
      </form>
    </Layout>
  );
}

/** The completion page: the reference number (受付番号) and what happens next. */
export function CompletePage(props: {
  chrome: Chrome;
  definition: FormDefinition;
  referenceNumber: string;
  mailSent: boolean;
  statusHref: string;
  title?: string;
  body?: string;
  /** Pay at submission: the application is not complete until this is paid. */
  payment?: PaymentView;
  csrfToken?: string;
}) {
  const { chrome, definition, payment } = props;
  const { locale } = chrome;
  const m = messagesFor(locale);
  const formTitle = localize(definition.title, locale);
  const awaiting = payment?.due === true;
  const title = props.title ?? (awaiting ? m.awaitingPaymentTitle : m.completeTitle);
  return (
    <Layout chrome={chrome} title={title} service={formTitle}>
      <div class={`panel printable${awaiting ? ' panel--warning' : ''}`} data-draft-done>
        <h1 class="panel__title">{title}</h1>
        <p class="panel__body">
          {m.referenceNumber}
          <br />
          <strong class="reference" id="reference-number">
            {props.referenceNumber}
          </strong>
        </p>
      </div>
      <p class="body">{m.referenceNote}</p>
      {awaiting ? (
        <p class="body" id="not-complete">
          <strong>{m.awaitingPaymentBody}</strong>
        </p>
      ) : null}
      {payment ? (
        <PaymentPanel payment={payment} csrfToken={props.csrfToken ?? ''} locale={locale} />
      ) : null}
      {props.mailSent ? (
        <p class="body">{awaiting ? m.mailSentAwaitingPayment : m.mailSent}</p>
      ) : null}
      <h2 class="heading-m">{m.nextStepsHeading}</h2>
      <p class="body">{props.body ?? (awaiting ? m.nextStepsAfterPayment : m.nextSteps)}</p>
      <p class="body no-print">
        <a href={props.statusHref}>{m.statusLink}</a>
      </p>
      <p class="body hint no-print">{m.print}</p>
    </Layout>
  );
}
