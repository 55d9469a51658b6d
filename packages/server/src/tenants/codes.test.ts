import { expect, test } from 'vitest';
import { isLocalGovernmentCode, isTenantSlug } from './codes';

test.each([
  ['131041', true], // 新宿区
  ['130001', true], // 東京都
  ['011002', true], // 札幌市
  ['141003', true], // 横浜市
  ['131040', false],
  ['13104', false],
  ['13104a', false],
])('local government code %s → %s', (code, expected) => {
  expect(isLocalGovernmentCode(code)).toBe(expected);
});

test.each([
  ['shinjuku', true],
  ['midori-ku', true],
  ['a', false],
  ['Shinjuku', false],
  ['midori-', false],
  ['1ward', false],
  ['api', false],
  ['x'.repeat(41), false],
])('tenant slug %s → %s', (slug, expected) => {
  expect(isTenantSlug(slug)).toBe(expected);
});
