import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  test('has safe local defaults', () => {
    expect(loadConfig({ INIT_CWD: '/srv/madoguchi' })).toEqual({
      NODE_ENV: 'development',
      DATA_DIR: '/srv/madoguchi/data',
      HOST: '127.0.0.1',
      PORT: 3000,
      STAFF_HOST: '127.0.0.1',
      STAFF_PORT: 3001,
      PUBLIC_ORIGIN: 'http://127.0.0.1:3000',
      STAFF_ORIGIN: 'http://127.0.0.1:3001',
      CONTROL_DATABASE_URL: 'file:/srv/madoguchi/data/control.db',
      TENANT_DATABASE_URL: 'file:/srv/madoguchi/data/tenants/{slug}.db',
      SESSION_IDLE_MINUTES: 60,
      MAIL_FROM: 'no-reply@madoguchi.local',
      CARD_LOCAL_PORT: 3900,
    });
  });

  test('accepts a libSQL server for tenants, one database per tenant', () => {
    const config = loadConfig({
      TENANT_DATABASE_URL: 'libsql://{slug}-madoguchi.example.jp',
      DATABASE_AUTH_TOKEN: 'token',
    });
    expect(config.TENANT_DATABASE_URL).toBe('libsql://{slug}-madoguchi.example.jp');
  });

  test('takes a comma-separated list of card issuers', () => {
    const config = loadConfig({
      CARD_ISSUERS_ALLOWED: 'https://auth.example.go.jp, https://stg.auth.example.go.jp/',
    });
    expect(config.CARD_ISSUERS_ALLOWED).toBe(
      'https://auth.example.go.jp, https://stg.auth.example.go.jp/',
    );
  });

  test('reads ports as numbers', () => {
    expect(loadConfig({ PORT: '8080', STAFF_PORT: '8081' })).toMatchObject({
      PORT: 8080,
      STAFF_PORT: 8081,
    });
  });

  test.each([
    [{ PORT: 'eighty' }, 'PORT: must be a port number'],
    [{ STAFF_PORT: '70000' }, 'STAFF_PORT: must be between 1 and 65535'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ PORT: '4000', STAFF_PORT: '4000' }, 'STAFF_PORT: must differ from PORT'],
    [{ TENANT_DATABASE_URL: 'file:./data/all.db' }, 'TENANT_DATABASE_URL: must contain {slug}'],
    [{ CONTROL_DATABASE_URL: 'postgres://x' }, 'CONTROL_DATABASE_URL: must start with file:'],
    [{ MASTER_KEY: 'short' }, 'MASTER_KEY: must be 64 hexadecimal characters'],
    [{ NODE_ENV: 'production' }, 'MASTER_KEY: required in production'],
    [{ SESSION_IDLE_MINUTES: '2' }, 'SESSION_IDLE_MINUTES: must be at least 5'],
    [{ SMTP_URL: 'mail.example.jp' }, 'SMTP_URL: must look like smtp://'],
    [
      { CARD_ISSUERS_ALLOWED: 'auth.example.go.jp' },
      'CARD_ISSUERS_ALLOWED: must be issuer URLs separated by commas',
    ],
    [
      { CARD_ISSUERS_ALLOWED: 'https://a.example.jp,,https://b.example.jp' },
      'CARD_ISSUERS_ALLOWED: must be issuer URLs separated by commas',
    ],
  ])('stops on %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
