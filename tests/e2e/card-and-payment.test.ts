import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, phoneContext, screenshot } from './browser/browser';
import { accessible, mailTo, on, publishThroughApi, signInToConsole } from './journeys';
import { freePort, serverWorld } from './server-process';
import { type Json, onboardAdmin } from './staff-client';

// Issue #7 in Debian's Chromium against a real server process with its local defaults: the
// local My Number card provider (oidc-provider, started by the server) and the sandbox payment
// provider. A resident on a phone authenticates with the card, sees the verified answers locked,
// submits, sees that the application waits for payment, pays on the sandbox page and lands on
// the status page showing it paid; staff find it paid in the console, a reviewer refunds it
// through the detail's dialog (返金済 there and on the resident's status page). Pay after acceptance: the
// acceptance mail carries the payment link, the resident pays through it. A failed payment
// offers the pay button again (that journey without JavaScript). axe-core on the completion,
// status and payment-link pages; screenshots in tests/screenshots/card-payment-*.

const password = 'a long enough passphrase for e2e';
const adminEmail = 'admin@city.midori.example.lg.jp';
let world: Awaited<ReturnType<typeof serverWorld>>;
let browser: Browser;
let admin: Awaited<ReturnType<typeof onboardAdmin>>;
const forms = { card: '', afterAcceptance: '' };

const label = (ja: string, en: string) => ({ ja, en });

/** A certificate request by card: name, address, birth date from the card; 300 yen a copy. */
function certificateForm(mode: 'at_submission' | 'after_acceptance', card: boolean) {
  return {
    schemaVersion: 1,
    title:
      mode === 'at_submission'
        ? label('住民票の写しの請求（カード認証）', 'Resident record copy (card)')
        : label('証明書の郵送請求（受理後払い）', 'Certificate by mail (pay after acceptance)'),
    purposeOfUse: label('証明書の交付と手数料の収納に利用します。', 'Used to issue the copy.'),
    category: 'certificate',
    yearlyVolume: 100,
    retentionDays: 365,
    pages: [
      {
        id: 'request',
        title: label('請求者', 'You'),
        fields: [
          ...(card
            ? [
                {
                  id: 'name',
                  type: 'name',
                  label: label('氏名', 'Name'),
                  required: true,
                  pii: 'name',
                  csvColumn: '氏名',
                },
                {
                  id: 'address',
                  type: 'address',
                  label: label('住所', 'Address'),
                  required: true,
                  pii: 'address',
                  csvColumn: '住所',
                },
                {
                  id: 'birth_date',
                  type: 'birth_date',
                  label: label('生年月日', 'Date of birth'),
                  required: true,
                  pii: 'birthdate',
                  csvColumn: '生年月日',
                },
              ]
            : []),
          {
            id: 'copies',
            type: 'number',
            label: label('必要な通数', 'Copies'),
            required: true,
            pii: 'none',
            integer: true,
            min: 1,
            max: 10,
            csvColumn: '通数',
          },
          {
            id: 'fee',
            type: 'fee',
            label: label('手数料', 'Fee'),
            pii: 'none',
            unitPrice: 300,
            quantity: { source: 'field', fieldId: 'copies' },
            csvColumn: '手数料',
          },
          {
            id: 'email',
            type: 'email',
            label: label('メールアドレス', 'Email'),
            required: true,
            pii: 'contact',
            csvColumn: 'メールアドレス',
          },
        ],
      },
    ],
    options: {
      emailVerification: false,
      ...(card
        ? {
            cardAuthentication: {
              enabled: true,
              attributes: ['name', 'address', 'birthdate'],
              prefill: { name: 'name', address: 'address', birthdate: 'birth_date' },
            },
          }
        : {}),
      payment: { mode },
    },
  };
}

beforeAll(async () => {
  // The server starts the local card provider on this port (its default is fixed).
  process.env.CARD_LOCAL_PORT = String(await freePort());
  world = await serverWorld();
  delete process.env.CARD_LOCAL_PORT;
  [browser] = await Promise.all([launchBrowser(), world.start()]);
  admin = await onboardAdmin(world, password, 'midori', 'みどり区', '131041', adminEmail);
  const department = await admin.call('POST', '/api/admin/departments', { name: '戸籍住民課' });
  const departmentId = String((department.body.department as Json).id);
  const adminId = String(((await admin.call('GET', '/api/auth/session')).body.staff as Json).id);
  const grant = (role: string) =>
    admin.call('PUT', `/api/admin/staff/${adminId}/grants`, [
      { departmentId, role, canExport: false, canSeeMyNumber: false },
    ]);
  await grant('designer');
  for (const [key, definition] of [
    ['card', certificateForm('at_submission', true)],
    ['afterAcceptance', certificateForm('after_acceptance', false)],
  ] as const) {
    forms[key] = await publishThroughApi(admin, departmentId, definition);
  }
  await grant('reviewer');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

/**
 * Starts the card form on a phone, authenticates as the first fictional holder with the local
 * provider, and checks the verified answers came back locked (read-only, the card's values).
 */
async function authenticate(page: Page): Promise<void> {
  await page.goto(`${world.publicUrl}/t/midori/f/${forms.card}`);
  await page.getByRole('button', { name: '申請を始める' }).click();
  await on(page, 'マイナンバーカードで本人確認');
  await page.locator('#card-start').click();
  // The local provider's page: "reading the card" is choosing a fictional holder.
  await page.getByRole('heading', { name: 'マイナンバーカード認証（開発用の模擬）' }).waitFor();
  await page.getByLabel('窓口　花子（1985-04-12）').check();
  await page.getByRole('button', { name: '認証する' }).click();
  await on(page, '請求者');
  const locked = {
    'a.name.family': '窓口',
    'a.name.given': '花子',
    'a.address.postalCode': '1600023',
    'a.address.prefecture': '東京都',
    'a.address.city': 'みどり区',
    'a.address.town': '西新宿二丁目8番1号',
    'a.birth_date': '1985-04-12',
  };
  for (const [name, value] of Object.entries(locked)) {
    await expect(field(page, name).inputValue(), name).resolves.toBe(value);
    await expect(field(page, name).getAttribute('readonly'), name).resolves.not.toBeNull();
  }
  // Typing into a locked answer changes nothing.
  await field(page, 'a.name.family').focus();
  await page.keyboard.type('別人');
  await expect(field(page, 'a.name.family').inputValue()).resolves.toBe('窓口');
}

/** Fills what the card does not hold, confirms and submits; the completion page. */
async function fillAndSubmit(page: Page, email: string, copies: string): Promise<string> {
  await field(page, 'a.name.familyKana').fill('マドグチ');
  await field(page, 'a.name.givenKana').fill('ハナコ');
  await field(page, 'a.copies').fill(copies);
  await field(page, 'a.email.value').fill(email);
  await field(page, 'a.email.confirm').fill(email);
  await page.locator('.actions button[value="next"]').click();
  await on(page, '申請内容の確認');
  const confirmation = (await page.locator('main').textContent()) ?? '';
  for (const answer of ['窓口', '西新宿二丁目8番1号', 'マドグチ'])
    expect(confirmation).toContain(answer);
  await page.getByRole('button', { name: 'この内容で申請する' }).click();
  await on(page, 'お支払いをお待ちしています');
  return ((await page.locator('#reference-number').textContent()) ?? '').trim();
}

describe('card authentication and payment in a browser', () => {
  let reference = '';

  test('a resident authenticates with the card, submits, pays on the sandbox page and sees it paid', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await authenticate(page);
      reference = await fillAndSubmit(page, 'hanako.madoguchi@example.jp', '2');
      expect(reference).not.toBe('');
      await expect(page.locator('#not-complete').textContent()).resolves.toContain(
        '申請はまだ完了していません',
      );
      await expect(page.locator('#payment-amount').textContent()).resolves.toBe('600円');
      await expect(page.locator('#payment-deadline').textContent()).resolves.toMatch(
        /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/,
      );
      await accessible(page, 'completion with the pay button');
      await screenshot(page, 'card-payment-01-complete');

      await page.getByRole('button', { name: 'お支払いへ進む' }).click();
      await page.getByRole('heading', { name: 'テスト決済 / Sandbox payment' }).waitFor();
      await expect(page.locator('#sandbox-amount').textContent()).resolves.toBe('600円');
      await screenshot(page, 'card-payment-02-sandbox');
      await page.getByRole('button', { name: '支払う / Pay' }).click();

      await on(page, '申請の状況');
      expect(new URL(page.url()).pathname).toBe('/t/midori/status');
      await expect(page.locator('#payment-state').textContent()).resolves.toBe('支払済');
      await expect(page.locator('#current-state').textContent()).resolves.toBe('到達');
      expect(await page.locator('#pay-button').count()).toBe(0);
      await accessible(page, 'status paid');
      await screenshot(page, 'card-payment-03-status-paid');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('staff see it paid in the console, the detail keeps the values the card verified; a reviewer refunds it and the resident sees it refunded', async () => {
    const inbox = await admin.call('GET', `/api/submissions/forms/${forms.card}?q=${reference}`);
    const item = (inbox.body.items as Json[])[0] as Json;
    expect(item).toMatchObject({ referenceNumber: reference, paymentState: 'paid' });
    const detail = await admin.call('GET', `/api/submissions/${String(item.id)}`);
    expect((detail.body.submission as Json).verifiedByCard).toMatchObject({
      attributes: ['name', 'address', 'birthdate'],
      values: {
        name: { family: '窓口', given: '花子' },
        address: {
          postalCode: '1600023',
          prefecture: '東京都',
          city: 'みどり区',
          town: '西新宿二丁目8番1号',
        },
        birthdate: '1985-04-12',
      },
    });

    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'ja-JP',
    });
    const page = await context.newPage();
    try {
      await signInToConsole(page, world.staffUrl, admin, {
        tenant: 'midori',
        email: adminEmail,
        password,
      });
      const row = page.getByRole('row').filter({ hasText: reference });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('支払済');
      // The card's mark is words in the row, not a colour.
      await expect(row.textContent()).resolves.toContain('カード認証済');
      await accessible(page, 'staff inbox with the card mark');
      await screenshot(page, 'card-payment-04-inbox');
      await row.getByRole('link', { name: reference }).click();
      await page.getByRole('heading', { name: `申請 ${reference}` }).waitFor();
      const main = (await page.locator('main').textContent()) ?? '';
      for (const value of ['窓口', '西新宿二丁目8番1号', '支払済']) expect(main).toContain(value);
      // The card box: when and which attributes, in words; the verified answers marked.
      const card = page.getByRole('region', { name: 'マイナンバーカードで本人確認済み' });
      await expect(card.textContent()).resolves.toContain('氏名・住所・生年月日');
      await expect(card.textContent()).resolves.toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
      await expect(page.getByText('カードで確認済み').count()).resolves.toBe(3);
      // The fee as an amount, and the total beside the payment state.
      expect(main).toContain('2 × 300円 = 600円');
      expect(main).toContain('お支払い金額');
      // The history names the payment in words, as the system's doing.
      const history = page.getByRole('region', { name: '履歴' });
      await expect(history.textContent()).resolves.toContain('お支払い確認');
      await expect(history.textContent()).resolves.toContain('システム');
      await accessible(page, 'staff detail with the card box');
      await screenshot(page, 'card-payment-05-detail');

      // The reviewer refunds through the dialog: amount, provider in words, no undo; keyboard
      // only (focus starts in the dialog), then the payment reads 返金済 and the history has it.
      const actions = page.getByRole('region', { name: '処理' });
      await actions.getByRole('button', { name: '返金する' }).click();
      const dialog = page.getByRole('dialog', { name: '返金の確認' });
      await dialog.waitFor();
      const asked = (await dialog.textContent()) ?? '';
      for (const words of [
        reference,
        '600円',
        'サンドボックス（試用・実際の支払いなし）',
        '全額（600円）',
        'この操作は取り消せません。',
      ])
        expect(asked).toContain(words);
      await accessible(page, 'refund dialog');
      const confirm = dialog.getByRole('button', { name: '全額を返金する' });
      await expect
        .poll(() => confirm.evaluate((element) => element === element.ownerDocument.activeElement))
        .toBe(true);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await expect
        .poll(() => actions.getByRole('status').textContent())
        .toBe('600円を返金しました。支払状況は「返金済」になりました。');
      const summary = page.getByRole('region', { name: '概要' });
      await expect.poll(() => summary.textContent()).toContain('返金済');
      await expect.poll(() => history.textContent()).toContain('返金');
      // Nothing left to refund: the button is gone, and focus is on the actions' heading.
      await expect(actions.getByRole('button', { name: '返金する' }).count()).resolves.toBe(0);
      const actionsHeading = actions.getByRole('heading', { name: '処理' });
      await expect
        .poll(() =>
          actionsHeading.evaluate((element) => element === element.ownerDocument.activeElement),
        )
        .toBe(true);
      await accessible(page, 'staff detail refunded');
      await screenshot(page, 'card-payment-05b-detail-refunded');
      const after = await admin.call('GET', `/api/submissions/${String(item.id)}`);
      expect(after.body.payment).toMatchObject({ amount: 600, state: 'refunded' });
      expect((after.body.submission as Json).paymentState).toBe('refunded');
    } finally {
      await context.close();
    }

    // The resident's status page (the link from the arrival mail) shows the refund.
    const arrival = await mailTo(world, 'hanako.madoguchi@example.jp', reference);
    const statusLink = /(http:\/\/127\.0\.0\.1:\d+\/t\/midori\/s\/[^\s"<>]+)/.exec(arrival)?.[1];
    expect(statusLink).toBeDefined();
    const phone = await phoneContext(browser);
    const resident = await phone.newPage();
    try {
      await resident.goto(statusLink ?? '');
      await on(resident, '申請の状況');
      await expect(resident.locator('#payment-state').textContent()).resolves.toBe('返金済');
      expect(await resident.locator('#pay-button').count()).toBe(0);
      await accessible(resident, 'status refunded');
      await screenshot(resident, 'card-payment-05c-status-refunded');
    } finally {
      await phone.close();
    }
  });

  test('without JavaScript, a failed payment shows as failed and the pay button is offered again', async () => {
    const context = await phoneContext(browser, false);
    const page = await context.newPage();
    try {
      await authenticate(page);
      await fillAndSubmit(page, 'hanako.retry@example.jp', '1');
      await page.getByRole('button', { name: 'お支払いへ進む' }).click();
      await page.getByRole('heading', { name: 'テスト決済 / Sandbox payment' }).waitFor();
      await page.getByRole('button', { name: '失敗させる / Fail' }).click();
      await expect
        .poll(() => page.locator('#sandbox-outcome').getAttribute('data-outcome'))
        .toBe('failed');
      await page.locator('#sandbox-return').click();
      await on(page, '申請の状況');
      await expect(page.locator('#payment-state').textContent()).resolves.toBe('支払失敗');
      await expect(page.locator('#current-state').textContent()).resolves.toBe('支払待ち');
      await page.getByRole('button', { name: 'お支払いへ進む' }).waitFor();
      await accessible(page, 'status failed');
      await screenshot(page, 'card-payment-06-status-failed');
      // Paying again succeeds.
      await page.getByRole('button', { name: 'お支払いへ進む' }).click();
      await page.getByRole('button', { name: '支払う / Pay' }).click();
      await on(page, '申請の状況');
      await expect(page.locator('#payment-state').textContent()).resolves.toBe('支払済');
    } finally {
      await context.close();
    }
  });

  test('pay after acceptance: the acceptance mail carries the payment link; the resident pays through it', async () => {
    const email = 'taro.shiken@example.jp';
    const response = await fetch(
      `${world.publicUrl}/t/midori/api/forms/${forms.afterAcceptance}/submissions`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers: { copies: 3, email: { value: email, confirm: email } } }),
      },
    );
    const submitted = (await response.json()) as Json;
    expect(response.status, JSON.stringify(submitted)).toBe(201);
    const accepted = await admin.call(
      'POST',
      `/api/submissions/${String(submitted.submissionId)}/actions`,
      { action: 'accept' },
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.paymentState).toBe('requested');

    const mail = await mailTo(world, email, '手数料のお支払い');
    expect(mail).toContain('金額：900円');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/t\/midori\/pay\/pay_[0-9a-z]{25})/.exec(mail)?.[1];
    expect(link).toBeDefined();

    const context = await phoneContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(link ?? '');
      await on(page, '手数料のお支払い');
      await expect(page.locator('#reference-number').textContent()).resolves.toBe(
        String(submitted.referenceNumber),
      );
      await expect(page.locator('#payment-amount').textContent()).resolves.toBe('900円');
      expect((await page.locator('main').textContent()) ?? '').not.toContain(email);
      await accessible(page, 'payment link');
      await page.getByRole('button', { name: 'お支払いへ進む' }).click();
      await page.getByRole('button', { name: '支払う / Pay' }).click();
      await on(page, '手数料のお支払い');
      await expect(page.locator('#payment-state').textContent()).resolves.toBe('支払済');
      expect(await page.locator('#pay-button').count()).toBe(0);

      // The status page (the link from the arrival mail) shows it paid too.
      await page.goto(String(submitted.statusUrl));
      await on(page, '申請の状況');
      await expect(page.locator('#payment-state').textContent()).resolves.toBe('支払済');
      await expect(page.locator('#current-state').textContent()).resolves.toBe('受付完了');
      await accessible(page, 'status paid after acceptance');
      await screenshot(page, 'card-payment-07-after-acceptance-paid');
    } finally {
      await context.close();
    }
  });
});
