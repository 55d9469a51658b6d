import { readFileSync } from 'node:fs';
import { totpCode } from '@madoguchi/server/auth/crypto';
import { zeroWasteDay } from '@madoguchi/shared/examples';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchBrowser, screenshot } from './browser/browser';
import { serverWorld } from './server-process';
import { client, type Json, onboardAdmin } from './staff-client';

// Issue #6, part 1, in a real browser against a real server process: a staff member signs in with
// TOTP, opens the inbox, returns an application for correction; the resident resubmits (resident
// API); the staff member accepts it and downloads the CSV, whose columns and values are checked.
// A tenant admin invites a reviewer limited to one form; the reviewer accepts the invitation,
// signs in, sees only that form's applications, and keeps a half-written note through a
// session that ends. axe-core checks every main screen; screenshots land in tests/screenshots.

const password = 'a long enough passphrase for e2e';
const desktop = { viewport: { width: 1280, height: 800 }, locale: 'ja-JP', acceptDownloads: true };
let world: Awaited<ReturnType<typeof serverWorld>>;
let browser: Browser;
let admin: Awaited<ReturnType<typeof onboardAdmin>>;
const ids = { department: '', formA: '', formB: '' };
const applications: { id: string; reference: string; token: string }[] = [];

const answers = (n: number, phone = '090-1234-5678') => ({
  participant_name: { family: '緑', given: `花子${n}`, familyKana: 'みどり', givenKana: 'はなこ' },
  phone,
  email: { value: `hanako${n}@example.jp`, confirm: `hanako${n}@example.jp` },
});

async function resident(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${world.publicUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/**
 * A TOTP code the admin has not used yet (a code works once). The server accepts the code of the
 * next 30-second step too (clock skew), so the test takes that one rather than wait for it.
 */
async function freshCode(
  person: { totpSecret: string; lastTotpStep: number } = admin,
): Promise<string> {
  const step = () => Math.floor(Date.now() / 30_000);
  // Beyond the next step is beyond the window: wait until the next one is.
  while (person.lastTotpStep > step()) await new Promise((resolve) => setTimeout(resolve, 500));
  person.lastTotpStep = Math.max(step(), person.lastTotpStep + 1);
  return totpCode(person.totpSecret, person.lastTotpStep);
}

async function expectAccessible(page: Page, screen: string) {
  expect(await axeViolations(page), screen).toEqual([]);
}

/** A minimal CSV reader (quoted cells, doubled quotes, CRLF), enough for the export's output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

beforeAll(async () => {
  world = await serverWorld();
  await world.start();
  browser = await launchBrowser();
  admin = await onboardAdmin(
    world,
    password,
    'midori',
    'みどり区',
    '131041',
    'admin@city.midori.example.lg.jp',
  );
  // Forms come from the API until the builder exists (part 2): the admin designs them in a
  // department, publishes two, then takes the reviewer's role there for the journey.
  const department = await admin.call('POST', '/api/admin/departments', { name: 'ごみ減量推進課' });
  ids.department = String((department.body.department as Json).id);
  const adminId = String(((await admin.call('GET', '/api/auth/session')).body.staff as Json).id);
  const grant = (role: string) =>
    admin.call('PUT', `/api/admin/staff/${adminId}/grants`, [
      { departmentId: ids.department, role, canExport: true, canSeeMyNumber: false },
    ]);
  await grant('designer');
  for (const [key, title] of [
    ['formA', 'ごみゼロの日 清掃ボランティア'],
    ['formB', '粗大ごみ持込 予約'],
  ] as const) {
    const definition = {
      ...structuredClone(zeroWasteDay),
      title: { ja: title },
      settings: { capacity: 50 },
      options: { emailVerification: false },
    };
    const created = await admin.call('POST', '/api/forms', {
      departmentId: ids.department,
      definition,
    });
    ids[key] = String((created.body.form as Json).id);
    expect((await admin.call('POST', `/api/forms/${ids[key]}/publish`, {})).status).toBe(200);
  }
  await grant('reviewer');
  for (const [n, formId] of [
    [1, ids.formA],
    [2, ids.formA],
    [3, ids.formB],
  ] as const) {
    const submitted = await resident('POST', `/t/midori/api/forms/${formId}/submissions`, {
      answers: answers(n),
    });
    expect(submitted.status).toBe(201);
    applications.push({
      id: String(submitted.body.submissionId),
      reference: String(submitted.body.referenceNumber),
      token: String(submitted.body.accessToken),
    });
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

describe('the staff console in a browser', () => {
  let context: BrowserContext;
  let page: Page;
  let inviteLink = '';

  beforeAll(async () => {
    context = await browser.newContext(desktop);
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  test('a reviewer signs in with TOTP, returns an application, accepts the resubmission, downloads the CSV', async () => {
    const [first, second, other] = applications;
    if (!first || !second || !other) throw new Error('applications missing');
    await page.goto(world.staffUrl);
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'console-sign-in');
    await page.getByLabel('自治体 ID').fill('midori');
    await page.getByLabel('メールアドレス').fill('admin@city.midori.example.lg.jp');
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByLabel('確認コード（6桁）').fill(await freshCode());
    await page.getByRole('button', { name: '確認してログイン' }).click();

    // The inbox across forms, then one form's.
    await page.getByRole('heading', { name: '申請一覧' }).waitFor();
    const table = page.getByRole('table');
    for (const application of applications)
      await table.getByRole('link', { name: application.reference }).waitFor();
    await page.getByLabel('フォーム', { exact: true }).selectOption(ids.formA);
    await page.getByRole('heading', { name: '申請一覧: ごみゼロの日 清掃ボランティア' }).waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await expect(
      page.getByRole('navigation', { name: '状態ごとの件数' }).textContent(),
    ).resolves.toContain('到達 2');
    await expectAccessible(page, 'inbox');
    await screenshot(page, 'console-inbox');

    // Filter by the reference number, then open the application.
    await page.getByLabel('受付番号または氏名').fill(first.reference);
    await page.getByRole('button', { name: '絞り込む' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await table.getByRole('link', { name: first.reference }).click();
    await page.getByRole('heading', { name: `申請 ${first.reference}` }).waitFor();
    await page.getByRole('cell', { name: '緑 花子1（ミドリ ハナコ）' }).waitFor();
    await expectAccessible(page, 'detail');
    await screenshot(page, 'console-detail');

    // Return for correction, with a message and the field to fix. By keyboard first: the dialog
    // opens with focus inside, Escape closes it and focus goes back to its button.
    const returnButton = page.getByRole('button', { name: '補正依頼', exact: true });
    await returnButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '補正依頼の確認' });
    await dialog.waitFor();
    expect(
      await dialog.evaluate((element) => element.contains(element.ownerDocument.activeElement)),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(
      await returnButton.evaluate((element) => element === element.ownerDocument.activeElement),
    ).toBe(true);
    await returnButton.click();
    await dialog.waitFor();
    await expectAccessible(page, 'action dialog');
    await dialog.getByRole('checkbox', { name: '当日連絡がとれる電話番号' }).check();
    await dialog.getByLabel('申請者へのメッセージ').fill('電話番号をご確認ください');
    await dialog.getByRole('button', { name: '補正依頼する' }).click();
    await page.getByRole('status').filter({ hasText: '補正依頼しました' }).waitFor();
    await page.getByRole('heading', { name: `申請 ${first.reference} 補正依頼中` }).waitFor();
    const status = await resident('GET', '/t/midori/api/submission', undefined, first.token);
    expect(status.body.correction).toEqual({
      message: '電話番号をご確認ください',
      fieldsToFix: ['phone'],
    });

    // The resident resubmits; the reviewer sees revision 2 beside revision 1 and accepts it.
    const resubmitted = await resident(
      'POST',
      '/t/midori/api/submission/resubmit',
      { answers: answers(1, '03-5273-4000') },
      first.token,
    );
    expect(resubmitted.body).toEqual({ state: 'submitted', revision: 2 });
    await page.reload();
    await page.getByRole('heading', { name: `申請 ${first.reference} 到達` }).waitFor();
    await page.getByLabel('前の版と比べる').check();
    await page.getByRole('columnheader', { name: '第1版' }).waitFor();
    await page.getByRole('cell', { name: '0352734000' }).waitFor();
    await screenshot(page, 'console-detail-revisions');
    await page.getByRole('button', { name: '受付', exact: true }).click();
    await page
      .getByRole('dialog', { name: '受付の確認' })
      .getByRole('button', { name: '受付する' })
      .click();
    await page.getByRole('heading', { name: `申請 ${first.reference} 受付完了` }).waitFor();
    await page.getByText('電話番号をご確認ください').waitFor();

    // The CSV with the inbox's filters (the reference number), as the browser downloads it.
    await page.getByRole('link', { name: '一覧へ戻る' }).click();
    await page.getByRole('heading', { name: '申請一覧: ごみゼロの日 清掃ボランティア' }).waitFor();
    // Filters live in memory only (a search can be a name), so the reload above forgot them.
    await page.getByLabel('受付番号または氏名').fill(first.reference);
    await page.getByRole('button', { name: '絞り込む' }).click();
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(2);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV（UTF-8 BOM付き）' }).click(),
    ]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(header?.slice(0, 3)).toEqual(['受付番号', '状態', '支払状態']);
    expect(header).toContain('電話番号');
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries((header ?? []).map((name, index) => [name, rows[0]?.[index]]));
    expect(row).toMatchObject({
      受付番号: first.reference,
      状態: '受付完了',
      電話番号: '0352734000',
    });
    expect(
      Object.entries(row).some(([name, value]) => name.startsWith('参加者氏名') && value === '緑'),
    ).toBe(true);
  });

  test('the tenant admin invites a reviewer limited to one form; the admin screens pass axe', async () => {
    await page.getByRole('link', { name: '職員', exact: true }).click();
    await page.getByRole('heading', { name: '職員', exact: true }).waitFor();
    await page.getByLabel('氏名').fill('委託 審査');
    await page.getByLabel('メールアドレス').fill('contractor@city.midori.example.lg.jp');
    await page.getByLabel('すべてのフォーム（課の権限の範囲）').uncheck();
    await page.getByLabel('ごみゼロの日 清掃ボランティア').check();
    await page.getByRole('button', { name: '職員を招待' }).click();
    inviteLink = await page.getByTestId('one-time-link').inputValue();
    expect(inviteLink).toMatch(/\/invite#midori~/);
    await expectAccessible(page, 'staff');
    await screenshot(page, 'console-admin-staff');

    await page.getByRole('link', { name: '委託 審査' }).click();
    await page.getByRole('heading', { name: '職員: 委託 審査' }).waitFor();
    await page.getByLabel('ごみ減量推進課 役割').selectOption('reviewer');
    await page.getByLabel('ごみ減量推進課 ダウンロード可').check();
    await page.getByRole('button', { name: '役割を保存' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました' }).first().waitFor();
    await expectAccessible(page, 'staff member');
    await screenshot(page, 'console-admin-staff-member');

    await page.getByRole('link', { name: '監査ログ' }).click();
    await page.getByRole('button', { name: '改ざん検知（チェーン検証）' }).click();
    await page.getByText(/検証しました: \d+件、改ざんは見つかりませんでした。/).waitFor();
    await expectAccessible(page, 'audit');
    await screenshot(page, 'console-admin-audit');

    for (const [link, heading] of [
      ['課', '課'],
      ['自治体の設定', '自治体の設定'],
      ['フォーム', 'フォーム'],
    ] as const) {
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: link, exact: true })
        .click();
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page
        .getByRole('table')
        .or(page.getByRole('button', { name: '保存' }))
        .first()
        .waitFor();
      await expectAccessible(page, heading);
    }
    await screenshot(page, 'console-forms');
    // English, one click away, just as accessible.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Forms', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page, 'forms (en)');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: 'フォーム', exact: true }).waitFor();
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
  });

  test('the limited reviewer sees only that form, and a session ending mid-note loses nothing', async () => {
    const [first, , other] = applications;
    if (!first || !other) throw new Error('applications missing');
    const reviewer = await browser.newContext(desktop);
    const tab = await reviewer.newPage();
    try {
      await tab.goto(inviteLink);
      await tab.getByRole('heading', { name: 'アカウントの登録' }).waitFor();
      await expectAccessible(tab, 'invitation');
      await tab.getByLabel('新しいパスワード（12文字以上）').fill(password);
      // Every account enrols the second factor: there is no way past it on the invitation page.
      expect(await tab.getByRole('checkbox').count()).toBe(0);
      await tab.getByRole('button', { name: '登録する' }).click();
      await tab.getByRole('alert').filter({ hasText: '6桁のコード' }).waitFor();
      // The key the page shows goes into an authenticator app; its code enrols it.
      const contractor = {
        totpSecret: (await tab.getByTestId('totp-secret').textContent()) ?? '',
        lastTotpStep: 0,
      };
      expect(contractor.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
      await tab.getByLabel('確認コード（6桁）').fill(await freshCode(contractor));
      await tab.getByRole('button', { name: '登録する' }).click();
      await tab.getByText('登録が完了しました。').waitFor();
      await tab.getByRole('link', { name: 'ログイン画面へ' }).click();
      await tab.getByLabel('自治体 ID').fill('midori');
      await tab.getByLabel('メールアドレス').fill('contractor@city.midori.example.lg.jp');
      await tab.getByLabel('パスワード').fill(password);
      await tab.getByRole('button', { name: 'ログイン' }).click();
      await tab.getByLabel('確認コード（6桁）').fill(await freshCode(contractor));
      await tab.getByRole('button', { name: '確認してログイン' }).click();

      await tab.getByRole('heading', { name: '申請一覧' }).waitFor();
      const table = tab.getByRole('table');
      await table.getByRole('link', { name: first.reference }).waitFor();
      expect(await table.textContent()).not.toContain(other.reference);
      const options = await tab
        .getByLabel('フォーム', { exact: true })
        .locator('option')
        .allTextContents();
      expect(options).toEqual(['すべてのフォーム', 'ごみゼロの日 清掃ボランティア']);
      await screenshot(tab, 'console-reviewer-inbox');
      // The other form and its application are simply not there, also by URL.
      await tab.goto(`${world.staffUrl}/submissions/${other.id}`);
      await tab.getByRole('alert').filter({ hasText: '見つかりません' }).waitFor();
      const api = client(world.staffUrl);
      const signIn = await api.call('POST', '/api/auth/sign-in', {
        tenant: 'midori',
        email: 'contractor@city.midori.example.lg.jp',
        password,
        totpCode: await freshCode(contractor),
      });
      expect(signIn.status).toBe(200);
      expect((await api.call('GET', `/api/submissions/forms/${ids.formB}`)).status).toBe(404);
      // Nor can it be downloaded: as if no such form existed.
      expect(
        (await api.call('GET', `/api/exports/forms/${ids.formB}/submissions.csv`)).status,
      ).toBe(404);

      // The session ends while a note is being written: sign in again in the dialog; the same
      // note is saved.
      await tab.goto(`${world.staffUrl}/submissions/${first.id}`);
      await tab.getByRole('heading', { name: `申請 ${first.reference} 受付完了` }).waitFor();
      await tab.getByLabel('メモ（申請者には表示されません）').fill('電話で本人確認済み');
      await reviewer.clearCookies();
      await tab.getByRole('button', { name: 'メモを追加' }).click();
      const dialog = tab.getByRole('dialog', { name: 'セッションの有効期限が切れました' });
      await dialog.waitFor();
      await expectAccessible(tab, 're-sign-in dialog');
      await screenshot(tab, 'console-session-ended');
      await dialog.getByLabel('パスワード').fill(password);
      await dialog.getByRole('button', { name: 'ログイン' }).click();
      await dialog.getByLabel('確認コード（6桁）').fill(await freshCode(contractor));
      await dialog.getByRole('button', { name: '確認してログイン' }).click();
      await dialog.waitFor({ state: 'detached' });
      await tab.getByRole('status').filter({ hasText: 'メモを追加しました' }).waitFor();
      await tab.locator('.timeline').getByText('電話で本人確認済み').waitFor();
    } finally {
      await reviewer.close();
    }
  });
});
