import { randomUUID } from 'node:crypto';
import { ServerResponse } from 'node:http';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { AppError, defaultMessage, type ErrorCode } from './errors';
import { requestLocale } from './locale';
import type { Logger } from './logger';

/** Variables every request carries. */
export interface BaseVariables {
  requestId: string;
  /** Set by routes that know them, for the access log. */
  tenantSlug?: string;
  staffId?: string;
}

/** Error body of the API. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    requestId: string;
    details?: { path: string; message: string }[];
  };
}

function errorResponse(c: Context, error: AppError) {
  const locale = requestLocale(c.req.header('accept-language'));
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.messages[locale],
      requestId: c.get('requestId') ?? 'unknown',
      ...(error.details ? { details: error.details } : {}),
    },
  };
  if (error.retryAfter !== undefined) c.header('Retry-After', String(error.retryAfter));
  return c.json(body, error.status);
}

/**
 * The path as the access log keeps it: the secret of an applicant's link (`/t/{tenant}/s/{token}`)
 * is replaced, so logs never hold a key to someone's application.
 * @example loggedPath('/t/midori/s/sub_x.secret') // '/t/midori/s/[redacted]'
 */
export function loggedPath(path: string): string {
  return path.replace(/^(\/t\/[^/]+\/s\/)[^/]*/, '$1[redacted]');
}

/** Maps framework exceptions (malformed JSON, body too large) to our codes. */
function fromHttpException(error: HTTPException): AppError {
  if (error.status === 413) return new AppError('payload_too_large');
  if (error.status === 415) return new AppError('unsupported_media_type');
  if (error.status === 403) return new AppError('csrf_rejected');
  if (error.status === 401) return new AppError('unauthenticated');
  if (error.status === 404) return new AppError('not_found');
  return new AppError('bad_request');
}

/**
 * The headers every response carries unless its route set its own (file downloads set a stricter
 * Content-Security-Policy): what hono's secureHeaders middleware sends with the options we used
 * to give it, written out so that they can be set without it (see `setBaseHeader`).
 */
export const securityHeaders: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/** The Node response a request is answered on under @hono/node-server; undefined in-process. */
function nodeResponse(c: Context): ServerResponse | undefined {
  // @hono/node-server hands every request { incoming, outgoing } as its env.
  const outgoing = (c.env as { outgoing?: unknown } | undefined)?.outgoing;
  return outgoing instanceof ServerResponse && !outgoing.headersSent ? outgoing : undefined;
}

/**
 * Sets the security headers and the request id so that any header of the route's own response
 * overrides them. On a Node listener they are set on the Node response, which merges them under
 * the headers the route's response brings: filling the web Headers object `c.header` uses cost
 * about 20 µs per request for a dozen headers (measured alone). In-process (app.request, tests)
 * they are set on the response after the route, unless the route set them.
 * @returns a function to call after `next()`.
 */
function setBaseHeaders(
  c: Context,
  headers: readonly (readonly [string, string])[],
  requestId: string,
): (() => void) | undefined {
  const outgoing = nodeResponse(c);
  if (outgoing) {
    for (const [name, value] of headers) outgoing.setHeader(name, value);
    outgoing.setHeader('X-Request-Id', requestId);
    return undefined;
  }
  return () => {
    for (const [name, value] of headers)
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    if (!c.res.headers.has('X-Request-Id')) c.res.headers.set('X-Request-Id', requestId);
  };
}

/**
 * Sets one header the route's own response may override (`Cache-Control: no-store` for a group
 * of routes): on the Node response when there is one, like the security headers, else with
 * `c.header`. Call it before `next()`.
 */
export function setBaseHeader(c: Context, name: string, value: string): void {
  const outgoing = nodeResponse(c);
  if (outgoing) outgoing.setHeader(name, value);
  else c.header(name, value);
}

/**
 * Request id, access log, security headers, a body limit, and the one error handler: every
 * response of the app goes through here.
 */
export function applyHttpBasics<E extends { Variables: BaseVariables }>(
  app: Hono<E>,
  logger: Logger,
  maxBodyBytes = 1024 * 1024,
  /** Paths that set a body limit of their own (file uploads). */
  ownBodyLimit?: RegExp,
): void {
  const requestIds: MiddlewareHandler<E> = async (c, next) => {
    const id = randomUUID();
    c.set('requestId', id);
    const started = performance.now();
    const after = setBaseHeaders(c, securityHeaders, id);
    await next();
    after?.();
    // The path only: query strings can carry tokens, and bodies personal data.
    logger.info('request', {
      requestId: id,
      method: c.req.method,
      path: loggedPath(c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      tenant: c.get('tenantSlug'),
      staff: c.get('staffId'),
    });
  };
  app.use(requestIds);
  const limit: MiddlewareHandler<E> = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new AppError('payload_too_large');
    },
  });
  app.use((c, next) => {
    if (ownBodyLimit?.test(c.req.path)) return next();
    // A declared length is checked from the header alone (Node's parser never reads past it):
    // touching the body stream here would make @hono/node-server build a full web Request for
    // every POST, which showed in the submit profile. Chunked bodies are counted as they stream.
    const length = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    // Over HTTP with neither header there is no body (a GET), and nothing needs counting; asking
    // hono's limit would build a full web Request just to find that out. In-process requests
    // (app.request) carry bodies without a length, so they are counted.
    if (length === undefined && !chunked && nodeResponse(c)) return next();
    if (length !== undefined && !chunked) {
      if (!/^\d{1,15}$/.test(length)) throw new AppError('bad_request');
      if (Number(length) > maxBodyBytes) throw new AppError('payload_too_large');
      return next();
    }
    return limit(c, next);
  });
  app.notFound((c) => errorResponse(c, new AppError('not_found')));
  app.onError((error, c) => {
    if (error instanceof AppError) {
      // An outside service that failed (a payment provider): the person gets words, the
      // operator the reason.
      if (error.status >= 500)
        logger.warn('upstream_failed', {
          requestId: c.get('requestId'),
          code: error.code,
          cause: String((error as { cause?: unknown }).cause ?? '').slice(0, 300),
        });
      return errorResponse(c, error);
    }
    if (error instanceof HTTPException) return errorResponse(c, fromHttpException(error));
    logger.error('unhandled', {
      requestId: c.get('requestId'),
      name: error.name,
      message: error.message,
      stack: error.stack?.split('\n').slice(0, 6).join(' | '),
    });
    return errorResponse(
      c,
      new AppError('internal', {
        ja: defaultMessage('internal', 'ja'),
        en: defaultMessage('internal', 'en'),
      }),
    );
  });
}
