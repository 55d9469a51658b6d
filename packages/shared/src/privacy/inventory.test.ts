import { describe, expect, test } from 'vitest';
import { allFieldsForm } from '../testing/all-fields';
import { formWith, ja } from '../testing/form';
import { councilReview, personalDataInventory } from './inventory';

describe('personalDataInventory', () => {
  test('lists each category once, in a fixed order, with the fields holding it (group rows included)', () => {
    const inventory = personalDataInventory(allFieldsForm());
    expect(inventory.map((item) => [item.category, item.fields.map((f) => f.id)])).toEqual([
      ['name', ['person', 'kid_name']],
      ['contact', ['mail', 'tel']],
      ['address', ['home']],
      ['birthdate', ['born', 'kid_born']],
      ['my_number', ['mynum']],
      ['bank', ['bank', 'scan']],
      ['health', ['kid_note']],
      ['other', ['short', 'long']],
    ]);
    expect(inventory[0]?.fields[1]).toEqual({
      id: 'kid_name',
      label: ja('子の氏名'),
      inGroup: 'kids',
    });
  });

  test('a form without personal data has an empty inventory', () => {
    expect(
      personalDataInventory(
        formWith([{ id: 'q', type: 'yes_no', label: ja('質問'), pii: 'none' }]),
      ),
    ).toEqual([]);
  });
});

describe('councilReview', () => {
  const field = { id: 'q', type: 'yes_no' as const, label: ja('質問'), pii: 'none' as const };
  test.each([
    [1000, {}, { required: false, reasons: [] }],
    [1001, {}, { required: true, reasons: ['yearly_volume'] }],
    [
      10,
      { payment: { mode: 'after_acceptance' as const, fixedFee: 300 } },
      { required: true, reasons: ['online_payment'] },
    ],
    [
      10,
      { cardAuthentication: { enabled: true, attributes: ['name' as const] } },
      { required: true, reasons: ['card_authentication'] },
    ],
    [
      5000,
      {
        payment: { mode: 'at_submission' as const, fixedFee: 1 },
        cardAuthentication: { enabled: true, attributes: ['address' as const] },
      },
      { required: true, reasons: ['yearly_volume', 'online_payment', 'card_authentication'] },
    ],
  ])('%i a year with %j → %j', (yearlyVolume, options, expected) => {
    expect(councilReview(formWith([field], { yearlyVolume, options }))).toEqual(expected);
  });
});
