/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type Chrome, FormControls, Layout } from '../document';
import { mainFormId } from '../names';

/**
 * The built-in sandbox provider's payment page (development and tests only): the amount, and
 * two buttons that make the sandbox send a signed "paid" or "failed" webhook. Always Japanese
 * and English side by side: it stands in for a provider's page, not one of ours.
 */
export function SandboxPayPage(props: {
  chrome: Chrome;
  csrfToken: string;
  action: string;
  amount: number;
  reference: string;
  outcome?: 'paid' | 'failed' | 'refunded' | 'expired' | 'requested';
  /** Back to the municipality's site, as a provider's return URL does. */
  returnHref?: string;
}) {
  const yen = new Intl.NumberFormat('ja-JP').format(props.amount);
  return (
    <Layout chrome={props.chrome} title="テスト決済 / Sandbox payment">
      <h1 class="heading-l">テスト決済 / Sandbox payment</h1>
      <p class="body">
        実際の支払は行われません。/ No money is moved: this page stands in for a payment provider.
      </p>
      <dl class="summary-list">
        <dt>受付番号 / Reference</dt>
        <dd>{props.reference}</dd>
        <dt>金額 / Amount</dt>
        <dd id="sandbox-amount">{yen}円</dd>
      </dl>
      {props.outcome && props.outcome !== 'requested' ? (
        <p class="body" id="sandbox-outcome" data-outcome={props.outcome} role="status">
          {props.outcome === 'paid'
            ? '支払が完了しました / Paid'
            : `状態 / State: ${props.outcome}`}
        </p>
      ) : null}
      {props.outcome === undefined ||
      props.outcome === 'requested' ||
      props.outcome === 'failed' ? (
        <form method="post" action={props.action} class="form" id={mainFormId}>
          <FormControls csrfToken={props.csrfToken} />
          <div class="actions">
            <button type="submit" class="button" name="outcome" value="pay">
              支払う / Pay
            </button>
            <button type="submit" class="button button--secondary" name="outcome" value="fail">
              失敗させる / Fail
            </button>
          </div>
        </form>
      ) : null}
      {props.returnHref ? (
        <p class="body">
          <a href={props.returnHref} id="sandbox-return">
            申請のページへ戻る / Back to the application
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
