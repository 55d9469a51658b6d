import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness } from '../testing/harness';
import type { SettingsView } from './settings';
import { type ErrorAnswer, type Harness, send } from './test-support';

let h: Harness;
let admin: string;

beforeAll(async () => {
  h = await createHarness();
  admin = (await h.tenantWithAdmin('midori', '131041')).cookie;
});
afterAll(() => h.close());

type SettingsAnswer = { settings: SettingsView } & ErrorAnswer;
const read = () => send<SettingsAnswer>(h, 'GET', '/api/admin/settings', { cookie: admin });
const write = (body: unknown) =>
  send<SettingsAnswer>(h, 'PUT', '/api/admin/settings', { cookie: admin, body });
const valid = {
  mailFrom: 'uketsuke@city.midori.lg.jp',
  mailReplyTo: null,
  notificationDefaults: { alertDepartment: false, signature: 'みどり区役所\n電話 03-0000-0000' },
};

describe('GET /api/admin/settings', () => {
  test('answers the settings the tenant was created with', async () => {
    const answer = await read();
    expect(answer.status).toBe(200);
    expect(answer.body.settings).toEqual({
      mailFrom: null,
      mailReplyTo: null,
      notificationDefaults: { alertDepartment: true, signature: 'midori区' },
      updatedAt: expect.any(Number),
    });
  });
});

describe('PUT /api/admin/settings', () => {
  test('replaces the settings and logs the change', async () => {
    h.advance(1000);
    const answer = await write(valid);
    expect(answer.status).toBe(200);
    expect(answer.body.settings).toEqual({ ...valid, updatedAt: h.now() });
    expect((await read()).body.settings).toEqual(answer.body.settings);
    expect(h.logger.lines).toContainEqual(
      expect.objectContaining({ event: 'admin_change', action: 'settings.update' }),
    );
    expect(JSON.stringify(h.logger.lines)).not.toContain('uketsuke@');
  });

  test('normalises Windows line breaks in the signature', async () => {
    const answer = await write({
      ...valid,
      notificationDefaults: { alertDepartment: true, signature: '一行目\r\n二行目' },
    });
    expect(answer.body.settings.notificationDefaults.signature).toBe('一行目\n二行目');
  });

  test.each([
    ['a malformed sender', { ...valid, mailFrom: 'no at sign' }, 'mailFrom'],
    [
      'a header injection in the reply-to',
      { ...valid, mailReplyTo: 'a@b.jp\nBcc: x@y.jp' },
      'mailReplyTo',
    ],
    [
      'a signature over 500 characters',
      { ...valid, notificationDefaults: { alertDepartment: true, signature: 'あ'.repeat(501) } },
      'notificationDefaults.signature',
    ],
    [
      'a control character in the signature',
      { ...valid, notificationDefaults: { alertDepartment: true, signature: 'a\u0007b' } },
      'notificationDefaults.signature',
    ],
    [
      'an unknown nested property',
      { ...valid, notificationDefaults: { ...valid.notificationDefaults, cc: 'x@y.jp' } },
      'notificationDefaults.cc',
    ],
    [
      'a missing field (PUT replaces everything)',
      { mailFrom: null, mailReplyTo: null },
      'notificationDefaults',
    ],
    [
      'a string flag',
      { ...valid, notificationDefaults: { alertDepartment: 'yes', signature: '' } },
      'notificationDefaults.alertDepartment',
    ],
  ])('refuses %s with 400 and keeps the old settings', async (_, body, path) => {
    const before = (await read()).body.settings;
    const answer = await write(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    expect(answer.body.error.details?.map((d) => d.path)).toContain(path);
    expect((await read()).body.settings).toEqual(before);
  });
});
