import { type Locale, stateLabels } from '@madoguchi/shared';
import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import type { Tenant, TenantDb } from '../db/registry';
import type { AppDeps } from '../deps';
import { AppError } from '../http/errors';
import { requestLocale } from '../http/locale';
import { type BaseVariables, setBaseHeader } from '../http/middleware';
import { validate } from '../http/validate';
import {
  applicantView,
  findByAccessToken,
  reapplyPrefill,
  renewAccessLinks,
  resubmitApplication,
  withdrawApplication,
} from '../submissions/applicant';
import {
  confirmEmailVerification,
  startEmailVerification,
} from '../submissions/email-verification';
import { ensureOpen, loadPublishedForm } from '../submissions/forms';
import { mailContextFor, statusLinkUrl } from '../submissions/mails';
import { placesHeld, submitApplication } from '../submissions/service';

/** Variables of a resident request: the tenant named in the URL. */
export interface ResidentVariables extends BaseVariables {
  tenant: Tenant;
  db: TenantDb;
}

const localeSchema = v.optional(v.picklist(['ja', 'en']));
const formParams = v.strictObject({
  slug: v.string(),
  formId: v.pipe(v.string(), v.maxLength(64)),
});
const keyQuery = v.object({ key: v.optional(v.pipe(v.string(), v.maxLength(100))) });
const submitSchema = v.strictObject({
  answers: v.record(v.string(), v.unknown()),
  clientToken: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[A-Za-z0-9_-]{8,100}$/, 'clientToken: 8–100 characters of A–Z, 0–9, _ and -'),
    ),
  ),
  locale: localeSchema,
  emailVerificationToken: v.optional(v.pipe(v.string(), v.maxLength(100))),
});
const verifySchema = v.strictObject({ email: v.pipe(v.string(), v.maxLength(254), v.email()) });
const confirmSchema = v.strictObject({ code: v.pipe(v.string(), v.maxLength(20)) });
const verificationParams = v.strictObject({
  slug: v.string(),
  formId: v.pipe(v.string(), v.maxLength(64)),
  id: v.pipe(v.string(), v.maxLength(64)),
});
const resubmitSchema = v.strictObject({
  answers: v.record(v.string(), v.unknown()),
  locale: localeSchema,
});
const resendSchema = v.strictObject({ email: v.pipe(v.string(), v.maxLength(254), v.email()) });

function localeOf(c: Context, chosen: Locale | undefined): Locale {
  return chosen ?? requestLocale(c.req.header('accept-language'));
}

/** The access token from `Authorization: Bearer …`; links carry it, but the API never takes it in a URL. */
function bearer(c: Context): string {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S{1,200})$/.exec(header);
  if (!match?.[1])
    throw new AppError('unauthenticated', {
      ja: '申請の確認用リンクからお進みください',
      en: 'Open this from the link to your application',
    });
  return match[1];
}

/**
 * The resident API on the public listener, under /t/{tenant}/api. The tenant comes from the
 * URL and nothing else; residents need no account: the form is public (or needs its key), and
 * an application is reached with the secret token of its link.
 */
export function residentRoutes(deps: AppDeps) {
  const mailContext = (c: Context<{ Variables: ResidentVariables }>) =>
    mailContextFor(deps.config, c.get('tenant'));
  return new Hono<{ Variables: ResidentVariables }>()
    .use('/:slug/api/*', async (c, next) => {
      const resolved = await deps.registry.resolve(c.req.param('slug'));
      if (!resolved) throw new AppError('not_found');
      c.set('tenant', resolved.tenant);
      c.set('db', resolved.db);
      c.set('tenantSlug', resolved.tenant.slug);
      // Answers and statuses are personal: never kept by browsers or proxies.
      setBaseHeader(c, 'Cache-Control', 'no-store');
      await next();
    })
    .get(
      '/:slug/api/forms/:formId',
      validate('param', formParams),
      validate('query', keyQuery),
      async (c) => {
        const published = await loadPublishedForm(
          c.get('db'),
          c.req.valid('param').formId,
          c.req.valid('query').key,
        );
        const capacity = published.definition.settings.capacity;
        let availability: 'open' | 'closed' | 'not_yet_open' | 'full' = 'open';
        try {
          ensureOpen(published, deps.now());
        } catch (error) {
          availability =
            error instanceof AppError && error.code === 'form_not_open' ? 'not_yet_open' : 'closed';
        }
        const held = capacity === undefined ? 0 : await placesHeld(c.get('db'), published.form.id);
        if (availability === 'open' && capacity !== undefined && held >= capacity)
          availability = 'full';
        return c.json({
          formId: published.form.id,
          version: published.version,
          availability,
          placesLeft: capacity === undefined ? null : Math.max(0, capacity - held),
          definition: published.definition,
        });
      },
    )
    .post(
      '/:slug/api/forms/:formId/submissions',
      validate('param', formParams),
      validate('query', keyQuery),
      validate('json', submitSchema),
      async (c) => {
        const body = c.req.valid('json');
        const published = await loadPublishedForm(
          c.get('db'),
          c.req.valid('param').formId,
          c.req.valid('query').key,
        );
        const result = await submitApplication(
          c.get('db'),
          c.get('tenant'),
          published,
          {
            answers: body.answers,
            locale: localeOf(c, body.locale),
            ...(body.clientToken ? { clientToken: body.clientToken } : {}),
            ...(body.emailVerificationToken
              ? { emailVerificationToken: body.emailVerificationToken }
              : {}),
          },
          { masterKey: deps.registry.settings.masterKey, now: deps.now(), mail: mailContext(c) },
        );
        return c.json(
          {
            ...result,
            statusUrl: statusLinkUrl(
              deps.config.PUBLIC_ORIGIN,
              c.get('tenant').slug,
              result.accessToken,
            ),
          },
          201,
        );
      },
    )
    .post(
      '/:slug/api/forms/:formId/email-verifications',
      validate('param', formParams),
      validate('json', verifySchema),
      async (c) => {
        const published = await loadPublishedForm(
          c.get('db'),
          c.req.valid('param').formId,
          c.req.query('key'),
        );
        const started = await startEmailVerification(
          c.get('db'),
          published,
          c.req.valid('json').email,
          mailContext(c),
          deps.now(),
        );
        return c.json(started, 202);
      },
    )
    .post(
      '/:slug/api/forms/:formId/email-verifications/:id/confirm',
      validate('param', verificationParams),
      validate('json', confirmSchema),
      async (c) => {
        const { formId, id } = c.req.valid('param');
        return c.json(
          await confirmEmailVerification(
            c.get('db'),
            formId,
            id,
            c.req.valid('json').code,
            deps.now(),
          ),
        );
      },
    )
    .post(
      '/:slug/api/forms/:formId/resend-link',
      validate('param', formParams),
      validate('json', resendSchema),
      async (c) => {
        const published = await loadPublishedForm(
          c.get('db'),
          c.req.valid('param').formId,
          c.req.query('key'),
        );
        await renewAccessLinks(
          c.get('db'),
          published.form.id,
          c.req.valid('json').email,
          deps.now(),
          mailContext(c),
        );
        // The same answer whether or not anything was found: no one learns who applied.
        return c.json({ accepted: true }, 202);
      },
    )
    .get('/:slug/api/submission', async (c) => {
      const row = await findByAccessToken(c.get('db'), bearer(c));
      return c.json(await applicantView(c.get('db'), row, localeOf(c, undefined)));
    })
    .post('/:slug/api/submission/withdraw', async (c) => {
      const row = await withdrawApplication(
        c.get('db'),
        await findByAccessToken(c.get('db'), bearer(c)),
        deps.now(),
        mailContext(c),
      );
      return c.json({
        state: row.state,
        stateLabel: stateLabels[row.state][localeOf(c, undefined)],
      });
    })
    .post('/:slug/api/submission/resubmit', validate('json', resubmitSchema), async (c) => {
      const body = c.req.valid('json');
      const row = await findByAccessToken(c.get('db'), bearer(c));
      const updated = await resubmitApplication(
        c.get('db'),
        row,
        body.answers,
        localeOf(c, body.locale),
        deps.now(),
        mailContext(c),
      );
      return c.json({ state: updated.state, revision: updated.currentRevision });
    })
    .get('/:slug/api/submission/reapply', async (c) => {
      const row = await findByAccessToken(c.get('db'), bearer(c));
      return c.json(await reapplyPrefill(c.get('db'), row));
    });
}
