import { randomBytes } from 'node:crypto';
import { SandboxPayPage } from '@madoguchi/applicant-ui';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  chromeOf,
  type PageContext,
  type PageVariables,
  pageBasics,
  postedString,
  postGuard,
  sendPage,
} from '../applicant/page-context';
import type { PageKit } from '../applicant/page-kit';
import { payments, submissions } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { loadVersion } from '../submissions/forms';
import { paymentIdPattern } from './pay-link';
import { sandboxProvider, sandboxSignatureHeader, signSandboxWebhook } from './sandbox';
import { recordPaymentEvent } from './service';

async function sandboxPayment(c: PageContext) {
  const id = c.req.param('paymentId') ?? '';
  if (!paymentIdPattern.test(id)) throw new AppError('not_found');
  const payment = await c.get('db').query.payments.findFirst({ where: eq(payments.id, id) });
  if (payment?.provider !== 'sandbox') throw new AppError('not_found');
  const submission = await c
    .get('db')
    .query.submissions.findFirst({ where: eq(submissions.id, payment.submissionId) });
  if (!submission) throw new AppError('not_found');
  // Where the pay buttons of our pages said to come back (a real provider keeps the return URL
  // with its session; the sandbox keeps nothing, so it is derived the same way here): the
  // status page when paying at submission, the payment link when paying after acceptance.
  const definition = await loadVersion(c.get('db'), submission.formId, submission.formVersion);
  const base = `/t/${c.get('tenant').slug}`;
  const returnHref =
    definition.options.payment.mode === 'after_acceptance'
      ? `${base}/pay/${payment.id}`
      : `${base}/status`;
  return { payment, reference: submission.referenceNumber, returnHref };
}

/**
 * The built-in sandbox provider's payment page (`/t/{tenant}/sandbox-pay/{payment}`): "pay" and
 * "fail" make the sandbox sign a webhook with the tenant's key, which goes through the same
 * verification and event log as any provider's. The payment id (80 random bits) is the
 * capability, as a provider's checkout URL is. Once paid it returns to our pages (303); a
 * failure stays here with both buttons and a link back.
 */
export function sandboxPayRoutes(kit: PageKit) {
  const path = '/t/:slug/sandbox-pay/:paymentId';
  const render = (
    c: PageContext,
    found: Awaited<ReturnType<typeof sandboxPayment>>,
    state?: string,
  ) =>
    sendPage(
      c,
      200,
      SandboxPayPage({
        chrome: chromeOf(kit.env, c, 'buttons'),
        csrfToken: c.get('csrfToken'),
        action: c.req.path,
        amount: found.payment.amount,
        reference: found.reference,
        outcome: (state ?? found.payment.state) as 'paid',
        returnHref: found.returnHref,
      }),
    );
  return new Hono<{ Variables: PageVariables }>()
    .get(path, pageBasics(kit.env), async (c) => render(c, await sandboxPayment(c)))
    .post(path, pageBasics(kit.env), postGuard(kit.env), async (c) => {
      const found = await sandboxPayment(c);
      const outcome = postedString(c, 'outcome');
      if (outcome !== 'pay' && outcome !== 'fail') throw new AppError('bad_request');
      const { slug } = c.get('tenant');
      const now = kit.now();
      const body = JSON.stringify({
        id: `sbx_evt_${randomBytes(12).toString('hex')}`,
        paymentId: found.payment.id,
        kind: outcome === 'pay' ? 'succeeded' : 'failed',
        amount: found.payment.amount,
      });
      const headers = new Headers({
        [sandboxSignatureHeader]: signSandboxWebhook(kit.masterKey, slug, body, now),
      });
      const provider = sandboxProvider({
        masterKey: kit.masterKey,
        slug,
        publicOrigin: kit.deps.config.PUBLIC_ORIGIN,
      });
      const event = await provider.verifyWebhook(body, headers, now);
      const result = await recordPaymentEvent(c.get('db'), 'sandbox', event, now, {
        publicOrigin: kit.deps.config.PUBLIC_ORIGIN,
        tenant: c.get('tenant'),
      });
      // Paid: back to our pages, as a provider's checkout returns to its return URL.
      if (result.state === 'paid') return c.redirect(found.returnHref, 303);
      return render(c, found, result.state);
    });
}
