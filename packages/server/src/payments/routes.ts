import { Hono } from 'hono';
import { appendAudit } from '../audit/service';
import type { Tenant, TenantDb } from '../db/registry';
import type { AppDeps } from '../deps';
import { AppError } from '../http/errors';
import type { BaseVariables } from '../http/middleware';
import { findByAccessToken } from '../submissions/applicant';
import { paymentForSubmission } from './for-submission';
import { tenantPaymentProvider } from './providers';
import { sandboxProvider, WebhookSignatureError } from './sandbox';
import { recordPaymentEvent } from './service';

interface WebhookVariables extends BaseVariables {
  tenant: Tenant;
  db: TenantDb;
}

/** Webhooks are small; anything larger is not one. */
const maxBodyBytes = 64 * 1024;

/**
 * Provider webhooks on the public listener, one URL per tenant and provider
 * (`/t/{tenant}/api/payments/{provider}/webhook`). The tenant comes from the URL; the signature
 * is checked with that tenant's key; the payment must be that tenant's. Each event is recorded
 * once and the payment state is recomputed from the log (payments/service.ts).
 */
export function paymentWebhookRoutes(deps: AppDeps) {
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
        const body = await c.req.text();
        if (body.length > maxBodyBytes) throw new AppError('payload_too_large');
        const { slug } = c.get('tenant');
        const provider = sandboxProvider({
          masterKey: deps.registry.settings.masterKey,
          slug,
          publicOrigin: deps.config.PUBLIC_ORIGIN,
        });
        const now = deps.now();
        let event: Awaited<ReturnType<typeof provider.verifyWebhook>>;
        try {
          event = await provider.verifyWebhook(body, c.req.raw.headers, now);
        } catch (error) {
          if (!(error instanceof WebhookSignatureError)) throw error;
          await appendAudit(
            c.get('db'),
            {
              actorType: 'system',
              action: 'payment.webhook_refused',
              details: { provider: 'sandbox', reason: error.message },
            },
            now,
          );
          throw new AppError('bad_request');
        }
        const result = await recordPaymentEvent(c.get('db'), 'sandbox', event, now);
        return c.json({ received: true, duplicate: result.duplicate, state: result.state });
      })
      // The resident (with the secret of their link) asks where to pay: pay at submission while
      // the application awaits payment, pay after acceptance once accepted.
      .post('/:slug/api/payments/start', async (c) => {
        const match = /^Bearer\s+(\S{1,200})$/.exec(c.req.header('authorization') ?? '');
        if (!match?.[1]) throw new AppError('unauthenticated');
        const row = await findByAccessToken(c.get('db'), match[1]);
        const { slug } = c.get('tenant');
        const started = await paymentForSubmission(
          c.get('db'),
          await tenantPaymentProvider(deps, c.get('tenant'), c.get('db')),
          row.id,
          `${deps.config.PUBLIC_ORIGIN}/t/${slug}/status`,
          deps.now(),
        );
        return c.json({ payUrl: started.payUrl, amount: started.amount });
      })
  );
}
