import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { appendAudit } from '../audit/service';
import type { Tenant, TenantDb } from '../db/registry';
import { payments } from '../db/tenant-schema';
import type { AppDeps } from '../deps';
import { AppError } from '../http/errors';
import type { BaseVariables } from '../http/middleware';
import { findByAccessToken } from '../submissions/applicant';
import { loadVersion } from '../submissions/forms';
import { paymentForSubmission } from './for-submission';
import { providerReturnUrl } from './pay-link';
import type { PaymentProvider, VerifiedEvent } from './provider';
import { paymentProviderFor, tenantPaymentProvider } from './providers';
import { sandboxProvider, WebhookSignatureError } from './sandbox';
import { type PaymentMailLinks, recordPaymentEvent } from './service';
import { IgnoredEvent } from './stripe';

interface WebhookVariables extends BaseVariables {
  tenant: Tenant;
  db: TenantDb;
}

/** Webhooks are small; anything larger is not one. */
const maxBodyBytes = 64 * 1024;

async function bodyOf(request: Request): Promise<string> {
  const body = await request.text();
  if (body.length > maxBodyBytes) throw new AppError('payload_too_large');
  return body;
}

/**
 * Verifies one webhook with the tenant's provider and records its event once. A refused signature
 * is audited and answered 400; an event that does not move a payment of ours is answered and not
 * recorded; a payment that is not this tenant's is 404 (recordPaymentEvent).
 */
async function receive(
  db: TenantDb,
  provider: PaymentProvider,
  body: string,
  request: Request,
  now: number,
  links: PaymentMailLinks,
) {
  let event: VerifiedEvent;
  try {
    event = await provider.verifyWebhook(body, request.headers, now);
  } catch (error) {
    if (error instanceof IgnoredEvent) return { received: true, ignored: true };
    if (!(error instanceof WebhookSignatureError)) throw error;
    await appendAudit(
      db,
      {
        actorType: 'system',
        action: 'payment.webhook_refused',
        details: { provider: provider.name, reason: error.message.slice(0, 200) },
      },
      now,
    );
    throw new AppError('bad_request');
  }
  const result = await recordPaymentEvent(db, provider.name, event, now, links);
  return { received: true, duplicate: result.duplicate, state: result.state };
}

/**
 * Provider webhooks on the public listener, one URL per tenant and provider
 * (`/t/{tenant}/api/payments/{provider}/webhook`). The tenant comes from the URL; the signature
 * is checked with that tenant's key; the payment must be that tenant's. Each event is recorded
 * once and the payment state is recomputed from the log (payments/service.ts).
 */
export function paymentWebhookRoutes(deps: AppDeps) {
  const mailLinks = (tenant: Tenant): PaymentMailLinks => ({
    publicOrigin: deps.config.PUBLIC_ORIGIN,
    tenant,
  });
  return (
    new Hono<{ Variables: WebhookVariables }>()
      .use('/:slug/api/payments/*', async (c, next) => {
        const resolved = await deps.registry.resolve(c.req.param('slug') ?? '');
        if (!resolved) throw new AppError('not_found');
        c.set('tenant', resolved.tenant);
        c.set('db', resolved.db);
        await next();
      })
      .post('/:slug/api/payments/sandbox/webhook', async (c) => {
        const { slug } = c.get('tenant');
        const provider = sandboxProvider({
          masterKey: deps.registry.settings.masterKey,
          slug,
          publicOrigin: deps.config.PUBLIC_ORIGIN,
        });
        return c.json(
          await receive(
            c.get('db'),
            provider,
            await bodyOf(c.req.raw),
            c.req.raw,
            deps.now(),
            mailLinks(c.get('tenant')),
          ),
        );
      })
      // Stripe's endpoint of this tenant, verified with the signing secret the tenant stored;
      // a tenant without Stripe credentials has no such endpoint.
      .post('/:slug/api/payments/stripe/webhook', async (c) => {
        const body = await bodyOf(c.req.raw);
        let provider: PaymentProvider;
        try {
          provider = await paymentProviderFor(deps, c.get('tenant').slug, 'stripe');
        } catch (error) {
          if (error instanceof AppError && error.code === 'conflict')
            throw new AppError('not_found');
          throw error;
        }
        return c.json(
          await receive(
            c.get('db'),
            provider,
            body,
            c.req.raw,
            deps.now(),
            mailLinks(c.get('tenant')),
          ),
        );
      })
      // The resident (with the secret of their link) asks where to pay: pay at submission while
      // the application awaits payment, pay after acceptance once accepted. The provider sends
      // them back to a page that opens without the SameSite=Strict cookie (providerReturnUrl).
      .post('/:slug/api/payments/start', async (c) => {
        const match = /^Bearer\s+(\S{1,200})$/.exec(c.req.header('authorization') ?? '');
        if (!match?.[1]) throw new AppError('unauthenticated');
        const db = c.get('db');
        const row = await findByAccessToken(db, match[1]);
        const definition = await loadVersion(db, row.formId, row.formVersion);
        const existing = await db.query.payments.findFirst({
          where: eq(payments.submissionId, row.id),
          columns: { id: true },
        });
        const started = await paymentForSubmission(
          db,
          await tenantPaymentProvider(deps, c.get('tenant'), db),
          row.id,
          providerReturnUrl(
            deps.config.PUBLIC_ORIGIN,
            c.get('tenant').slug,
            definition.options.payment.mode,
            existing?.id,
          ),
          deps.now(),
        );
        return c.json({ payUrl: started.payUrl, amount: started.amount });
      })
  );
}
