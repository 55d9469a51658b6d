import * as v from 'valibot';
import { expect, expectTypeOf, test } from 'vitest';
import { allFieldsForm } from '../testing/all-fields';
import { type FieldType, fieldSchema, fieldTypes } from './index';

test('the palette lists every field type exactly once', () => {
  expectTypeOf<Exclude<FieldType, (typeof fieldTypes)[number]>>().toEqualTypeOf<never>();
  expect(new Set(fieldTypes).size).toBe(fieldTypes.length);
  expect(fieldTypes).toHaveLength(23);
});

test('the all-fields fixture really uses every type', () => {
  const used = new Set(
    allFieldsForm().pages.flatMap((page) =>
      page.fields.flatMap((f) =>
        f.type === 'group' ? [f.type, ...f.fields.map((n) => n.type)] : [f.type],
      ),
    ),
  );
  expect([...fieldTypes].filter((type) => !used.has(type))).toEqual([]);
});

test.each([
  [{ id: 'a', type: 'short_text', label: { ja: 'a' } }, 'pii'],
  [{ id: 'A', type: 'short_text', label: { ja: 'a' }, pii: 'none' }, 'id'],
  [{ id: 'constructor', type: 'yes_no', label: { ja: 'a' }, pii: 'none' }, 'id'],
  [{ id: 'a', type: 'yes_no', label: { en: 'a' }, pii: 'none' }, 'label'],
  [{ id: 'a', type: 'my_number', label: { ja: 'a' }, pii: 'none' }, 'pii'],
  [
    { id: 'a', type: 'consent', label: { ja: 'a' }, terms: { ja: 't' }, required: false },
    'required',
  ],
  [{ id: 'a', type: 'yes_no', label: { ja: 'a' }, pii: 'none', colour: 'red' }, 'colour'],
  [
    {
      id: 'g',
      type: 'group',
      label: { ja: 'g' },
      fields: [{ id: 'h', type: 'group', label: { ja: 'h' }, fields: [] }],
    },
    'fields',
  ],
])('refuses a malformed field (%j at %s)', (input, key) => {
  const result = v.safeParse(fieldSchema, input);
  expect(result.success).toBe(false);
  expect(
    result.issues?.map((issue) => issue.path?.map((p) => p.key).join('.')).join(' '),
  ).toContain(key);
});
