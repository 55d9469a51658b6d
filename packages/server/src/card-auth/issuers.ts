import type { Config } from '../config';

/** What decides which issuers a tenant admin may enter: the operator's list, and the mode. */
export type IssuerPolicy = Pick<Config, 'NODE_ENV' | 'CARD_ISSUERS_ALLOWED'>;

/** Why an issuer is refused. */
export type IssuerProblem =
  /** Not https (plain http only on the loopback, outside production), or with a query. */
  | 'scheme'
  /** The operator's list (CARD_ISSUERS_ALLOWED) does not name it. */
  | 'not_listed'
  /** In production an issuer must be on the operator's list, and there is none. */
  | 'no_list';

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An issuer as compared with the list: the URL as written, without a trailing slash. */
export function normalizeIssuer(issuer: string): string {
  return issuer.replace(/\/+$/, '');
}

/**
 * The issuers the operator allows (env CARD_ISSUERS_ALLOWED, comma-separated); undefined when
 * the variable is unset.
 */
export function allowedIssuers(policy: IssuerPolicy): string[] | undefined {
  const list = policy.CARD_ISSUERS_ALLOWED;
  if (list === undefined) return undefined;
  return list
    .split(',')
    .map((item) => normalizeIssuer(item.trim()))
    .filter((item) => item !== '');
}

/**
 * Whether the server may talk to an issuer a tenant admin entered (the server fetches its
 * discovery document, token endpoint and keys, so an open choice would let an admin make the
 * server call hosts inside its network). https, without query or fragment (plain http only on
 * the loopback and never in production, for tests); when the operator lists issuers, one of
 * them; in production, always one of them.
 * @returns undefined when allowed, else why not.
 */
export function issuerProblem(issuer: string, policy: IssuerPolicy): IssuerProblem | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'scheme';
  }
  if (url.search || url.hash || url.username || url.password) return 'scheme';
  const secure =
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && loopback.has(url.hostname) && policy.NODE_ENV !== 'production');
  if (!secure) return 'scheme';
  const list = allowedIssuers(policy);
  if (list === undefined) return policy.NODE_ENV === 'production' ? 'no_list' : undefined;
  return list.includes(normalizeIssuer(issuer)) ? undefined : 'not_listed';
}
