import type { Field } from '@madoguchi/shared';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { ProxyField } from './ProxyField';

// The counter-entry form answers in the shape the form language expects, so the server's shared
// validation takes it as it takes a resident's answer.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let last: unknown;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  last = undefined;
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function Holder({ field, error }: { field: Field; error?: string }) {
  const [value, setValue] = useState<unknown>(undefined);
  return (
    <ProxyField
      field={field}
      value={value}
      error={error}
      onChange={(next) => {
        last = next;
        setValue(next);
      }}
    />
  );
}

async function render(field: Field, error?: string) {
  await act(async () => {
    root.render(
      <I18nProvider>
        <Holder field={field} {...(error ? { error } : {})} />
      </I18nProvider>,
    );
  });
}

const byLabel = <T extends HTMLElement>(text: string): T => {
  const label = [...container.querySelectorAll('label')].find((l) =>
    l.textContent?.startsWith(text),
  );
  const element = document.getElementById(label?.getAttribute('for') ?? '');
  if (!element) throw new Error(`no field labelled ${text}`);
  return element as T;
};

function setValue(element: HTMLInputElement | HTMLSelectElement, value: string) {
  const prototype = Object.getPrototypeOf(element) as object;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
  element.dispatchEvent(
    new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
  );
}

const bank = (overrides: Partial<Extract<Field, { type: 'bank_account' }>> = {}): Field => ({
  type: 'bank_account',
  id: 'payee',
  label: { ja: '振込先口座' },
  required: true,
  pii: 'bank',
  askNames: true,
  accountTypes: ['ordinary', 'current'],
  ...overrides,
});

describe('a bank account at the counter', () => {
  test('every part of the account, answered in the form language’s shape', async () => {
    await render(bank());
    expect(container.querySelector('legend')?.textContent).toBe('振込先口座 *');
    await act(async () => {
      setValue(byLabel('金融機関コード'), '0005');
      setValue(byLabel('金融機関名'), '三菱UFJ銀行');
      setValue(byLabel('支店コード'), '123');
      setValue(byLabel('支店名'), '本店');
      setValue(byLabel('口座番号'), '1234567');
      setValue(byLabel('口座名義'), 'ミドリ タロウ');
    });
    const type = byLabel<HTMLSelectElement>('預金種目');
    expect([...type.options].map((option) => option.textContent)).toEqual([
      '選択してください',
      '普通',
      '当座',
    ]);
    await act(async () => setValue(type, 'current'));
    expect(last).toEqual({
      bankCode: '0005',
      bankName: '三菱UFJ銀行',
      branchCode: '123',
      branchName: '本店',
      accountNumber: '1234567',
      holderKana: 'ミドリ タロウ',
      accountType: 'current',
    });
    expect(byLabel<HTMLInputElement>('金融機関コード').inputMode).toBe('numeric');
  });

  test('without names asked, only codes, type, number and holder; the error is tied to the group', async () => {
    await render(
      bank({ askNames: false, accountTypes: ['savings'] }),
      '口座番号を確認してください',
    );
    expect(() => byLabel('金融機関名')).toThrow();
    expect(() => byLabel('支店名')).toThrow();
    expect([...byLabel<HTMLSelectElement>('預金種目').options].map((o) => o.value)).toEqual([
      '',
      'savings',
    ]);
    const fieldset = container.querySelector('fieldset');
    const describedBy = fieldset?.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('口座番号を確認してください');
  });
});

describe('fields the counter cannot take', () => {
  test('a file field says so instead of an input', async () => {
    await render({
      type: 'file',
      id: 'papers',
      label: { ja: '添付書類' },
      required: false,
      pii: 'none',
      accept: ['application/pdf'],
      maxSizeMb: 10,
      maxFiles: 1,
    });
    expect(container.querySelector('input')).toBeNull();
    expect(container.textContent).toContain(
      '添付書類: この項目（file）は代理入力画面では入力できません。',
    );
  });
});
