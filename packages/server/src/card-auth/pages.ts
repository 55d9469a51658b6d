import { CardAuthPage, messagesFor } from '@madoguchi/applicant-ui';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { FlowSubject } from '../applicant/flow';
import {
  chromeOf,
  type PageContext,
  type PageVariables,
  pageBasics,
  sendPage,
} from '../applicant/page-context';
import type { PageKit } from '../applicant/page-kit';
import { PageProblem } from '../applicant/page-problem';
import { appendAudit } from '../audit/service';
import { ensureOpen, loadPublishedForm } from '../submissions/forms';
import {
  beginAuthentication,
  CardAuthError,
  type CardAuthFailure,
  type CardProviderConfig,
  completeAuthentication,
} from './oidc-client';
import { cardVerificationFor } from './prefill';
import {
  type CardAuthSettings,
  cardCallbackUri,
  openPending,
  pendingLifetimeMs,
  providerMetadata,
  sealPending,
} from './service';
import { tenantCardProvider } from './tenant-settings';

const cookieName = 'card_pending';

function cookieOptions(kit: PageKit, slug: string) {
  return { path: `/t/${slug}`, secure: kit.deps.config.PUBLIC_ORIGIN.startsWith('https:') };
}

/** The callback this tenant registers with the provider (defined beside the settings). */
export { cardCallbackUri };

/**
 * Ends a failed authentication: an audit entry (the reason and the form, nothing the provider
 * said about the person) and the resident's problem page. Nothing else was stored.
 */
async function fail(
  kit: PageKit,
  c: PageContext,
  reason: CardAuthFailure,
  formId: string | undefined,
): Promise<never> {
  await appendAudit(
    c.get('db'),
    {
      actorType: 'applicant',
      action: 'card_auth.failed',
      ...(formId ? { targetType: 'form', targetId: formId } : {}),
      details: { reason },
    },
    kit.now(),
  );
  throw new PageProblem('bad_request', 'card_failed');
}

/**
 * The tenant's provider (its own settings, the server's configuration as the default) and how
 * this tenant is registered there; undefined when card authentication is off or incomplete.
 */
async function tenantProvider(
  kit: PageKit,
  c: PageContext,
): Promise<{ settings: CardAuthSettings; config: CardProviderConfig } | undefined> {
  const { slug } = c.get('tenant');
  const settings = await tenantCardProvider(c.get('db'), kit.masterKey, slug, {
    config: kit.deps.config,
    serverDefault: kit.deps.cardAuth,
  });
  if (!settings) return undefined;
  return {
    settings,
    config: {
      issuer: settings.issuer,
      clientId: settings.clientId,
      privateJwk: settings.privateJwk,
      redirectUri: cardCallbackUri(kit.deps.config.PUBLIC_ORIGIN, slug),
    },
  };
}

/**
 * Starts the card authentication of a new application: the pending secrets go into a sealed
 * cookie (SameSite=Lax, so the provider's redirect back brings it) and the resident gets a page
 * with the link to the provider.
 */
export async function beginCardAuthentication(
  kit: PageKit,
  c: PageContext,
  subject: FlowSubject,
  key: string | undefined,
) {
  const { slug } = c.get('tenant');
  const formId = subject.published.form.id;
  const provider = await tenantProvider(kit, c);
  if (!provider) return fail(kit, c, 'not_configured', formId);
  const { settings, config } = provider;
  let url: string;
  let pending: Awaited<ReturnType<typeof beginAuthentication>>['pending'];
  try {
    const metadata = await providerMetadata(settings);
    ({ url, pending } = beginAuthentication(
      metadata,
      config,
      subject.definition.options.cardAuthentication.attributes,
    ));
  } catch (error) {
    if (error instanceof CardAuthError) return fail(kit, c, error.reason, formId);
    throw error;
  }
  const sealed = sealPending(
    { ...pending, formId, ...(key !== undefined ? { key } : {}), startedAt: kit.now() },
    kit.masterKey,
    slug,
  );
  setCookie(c, cookieName, sealed, {
    ...cookieOptions(kit, slug),
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: pendingLifetimeMs / 1000,
  });
  const path = subject.action;
  const join = path.includes('?') ? '&' : '?';
  return sendPage(
    c,
    200,
    CardAuthPage({
      chrome: chromeOf(kit.env, c, { ja: `${path}${join}lang=ja`, en: `${path}${join}lang=en` }),
      definition: subject.definition,
      href: url,
    }),
  );
}

/**
 * The provider's redirect back: checks everything (cookie, state, code, ID token, nonce,
 * userinfo), then opens the form's first page with the verified values filled in and locked.
 * The pending cookie is spent on the first try, so a callback is never accepted twice.
 */
export function cardPageRoutes(kit: PageKit) {
  return new Hono<{ Variables: PageVariables }>().get(
    '/t/:slug/card/callback',
    pageBasics(kit.env),
    async (c) => {
      const { slug } = c.get('tenant');
      const now = kit.now();
      const pending = openPending(getCookie(c, cookieName), kit.masterKey, slug, now);
      deleteCookie(c, cookieName, cookieOptions(kit, slug));
      if (!pending) return fail(kit, c, 'state_mismatch', undefined);
      const published = await loadPublishedForm(c.get('db'), pending.formId, pending.key);
      const subject = kit.applySubject(c, published, pending.key);
      c.set('backLink', { href: subject.action, label: messagesFor(c.get('locale')).startAgain });
      ensureOpen(published, now);
      const provider = await tenantProvider(kit, c);
      if (!provider) return fail(kit, c, 'not_configured', pending.formId);
      const { settings, config } = provider;
      let card: ReturnType<typeof cardVerificationFor>;
      try {
        const identity = await completeAuthentication(
          await providerMetadata(settings),
          config,
          pending,
          { state: c.req.query('state'), code: c.req.query('code'), error: c.req.query('error') },
          { now, ...(settings.fetch ? { fetch: settings.fetch } : {}) },
        );
        card = cardVerificationFor(published.definition, identity);
      } catch (error) {
        if (error instanceof CardAuthError) return fail(kit, c, error.reason, pending.formId);
        throw error;
      }
      await appendAudit(
        c.get('db'),
        {
          actorType: 'applicant',
          action: 'card_auth.verified',
          targetType: 'form',
          targetId: pending.formId,
          details: { attributes: Object.keys(card.values) },
        },
        now,
      );
      return kit.startApplication(
        c,
        subject,
        {},
        [messagesFor(c.get('locale')).cardVerifiedNotice],
        card,
      );
    },
  );
}
