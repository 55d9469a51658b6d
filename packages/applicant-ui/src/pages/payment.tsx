/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import {
  type FormDefinition,
  localize,
  type PaymentState,
  paymentStateLabels,
} from '@madoguchi/shared';
import { type Chrome, FormControls, Layout } from '../document';
import { formatDateTime } from '../format';
import { messagesFor } from '../messages';

/** What the resident pages show of an application's payment (computed by the server). */
export interface PaymentView {
  state: PaymentState;
  /** In yen, from the form's fee fields and fixed fee (or the payment as created). */
  amount: number;
  /** Pay at submission: when the unpaid application lapses. */
  deadline: number | null;
  /** Whether the pay button is offered now. */
  due: boolean;
  /** Where the pay button posts (the server creates or finds the payment and redirects). */
  action: string;
}

/**
 * The payment of an application: amount, deadline, state, and — while payment is due — a
 * button that posts (with the CSRF token) to the server, which sends the resident on to the
 * provider's page. A plain form: no script needed.
 */
export function PaymentPanel(props: {
  payment: PaymentView;
  csrfToken: string;
  locale: 'ja' | 'en';
}) {
  const { payment, locale } = props;
  const m = messagesFor(locale);
  const message =
    payment.state === 'paid'
      ? m.paymentPaidBody
      : payment.state === 'refunded'
        ? m.paymentRefundedBody
        : payment.state === 'failed' && payment.due
          ? m.paymentFailedBody
          : !payment.due
            ? m.paymentNotPayable
            : undefined;
  return (
    <section
      class={`payment${payment.due ? ' payment--due' : ''}`}
      aria-labelledby="payment-title"
      id="payment"
      data-payment-state={payment.state}
    >
      <h2 class="heading-m" id="payment-title">
        {m.paymentHeading}
      </h2>
      <dl class="summary summary--facts">
        <div class="summary__row">
          <dt class="summary__key">{m.paymentAmount}</dt>
          <dd class="summary__value">
            <strong id="payment-amount">{m.yen(payment.amount)}</strong>
          </dd>
        </div>
        {payment.deadline !== null && payment.due ? (
          <div class="summary__row">
            <dt class="summary__key">{m.paymentDeadline}</dt>
            <dd class="summary__value" id="payment-deadline">
              {formatDateTime(payment.deadline, locale)}
            </dd>
          </div>
        ) : null}
        <div class="summary__row">
          <dt class="summary__key">{m.currentState}</dt>
          <dd class="summary__value" id="payment-state">
            {paymentStateLabels[payment.state][locale]}
          </dd>
        </div>
      </dl>
      {message ? <p class="body">{message}</p> : null}
      {payment.due ? (
        <form method="post" action={payment.action} id="pay-form" class="no-print">
          <FormControls csrfToken={props.csrfToken} />
          <button type="submit" class="button" name="_action" value="pay" id="pay-button">
            {m.payButton}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/**
 * The page the acceptance mail links to (`/t/{tenant}/pay/{payment}`): the reference number,
 * the form's title and the amount — never the answers or anything personal, since the
 * payment id in the link is all it takes to open it — and the pay button while payment is due.
 */
export function PayLinkPage(props: {
  chrome: Chrome;
  csrfToken: string;
  definition: FormDefinition;
  referenceNumber: string;
  payment: PaymentView;
}) {
  const { chrome } = props;
  const m = messagesFor(chrome.locale);
  const formTitle = localize(props.definition.title, chrome.locale);
  return (
    <Layout chrome={chrome} title={m.payLinkTitle} service={formTitle}>
      <p class="caption">{formTitle}</p>
      <h1 class="heading-l">{m.payLinkTitle}</h1>
      {props.payment.due ? <p class="body">{m.payLinkIntro}</p> : null}
      <dl class="summary summary--facts">
        <div class="summary__row">
          <dt class="summary__key">{m.referenceNumber}</dt>
          <dd class="summary__value">
            <strong class="reference" id="reference-number">
              {props.referenceNumber}
            </strong>
          </dd>
        </div>
      </dl>
      <PaymentPanel payment={props.payment} csrfToken={props.csrfToken} locale={chrome.locale} />
    </Layout>
  );
}

/**
 * Hands the resident over to a payment provider on another origin. A form post may not redirect
 * there (the pages' `form-action 'self'` governs the redirect too), so this page moves on by a
 * refresh, with a link for when it does not.
 */
export function ToPaymentPage(props: { chrome: Chrome; payUrl: string }) {
  const m = messagesFor(props.chrome.locale);
  return (
    <Layout chrome={props.chrome} title={m.toPaymentTitle} refreshTo={props.payUrl}>
      <h1 class="heading-l">{m.toPaymentTitle}</h1>
      <p class="body">{m.toPaymentBody}</p>
      <p class="body">
        <a class="button" href={props.payUrl} id="to-payment">
          {m.payButton}
        </a>
      </p>
    </Layout>
  );
}
