/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type FormDefinition, localize } from '@madoguchi/shared';
import { type Chrome, ErrorSummary, FormControls, Layout, MultilineText } from '../document';
import { messagesFor, type ProblemKind } from '../messages';
import { mainFormId } from '../names';

/**
 * Asking for a new link to an application. The answer never says whether an application
 * with that address exists.
 */
export function ResendPage(props: {
  chrome: Chrome;
  csrfToken: string;
  definition: FormDefinition;
  action: string;
  email: string;
  error?: string;
}) {
  const { chrome } = props;
  const m = messagesFor(chrome.locale);
  const formTitle = localize(props.definition.title, chrome.locale);
  const errors = props.error ? [{ target: 'f-resend-email', message: props.error }] : [];
  return (
    <Layout chrome={chrome} title={m.resendTitle} service={formTitle} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} locale={chrome.locale} />
      <form method="post" action={props.action} id={mainFormId} class="form" novalidate>
        <FormControls csrfToken={props.csrfToken} />
        <p class="caption">{formTitle}</p>
        <h1 class="heading-l">{m.resendTitle}</h1>
        <p class="body">{m.resendIntro}</p>
        <div class={`field${props.error ? ' field--error' : ''}`}>
          <label class="label" for="f-resend-email">
            {m.resendEmailLabel}
          </label>
          {props.error ? (
            <div class="error-message" id="f-resend-email-error">
              <p>{props.error}</p>
            </div>
          ) : null}
          <input
            class="input input--full"
            type="email"
            id="f-resend-email"
            name="email"
            value={props.email}
            autocomplete="email"
            spellcheck={false}
            autocapitalize="none"
            required
            aria-describedby={props.error ? 'f-resend-email-error' : undefined}
            aria-invalid={props.error ? 'true' : undefined}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button" name="_action" value="resend">
            {m.resendButton}
          </button>
        </div>
      </form>
    </Layout>
  );
}

/** The same answer for every address. */
export function ResendSentPage(props: { chrome: Chrome; definition: FormDefinition }) {
  const { chrome } = props;
  const m = messagesFor(chrome.locale);
  return (
    <Layout
      chrome={chrome}
      title={m.resendSentTitle}
      service={localize(props.definition.title, chrome.locale)}
    >
      <h1 class="heading-l">{m.resendSentTitle}</h1>
      <p class="body">{m.resendSentBody}</p>
    </Layout>
  );
}

/**
 * A page for what cannot be done: not found, closed, full, not yet open, a refused or expired
 * request. It says what happened and what the resident can do, never a stack trace.
 */
export function ProblemPage(props: {
  chrome: Chrome;
  kind: ProblemKind;
  /** A sentence more specific than the kind's own text, such as when the form opens. */
  detail?: string;
  requestId?: string;
  link?: { href: string; label: string };
}) {
  const { chrome } = props;
  const m = messagesFor(chrome.locale);
  const text = m.problems[props.kind];
  return (
    <Layout chrome={chrome} title={text.title}>
      <h1 class="heading-l" id="problem-title" data-problem={props.kind}>
        {text.title}
      </h1>
      {props.detail ? <MultilineText text={props.detail} /> : null}
      <p class="body">{text.body}</p>
      {props.link ? (
        <p class="body">
          <a href={props.link.href}>{props.link.label}</a>
        </p>
      ) : null}
      {props.requestId ? <p class="hint">{m.problemReference(props.requestId)}</p> : null}
    </Layout>
  );
}
