import { expect, test } from 'vitest';
import { validateAnswers } from '../answers/validate-answers';
import { formWith, ja } from '../testing/form';
import { computeFee } from './fees';

const form = formWith(
  [
    {
      id: 'copies',
      type: 'number',
      label: ja('通数'),
      pii: 'none',
      min: 1,
      max: 10,
      required: true,
    },
    {
      id: 'copy_fee',
      type: 'fee',
      label: ja('交付手数料'),
      unitPrice: 300,
      quantity: { source: 'field', fieldId: 'copies' },
    },
    { id: 'express', type: 'yes_no', label: ja('速達'), pii: 'none' },
    {
      id: 'express_fee',
      type: 'fee',
      label: ja('速達料'),
      unitPrice: 300,
      quantity: { source: 'fixed', value: 1 },
      showIf: { field: 'express', op: 'equals', value: true },
    },
  ],
  { options: { payment: { mode: 'at_submission', fixedFee: 110 } } },
);

function feeFor(answers: Record<string, unknown>) {
  const result = validateAnswers(form, answers, 'ja', { today: '2026-11-23' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return computeFee(form, result.answers);
}

test('unit price × quantity read from another field, plus the fixed fee, in whole yen', () => {
  expect(feeFor({ copies: '３' })).toEqual({
    lines: [
      { fieldId: 'copy_fee', label: ja('交付手数料'), unitPrice: 300, quantity: 3, amount: 900 },
      {
        fieldId: null,
        label: { ja: '手数料', en: 'Fee' },
        unitPrice: 110,
        quantity: 1,
        amount: 110,
      },
    ],
    total: 1010,
  });
});

test('a fee behind a condition is charged only when shown', () => {
  expect(feeFor({ copies: 1, express: 'yes' }).total).toBe(300 + 300 + 110);
  expect(feeFor({ copies: 1, express: 'no' }).total).toBe(300 + 110);
});

test('the client cannot set a computed quantity', () => {
  expect(feeFor({ copies: 2, copy_fee: 100 }).total).toBe(600 + 110);
});
