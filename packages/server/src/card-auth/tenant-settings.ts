import { eq } from 'drizzle-orm';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import * as v from 'valibot';
import type { Config } from '../config';
import type { TenantDb } from '../db/registry';
import { cardAuthSettings } from '../db/tenant-schema';
import { openSecret, type SealedSecretScope, sealSecret } from '../payments/credentials';
import { issuerProblem } from './issuers';
import { type CardAuthSettings, cardProviderMode } from './service';

/**
 * A municipality's own registration with its My Number card authentication provider (ADR 0012,
 * "Configuration"): `local` (the local provider the server runs outside production), `oidc`
 * (issuer, client id, and a client key generated here) or `off`. Without settings of its own
 * (`provider` null) a tenant uses the server's configuration (`AppDeps.cardAuth`).
 */
export const cardProviderNames = ['local', 'oidc', 'off'] as const;
/** One of `cardProviderNames`. */
export type CardProviderName = (typeof cardProviderNames)[number];

/** The tenant's card-authentication settings, the key opened. */
export interface TenantCardSettings {
  /** null: nothing chosen, the server's configuration applies. */
  provider: CardProviderName | null;
  issuer: string | null;
  clientId: string | null;
  /** The client's private EC P-256 JWK; never leaves the server. */
  privateJwk: JWK | null;
  updatedAt: number | null;
}

// HKDF key `card-credentials:<slug>`; `<slug>/card-auth/client-key` authenticated with the blob.
const keyScope = (slug: string): SealedSecretScope => ({
  purpose: 'card-credentials',
  slug,
  what: 'card-auth/client-key',
});

const privateJwkSchema = v.looseObject({
  kty: v.literal('EC'),
  crv: v.literal('P-256'),
  x: v.string(),
  y: v.string(),
  d: v.string(),
  kid: v.optional(v.string()),
  alg: v.optional(v.string()),
});

/** The tenant's card-authentication settings, opened; all null when there is no row. */
export async function loadCardSettings(
  db: TenantDb,
  masterKey: Buffer,
  slug: string,
): Promise<TenantCardSettings> {
  const row = await db.query.cardAuthSettings.findFirst({ where: eq(cardAuthSettings.id, 1) });
  if (!row)
    return { provider: null, issuer: null, clientId: null, privateJwk: null, updatedAt: null };
  const privateJwk = row.clientKey
    ? (v.parse(privateJwkSchema, openSecret(masterKey, keyScope(slug), row.clientKey)) as JWK)
    : null;
  return {
    provider: row.provider,
    issuer: row.issuer,
    clientId: row.clientId,
    privateJwk,
    updatedAt: row.updatedAt,
  };
}

/**
 * The statement that writes the tenant's card settings (the one row), the key sealed; not run,
 * so a caller can batch it with its audit entry. Callers check the settings first.
 */
export function cardSettingsUpsert(
  db: TenantDb,
  masterKey: Buffer,
  slug: string,
  settings: Omit<TenantCardSettings, 'updatedAt'>,
  now: number,
) {
  const values = {
    provider: settings.provider,
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientKey: settings.privateJwk
      ? sealSecret(masterKey, keyScope(slug), settings.privateJwk)
      : null,
    updatedAt: now,
  };
  return db
    .insert(cardAuthSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: cardAuthSettings.id, set: values });
}

/** Writes the tenant's card settings at once (tests and tools; the admin API batches). */
export async function storeCardSettings(
  db: TenantDb,
  masterKey: Buffer,
  slug: string,
  settings: Omit<TenantCardSettings, 'updatedAt'>,
  now: number,
): Promise<void> {
  await cardSettingsUpsert(db, masterKey, slug, settings, now);
}

/**
 * A new client key: EC P-256 for ES256, its `kid` the RFC 7638 thumbprint of the public key (so
 * the provider and we name the same key without agreeing on anything else).
 */
export async function generateClientKey(): Promise<JWK> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  return { ...(await exportJWK(pair.privateKey)), kid, alg: 'ES256', use: 'sig' };
}

/** The public half of a client key: what the municipality registers with the provider. */
export function publicJwkOf(privateJwk: JWK): JWK {
  const { kty, crv, x, y, kid, alg, use } = privateJwk;
  return Object.fromEntries(
    Object.entries({ kty, crv, x, y, kid, alg, use }).filter(([, value]) => value !== undefined),
  ) as JWK;
}

/**
 * The provider a tenant's card flow talks to: its own `oidc` registration, the server's local
 * provider for `local` (only while the server runs it), none for `off` or incomplete settings,
 * and the server's configuration (`serverDefault`, env) when the tenant has chosen nothing. An
 * issuer the operator does not allow (`card-auth/issuers.ts`) counts as incomplete settings.
 * A key that cannot be opened counts as missing (the flow then ends on the problem page).
 */
export async function tenantCardProvider(
  db: TenantDb,
  masterKey: Buffer,
  slug: string,
  server: {
    config: Pick<Config, 'CARD_PROVIDER' | 'NODE_ENV' | 'CARD_ISSUERS_ALLOWED'>;
    serverDefault: CardAuthSettings | undefined;
  },
): Promise<CardAuthSettings | undefined> {
  let settings: TenantCardSettings;
  try {
    settings = await loadCardSettings(db, masterKey, slug);
  } catch {
    return undefined;
  }
  switch (settings.provider) {
    case null:
      return server.serverDefault;
    case 'off':
      return undefined;
    case 'local':
      return cardProviderMode(server.config) === 'local' ? server.serverDefault : undefined;
    case 'oidc':
      if (!settings.issuer || !settings.clientId || !settings.privateJwk) return undefined;
      // Saved before the operator's list named it, or the list changed since: not fetched.
      if (issuerProblem(settings.issuer, server.config)) return undefined;
      return {
        issuer: settings.issuer,
        clientId: settings.clientId,
        privateJwk: settings.privateJwk,
      };
  }
}
