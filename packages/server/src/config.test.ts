import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  test('has safe local defaults', () => {
    expect(loadConfig({})).toEqual({
      NODE_ENV: 'development',
      DATA_DIR: './data',
      HOST: '127.0.0.1',
      PORT: 3000,
      STAFF_HOST: '127.0.0.1',
      STAFF_PORT: 3001,
    });
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
  ])('stops on %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
