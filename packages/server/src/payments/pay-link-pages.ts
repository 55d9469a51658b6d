import { PayLinkPage, ToPaymentPage } from '@madoguchi/applicant-ui';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  chromeOf,
  languageLinksFor,
  type PageContext,
  type PageVariables,
  pageBasics,
  postedString,
  postGuard,
  sendPage,
} from '../applicant/page-context';
import { onlyNames, type PageKit } from '../applicant/page-kit';
import { paymentViewOf, withFreshPayment } from '../applicant/payment-view';
import { payments, submissions } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { loadVersion } from '../submissions/forms';
import { paymentForSubmission } from './for-submission';
import { payLinkUrl, paymentIdPattern } from './pay-link';
import { tenantPaymentProvider } from './providers';

/**
 * Creates (or finds) the application's payment with the tenant's provider for the amount the
 * server computes, and sends the resident to the provider's page: a 303 where it is on our
 * origin (the sandbox); elsewhere a page that moves on by a refresh, since the pages'
 * `form-action 'self'` also forbids a form post to redirect to another origin.
 */
export async function goToPayment(
  kit: PageKit,
  c: PageContext,
  submissionId: string,
  returnUrl: string,
) {
  const db = c.get('db');
  const started = await paymentForSubmission(
    db,
    await tenantPaymentProvider(kit.deps, c.get('tenant'), db),
    submissionId,
    returnUrl,
    kit.now(),
  );
  const ours = new URL(kit.deps.config.PUBLIC_ORIGIN).origin;
  if (new URL(started.payUrl).origin === ours) return c.redirect(started.payUrl, 303);
  return sendPage(
    c,
    200,
    ToPaymentPage({ chrome: chromeOf(kit.env, c, 'buttons'), payUrl: started.payUrl }),
  );
}

/** The payment of the URL and its application; an unknown id (or another tenant's) is 404. */
async function linkedPayment(c: PageContext) {
  const id = c.req.param('paymentId') ?? '';
  if (!paymentIdPattern.test(id)) throw new AppError('not_found');
  const db = c.get('db');
  const payment = await db.query.payments.findFirst({ where: eq(payments.id, id) });
  if (!payment) throw new AppError('not_found');
  const row = await db.query.submissions.findFirst({
    where: eq(submissions.id, payment.submissionId),
  });
  if (!row) throw new AppError('not_found');
  const definition = await loadVersion(db, row.formId, row.formVersion);
  return { payment, row, definition };
}

/** The applicant cannot pay now (not accepted yet, no longer open): 409, the page says so. */
const notPayable = new AppError('conflict', {
  ja: '現在、この申請のお支払いは受け付けていません',
  en: 'This application cannot be paid for at the moment',
});

/**
 * The payment link of the acceptance mail (`/t/{tenant}/pay/{payment}`): the reference number,
 * the form's title and the amount, with the pay button while payment is due. The payment id's
 * random bits are the capability (as on the sandbox page), so the page shows no answers and
 * nothing personal. A paid or refunded payment shows its state; paying it again is 409.
 */
export function payLinkRoutes(kit: PageKit) {
  const path = '/t/:slug/pay/:paymentId';
  return new Hono<{ Variables: PageVariables }>()
    .get(path, pageBasics(kit.env), async (c) => {
      const found = await linkedPayment(c);
      const { definition } = found;
      const row = await withFreshPayment(kit.deps, c.get('tenant'), c.get('db'), found.row);
      const view = await paymentViewOf(c.get('db'), definition, row, c.req.path);
      const settled = row.paymentState === 'paid' || row.paymentState === 'refunded';
      if (!view || (!view.due && !settled)) throw notPayable;
      return sendPage(
        c,
        200,
        PayLinkPage({
          chrome: chromeOf(kit.env, c, languageLinksFor(c)),
          csrfToken: c.get('csrfToken'),
          definition,
          referenceNumber: row.referenceNumber,
          payment: view,
        }),
      );
    })
    .post(path, pageBasics(kit.env), postGuard(kit.env), async (c) => {
      onlyNames(c, ['_csrf', '_action']);
      if (postedString(c, '_action') !== 'pay') throw new AppError('bad_request');
      const { payment, row, definition } = await linkedPayment(c);
      const view = await paymentViewOf(c.get('db'), definition, row, c.req.path);
      if (!view?.due) throw notPayable;
      // Back to this page, whatever the mode: it opens without the status link's cookie.
      return goToPayment(
        kit,
        c,
        row.id,
        payLinkUrl(kit.deps.config.PUBLIC_ORIGIN, c.get('tenant').slug, payment.id),
      );
    });
}
