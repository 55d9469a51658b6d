import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, phoneContext, screenshot } from './browser/browser';
import { accessible, mailTo, on, signInToConsole } from './journeys';
import { freePort, serverWorld } from './server-process';
import { type Json, onboardAdmin } from './staff-client';

// Issue #6's joined-up journey in a real browser, from an empty form to the CSV:
// a designer builds a two-page form by clicking (a repeatable group, a condition, a fee, choices
// renamed to real words, an id renamed), switches on card authentication (the name filled from
// the card) and payment after acceptance in the settings and saves (the saved draft has them),
// previews and publishes. A resident on a phone authenticates with the local card provider and
// applies through the resident PAGES; the status link arrives by mail. A reviewer returns it in the console with a message and the
// field to fix; the resident corrects and resubmits through the pages; the reviewer accepts
// and downloads the CSV with the console's button, whose columns hold the corrected value.
// axe-core checks every builder tab; screenshots go to tests/screenshots.

const password = 'a long enough passphrase for the builder e2e';
const email = 'designer@city.hikari.example.lg.jp';
const residentEmail = 'madoguchi.hanako@example.jp';
let world: Awaited<ReturnType<typeof serverWorld>>;
let browser: Browser;
let admin: Awaited<ReturnType<typeof onboardAdmin>>;
let department = '';
let adminId = '';

/** Gives the admin one role in the department (the console reads grants on each request). */
const grant = (role: 'designer' | 'reviewer') =>
  admin.call('PUT', `/api/admin/staff/${adminId}/grants`, [
    { departmentId: department, role, canExport: true, canSeeMyNumber: false },
  ]);

beforeAll(async () => {
  // The server starts the local card provider (fictional holders) on this port.
  process.env.CARD_LOCAL_PORT = String(await freePort());
  world = await serverWorld();
  delete process.env.CARD_LOCAL_PORT;
  [browser] = await Promise.all([launchBrowser(), world.start()]);
  admin = await onboardAdmin(world, password, 'hikari', 'ひかり市', '131059', email);
  const created = await admin.call('POST', '/api/admin/departments', { name: '子育て支援課' });
  department = String((created.body.department as Json).id);
  adminId = String(((await admin.call('GET', '/api/auth/session')).body.staff as Json).id);
  await grant('designer');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

/** Signs the admin in to the console; the inbox. */
const signIn = (page: Page) =>
  signInToConsole(page, world.staffUrl, admin, { tenant: 'hikari', email, password });

/** A small CSV reader (quoted cells, doubled quotes, CRLF). */
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
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const answer = (page: Page, name: string) => page.locator(`[name="a.${name}"]`);
const next = (page: Page) => page.locator('.actions button[value="next"]').click();

describe('issue #6 in a browser: build, publish, apply, return, resubmit, accept, download', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP' });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  let formId = '';
  let reference = '';
  let statusLink = '';

  test('a designer builds a two-page form by clicking, sets the options, previews and publishes', async () => {
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'フォーム', exact: true })
      .click();
    // The new-form dialog names the department, not its id.
    await expect
      .poll(() => page.getByLabel('課', { exact: true }).locator('option').first().textContent())
      .toBe('子育て支援課');
    await page.getByRole('button', { name: '作成', exact: true }).click();
    const palette = page.getByRole('region', { name: 'フィールドを追加' });
    await palette.waitFor();
    formId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const inspector = page.locator('.builder-inspector');
    const label = () => inspector.getByLabel('ラベル（日本語）');

    // Page 1: the starting name, an email, the kind of application with real words, a phone,
    // and a household group with an age inside.
    await palette.getByRole('button', { name: '＋ メールアドレス' }).click();
    await inspector.getByLabel('必須', { exact: true }).check();
    await palette.getByRole('button', { name: '＋ 単一選択' }).click();
    await label().fill('申請の区分');
    await inspector.getByLabel('ラベル（英語）').fill('Kind of application');
    await inspector.getByLabel('CSVの列名').fill('区分');
    await inspector.getByLabel('選択肢1の表示（日本語）').fill('新規');
    await inspector.getByLabel('選択肢1の表示（英語）').fill('New');
    await inspector.getByLabel('選択肢2の表示（日本語）').fill('再発行');
    await inspector.getByLabel('選択肢2の表示（英語）').fill('Reissue');
    await palette.getByRole('button', { name: '＋ 電話番号' }).click();
    await inspector.getByLabel('CSVの列名').fill('電話番号');
    await palette.getByRole('button', { name: '＋ 繰り返しグループ' }).click();
    await label().fill('対象のお子さん');
    await inspector.getByLabel('行の見出し（例: お子さん）').fill('お子さん');
    await inspector.locator('.placeholder-hint').waitFor();
    await palette.getByRole('button', { name: '＋ 数値' }).click(); // replaces the placeholder
    await label().fill('年齢');
    await inspector.getByLabel('CSVの列名').fill('年齢');

    // Page 2: a fee, and a reason shown only for a reissue.
    await page.getByRole('button', { name: '＋ ページを追加' }).click();
    await inspector.getByLabel(/^ページの見出し\s*\*?$/).fill('手数料');
    await inspector.getByLabel('ページの説明（日本語）').fill('証明書1通につき300円です。');
    await palette.getByRole('button', { name: '＋ 手数料' }).click();
    await label().fill('証明書の通数');
    await inspector.getByLabel('CSVの列名').fill('通数');
    await palette.getByRole('button', { name: '＋ 短い文章' }).click();
    await label().fill('再発行の理由');
    await inspector.getByLabel('CSVの列名').fill('理由');
    await inspector.getByRole('button', { name: '＋ 条件を追加' }).click();
    await inspector.getByLabel('項目 1').selectOption('single_choice');
    await inspector.getByLabel('値 1').selectOption({ label: '再発行' });
    // Readable ids: the reason's id, then the kind's, which the condition follows.
    await inspector.getByLabel('項目ID（英小文字・数字・_）').fill('reason');
    await inspector.getByLabel('項目ID（英小文字・数字・_）').press('Enter');
    await page.locator('.outline-select', { hasText: '申請の区分' }).click();
    await inspector.getByLabel('項目ID（英小文字・数字・_）').fill('reason');
    await inspector.getByText('このIDはこのフォームの別の項目で使われています').waitFor();
    await inspector.getByLabel('項目ID（英小文字・数字・_）').fill('kind');
    await inspector.getByLabel('項目ID（英小文字・数字・_）').press('Enter');

    // Alt+↑ moves the reason above the fee, Alt+↓ puts it back.
    const reason = () => page.locator('.outline-select', { hasText: '再発行の理由' });
    await reason().focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() =>
        page.locator('.outline-page').nth(1).locator('.outline-select').nth(1).textContent(),
      )
      .toContain('再発行の理由');
    await reason().focus();
    await page.keyboard.press('Alt+ArrowDown');
    await reason().click();
    expect(await inspector.getByLabel('項目 1').inputValue()).toBe('kind');

    await page.getByText('問題はありません').waitFor();
    await accessible(page, 'builder structure');
    await screenshot(page, 'builder-structure');

    // Settings: the title, card authentication filling the name, pay after acceptance.
    await page.getByRole('tab', { name: '設定' }).click();
    await page.getByLabel('フォーム名（日本語）').fill('証明書交付申請');
    await page.getByLabel('申請の前にマイナンバーカードで本人確認する').check();
    await page.getByText('マイナンバーカード認証で取得する属性を1つ以上選んでください').waitFor();
    await page.getByRole('checkbox', { name: '氏名', exact: true }).check();
    await page.getByLabel('氏名を入れて固定する項目').selectOption('name');
    await page.getByLabel('1人1件').selectOption('card_subject');
    await page.getByLabel('支払い', { exact: true }).selectOption('after_acceptance');
    await page.getByText('問題はありません').waitFor();
    await accessible(page, 'builder settings');
    await screenshot(page, 'builder-settings');
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor();

    // The saved draft, read back through the API, has the options.
    const saved = await context.request.get(`${world.staffUrl}/api/forms/${formId}`);
    const draft = ((await saved.json()) as { form: { draft: Json } }).form.draft as {
      options: Json;
      settings: Json;
      pages: { fields: { id: string }[] }[];
    };
    expect(draft.options).toMatchObject({
      cardAuthentication: { enabled: true, attributes: ['name'], prefill: { name: 'name' } },
      payment: { mode: 'after_acceptance' },
    });
    expect(draft.settings).toMatchObject({ onePerPerson: 'card_subject' });
    expect(draft.pages.map((p) => p.fields.map((f) => f.id))).toEqual([
      ['name', 'email', 'kind', 'phone', 'group'],
      ['fee', 'reason'],
    ]);

    await page.getByRole('tab', { name: 'プレビュー' }).click();
    const phoneFrame = page.frameLocator('iframe[title$="スマートフォン（360px）"]');
    await phoneFrame.getByRole('heading', { name: '申請者' }).waitFor();
    await phoneFrame.getByRole('group', { name: /氏名/ }).waitFor();
    await expect.poll(() => phoneFrame.locator('body').textContent()).toContain('再発行');
    // The resident stylesheet loaded inside the sandboxed frame.
    await expect
      .poll(() =>
        phoneFrame
          .locator('body')
          .evaluate((body) => body.ownerDocument.styleSheets[0]?.cssRules.length ?? 0),
      )
      .toBeGreaterThan(10);
    await accessible(page, 'builder preview');
    await page.getByRole('tab', { name: 'プレビュー' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'builder-preview');

    await page.getByRole('tab', { name: '個人情報' }).click();
    await page.getByText('個人情報保護審議会への諮問が必要です').waitFor();
    await accessible(page, 'builder privacy');
    await screenshot(page, 'builder-privacy');

    await page.getByRole('button', { name: '公開する（v1）' }).click();
    await page.getByRole('status').filter({ hasText: 'v1を公開しました' }).waitFor();

    // A change after publishing shows in the version history's diff, in words.
    await page.getByRole('tab', { name: '構成' }).click();
    await page.locator('.outline-select', { hasText: '申請の区分' }).click();
    await inspector.getByLabel('必須', { exact: true }).check();
    await palette.getByRole('button', { name: '＋ はい／いいえ' }).click();
    await label().fill('窓口での受け取りを希望する');
    await page.getByRole('tab', { name: '版の履歴' }).click();
    await page.getByRole('button', { name: '差分を見る: v1' }).click();
    await page.getByText('追加: 窓口での受け取りを希望する').waitFor();
    await page.getByText('変更: 申請の区分（必須）').waitFor();
    // Only those: defaults the published version holds do not read as changes.
    await expect.poll(() => page.locator('ul.diff li').count()).toBe(2);
    await accessible(page, 'builder versions');
    await screenshot(page, 'builder-versions');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '元に戻す' }).click();
    await expect.poll(() => page.getByText('未保存の変更があります').count()).toBe(0);

    // The inspectors of other types pass axe too, with a problem shown beside its input:
    // a file's limits, a date bounded from today, reservation slots (saved to the draft only).
    await page.getByRole('tab', { name: '構成' }).click();
    await palette.getByRole('button', { name: '＋ ファイル添付' }).click();
    await inspector.getByLabel('1ファイルの上限（MB、1〜50）').fill('60');
    await expect
      .poll(() =>
        inspector.getByLabel('1ファイルの上限（MB、1〜50）').getAttribute('aria-describedby'),
      )
      .toMatch(/error/);
    await accessible(page, 'file inspector with a problem');
    await inspector.getByLabel('1ファイルの上限（MB、1〜50）').fill('20');
    await palette.getByRole('button', { name: '＋ 日付' }).click();
    await inspector.getByLabel('最も早い日付: 指定のしかた').selectOption('relative');
    await inspector.getByLabel('最も早い日付: 今日から何日後（前は負の数）').fill('7');
    await accessible(page, 'date inspector');
    await palette.getByRole('button', { name: '＋ 予約枠' }).click();
    await inspector.getByRole('button', { name: '＋ 予約枠を追加' }).click();
    await inspector.getByLabel('枠2の定員').fill('5');
    await accessible(page, 'reservation slot inspector');
    await screenshot(page, 'builder-inspector-slots');
    await page.getByText('問題はありません').waitFor();
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
  });

  test('a resident applies on a phone through the resident pages; the status link comes by mail', async () => {
    const phone = await phoneContext(browser);
    const resident = await phone.newPage();
    const errors: string[] = [];
    resident.on('pageerror', (error) => errors.push(error.message));
    await resident.goto(`${world.publicUrl}/t/hikari/f/${formId}`);
    await resident.getByRole('button', { name: '申請を始める' }).click();
    // Card authentication, as the designer switched it on: the local provider's fictional
    // holder; the name comes from the card and is locked.
    await on(resident, 'マイナンバーカードで本人確認');
    await resident.locator('#card-start').click();
    await resident
      .getByRole('heading', { name: 'マイナンバーカード認証（開発用の模擬）' })
      .waitFor();
    await resident.getByLabel('窓口　花子（1985-04-12）').check();
    await resident.getByRole('button', { name: '認証する' }).click();
    await on(resident, '申請者');
    expect(await answer(resident, 'name.family').inputValue()).toBe('窓口');
    expect(await answer(resident, 'name.given').inputValue()).toBe('花子');
    expect(await answer(resident, 'name.family').getAttribute('readonly')).not.toBeNull();
    await answer(resident, 'name.familyKana').fill('マドグチ');
    await answer(resident, 'name.givenKana').fill('ハナコ');
    await answer(resident, 'email.value').fill(residentEmail);
    await answer(resident, 'email.confirm').fill(residentEmail);
    await resident.getByRole('radio', { name: '再発行' }).check();
    await answer(resident, 'phone').fill('090-1234-5678');
    if ((await answer(resident, 'group.0.number').count()) === 0)
      await resident.getByRole('button', { name: 'お子さんを追加する' }).click();
    await answer(resident, 'group.0.number').fill('5');
    await resident.getByRole('button', { name: 'お子さんを追加する' }).click();
    await expect.poll(() => answer(resident, 'group.1.number').count()).toBe(1);
    await resident.waitForLoadState('load');
    await answer(resident, 'group.1.number').fill('8');
    await next(resident);
    await on(resident, '手数料');
    await answer(resident, 'fee').fill('2');
    await answer(resident, 'reason').fill('紛失したため');
    await next(resident);
    await on(resident, '申請内容の確認');
    const confirmation = (await resident.locator('main').textContent()) ?? '';
    for (const text of ['再発行', '紛失したため', '090-1234-5678'])
      expect(confirmation).toContain(text);
    await resident.getByRole('button', { name: 'この内容で申請する' }).click();
    await on(resident, '申請を受け付けました');
    reference = ((await resident.locator('#reference-number').textContent()) ?? '').trim();
    expect(reference).not.toBe('');
    const arrival = await mailTo(world, residentEmail, reference);
    statusLink = /(http:\/\/127\.0\.0\.1:\d+\/t\/hikari\/s\/\S+)/.exec(arrival)?.[1] ?? '';
    expect(statusLink).not.toBe('');
    expect(errors).toEqual([]);
    await phone.close();
  });

  test('a reviewer returns it; the resident corrects it; the reviewer accepts and downloads the CSV', async () => {
    await grant('reviewer');
    await page.goto(`${world.staffUrl}/inbox`);
    await page.getByRole('heading', { name: '申請一覧' }).waitFor();
    await page.getByLabel('フォーム', { exact: true }).selectOption(formId);
    await page.getByRole('heading', { name: '申請一覧: 証明書交付申請' }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('link', { name: reference }).waitFor();
    await accessible(page, 'inbox');
    await screenshot(page, 'journey-inbox');
    await table.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: `申請 ${reference}` }).waitFor();
    await page.getByRole('cell', { name: '紛失したため' }).waitFor();
    await accessible(page, 'detail');
    await screenshot(page, 'journey-detail');

    await page.getByRole('button', { name: '補正依頼', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '補正依頼の確認' });
    await dialog.getByRole('checkbox', { name: '電話番号' }).check();
    await dialog.getByLabel('申請者へのメッセージ').fill('日中に連絡のつく番号をご記入ください。');
    await dialog.getByRole('button', { name: '補正依頼する' }).click();
    await page.getByRole('status').filter({ hasText: '補正依頼しました' }).waitFor();
    await page.getByRole('heading', { name: `申請 ${reference} 補正依頼中` }).waitFor();

    // The resident opens the mailed status link, corrects the phone and resubmits.
    const phone = await phoneContext(browser);
    const resident = await phone.newPage();
    await resident.goto(statusLink);
    await on(resident, '申請の状況');
    expect(await resident.locator('#correction').textContent()).toContain('日中に連絡のつく番号');
    await resident.locator('#correct-link').click();
    await expect.poll(() => answer(resident, 'phone').count()).toBe(1);
    await answer(resident, 'phone').fill('03-5273-4000');
    for (let step = 0; step < 3; step++) {
      if (((await resident.locator('h1').textContent()) ?? '').includes('申請内容の確認')) break;
      await next(resident);
      await resident.waitForLoadState('load');
    }
    await on(resident, '申請内容の確認');
    expect(await resident.locator('main').textContent()).toContain('03-5273-4000');
    await resident.getByRole('button', { name: '修正した内容で再申請する' }).click();
    await on(resident, '修正した内容で再申請しました');
    await phone.close();

    // The reviewer accepts the resubmission.
    await page.reload();
    await page.getByRole('heading', { name: `申請 ${reference} 到達` }).waitFor();
    await page.getByRole('button', { name: '受付', exact: true }).click();
    await page
      .getByRole('dialog', { name: '受付の確認' })
      .getByRole('button', { name: '受付する' })
      .click();
    await page.getByRole('heading', { name: `申請 ${reference} 受付完了` }).waitFor();

    // The CSV with the console's download button: the builder's columns (a group's by its row
    // heading, a fee as quantity and amount), and the corrected phone, not the first one.
    await page.getByRole('link', { name: '一覧へ戻る' }).click();
    await page.getByRole('heading', { name: /^申請一覧/ }).waitFor();
    await page.getByLabel('フォーム', { exact: true }).selectOption(formId);
    await page.getByRole('heading', { name: '申請一覧: 証明書交付申請' }).waitFor();
    await table.getByRole('link', { name: reference }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV（UTF-8 BOM付き）' }).click(),
    ]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header = [], ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header.map((name, index) => [name, rows[0]?.[index]]));
    expect(row).toMatchObject({
      受付番号: reference,
      状態: '受付完了',
      区分: '再発行',
      電話番号: '0352734000',
      お子さん1_年齢: '5',
      お子さん2_年齢: '8',
      通数_数量: '2',
      通数_金額: '600',
      理由: '紛失したため',
    });
    expect(Object.values(row)).not.toContain('09012345678');
    // The name the card verified.
    expect(Object.values(row)).toContain('窓口');
  });
});
