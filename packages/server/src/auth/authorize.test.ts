import { describe, expect, test } from 'vitest';
import { type Actor, authorize, type StaffAction } from './authorize';

const now = Date.parse('2026-11-23T10:00:00+09:00');
const base: Actor = {
  staffId: 'stf_1',
  isTenantAdmin: false,
  status: 'active',
  expiresAt: null,
  formIds: null,
  grants: [],
};
const dep = 'dep_health';
const form = 'frm_1';
const on = (
  kind: Exclude<StaffAction['kind'], 'tenant.administer' | 'form.create'>,
): StaffAction => ({ kind, departmentId: dep, formId: form });
const role = (
  r: 'designer' | 'reviewer' | 'viewer',
  extra: Partial<Actor['grants'][number]> = {},
): Actor => ({
  ...base,
  grants: [{ departmentId: dep, role: r, canExport: false, canSeeMyNumber: false, ...extra }],
});

describe('authorize', () => {
  test.each<[string, Actor, StaffAction, boolean]>([
    [
      'an admin administers the tenant',
      { ...base, isTenantAdmin: true },
      { kind: 'tenant.administer' },
      true,
    ],
    ['a designer does not', role('designer'), { kind: 'tenant.administer' }, false],
    [
      'an admin gets no department role implicitly',
      { ...base, isTenantAdmin: true },
      on('submission.read'),
      false,
    ],
    [
      'a designer creates forms in the department',
      role('designer'),
      { kind: 'form.create', departmentId: dep },
      true,
    ],
    [
      'but not in another',
      role('designer'),
      { kind: 'form.create', departmentId: 'dep_other' },
      false,
    ],
    ['a reviewer cannot design', role('reviewer'), on('form.design'), false],
    ['a reviewer handles', role('reviewer'), on('submission.handle'), true],
    ['a viewer reads', role('viewer'), on('submission.read'), true],
    ['a viewer does not handle', role('viewer'), on('submission.handle'), false],
    ['export needs its grant', role('reviewer'), on('submission.export'), false],
    ['export with the grant', role('reviewer', { canExport: true }), on('submission.export'), true],
    [
      'My Number needs its grant',
      role('reviewer', { canExport: true }),
      on('submission.read_my_number'),
      false,
    ],
    [
      'My Number with the grant',
      role('viewer', { canSeeMyNumber: true }),
      on('submission.read_my_number'),
      true,
    ],
    [
      'a grant elsewhere does not count',
      {
        ...role('reviewer'),
        grants: [
          { departmentId: 'dep_other', role: 'reviewer', canExport: true, canSeeMyNumber: true },
        ],
      },
      on('submission.read'),
      false,
    ],
    [
      'a form-limited contractor sees the named form',
      { ...role('reviewer'), formIds: [form] },
      on('submission.handle'),
      true,
    ],
    ['but no other', { ...role('reviewer'), formIds: ['frm_2'] }, on('submission.read'), false],
    [
      'and cannot create forms',
      { ...role('designer'), formIds: [form] },
      { kind: 'form.create', departmentId: dep },
      false,
    ],
    [
      'an expired account can do nothing',
      { ...role('reviewer'), expiresAt: now },
      on('submission.read'),
      false,
    ],
    [
      'an account before its expiry works',
      { ...role('reviewer'), expiresAt: now + 1 },
      on('submission.read'),
      true,
    ],
    [
      'a disabled admin cannot administer',
      { ...base, isTenantAdmin: true, status: 'disabled' },
      { kind: 'tenant.administer' },
      false,
    ],
    [
      'an invited account can do nothing yet',
      { ...role('designer'), status: 'invited' },
      on('form.read'),
      false,
    ],
  ])('%s', (_, actor, action, expected) => {
    expect(authorize(actor, action, now)).toBe(expected);
  });
});
