import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import * as v from 'valibot';
import type { Config } from '../config';
import { deriveDatabaseKey } from '../db/keys';
import { discoverProvider, type PendingAuthentication, type ProviderMetadata } from './oidc-client';

/** How the platform is registered with the card-authentication provider. */
export interface CardAuthSettings {
  issuer: string;
  clientId: string;
  privateJwk: JWK;
  /** For tests that make the provider misbehave; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/**
 * Which provider the process itself runs: CARD_PROVIDER, else `local` outside production and
 * `off` in production. A tenant may choose `local` only when this is `local`.
 */
export function cardProviderMode(
  config: Pick<Config, 'CARD_PROVIDER' | 'NODE_ENV'>,
): 'local' | 'oidc' | 'off' {
  return config.CARD_PROVIDER ?? (config.NODE_ENV === 'production' ? 'off' : 'local');
}

/** The callback this tenant registers with the provider. */
export function cardCallbackUri(publicOrigin: string, slug: string): string {
  return `${publicOrigin}/t/${slug}/card/callback`;
}

const discovered = new Map<string, ProviderMetadata>();

/** The provider's discovery document, read once per process (a failure is not remembered). */
export async function providerMetadata(settings: CardAuthSettings): Promise<ProviderMetadata> {
  const known = discovered.get(settings.issuer);
  if (known) return known;
  const metadata = await discoverProvider(settings.issuer, settings.fetch);
  discovered.set(settings.issuer, metadata);
  return metadata;
}

/** An authentication in progress, kept in a sealed cookie between the start and the callback. */
export interface PendingCard extends PendingAuthentication {
  formId: string;
  key?: string;
  startedAt: number;
}

const pendingSchema = v.object({
  state: v.string(),
  nonce: v.string(),
  codeVerifier: v.string(),
  formId: v.string(),
  key: v.optional(v.string()),
  startedAt: v.number(),
});

/** How long the resident has at the provider. */
export const pendingLifetimeMs = 10 * 60_000;

function pendingKey(masterKey: Buffer, slug: string): Buffer {
  return Buffer.from(deriveDatabaseKey(masterKey, `card-pending:${slug}`), 'hex');
}

/** Seals the pending authentication (AES-256-GCM under a per-tenant key, tenant as AAD). */
export function sealPending(pending: PendingCard, masterKey: Buffer, slug: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', pendingKey(masterKey, slug), iv);
  cipher.setAAD(Buffer.from(slug));
  const body = Buffer.concat([cipher.update(JSON.stringify(pending), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Opens a sealed pending authentication; anything altered, foreign or too old is undefined. */
export function openPending(
  sealed: string | undefined,
  masterKey: Buffer,
  slug: string,
  now: number,
): PendingCard | undefined {
  if (!sealed || sealed.length > 4000) return undefined;
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      pendingKey(masterKey, slug),
      bytes.subarray(0, 12),
    );
    decipher.setAAD(Buffer.from(slug));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const json: unknown = JSON.parse(
      Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'),
    );
    const parsed = v.safeParse(pendingSchema, json);
    if (!parsed.success || parsed.output.startedAt + pendingLifetimeMs < now) return undefined;
    return parsed.output;
  } catch {
    return undefined;
  }
}
