import {
  type Chrome,
  defaultBrandColour,
  messagesFor,
  type ProblemKind,
  ProblemPage,
  renderDocument,
} from '@madoguchi/applicant-ui';
import type { Locale } from '@madoguchi/shared';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Tenant, TenantDb } from '../db/registry';
import type { AppDeps } from '../deps';
import { AppError, defaultMessage } from '../http/errors';
import type { BaseVariables } from '../http/middleware';
import type { SubmissionRow } from '../submissions/applicant';
import type { PublishedForm } from '../submissions/forms';
import type { ResidentAssets } from './assets';
import { problemKindOf } from './page-problem';
import {
  checkCsrf,
  chosenLanguage,
  csrfTokenFor,
  pageContentSecurityPolicy,
  rememberLanguage,
} from './page-security';

/** A posted resident form: its strings and its files, by name. */
export interface PostedForm {
  strings: Map<string, string[]>;
  files: Map<string, File[]>;
}

/** Variables of a resident page request. */
export interface PageVariables extends BaseVariables {
  tenant: Tenant;
  db: TenantDb;
  locale: Locale;
  csrfToken: string;
  posted: PostedForm;
  /** Where a problem page sends the resident back to (the form's start, the status page). */
  backLink?: { href: string; label: string };
  /** The form of the URL, on the pages of one form. */
  published: PublishedForm;
  /** The application of the remembered link, on the pages of one application. */
  application: SubmissionRow;
  /** The most a POST may send (set where a page takes files); 64 KB otherwise. */
  bodyLimitBytes?: number;
}

export type PageContext = Context<{ Variables: PageVariables }>;

/** What the page routes share. */
export interface PageEnv {
  deps: AppDeps;
  assets: ResidentAssets;
}

/** The frame of every page: municipality, colour, stylesheet and script, language switch. */
export function chromeOf(
  env: PageEnv,
  c: PageContext,
  languageLinks: Record<Locale, string> | 'buttons',
): Chrome {
  const tenant = c.get('tenant') as Tenant | undefined;
  const locale = c.get('locale') ?? 'ja';
  return {
    locale,
    municipality: tenant?.name ?? messagesFor(locale).genericService,
    // Tenant settings hold no colour yet; the default keeps every page at AA.
    brand: defaultBrandColour,
    stylesheet: env.assets.stylesheet.href,
    script: env.assets.script.href(locale),
    postalCodes: env.assets.postalCodes.base,
    ...(languageLinks === 'buttons' ? {} : { languageLinks }),
  };
}

/** Links that switch the language of a page reached by GET: the same URL with `lang`. */
export function languageLinksFor(c: Context): Record<Locale, string> {
  const url = new URL(c.req.url);
  const link = (locale: Locale) => {
    const params = new URLSearchParams(url.search);
    params.set('lang', locale);
    return `${url.pathname}?${params.toString()}`;
  };
  return { ja: link('ja'), en: link('en') };
}

/** Sends a page: strict CSP, never stored by browsers or proxies (pages carry answers). */
export function sendPage(c: Context, status: ContentfulStatusCode, element: unknown) {
  c.header('Content-Security-Policy', pageContentSecurityPolicy);
  c.header('Cache-Control', 'no-store');
  return c.html(renderDocument(element as Parameters<typeof renderDocument>[0]), status);
}

/**
 * Every resident page: the tenant from the URL, the resident's language (a `?lang=` choice is
 * remembered and the URL cleaned), and the CSRF token its forms carry.
 */
export function pageBasics(env: PageEnv): MiddlewareHandler<{ Variables: PageVariables }> {
  const { deps } = env;
  return async (c, next) => {
    c.set('locale', chosenLanguage(c, deps.config.PUBLIC_ORIGIN));
    const slug = c.req.param('slug') ?? '';
    const resolved = /^[a-z0-9-]{1,64}$/.test(slug) ? await deps.registry.resolve(slug) : undefined;
    if (!resolved) throw new AppError('not_found');
    c.set('tenant', resolved.tenant);
    c.set('db', resolved.db);
    c.set('tenantSlug', resolved.tenant.slug);
    const lang = c.req.query('lang');
    if (c.req.method === 'GET' && lang !== undefined) {
      const chosen = lang === 'en' ? 'en' : 'ja';
      rememberLanguage(c, deps.config.PUBLIC_ORIGIN, chosen);
      const url = new URL(c.req.url);
      url.searchParams.delete('lang');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    c.set(
      'csrfToken',
      csrfTokenFor(c, {
        publicOrigin: deps.config.PUBLIC_ORIGIN,
        masterKey: deps.registry.settings.masterKey,
        slug: resolved.tenant.slug,
      }),
    );
    await next();
  };
}

const maxNames = 5000;

/**
 * A resident POST: at most 64 KB (more only for pages with file fields), read as a form,
 * and refused with 403 unless it comes from our page with the right token.
 */
export function postGuard(env: PageEnv): MiddlewareHandler<{ Variables: PageVariables }> {
  return async (c, next) => {
    const guard = bodyLimit({
      maxSize: c.get('bodyLimitBytes') ?? 64 * 1024,
      onError: () => {
        throw new AppError('payload_too_large');
      },
    });
    await guard(c, async () => {
      const type = c.req.header('content-type')?.toLowerCase() ?? '';
      if (
        !type.startsWith('application/x-www-form-urlencoded') &&
        !type.startsWith('multipart/form-data')
      )
        throw new AppError('unsupported_media_type');
      const body = await c.req.parseBody({ all: true }).catch((error: unknown) => {
        if (error instanceof AppError) throw error;
        throw new AppError('bad_request');
      });
      const posted: PostedForm = { strings: new Map(), files: new Map() };
      const entries = Object.entries(body);
      if (entries.length > maxNames) throw new AppError('bad_request');
      for (const [name, value] of entries) {
        for (const item of Array.isArray(value) ? value : [value]) {
          if (typeof item === 'string') {
            posted.strings.set(name, [...(posted.strings.get(name) ?? []), item]);
          } else if (item instanceof File && (item.size > 0 || item.name !== '')) {
            posted.files.set(name, [...(posted.files.get(name) ?? []), item]);
          }
        }
      }
      const token = posted.strings.get('_csrf');
      checkCsrf(c, token?.length === 1 ? token[0] : undefined, {
        publicOrigin: env.deps.config.PUBLIC_ORIGIN,
        masterKey: env.deps.registry.settings.masterKey,
        slug: c.get('tenant').slug,
      });
      c.set('posted', posted);
      await next();
    });
  };
}

/** One posted string; a repeated or missing name reads as undefined. */
export function postedString(c: PageContext, name: string): string | undefined {
  const values = c.get('posted').strings.get(name);
  return values?.length === 1 ? values[0] : undefined;
}

function asAppError(error: Error): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('payload_too_large');
    if (error.status === 415) return new AppError('unsupported_media_type');
    if (error.status === 403) return new AppError('csrf_rejected');
    if (error.status === 404) return new AppError('not_found');
    return new AppError('bad_request');
  }
  return undefined;
}

/**
 * The one error handler of the resident pages: every error becomes a page in the resident's
 * language with the status the API uses for the same code; unexpected ones are logged and
 * shown as a 500 with the request id to quote.
 */
export function pageErrorHandler(env: PageEnv) {
  return (error: Error, c: PageContext) => {
    let known = asAppError(error);
    if (!known) {
      env.deps.logger.error('unhandled', {
        requestId: c.get('requestId'),
        name: error.name,
        message: error.message,
        stack: error.stack?.split('\n').slice(0, 6).join(' | '),
      });
      known = new AppError('internal');
    }
    const kind: ProblemKind = problemKindOf(known);
    const locale = c.get('locale') ?? 'ja';
    const message = known.messages[locale];
    const detail =
      message !== defaultMessage(known.code, locale) && !('kind' in known) ? message : undefined;
    const back = c.get('backLink');
    const links =
      c.req.method === 'GET'
        ? languageLinksFor(c)
        : (() => {
            const target = back?.href ?? c.req.path;
            const join = target.includes('?') ? '&' : '?';
            return { ja: `${target}${join}lang=ja`, en: `${target}${join}lang=en` };
          })();
    if (known.retryAfter !== undefined) c.header('Retry-After', String(known.retryAfter));
    return sendPage(
      c,
      known.status,
      ProblemPage({
        chrome: chromeOf(env, c, links),
        kind,
        ...(detail ? { detail } : {}),
        ...(kind === 'internal' ? { requestId: String(c.get('requestId')) } : {}),
        ...(back ? { link: back } : {}),
      }),
    );
  };
}
