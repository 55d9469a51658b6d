import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { CardAttribute } from '@madoguchi/shared';
import {
  createLocalJWKSet,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
} from 'jose';

/**
 * The card-authentication adapter: OpenID Connect authorization code flow with state, nonce and
 * PKCE (S256), `private_key_jwt` client authentication and ES256 ID tokens, as the Digital
 * Agency's authentication app for the My Number card speaks it. Any provider of that shape can
 * be configured from its discovery document. See docs/adr/0012-card-authentication.md.
 */

/** How the tenant is registered with a provider. */
export interface CardProviderConfig {
  issuer: string;
  clientId: string;
  /** The callback registered with the provider. */
  redirectUri: string;
  /** The client's private EC P-256 key (JWK with `kid`), whose public half the provider holds. */
  privateJwk: JWK;
}

/** The endpoints a discovery document names. */
export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  jwks_uri: string;
}

/** Why an authentication failed; each has its own resident message and audit entry. */
export type CardAuthFailure =
  | 'state_mismatch'
  | 'denied'
  | 'code_rejected'
  | 'token_invalid'
  | 'token_expired'
  | 'nonce_mismatch'
  | 'provider_unreachable'
  /** The tenant has card authentication off, or its settings are incomplete. */
  | 'not_configured';

/** A failed authentication; `reason` is stored in the audit log, never the provider's text. */
export class CardAuthError extends Error {
  constructor(
    readonly reason: CardAuthFailure,
    detail: string,
  ) {
    super(`card authentication failed (${reason}): ${detail}`);
  }
}

/** What a resident proved with the card: the pairwise subject and the granted attributes. */
export interface CardIdentity {
  subject: string;
  attributes: Partial<Record<CardAttribute, unknown>>;
  verifiedAt: number;
}

/** The secrets of one authentication in progress, kept sealed by the caller until the callback. */
export interface PendingAuthentication {
  state: string;
  nonce: string;
  codeVerifier: string;
}

type Fetch = typeof fetch;

const timeoutMs = 10_000;

async function call(fetchImpl: Fetch, url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new CardAuthError('provider_unreachable', (error as Error).message);
  }
}

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  if (!response.ok) throw new CardAuthError('provider_unreachable', `${what}: ${response.status}`);
  const body: unknown = await response.json().catch(() => null);
  if (typeof body !== 'object' || body === null)
    throw new CardAuthError('provider_unreachable', `${what}: not JSON`);
  return body as Record<string, unknown>;
}

/** Reads and checks the issuer's discovery document. */
export async function discoverProvider(
  issuer: string,
  fetchImpl: Fetch = fetch,
): Promise<ProviderMetadata> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const body = await json(await call(fetchImpl, url), 'discovery');
  const names = [
    'issuer',
    'authorization_endpoint',
    'token_endpoint',
    'userinfo_endpoint',
    'jwks_uri',
  ] as const;
  for (const name of names)
    if (typeof body[name] !== 'string')
      throw new CardAuthError('provider_unreachable', `discovery lacks ${name}`);
  // A document naming another issuer could send the resident to someone else's provider.
  if (body.issuer !== issuer) throw new CardAuthError('token_invalid', 'discovery issuer differs');
  return body as unknown as ProviderMetadata;
}

function random(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Starts an authentication: the URL to send the resident to, and the secrets to keep until the
 * callback (state against forged callbacks, nonce against replayed ID tokens, PKCE verifier
 * against a stolen code).
 */
export function beginAuthentication(
  metadata: ProviderMetadata,
  config: CardProviderConfig,
  attributes: readonly CardAttribute[],
): { url: string; pending: PendingAuthentication } {
  const pending = { state: random(), nonce: random(), codeVerifier: random() };
  const url = new URL(metadata.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: ['openid', ...attributes].join(' '),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: createHash('sha256').update(pending.codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  return { url: url.toString(), pending };
}

async function clientAssertion(
  metadata: ProviderMetadata,
  config: CardProviderConfig,
): Promise<string> {
  const key = await importJWK(config.privateJwk, 'ES256');
  return new SignJWT({})
    .setProtectedHeader({
      alg: 'ES256',
      ...(config.privateJwk.kid ? { kid: config.privateJwk.kid } : {}),
    })
    .setIssuer(config.clientId)
    .setSubject(config.clientId)
    .setAudience(metadata.issuer)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(key);
}

/**
 * Finishes an authentication from the callback's query: checks the state, exchanges the code
 * (PKCE verifier, `private_key_jwt`), verifies the ID token against the provider's JWKS (issuer,
 * audience, expiry, nonce, ES256 only) and reads the granted attributes from userinfo.
 */
export async function completeAuthentication(
  metadata: ProviderMetadata,
  config: CardProviderConfig,
  pending: PendingAuthentication,
  callback: { state?: string | undefined; code?: string | undefined; error?: string | undefined },
  options: { now: number; fetch?: Fetch },
): Promise<CardIdentity> {
  const fetchImpl = options.fetch ?? fetch;
  if (callback.state !== pending.state) throw new CardAuthError('state_mismatch', 'state differs');
  if (callback.error !== undefined) throw new CardAuthError('denied', callback.error.slice(0, 100));
  if (!callback.code) throw new CardAuthError('code_rejected', 'no code');
  const tokenResponse = await call(fetchImpl, metadata.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.code,
      redirect_uri: config.redirectUri,
      code_verifier: pending.codeVerifier,
      client_id: config.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await clientAssertion(metadata, config),
    }),
  });
  if (tokenResponse.status === 400 || tokenResponse.status === 401)
    throw new CardAuthError('code_rejected', `token endpoint: ${tokenResponse.status}`);
  const tokens = await json(tokenResponse, 'token');
  if (typeof tokens.id_token !== 'string' || typeof tokens.access_token !== 'string')
    throw new CardAuthError('token_invalid', 'token response lacks tokens');
  const jwksBody = await json(await call(fetchImpl, metadata.jwks_uri), 'jwks');
  if (!Array.isArray(jwksBody.keys))
    throw new CardAuthError('provider_unreachable', 'jwks: no keys');
  const jwks: JSONWebKeySet = { keys: jwksBody.keys };
  let subject: string;
  try {
    const { payload } = await jwtVerify(tokens.id_token, createLocalJWKSet(jwks), {
      issuer: metadata.issuer,
      audience: config.clientId,
      algorithms: ['ES256'],
      currentDate: new Date(options.now),
      requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
    });
    if (payload.nonce !== pending.nonce) throw new CardAuthError('nonce_mismatch', 'nonce differs');
    if (typeof payload.sub !== 'string') throw new CardAuthError('token_invalid', 'no subject');
    subject = payload.sub;
  } catch (error) {
    if (error instanceof CardAuthError) throw error;
    if (error instanceof joseErrors.JWTExpired)
      throw new CardAuthError('token_expired', error.message);
    throw new CardAuthError('token_invalid', (error as Error).message);
  }
  const userinfo = await json(
    await call(fetchImpl, metadata.userinfo_endpoint, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    }),
    'userinfo',
  );
  if (userinfo.sub !== subject)
    throw new CardAuthError('token_invalid', 'userinfo subject differs');
  const attributes: CardIdentity['attributes'] = {};
  for (const name of ['name', 'address', 'birthdate', 'gender'] as const)
    if (userinfo[name] !== undefined) attributes[name] = userinfo[name];
  return { subject, attributes, verifiedAt: options.now };
}
