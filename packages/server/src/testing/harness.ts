import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaffApp } from '../app';
import { totpCode } from '../auth/crypto/index';
import { loadConfig } from '../config';
import { openControlDatabase, TenantRegistry } from '../db/registry';
import type { AppDeps } from '../deps';
import { memoryLogger } from '../http/logger';
import { createTenant } from '../tenants/service';

/** The staff origin tests use; state-changing requests carry it as Origin like a browser would. */
export const staffOrigin = 'http://127.0.0.1:3001';
/** A password that passes the policy. */
export const goodPassword = 'correct horse battery staple';

/** A server world for tests: a temporary data folder, a clock tests can move, the staff app. */
export async function createHarness() {
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', MASTER_KEY: 'ab'.repeat(32) });
  let clock = Date.parse('2026-11-23T09:00:00+09:00');
  const { db: control } = await openControlDatabase({
    controlUrl: config.CONTROL_DATABASE_URL,
    tenantUrl: config.TENANT_DATABASE_URL,
    masterKey: Buffer.from(config.MASTER_KEY ?? '', 'hex'),
  });
  const registry = new TenantRegistry(control, {
    controlUrl: config.CONTROL_DATABASE_URL,
    tenantUrl: config.TENANT_DATABASE_URL,
    masterKey: Buffer.from(config.MASTER_KEY ?? '', 'hex'),
  });
  const logger = memoryLogger();
  const deps: AppDeps = {
    config,
    registry,
    logger,
    now: () => clock,
    remoteAddress: () => '192.0.2.10',
  };
  const app = createStaffApp(deps);

  /** Sends a request as a browser on the console would: JSON, our Origin, the cookie if given. */
  const request = (
    method: string,
    path: string,
    options: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
  ) =>
    app.request(path, {
      method,
      headers: {
        origin: staffOrigin,
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });

  /** Creates a tenant and signs its first admin in (password + TOTP), returning the cookie. */
  const tenantWithAdmin = async (slug: string, code: string) => {
    const email = `admin@${slug}.example.lg.jp`;
    const { tenant, inviteToken } = await createTenant(
      registry,
      {
        slug,
        name: `${slug}区`,
        localGovernmentCode: code,
        adminEmail: email,
        adminName: '管理 太郎',
      },
      clock,
    );
    const inspected = (await (
      await request('POST', '/api/invites/inspect', { body: { token: inviteToken } })
    ).json()) as { totpSecret: string };
    const secret = inspected.totpSecret;
    const accepted = await request('POST', '/api/invites/accept', {
      body: {
        token: inviteToken,
        password: goodPassword,
        totpSecret: secret,
        totpCode: totpCode(secret, Math.floor(clock / 30_000)),
      },
    });
    if (accepted.status !== 200)
      throw new Error(`accept failed: ${accepted.status} ${await accepted.text()}`);
    clock += 30_000;
    const cookie = await signInCookie(slug, email, goodPassword, secret);
    return { tenant, email, secret, cookie };
  };

  /**
   * Signs in with the password and a code of the TOTP secret (every account has one) and returns
   * the `name=value` cookie pair.
   */
  const signInCookie = async (slug: string, email: string, password: string, secret: string) => {
    const response = await request('POST', '/api/auth/sign-in', {
      body: {
        tenant: slug,
        email,
        password,
        totpCode: totpCode(secret, Math.floor(clock / 30_000)),
      },
    });
    if (response.status !== 200)
      throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    const setCookie = response.headers.get('set-cookie') ?? '';
    return setCookie.split(';')[0] ?? '';
  };

  return {
    dataDir,
    config,
    registry,
    logger,
    deps,
    app,
    request,
    tenantWithAdmin,
    signInCookie,
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
    close: async () => {
      await registry.close();
      // The data folder holds encrypted databases and files of fixture people: leave nothing.
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
