/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type FormDefinition, localize } from '@madoguchi/shared';
import { type Chrome, ErrorSummary, FormControls, Layout, type SummaryError } from '../document';
import { messagesFor } from '../messages';
import { actionValue, mainFormId } from '../names';
import { DefaultAction } from './apply';

/** The first step of a form that verifies the resident's email address before filling. */
export function VerifyEmailPage(props: {
  chrome: Chrome;
  csrfToken: string;
  state: string;
  definition: FormDefinition;
  action: string;
  email: string;
  errors: SummaryError[];
}) {
  const { chrome } = props;
  const m = messagesFor(chrome.locale);
  const formTitle = localize(props.definition.title, chrome.locale);
  const error = props.errors[0]?.message;
  return (
    <Layout
      chrome={chrome}
      title={m.verifyTitle}
      service={formTitle}
      hasErrors={error !== undefined}
    >
      <ErrorSummary errors={props.errors} locale={chrome.locale} />
      <form method="post" action={props.action} id={mainFormId} class="form" novalidate>
        <DefaultAction label={m.verifySend} value={actionValue({ kind: 'send_code' })} />
        <FormControls csrfToken={props.csrfToken} state={props.state} />
        <p class="caption">{formTitle}</p>
        <h1 class="heading-l">{m.verifyTitle}</h1>
        <p class="body">{m.verifyIntro}</p>
        <div class={`field${error ? ' field--error' : ''}`}>
          <label class="label" for="f-verify-email">
            {m.verifyEmailLabel}
          </label>
          {error ? (
            <div class="error-message" id="f-verify-email-error">
              <p>{error}</p>
            </div>
          ) : null}
          <input
            class="input input--full"
            type="email"
            id="f-verify-email"
            name="email"
            value={props.email}
            autocomplete="email"
            spellcheck={false}
            autocapitalize="none"
            required
            aria-describedby={error ? 'f-verify-email-error' : undefined}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <div class="actions">
          <button
            type="submit"
            class="button"
            name="_action"
            value={actionValue({ kind: 'send_code' })}
          >
            {m.verifySend}
          </button>
        </div>
      </form>
    </Layout>
  );
}

/** The second step: the code sent to the address. */
export function VerifyCodePage(props: {
  chrome: Chrome;
  csrfToken: string;
  state: string;
  definition: FormDefinition;
  action: string;
  email: string;
  validMinutes: number;
  errors: SummaryError[];
}) {
  const { chrome } = props;
  const m = messagesFor(chrome.locale);
  const formTitle = localize(props.definition.title, chrome.locale);
  const error = props.errors[0]?.message;
  return (
    <Layout
      chrome={chrome}
      title={m.verifyCodeTitle}
      service={formTitle}
      hasErrors={error !== undefined}
    >
      <ErrorSummary errors={props.errors} locale={chrome.locale} />
      <form method="post" action={props.action} id={mainFormId} class="form" novalidate>
        <DefaultAction label={m.verifyConfirm} value={actionValue({ kind: 'check_code' })} />
        <FormControls csrfToken={props.csrfToken} state={props.state} />
        <p class="caption">{formTitle}</p>
        <h1 class="heading-l">{m.verifyCodeTitle}</h1>
        <p class="body">{m.verifyCodeIntro(props.email, props.validMinutes)}</p>
        <div class={`field${error ? ' field--error' : ''}`}>
          <label class="label" for="f-verify-code">
            {m.verifyCodeLabel}
          </label>
          <p class="hint" id="f-verify-code-hint">
            {m.verifyCodeHint}
          </p>
          {error ? (
            <div class="error-message" id="f-verify-code-error">
              <p>{error}</p>
            </div>
          ) : null}
          <input
            class="input input--w10"
            type="text"
            id="f-verify-code"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            spellcheck={false}
            required
            aria-describedby={
              error ? 'f-verify-code-hint f-verify-code-error' : 'f-verify-code-hint'
            }
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <div class="actions">
          <button
            type="submit"
            class="button"
            name="_action"
            value={actionValue({ kind: 'check_code' })}
          >
            {m.verifyConfirm}
          </button>
          <button
            type="submit"
            class="button button--secondary"
            name="_action"
            value={actionValue({ kind: 'send_code' })}
          >
            {m.verifyResend}
          </button>
        </div>
      </form>
    </Layout>
  );
}
