import { expect, test } from 'vitest';
import { renderTemplate } from './templates';

test('fills placeholders, tolerating spaces inside the braces', () => {
  expect(
    renderTemplate('受付番号：{{referenceNumber}}／{{ formTitle }}', {
      referenceNumber: 'KT7-4829',
      formTitle: '証明書の郵送請求',
    }),
  ).toBe('受付番号：KT7-4829／証明書の郵送請求');
});

test('unknown and missing placeholders become empty, inherited names included', () => {
  expect(renderTemplate('[{{statusUrl}}][{{nope}}][{{constructor}}]', {})).toBe('[][][]');
});
