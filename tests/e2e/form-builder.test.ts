import { totpCode } from '@madoguchi/server/auth/crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchBrowser, screenshot } from './browser/browser';
import { serverWorld } from './server-process';
import { type Json, onboardAdmin } from './staff-client';

// Issue #6, part 2, in a real browser: a designer builds a two-page form from scratch by clicking
// (a repeatable group, a condition, a fee), previews it with the resident renderer, publishes it;
// a resident submits it through the resident API, and the CSV has the columns the builder made.

const password = 'a long enough passphrase for the builder e2e';
const email = 'designer@city.hikari.example.lg.jp';
let world: Awaited<ReturnType<typeof serverWorld>>;
let browser: Browser;
let admin: Awaited<ReturnType<typeof onboardAdmin>>;
let department = '';

beforeAll(async () => {
  world = await serverWorld();
  await world.start();
  browser = await launchBrowser();
  admin = await onboardAdmin(world, password, 'hikari', 'ひかり市', '131059', email);
  const created = await admin.call('POST', '/api/admin/departments', { name: '子育て支援課' });
  department = String((created.body.department as Json).id);
  const adminId = String(((await admin.call('GET', '/api/auth/session')).body.staff as Json).id);
  await admin.call('PUT', `/api/admin/staff/${adminId}/grants`, [
    { departmentId: department, role: 'designer', canExport: true, canSeeMyNumber: false },
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

async function signIn(page: Page) {
  await page.goto(world.staffUrl);
  await page.getByLabel('自治体 ID').fill('hikari');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  // The onboarding used the current step; the next one is accepted too (clock skew).
  const step = Math.max(Math.floor(Date.now() / 30_000), admin.lastTotpStep + 1);
  admin.lastTotpStep = step;
  await page.getByLabel('確認コード（6桁）').fill(totpCode(admin.totpSecret, step));
  await page.getByRole('button', { name: '確認してログイン' }).click();
  await page.getByRole('heading', { name: '申請一覧' }).waitFor();
}

describe('the form builder in a browser', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP' });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  test('a designer builds, previews and publishes a two-page form; a resident applies; the CSV has its columns', async () => {
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'フォーム', exact: true })
      .click();
    await page.getByRole('button', { name: '作成', exact: true }).click();
    const palette = page.getByRole('region', { name: 'フィールドを追加' });
    await palette.waitFor();
    const inspector = page.locator('.builder-inspector');

    // Page 1: the starting name field, a choice, a household group with a relation inside.
    await palette.getByRole('button', { name: '＋ 単一選択' }).click();
    await inspector.getByLabel('ラベル（日本語）').fill('申請の区分');
    await inspector.getByLabel('CSVの列名').fill('区分');
    await palette.getByRole('button', { name: '＋ 繰り返しグループ' }).click();
    await inspector.getByLabel('ラベル（日本語）').fill('対象のお子さん');
    await palette.getByRole('button', { name: '＋ 数値' }).click(); // inside the group
    await inspector.getByLabel('ラベル（日本語）').fill('年齢');
    await inspector.getByLabel('CSVの列名').fill('年齢');

    // Page 2: a fee, and a note shown only for the second kind of application.
    await page.getByRole('button', { name: '＋ ページを追加' }).click();
    await page
      .locator('.builder-inspector')
      .getByLabel(/^ページの見出し\s*\*?$/)
      .fill('手数料');
    await palette.getByRole('button', { name: '＋ 手数料' }).click();
    await inspector.getByLabel('ラベル（日本語）').fill('証明書の通数');
    await inspector.getByLabel('CSVの列名').fill('通数');
    await palette.getByRole('button', { name: '＋ 短い文章' }).click();
    await inspector.getByLabel('ラベル（日本語）').fill('区分2の理由');
    await inspector.getByLabel('CSVの列名').fill('理由');
    await inspector.getByRole('button', { name: '＋ 条件を追加' }).click();
    await inspector.getByLabel('項目 1').selectOption('single_choice');
    await inspector.getByLabel('値 1').selectOption('b');

    // Alt+↑ moves the note above the fee, Alt+↓ puts it back.
    const note = () => page.locator('.outline-select', { hasText: '区分2の理由' });
    await note().focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() =>
        page.locator('.outline-page').nth(1).locator('.outline-select').nth(1).textContent(),
      )
      .toContain('区分2の理由');
    await note().focus();
    await page.keyboard.press('Alt+ArrowDown');

    await page.getByText('問題はありません').waitFor();
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'builder-structure');

    await page.getByRole('tab', { name: 'プレビュー' }).click();
    const phoneFrame = page.frameLocator('iframe[title$="スマートフォン（360px）"]');
    await phoneFrame.getByRole('heading', { name: '申請者' }).waitFor();
    await phoneFrame.getByRole('group', { name: /氏名/ }).waitFor();
    await expect.poll(() => phoneFrame.locator('body').textContent()).toContain('申請の区分');
    // The resident stylesheet loaded inside the sandboxed frame.
    await expect
      .poll(() =>
        phoneFrame
          .locator('body')
          .evaluate((body) => body.ownerDocument.styleSheets[0]?.cssRules.length ?? 0),
      )
      .toBeGreaterThan(10);
    await page.getByRole('tab', { name: 'プレビュー' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'builder-preview');

    await page.getByRole('tab', { name: '個人情報' }).click();
    await page.getByText('個人情報保護審議会への諮問は不要です').waitFor();
    await screenshot(page, 'builder-privacy');

    await page.getByRole('button', { name: '公開する（v1）' }).click();
    await page.getByRole('status').filter({ hasText: 'v1を公開しました' }).waitFor();
    const formId = new URL(page.url()).pathname.split('/')[2] ?? '';

    // A change after publishing shows in the version history's diff, named by its label.
    await page.getByRole('tab', { name: '構成' }).click();
    await palette.getByRole('button', { name: '＋ はい／いいえ' }).click();
    await inspector.getByLabel('ラベル（日本語）').fill('窓口での受け取りを希望する');
    await page.getByRole('tab', { name: '版の履歴' }).click();
    await page.getByRole('button', { name: '差分を見る: v1' }).click();
    await page.getByText('追加: 窓口での受け取りを希望する').waitFor();
    // Only that: defaults the published version holds do not read as changes.
    await expect.poll(() => page.locator('ul.diff li').count()).toBe(1);
    await screenshot(page, 'builder-versions');
    await page.getByRole('button', { name: '元に戻す' }).click();
    await page.getByRole('button', { name: '元に戻す' }).click();
    await expect.poll(() => page.getByText('未保存の変更があります').count()).toBe(0);

    // A resident applies through the resident API with the ids the builder gave.
    const response = await fetch(`${world.publicUrl}/t/hikari/api/forms/${formId}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        answers: {
          name: { family: '光', given: '太郎', familyKana: 'ひかり', givenKana: 'たろう' },
          single_choice: 'b',
          group: [{ number: '5' }, { number: '8' }],
          fee: '2',
          short_text_2: '兄弟で申請',
        },
      }),
    });
    expect(response.status, await response.clone().text()).toBe(201);

    const csv = await context.request.get(
      `${world.staffUrl}/api/exports/forms/${formId}/submissions.csv`,
    );
    expect(csv.status()).toBe(200);
    const text = (await csv.text()).replace(/^\uFEFF/, '');
    const [header = '', first = ''] = text.split(/\r?\n/);
    // The CSV column names are the builder's: a group's rows and a fee spread over several.
    const columns = header.split(',');
    const row = Object.fromEntries(columns.map((name, index) => [name, first.split(',')[index]]));
    expect(row).toMatchObject({
      区分: '選択肢2',
      対象のお子さん1_年齢: '5',
      対象のお子さん2_年齢: '8',
      通数_数量: '2',
      通数_金額: '600',
      理由: '兄弟で申請',
    });
    expect(first).toContain('兄弟で申請');
  });
});
