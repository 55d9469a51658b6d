import type { FormDefinition } from '@madoguchi/shared';
import { describe, expect, test } from 'vitest';
import { feeView, formatYen } from './fees';

const definition = (fixedFee: number) =>
  ({
    schemaVersion: 1,
    title: { ja: '住民票の写し交付申請' },
    pages: [
      {
        id: 'p1',
        title: { ja: '請求' },
        fields: [
          {
            id: 'copies',
            type: 'fee',
            label: { ja: '住民票の写し', en: 'Certificate copies' },
            unitPrice: 300,
            quantity: { source: 'input', min: 1, max: 10 },
          },
          {
            id: 'seal',
            type: 'fee',
            label: { ja: '印鑑登録証明書' },
            unitPrice: 1200,
            quantity: { source: 'input', min: 1, max: 10 },
          },
        ],
      },
    ],
    options: { payment: { mode: 'at_submission', fixedFee } },
  }) as unknown as FormDefinition;

describe('fee view', () => {
  test('each fee field reads as quantity × unit price = amount, with the total', () => {
    const view = feeView(definition(0), { copies: 2, seal: 1 }, 'ja');
    expect(view?.byField.get('copies')).toBe('2 × 300円 = 600円');
    expect(view?.byField.get('seal')).toBe('1 × 1,200円 = 1,200円');
    expect(view?.total).toBe(1800);
  });

  test('the fixed fee is a line of its own; English writes yen with its sign', () => {
    const view = feeView(definition(200), { copies: 3 }, 'en');
    expect(view?.lines).toEqual([
      { label: 'Certificate copies', text: '3 × ¥300 = ¥900' },
      { label: 'Fee', text: '¥200' },
    ]);
    expect(view?.total).toBe(1100);
    expect(view?.byField.has('seal')).toBe(false);
  });

  test('nothing to pay is no fee view; a definition without options does not break it', () => {
    expect(feeView(definition(0), {}, 'ja')).toBeUndefined();
    const bare = { ...definition(0), options: undefined } as unknown as FormDefinition;
    expect(feeView(bare, { copies: 1 }, 'ja')).toBeUndefined();
  });

  test('yen', () => {
    expect(formatYen(12000, 'ja')).toBe('12,000円');
    expect(formatYen(12000, 'en')).toBe('¥12,000');
  });
});
