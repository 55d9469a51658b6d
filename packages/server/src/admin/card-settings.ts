import { vValidator } from '@hono/valibot-validator';
import type { JWK } from 'jose';
import * as v from 'valibot';
import { writeWithAudit } from '../audit/service';
import { allowedIssuers, issuerProblem } from '../card-auth/issuers';
import { cardCallbackUri, cardProviderMode } from '../card-auth/service';
import {
  type CardProviderName,
  cardProviderNames,
  cardSettingsUpsert,
  generateClientKey,
  loadCardSettings,
  publicJwkOf,
  type TenantCardSettings,
} from '../card-auth/tenant-settings';
import type { Config } from '../config';
import { AppError, type FieldProblem } from '../http/errors';
import { problemMessage } from '../http/validate';
import type { AdminContext } from './context';

// Messages of our own checks, already "日本語 / English"; valibot's are translated by kind.
const ours = new Set<string>();
const say = (ja: string, en: string) => {
  const text = `${ja} / ${en}`;
  ours.add(text);
  return text;
};

/**
 * A change to the tenant's card-authentication settings. `provider` null goes back to the
 * server's default; an issuer or client id left out is kept, `null` clears it. The private key
 * is never given: the server generates it (`generateCardClientKey`).
 */
export const cardSettingsSchema = v.strictObject({
  provider: v.nullable(v.picklist(cardProviderNames)),
  issuer: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.trim(),
        v.maxLength(255),
        v.url(say('発行者は URL で入力してください', 'The issuer is a URL')),
      ),
    ),
  ),
  clientId: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.trim(),
        v.regex(
          /^[\x21-\x7e]{1,255}$/,
          say(
            'クライアント ID は空白を含まない半角英数記号で入力してください',
            'The client ID is printable ASCII without spaces',
          ),
        ),
      ),
    ),
  ),
});

/** A change to the card settings, as validated. */
export type CardSettingsInput = v.InferOutput<typeof cardSettingsSchema>;

/** Validates the card settings body: 400 `validation_failed` naming each field, ja/en. */
export const validateCardSettings = vValidator('json', cardSettingsSchema, (result) => {
  if (!result.success)
    throw new AppError(
      'validation_failed',
      undefined,
      result.issues.map((issue) => ({
        path: v.getDotPath(issue) ?? '',
        message: ours.has(issue.message) ? issue.message : problemMessage(issue),
      })),
    );
});

/** What the server around the admin API is: its configuration, for the local provider and URIs. */
export type CardServer = Pick<
  Config,
  'CARD_PROVIDER' | 'NODE_ENV' | 'PUBLIC_ORIGIN' | 'CARD_ISSUERS_ALLOWED'
>;

/** The card settings as the admin API shows them: the public key only, never the private one. */
export interface CardSettingsView {
  /** The tenant's choice; null: the server's default (`serverDefault`) applies. */
  provider: CardProviderName | null;
  /** What the server itself runs (env CARD_PROVIDER, local outside production). */
  serverDefault: CardProviderName;
  /** Whether `local` may be chosen (the server runs the local provider). */
  localAvailable: boolean;
  issuer: string | null;
  clientId: string | null;
  /** The public half of the client key, to register with the provider; null until generated. */
  publicJwk: JWK | null;
  /** The callback to register with the provider. */
  redirectUri: string;
  /**
   * The issuers the server's operator allows (CARD_ISSUERS_ALLOWED); null: any https issuer
   * (outside production, with no list). Empty in production without a list: none can be used.
   */
  allowedIssuers: string[] | null;
  updatedAt: number | null;
}

function toView(settings: TenantCardSettings, server: CardServer, slug: string): CardSettingsView {
  const serverDefault = cardProviderMode(server);
  return {
    provider: settings.provider,
    serverDefault,
    localAvailable: serverDefault === 'local',
    issuer: settings.issuer,
    clientId: settings.clientId,
    publicJwk: settings.privateJwk ? publicJwkOf(settings.privateJwk) : null,
    redirectUri: cardCallbackUri(server.PUBLIC_ORIGIN, slug),
    allowedIssuers: allowedIssuers(server) ?? (server.NODE_ENV === 'production' ? [] : null),
    updatedAt: settings.updatedAt,
  };
}

/** The tenant's card-authentication settings, with the public key and the URI to register. */
export async function getCardSettings(
  ctx: AdminContext,
  masterKey: Buffer,
  server: CardServer,
): Promise<CardSettingsView> {
  return toView(await loadCardSettings(ctx.db, masterKey, ctx.tenantSlug), server, ctx.tenantSlug);
}

const problems = {
  local: say(
    'このサーバーではローカルの認証プロバイダーを使えません（本番の設定です）',
    'This server does not run the local provider (production configuration)',
  ),
  issuerScheme: say(
    '発行者は https:// で始まる URL（クエリやフラグメントなし）で入力してください',
    'The issuer must be an https:// URL without query or fragment',
  ),
  notListed: say(
    'この発行者はこのサーバーで許可されていません。サーバーの運用者に CARD_ISSUERS_ALLOWED への追加を依頼してください',
    'This issuer is not allowed on this server: ask its operator to add it to CARD_ISSUERS_ALLOWED',
  ),
  noList: say(
    '本番のサーバーでは、運用者が CARD_ISSUERS_ALLOWED で許可した発行者だけを使えます（まだ設定されていません）',
    'A production server takes only the issuers its operator allows in CARD_ISSUERS_ALLOWED (none is set yet)',
  ),
  issuer: say(
    'デジタル庁の認証アプリを使うには発行者（issuer）を入力してください',
    'Enter the issuer to use an OpenID Connect provider',
  ),
  clientId: say(
    'デジタル庁の認証アプリを使うにはクライアント ID を入力してください',
    'Enter the client ID to use an OpenID Connect provider',
  ),
  clientKey: say(
    '先に「鍵を作成」で鍵を作成し、公開鍵を登録してください',
    'Generate the key first ("鍵を作成") and register its public key',
  ),
};

const issuerMessages = {
  scheme: problems.issuerScheme,
  not_listed: problems.notListed,
  no_list: problems.noList,
} as const;

/**
 * Changes the tenant's card-authentication settings. `local` only where the server runs the
 * local provider; `oidc` needs an issuer (https), a client id and a generated key (400 naming
 * each missing one). Written in one batch with an audit entry naming what changed.
 */
export async function updateCardSettings(
  ctx: AdminContext,
  masterKey: Buffer,
  server: CardServer,
  input: CardSettingsInput,
  ip: string | undefined,
): Promise<{ view: CardSettingsView; changed: string[] }> {
  const stored = await loadCardSettings(ctx.db, masterKey, ctx.tenantSlug);
  const changed: string[] = [];
  if (input.provider !== stored.provider) changed.push('provider');
  const next = { ...stored, provider: input.provider };
  for (const key of ['issuer', 'clientId'] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (value !== next[key]) changed.push(key);
    next[key] = value;
  }
  const details: FieldProblem[] = [];
  if (input.provider === 'local' && cardProviderMode(server) !== 'local')
    details.push({ path: 'provider', message: problems.local });
  // A new issuer, or the one kept when the provider is to use it; an old one kept while the
  // tenant turns to off or local is not fetched, so it does not stop that change.
  const issuerRefused =
    next.issuer && (input.issuer !== undefined || input.provider === 'oidc')
      ? issuerProblem(next.issuer, server)
      : undefined;
  if (issuerRefused) details.push({ path: 'issuer', message: issuerMessages[issuerRefused] });
  if (input.provider === 'oidc') {
    if (!next.issuer) details.push({ path: 'issuer', message: problems.issuer });
    if (!next.clientId) details.push({ path: 'clientId', message: problems.clientId });
    if (!next.privateJwk) details.push({ path: 'clientKey', message: problems.clientKey });
  }
  if (details.length > 0) throw new AppError('validation_failed', undefined, details);
  if (changed.length > 0)
    await writeWithAudit(
      ctx.db,
      [cardSettingsUpsert(ctx.db, masterKey, ctx.tenantSlug, next, ctx.now)],
      [
        {
          actorType: 'staff',
          actorId: ctx.actorId,
          action: 'settings.card_auth_update',
          targetId: 'card_auth_settings',
          ...(ip ? { ip } : {}),
          details: { provider: input.provider, changed },
        },
      ],
      ctx.now,
    );
  return {
    view: await getCardSettings(ctx, masterKey, server),
    changed,
  };
}

/**
 * Generates a new client key on the server (EC P-256) and stores it sealed, replacing any
 * earlier one: the private key never leaves the server, the answer carries the public half to
 * register. Audited as `settings.card_auth_key` (no key material, not even the public key).
 */
export async function generateCardClientKey(
  ctx: AdminContext,
  masterKey: Buffer,
  server: CardServer,
  ip: string | undefined,
): Promise<CardSettingsView> {
  const stored = await loadCardSettings(ctx.db, masterKey, ctx.tenantSlug);
  const privateJwk = await generateClientKey();
  await writeWithAudit(
    ctx.db,
    [cardSettingsUpsert(ctx.db, masterKey, ctx.tenantSlug, { ...stored, privateJwk }, ctx.now)],
    [
      {
        actorType: 'staff',
        actorId: ctx.actorId,
        action: 'settings.card_auth_key',
        targetId: 'card_auth_settings',
        ...(ip ? { ip } : {}),
        details: { changed: ['clientKey'], replaced: stored.privateJwk !== null },
      },
    ],
    ctx.now,
  );
  return getCardSettings(ctx, masterKey, server);
}
