import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCardProvider, startLocalCardProvider } from './local-provider';
import {
  beginAuthentication,
  type CardProviderConfig,
  completeAuthentication,
  discoverProvider,
  type ProviderMetadata,
} from './oidc-client';
import { authenticateAtProvider } from './test-support';

const redirectUri = 'http://127.0.0.1:9/t/demo/card/callback';
let provider: LocalCardProvider;
let metadata: ProviderMetadata;
let config: CardProviderConfig;

beforeAll(async () => {
  provider = await startLocalCardProvider({ port: 0, redirectUris: [redirectUri] });
  metadata = await discoverProvider(provider.issuer);
  config = {
    issuer: provider.issuer,
    clientId: provider.clientId,
    redirectUri,
    privateJwk: provider.clientPrivateJwk,
  };
});
afterAll(() => provider.close());

async function authorize(holder = 'holder-1') {
  const started = beginAuthentication(metadata, config, ['name', 'address', 'birthdate', 'gender']);
  const callback = await authenticateAtProvider(started.url, holder);
  const params = {
    state: callback.searchParams.get('state') ?? undefined,
    code: callback.searchParams.get('code') ?? undefined,
  };
  return { ...started, params };
}

describe('card authentication against the local OpenID Provider', () => {
  it('asks for code flow with state, nonce and PKCE S256', () => {
    const { url } = beginAuthentication(metadata, config, ['name']);
    const query = new URL(url).searchParams;
    expect(query.get('response_type')).toBe('code');
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('scope')).toBe('openid name');
    expect(query.get('state')).toBeTruthy();
    expect(query.get('nonce')).toBeTruthy();
  });

  it('returns the pairwise subject and the granted attributes', async () => {
    const { pending, params } = await authorize();
    const identity = await completeAuthentication(metadata, config, pending, params, {
      now: Date.now(),
    });
    expect(identity.subject).not.toBe('holder-1');
    expect(identity.subject.length).toBeGreaterThan(20);
    expect(identity.attributes).toMatchObject({
      name: '窓口　花子',
      birthdate: '1985-04-12',
      gender: 'female',
      address: { region: '東京都', locality: 'みどり区' },
    });
    const again = await authorize();
    const second = await completeAuthentication(metadata, config, again.pending, again.params, {
      now: Date.now(),
    });
    expect(second.subject).toBe(identity.subject);
  });

  it('refuses a callback whose state differs', async () => {
    const { pending, params } = await authorize();
    await expect(
      completeAuthentication(
        metadata,
        config,
        pending,
        { ...params, state: 'forged' },
        {
          now: Date.now(),
        },
      ),
    ).rejects.toMatchObject({ reason: 'state_mismatch' });
  });

  it('refuses a replayed code', async () => {
    const { pending, params } = await authorize();
    await completeAuthentication(metadata, config, pending, params, { now: Date.now() });
    await expect(
      completeAuthentication(metadata, config, pending, params, { now: Date.now() }),
    ).rejects.toMatchObject({ reason: 'code_rejected' });
  });

  it('refuses an ID token whose signature does not verify', async () => {
    const { pending, params } = await authorize();
    const tamper: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input) !== metadata.token_endpoint) return response;
      const body = (await response.json()) as { id_token: string };
      const [header, payload, signature] = body.id_token.split('.');
      const flipped = `${signature?.startsWith('A') ? 'B' : 'A'}${signature?.slice(1)}`;
      return Response.json({ ...body, id_token: `${header}.${payload}.${flipped}` });
    };
    await expect(
      completeAuthentication(metadata, config, pending, params, { now: Date.now(), fetch: tamper }),
    ).rejects.toMatchObject({ reason: 'token_invalid' });
  });

  it('refuses an expired ID token', async () => {
    const { pending, params } = await authorize();
    await expect(
      completeAuthentication(metadata, config, pending, params, {
        now: Date.now() + 24 * 3600_000,
      }),
    ).rejects.toMatchObject({ reason: 'token_expired' });
  });

  it('refuses an ID token with another nonce', async () => {
    const { pending, params } = await authorize();
    await expect(
      completeAuthentication(metadata, config, { ...pending, nonce: 'another' }, params, {
        now: Date.now(),
      }),
    ).rejects.toMatchObject({ reason: 'nonce_mismatch' });
  });

  it('refuses a code exchanged without the PKCE verifier', async () => {
    const { pending, params } = await authorize();
    await expect(
      completeAuthentication(
        metadata,
        config,
        { ...pending, codeVerifier: 'x'.repeat(43) },
        params,
        { now: Date.now() },
      ),
    ).rejects.toMatchObject({ reason: 'code_rejected' });
  });

  it('tells a cancelled authentication apart', async () => {
    const started = beginAuthentication(metadata, config, ['name']);
    const callback = await authenticateAtProvider(started.url, 'holder-1', 'abort');
    await expect(
      completeAuthentication(
        metadata,
        config,
        started.pending,
        {
          state: callback.searchParams.get('state') ?? undefined,
          error: callback.searchParams.get('error') ?? undefined,
        },
        { now: Date.now() },
      ),
    ).rejects.toMatchObject({ reason: 'denied' });
  });

  it('reports a provider that is down', async () => {
    await expect(discoverProvider('http://127.0.0.1:9')).rejects.toMatchObject({
      reason: 'provider_unreachable',
    });
    const { pending, params } = await authorize();
    const down = { ...metadata, token_endpoint: 'http://127.0.0.1:9/token' };
    await expect(
      completeAuthentication(down, config, pending, params, { now: Date.now() }),
    ).rejects.toMatchObject({ reason: 'provider_unreachable' });
  });
});
