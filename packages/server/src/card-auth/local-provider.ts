import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type ClientMetadata } from 'oidc-provider';
import { cardHolders } from './fixtures';

/**
 * A local OpenID Provider for development and tests, built on the certified `oidc-provider`
 * package and configured like the Digital Agency's authentication app: code flow only, PKCE
 * S256 required, `private_key_jwt`, ES256 ID tokens, pairwise subjects, scopes name, address,
 * birthdate and gender. "Reading the card" is choosing one of the fictional card holders.
 * It listens on its own loopback port (docs/adr/0012-card-authentication.md says why).
 */
export interface LocalCardProvider {
  issuer: string;
  /** The client registered for the server: use as the tenant's card-authentication settings. */
  clientId: string;
  clientPrivateJwk: JWK;
  close(): Promise<void>;
}

/** The client id the local provider registers for the platform. */
export const localClientId = 'madoguchi-local';

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

function chooserPage(uid: string): string {
  const options = cardHolders
    .map(
      (holder, index) =>
        `<div><input type="radio" name="holder" id="h${index}" value="${escapeHtml(holder.id)}"${index === 0 ? ' checked' : ''}><label for="h${index}">${escapeHtml(holder.name)}（${escapeHtml(holder.birthdate)}）</label></div>`,
    )
    .join('');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>マイナンバーカード認証（開発用）</title></head><body><main><h1>マイナンバーカード認証（開発用の模擬）</h1><p>カードを読み取る代わりに、架空のカード保持者を選んでください。</p><form method="post" action="/interaction/${escapeHtml(uid)}/login"><fieldset><legend>カード保持者</legend>${options}</fieldset><button type="submit">認証する</button></form><form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">中止する</button></form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Starts the local provider on 127.0.0.1 (`port` 0 picks a free one) for clients whose
 * callbacks are `redirectUris`.
 */
export async function startLocalCardProvider(options: {
  port: number;
  redirectUris: string[];
  /** Also accepted as callbacks: every tenant's `/t/{slug}/card/callback` on the public origin. */
  redirectUriPattern?: RegExp;
  /**
   * More registered clients, each by the public key a tenant generated (admin card settings),
   * as a municipality registers its own client with the real provider.
   */
  clients?: { clientId: string; publicJwk: JWK }[];
}): Promise<LocalCardProvider> {
  const server: Server = createServer();
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  // A second server on the machine (tests, e2e) must not fail to start for the local provider's port.
  await listen(options.port).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE' || options.port === 0) throw error;
    await listen(0);
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const signing = await generateKeyPair('ES256', { extractable: true });
  const client = await generateKeyPair('ES256', { extractable: true });
  const providerJwk = { ...(await exportJWK(signing.privateKey)), kid: 'local-op', alg: 'ES256' };
  const clientPublic = { ...(await exportJWK(client.publicKey)), kid: 'client-1', alg: 'ES256' };
  const clientPrivateJwk = {
    ...(await exportJWK(client.privateKey)),
    kid: 'client-1',
    alg: 'ES256',
  };
  const salt = randomBytes(16).toString('hex');
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: localClientId,
        redirect_uris: options.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        id_token_signed_response_alg: 'ES256',
        userinfo_signed_response_alg: undefined,
        subject_type: 'pairwise',
        jwks: { keys: [clientPublic] },
      },
      ...(options.clients ?? []).map(
        (extra): ClientMetadata => ({
          client_id: extra.clientId,
          redirect_uris: options.redirectUris,
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'private_key_jwt',
          token_endpoint_auth_signing_alg: 'ES256',
          id_token_signed_response_alg: 'ES256',
          subject_type: 'pairwise',
          jwks: { keys: [extra.publicJwk] },
        }),
      ),
    ],
    jwks: { keys: [providerJwk] },
    scopes: ['openid', 'name', 'address', 'birthdate', 'gender'],
    claims: {
      openid: ['sub'],
      name: ['name'],
      address: ['address'],
      birthdate: ['birthdate'],
      gender: ['gender'],
    },
    subjectTypes: ['public', 'pairwise'],
    clientAuthMethods: ['private_key_jwt'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, userinfo: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 300,
      IdToken: 300,
      Interaction: 600,
      Grant: 600,
      Session: 600,
    },
    // One sector (the platform's host) per client: a holder has one subject per municipality.
    pairwiseIdentifier: async (_ctx, accountId, registered) =>
      createHash('sha256')
        .update(`${registered.sectorIdentifier ?? ''}|${accountId}|${salt}`)
        .digest('base64url'),
    findAccount: async (_ctx, id) => {
      const holder = cardHolders.find((candidate) => candidate.id === id);
      if (!holder) return undefined;
      return {
        accountId: holder.id,
        claims: async () => ({
          sub: holder.id,
          name: holder.name,
          address: holder.address,
          birthdate: holder.birthdate,
          gender: holder.gender,
        }),
      };
    },
    // The card holder's consent is the card's PIN in the real app: grant what was asked.
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>エラー</title></head><body><h1>認証できませんでした</h1><p>${escapeHtml(String(out.error))}</p></body></html>`;
    },
  });
  const pattern = options.redirectUriPattern;
  if (pattern) {
    // One registration for every tenant of a development server (a real provider registers each).
    const exact = provider.Client.prototype.redirectUriAllowed;
    provider.Client.prototype.redirectUriAllowed = function (
      this: typeof provider.Client.prototype,
      value: string,
    ) {
      return pattern.test(value) || exact.call(this, value);
    };
  }
  const callback = provider.callback();
  server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(req.url ?? '');
    if (!match) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== match[1]) throw new Error('interaction mismatch');
      if (req.method === 'GET' && !match[2]) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(chooserPage(details.uid));
      }
      if (req.method !== 'POST') throw new Error('method');
      if (match[2] === 'abort')
        return provider.interactionFinished(req, res, {
          error: 'access_denied',
          error_description: 'the holder cancelled',
        });
      const form = await readForm(req);
      const holder = cardHolders.find((candidate) => candidate.id === form.get('holder'));
      if (!holder) throw new Error('unknown holder');
      return provider.interactionFinished(req, res, { login: { accountId: holder.id } });
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('interaction failed');
    }
  });
  return {
    issuer,
    clientId: localClientId,
    clientPrivateJwk,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
