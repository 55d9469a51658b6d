import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, cardAuthSettings } from '../db/tenant-schema';
import { openSecret } from '../payments/credentials';
import { createHarness } from '../testing/harness';
import type { CardSettingsView } from './card-settings';
import { type ErrorAnswer, type Harness, send, settingsWorld } from './test-support';

let h: Harness;
let admin: string;
let otherAdmin: string;
let reviewer: string;

beforeAll(async () => {
  h = await createHarness();
  ({ admin, otherAdmin, reviewer } = await settingsWorld(h));
});
afterAll(() => h.close());

type Answer = { cardAuth: CardSettingsView } & ErrorAnswer;
const path = '/api/admin/settings/card-auth';
const read = (cookie = admin) => send<Answer>(h, 'GET', path, { cookie });
const write = (body: unknown, cookie = admin) => send<Answer>(h, 'PUT', path, { cookie, body });
const generate = (cookie = admin) => send<Answer>(h, 'POST', `${path}/key`, { cookie });
const masterKey = () => h.registry.settings.masterKey;
const issuer = 'https://auth.example.go.jp';

async function rawRow(slug = 'midori') {
  const db = await h.registry.database(slug);
  return db.query.cardAuthSettings.findFirst({ where: eq(cardAuthSettings.id, 1) });
}

async function audits(action: string, slug = 'midori') {
  const db = await h.registry.database(slug);
  return db.select().from(auditLog).where(eq(auditLog.action, action));
}

/** Runs `body` with the server's configuration changed (read by the routes per request). */
async function withConfig(change: Partial<Harness['deps']['config']>, body: () => Promise<void>) {
  const before = h.deps.config;
  h.deps.config = { ...before, ...change };
  try {
    await body();
  } finally {
    h.deps.config = before;
  }
}

describe('GET /api/admin/settings/card-auth', () => {
  test('a new tenant uses the server default and has no key; the redirect URI to register', async () => {
    const answer = await read();
    expect(answer.status).toBe(200);
    expect(answer.body.cardAuth).toEqual({
      provider: null,
      serverDefault: 'local',
      localAvailable: true,
      issuer: null,
      clientId: null,
      publicJwk: null,
      redirectUri: `${h.config.PUBLIC_ORIGIN}/t/midori/card/callback`,
      allowedIssuers: null,
      updatedAt: null,
    });
  });
});

describe('PUT and POST /api/admin/settings/card-auth', () => {
  test('oidc is refused without issuer, client id and key, each named in ja/en', async () => {
    const answer = await write({ provider: 'oidc' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    const details = answer.body.error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path)).toEqual(['issuer', 'clientId', 'clientKey']);
    expect(details[2]?.message).toBe(
      '先に「鍵を作成」で鍵を作成し、公開鍵を登録してください / Generate the key first ("鍵を作成") and register its public key',
    );
    expect(await rawRow()).toBeUndefined();
  });

  test('the server generates the key: the answer has the public JWK only, audited without it', async () => {
    h.advance(1000);
    const answer = await generate();
    expect(answer.status).toBe(200);
    const jwk = answer.body.cardAuth.publicJwk;
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(Object.keys(jwk ?? {}).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    expect(answer.body.cardAuth.provider).toBeNull();
    expect(answer.body.cardAuth.updatedAt).toBe(h.now());
    const [entry] = await audits('settings.card_auth_key');
    expect(entry?.details).toEqual({ changed: ['clientKey'], replaced: false });
    expect((await read()).body.cardAuth.publicJwk).toEqual(jwk);
  });

  test('oidc with issuer and client id once the key exists; the audit names what changed', async () => {
    const answer = await write({ provider: 'oidc', issuer, clientId: 'midori-city' });
    expect(answer.status).toBe(200);
    expect(answer.body.cardAuth).toMatchObject({
      provider: 'oidc',
      issuer,
      clientId: 'midori-city',
    });
    const entries = await audits('settings.card_auth_update');
    expect(entries.at(-1)?.details).toEqual({
      provider: 'oidc',
      changed: ['provider', 'issuer', 'clientId'],
    });
    // A field left out is kept; nothing changed writes nothing.
    const again = await write({ provider: 'oidc' });
    expect(again.body.cardAuth.clientId).toBe('midori-city');
    expect(await audits('settings.card_auth_update')).toHaveLength(entries.length);
  });

  test('a new key replaces the old one (the provider must be given the new public key)', async () => {
    const before = (await read()).body.cardAuth.publicJwk;
    const answer = await generate();
    expect(answer.body.cardAuth.publicJwk?.kid).not.toBe(before?.kid);
    expect(answer.body.cardAuth.provider).toBe('oidc');
    expect((await audits('settings.card_auth_key')).at(-1)?.details).toEqual({
      changed: ['clientKey'],
      replaced: true,
    });
  });

  test.each([
    ['an http issuer', { issuer: 'http://auth.example.go.jp' }, 'issuer', 'https://'],
    ['an issuer with a query', { issuer: 'https://auth.example.go.jp/?a=1' }, 'issuer', 'https://'],
    ['an issuer that is no URL', { issuer: 'auth.example.go.jp' }, 'issuer', 'URL'],
    ['a client id with a space', { clientId: 'midori city' }, 'clientId', 'クライアント ID'],
    ['an unknown provider', { provider: 'saml' }, 'provider', '選択肢'],
    ['a private key from outside', { privateJwk: { kty: 'EC' } }, 'privateJwk', ''],
  ])(
    'refuses %s with 400 naming the field, in Japanese and English',
    async (_, change, at, words) => {
      const before = await rawRow();
      const answer = await write({ provider: 'oidc', ...change });
      expect(answer.status).toBe(400);
      const detail = answer.body.error.details?.find((d) => d.path === at) as
        | { path: string; message: string }
        | undefined;
      expect(detail?.message).toContain(words);
      expect(detail?.message).toContain(' / ');
      expect(await rawRow()).toEqual(before);
    },
  );

  test('local only where the server runs the local provider; loopback http never in production', async () => {
    expect((await write({ provider: 'local' })).status).toBe(200);
    await withConfig({ NODE_ENV: 'production' }, async () => {
      const view = await read();
      expect(view.body.cardAuth).toMatchObject({ serverDefault: 'off', localAvailable: false });
      const local = await write({ provider: 'local' });
      expect(local.status).toBe(400);
      expect(local.body.error.details?.map((d) => d.path)).toEqual(['provider']);
      const loopback = await write({ provider: 'oidc', issuer: 'http://127.0.0.1:3900' });
      expect(loopback.status).toBe(400);
      expect(loopback.body.error.details?.map((d) => d.path)).toEqual(['issuer']);
    });
    expect((await write({ provider: 'oidc', issuer: 'http://127.0.0.1:3900' })).status).toBe(200);
    expect((await write({ provider: 'off', issuer })).status).toBe(200);
    expect((await write({ provider: null })).body.cardAuth.provider).toBeNull();
  });

  test("only the operator's issuers (CARD_ISSUERS_ALLOWED); in production none without the list", async () => {
    expect((await write({ provider: 'oidc', issuer, clientId: 'midori-city' })).status).toBe(200);
    const inside = 'https://metadata.internal.example.lg.jp';
    const listed = `${issuer}/, https://stg.auth.example.go.jp`;
    await withConfig({ CARD_ISSUERS_ALLOWED: listed }, async () => {
      expect((await read()).body.cardAuth.allowedIssuers).toEqual([
        issuer,
        'https://stg.auth.example.go.jp',
      ]);
      const before = await rawRow();
      const refused = await write({ provider: 'oidc', issuer: inside });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toEqual([
        {
          path: 'issuer',
          message:
            'この発行者はこのサーバーで許可されていません。サーバーの運用者に CARD_ISSUERS_ALLOWED への追加を依頼してください / This issuer is not allowed on this server: ask its operator to add it to CARD_ISSUERS_ALLOWED',
        },
      ]);
      expect(await rawRow()).toEqual(before);
      const staging = await write({ provider: 'oidc', issuer: 'https://stg.auth.example.go.jp' });
      expect(staging.status).toBe(200);
    });
    await withConfig({ NODE_ENV: 'production' }, async () => {
      expect((await read()).body.cardAuth.allowedIssuers).toEqual([]);
      const refused = await write({ provider: 'oidc', issuer });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toEqual([
        {
          path: 'issuer',
          message:
            '本番のサーバーでは、運用者が CARD_ISSUERS_ALLOWED で許可した発行者だけを使えます（まだ設定されていません） / A production server takes only the issuers its operator allows in CARD_ISSUERS_ALLOWED (none is set yet)',
        },
      ]);
      // Turning card authentication off is never stopped by an issuer kept from before.
      expect((await write({ provider: 'off' })).status).toBe(200);
    });
    expect((await write({ provider: null })).body.cardAuth.provider).toBeNull();
  });
});

describe('card settings security', () => {
  test('the private key ("d") is never stored in plain text nor answered', async () => {
    const answers = [await generate(), await write({ provider: 'oidc', issuer }), await read()];
    const db = await h.registry.database('midori');
    const row = await rawRow();
    if (!row?.clientKey) throw new Error('no key stored');
    const opened = openSecret(
      masterKey(),
      { purpose: 'card-credentials', slug: 'midori', what: 'card-auth/client-key' },
      row.clientKey,
    ) as { d: string; x: string };
    expect(opened.d).toMatch(/^[\w-]{40,}$/);
    expect(row.clientKey.includes(Buffer.from(opened.d))).toBe(false);
    expect(row.clientKey.includes(Buffer.from(opened.x))).toBe(false);
    expect(JSON.stringify(row)).not.toContain(opened.d);
    const text = JSON.stringify(answers.map((a) => a.body));
    expect(text).not.toContain(opened.d);
    expect(text).not.toContain('"d"');
    for (const answer of answers) expect(answer.body.cardAuth.publicJwk).not.toHaveProperty('d');
    expect(JSON.stringify(await db.select().from(auditLog))).not.toContain(opened.d);
    expect(JSON.stringify(h.logger.lines)).not.toContain(opened.d);
  });

  test('the sealed key opens only for its own tenant and purpose', async () => {
    const row = await rawRow();
    if (!row?.clientKey) throw new Error('no key stored');
    const scope = { purpose: 'card-credentials', slug: 'midori', what: 'card-auth/client-key' };
    expect(() =>
      openSecret(masterKey(), { ...scope, slug: 'aoba' }, row.clientKey as Buffer),
    ).toThrow();
    expect(() =>
      openSecret(
        masterKey(),
        { ...scope, purpose: 'payment-credentials' },
        row.clientKey as Buffer,
      ),
    ).toThrow();
    expect(() =>
      openSecret(masterKey(), { ...scope, what: 'payments/stripe' }, row.clientKey as Buffer),
    ).toThrow();
  });

  test("another tenant's admin sees and changes only their own settings", async () => {
    const before = await rawRow();
    const theirs = await read(otherAdmin);
    expect(theirs.body.cardAuth.publicJwk).toBeNull();
    expect(theirs.body.cardAuth.redirectUri).toBe(`${h.config.PUBLIC_ORIGIN}/t/aoba/card/callback`);
    expect((await generate(otherAdmin)).status).toBe(200);
    expect((await write({ provider: 'off' }, otherAdmin)).status).toBe(200);
    expect(await rawRow()).toEqual(before);
    expect((await read()).body.cardAuth.provider).toBe('oidc');
    expect((await rawRow('aoba'))?.provider).toBe('off');
  });

  test('a reviewer (no admin role) is refused 403; no session and forged sessions 401', async () => {
    const before = await rawRow();
    expect((await read(reviewer)).status).toBe(403);
    expect((await write({ provider: 'off' }, reviewer)).status).toBe(403);
    expect((await generate(reviewer)).status).toBe(403);
    expect((await send<ErrorAnswer>(h, 'GET', path)).status).toBe(401);
    expect((await send<ErrorAnswer>(h, 'PUT', path, { body: { provider: 'off' } })).status).toBe(
      401,
    );
    expect((await send<ErrorAnswer>(h, 'POST', `${path}/key`)).status).toBe(401);
    const value = admin.slice(admin.indexOf('=') + 1);
    for (const cookie of [
      'madoguchi_staff=nonsense',
      `madoguchi_staff=${value.slice(0, -1)}${value.at(-1) === 'a' ? 'b' : 'a'}`,
      `madoguchi_staff=${value.replace('midori~', 'aoba~')}`,
    ]) {
      expect((await read(cookie)).status).toBe(401);
      expect((await write({ provider: 'off' }, cookie)).status).toBe(401);
      expect((await generate(cookie)).status).toBe(401);
    }
    expect(await rawRow()).toEqual(before);
  });
});
