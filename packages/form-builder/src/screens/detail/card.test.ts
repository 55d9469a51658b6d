import type { FormDefinition } from '@madoguchi/shared';
import { expect, test } from 'vitest';
import { cardVerifiedFields, knownAttributes } from './card';

const definition = {
  options: {
    cardAuthentication: {
      enabled: true,
      attributes: ['name', 'address', 'gender'],
      prefill: { name: 'applicant', address: 'home' },
    },
  },
} as unknown as Pick<FormDefinition, 'options'>;

test('the verified fields are the prefill targets of the verified attributes', () => {
  expect([...cardVerifiedFields(definition, ['address', 'name', 'gender'])]).toEqual([
    ['applicant', 'name'],
    ['home', 'address'],
  ]);
  expect(cardVerifiedFields(definition, []).size).toBe(0);
  expect(cardVerifiedFields({ options: {} } as never, ['name']).size).toBe(0);
});

test('attributes in the card order, unknown ones left out', () => {
  expect(knownAttributes(['gender', 'shoe_size', 'name'])).toEqual(['name', 'gender']);
});
