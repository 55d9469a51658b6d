import type { FormDefinitionInput } from '@madoguchi/shared';
import { movingOutNotice } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { heading, inputValue, openNow, pageWorld } from '../applicant/page-test-support';
import type { Visit } from '../applicant/test-browser';
import { auditLog, submissions } from '../db/tenant-schema';
import { type LocalCardProvider, startLocalCardProvider } from './local-provider';
import { generateClientKey, storeCardSettings, tenantCardProvider } from './tenant-settings';
import { authenticateAtProvider } from './test-support';

/**
 * A tenant's own card settings drive the resident flow: its `oidc` registration (a key the
 * server generated, its public half registered with the provider), `off`, and the server's
 * configuration as the default when the tenant has chosen nothing.
 */
let w: Awaited<ReturnType<typeof pageWorld>>;
let provider: LocalCardProvider;
let formId: string;
const clientId = 'midori-city-client';
const settingsPath = '/api/admin/settings/card-auth';

function cardForm(): FormDefinitionInput {
  const definition = openNow(movingOutNotice);
  return { ...definition, pages: definition.pages.slice(0, 1) };
}

beforeAll(async () => {
  w = await pageWorld();
  // The server has no provider of its own here: whatever works comes from the tenant's settings.
  w.h.deps.cardAuth = undefined;
  const generated = await w.staff('POST', `${settingsPath}/key`);
  expect(generated.status).toBe(200);
  const publicJwk = (generated.body.cardAuth as { publicJwk: JWK }).publicJwk;
  // As a municipality registers its client with the Digital Agency: the public JWK and callback.
  provider = await startLocalCardProvider({
    port: 0,
    redirectUris: [(generated.body.cardAuth as { redirectUri: string }).redirectUri],
    clients: [{ clientId, publicJwk }],
  });
  formId = await w.publish(cardForm());
});
afterAll(async () => {
  await provider.close();
  await w.h.close();
});

async function failures(reason: string): Promise<number> {
  const rows = await w.db.select().from(auditLog).where(eq(auditLog.action, 'card_auth.failed'));
  return rows.filter((row) => (row.details as { reason?: string } | null)?.reason === reason)
    .length;
}

function expectCardProblem(page: Visit): void {
  expect(page.status).toBe(400);
  expect(page.doc.querySelector('[data-problem]')?.getAttribute('data-problem')).toBe(
    'card_failed',
  );
}

describe('card authentication with the tenant settings', () => {
  test('a tenant with oidc at its own registration completes the flow', async () => {
    const saved = await w.staff('PUT', settingsPath, {
      provider: 'oidc',
      issuer: provider.issuer,
      clientId,
    });
    expect(saved.status).toBe(200);
    const b = w.browser();
    const start = await b.get(`/t/midori/f/${formId}`);
    const card = await b.submit(start, 'start');
    expect(card.status).toBe(200);
    const href = card.doc.querySelector('#card-start')?.getAttribute('href') ?? '';
    expect(new URL(href).searchParams.get('client_id')).toBe(clientId);
    const back = await authenticateAtProvider(href, 'holder-1');
    expect(back.pathname).toBe('/t/midori/card/callback');
    const page = await b.get(`${back.pathname}${back.search}`);
    expect(page.status).toBe(200);
    expect(heading(page)).toBe('届出人');
    expect(inputValue(page, 'a.name.family')).toBe('窓口');
    const verified = await w.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'card_auth.verified'));
    expect(verified).toHaveLength(1);
  });

  test('off, and no settings with no server provider, end on the problem page with an audit entry', async () => {
    for (const choice of ['off', null] as const) {
      expect((await w.staff('PUT', settingsPath, { provider: choice })).status).toBe(200);
      const before = await failures('not_configured');
      const b = w.browser();
      const start = await b.get(`/t/midori/f/${formId}`);
      expectCardProblem(await b.submit(start, 'start'));
      expect(await failures('not_configured')).toBe(before + 1);
    }
    expect(await w.db.select().from(submissions)).toHaveLength(0);
  });

  test('switched off between the start and the callback: the callback ends on the problem page', async () => {
    await w.staff('PUT', settingsPath, { provider: 'oidc' });
    const b = w.browser();
    const start = await b.get(`/t/midori/f/${formId}`);
    const card = await b.submit(start, 'start');
    const href = card.doc.querySelector('#card-start')?.getAttribute('href') ?? '';
    const back = await authenticateAtProvider(href, 'holder-2');
    await w.staff('PUT', settingsPath, { provider: 'off' });
    const before = await failures('not_configured');
    expectCardProblem(await b.get(`${back.pathname}${back.search}`));
    expect(await failures('not_configured')).toBe(before + 1);
  });
});

describe('tenantCardProvider', () => {
  const serverDefault = { issuer: 'https://env.example.jp', clientId: 'env', privateJwk: {} };
  const local = {
    CARD_PROVIDER: undefined,
    NODE_ENV: 'development' as const,
    CARD_ISSUERS_ALLOWED: undefined,
  };
  const production = {
    CARD_PROVIDER: undefined,
    NODE_ENV: 'production' as const,
    CARD_ISSUERS_ALLOWED: 'https://idp.example.jp' as string | undefined,
  };
  const masterKey = () => w.h.registry.settings.masterKey;
  const choose = (settings: Parameters<typeof storeCardSettings>[3]) =>
    storeCardSettings(w.aobaDb, masterKey(), 'aoba', settings, w.h.now());
  const resolve = (config: typeof local | typeof production) =>
    tenantCardProvider(w.aobaDb, masterKey(), 'aoba', { config, serverDefault });
  const none = { issuer: null, clientId: null, privateJwk: null };

  test('no row or no choice: the server default; local only where the server runs it', async () => {
    expect(await resolve(production)).toBe(serverDefault);
    await choose({ provider: null, ...none });
    expect(await resolve(production)).toBe(serverDefault);
    await choose({ provider: 'local', ...none });
    expect(await resolve(local)).toBe(serverDefault);
    expect(await resolve(production)).toBeUndefined();
  });

  test('oidc needs issuer, client id and key; the key is opened for the flow', async () => {
    const privateJwk = await generateClientKey();
    await choose({
      provider: 'oidc',
      issuer: 'https://idp.example.jp',
      clientId: null,
      privateJwk,
    });
    expect(await resolve(local)).toBeUndefined();
    await choose({ provider: 'oidc', issuer: 'https://idp.example.jp', clientId: 'a', privateJwk });
    expect(await resolve(production)).toEqual({
      issuer: 'https://idp.example.jp',
      clientId: 'a',
      privateJwk,
    });
    // A key sealed for another tenant does not open here: not configured, never a crash.
    await storeCardSettings(
      w.aobaDb,
      masterKey(),
      'midori',
      { provider: 'oidc', issuer: 'https://idp.example.jp', clientId: 'a', privateJwk },
      w.h.now(),
    );
    expect(await resolve(local)).toBeUndefined();
  });

  test('an issuer the operator does not (or no longer) allow is not used: not configured', async () => {
    const privateJwk = await generateClientKey();
    await choose({ provider: 'oidc', issuer: 'https://idp.example.jp', clientId: 'a', privateJwk });
    expect(await resolve(production)).toMatchObject({ issuer: 'https://idp.example.jp' });
    expect(
      await resolve({ ...production, CARD_ISSUERS_ALLOWED: 'https://other.example.jp' }),
    ).toBeUndefined();
    expect(await resolve({ ...production, CARD_ISSUERS_ALLOWED: undefined })).toBeUndefined();
    expect(await resolve(local)).toMatchObject({ issuer: 'https://idp.example.jp' });
  });
});
