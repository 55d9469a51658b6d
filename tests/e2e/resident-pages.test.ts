import { schoolPlansSurvey } from '@madoguchi/shared/examples';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, phoneContext, screenshot } from './browser/browser';
import { accessible, mailTo, on, publishThroughApi } from './journeys';
import { serverWorld } from './server-process';
import { type Json, onboardAdmin } from './staff-client';

// Issue #5's journeys in Debian's Chromium on a 360 px phone, against a real server process:
// a resident fills the school-plans survey (a repeatable group with conditions, two pages),
// confirms, submits, gets the arrival mail in the local mail folder, opens its link; staff
// return the application through the API; the resident corrects and resubmits. The same with
// JavaScript turned off; withdrawal; the client script's live validation, postal-code lookup
// and drafts. axe-core checks every page type; screenshots go to tests/screenshots/.

const password = 'a long enough passphrase for e2e';
let world: Awaited<ReturnType<typeof serverWorld>>;
let browser: Browser;
let staff: Awaited<ReturnType<typeof onboardAdmin>>;
let formId = '';

beforeAll(async () => {
  world = await serverWorld();
  [browser] = await Promise.all([launchBrowser(), world.start()]);
  staff = await onboardAdmin(
    world,
    password,
    'midori',
    'みどり区',
    '131041',
    'admin@city.midori.example.lg.jp',
  );
  const department = await staff.call('POST', '/api/admin/departments', { name: '学務課' });
  const departmentId = String((department.body.department as Json).id);
  const session = await staff.call('GET', '/api/auth/session');
  const staffId = String((session.body.staff as Json).id);
  const grant = (role: string) =>
    staff.call('PUT', `/api/admin/staff/${staffId}/grants`, [
      { departmentId, role, canExport: false, canSeeMyNumber: false },
    ]);
  // The admin designs and publishes as a designer, then handles applications as a reviewer.
  await grant('designer');
  const survey = structuredClone(schoolPlansSurvey);
  const definition = {
    ...survey,
    settings: { ...survey.settings, opensAt: undefined, closesAt: undefined },
    options: { ...survey.options, emailVerification: false },
  };
  formId = await publishThroughApi(staff, departmentId, definition);
  await grant('reviewer');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

const startUrl = () => `${world.publicUrl}/t/midori/f/${formId}`;
const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);
const next = (page: Page) => page.locator('.actions button[value="next"]').click();

/** The first child: no follow-up questions. */
async function fillFirstChild(page: Page): Promise<void> {
  await field(page, 'a.children.0.child_name.family').fill('緑');
  await field(page, 'a.children.0.child_name.given').fill('一郎');
  await field(page, 'a.children.0.child_name.familyKana').fill('みどり');
  await field(page, 'a.children.0.child_name.givenKana').fill('いちろう');
  await field(page, 'a.children.0.child_birth_date').fill('2020-06-15');
  await page.locator('[name="a.children.0.child_sex"][value="male"]').check();
  await field(page, 'a.children.0.current_school').fill('みどり保育園');
  await page.locator('[name="a.children.0.school_plan"][value="designated"]').check();
  await page.locator('[name="a.children.0.child_nationality"][value="japan"]').check();
}

/** The second child's own answers, which bring up follow-up questions. */
async function fillSecondChild(page: Page): Promise<void> {
  await field(page, 'a.children.1.child_name.family').fill('緑');
  await field(page, 'a.children.1.child_name.given').fill('花子');
  await field(page, 'a.children.1.child_name.familyKana').fill('ミドリ');
  await field(page, 'a.children.1.child_name.givenKana').fill('ハナコ');
  await field(page, 'a.children.1.child_birth_date').fill('2014-09-01');
  await page.locator('[name="a.children.1.child_sex"][value="female"]').check();
  await field(page, 'a.children.1.current_school').fill('みどり小学校');
  await page.locator('[name="a.children.1.school_plan"][value="private"]').check();
  await page.locator('[name="a.children.1.child_nationality"][value="other"]').check();
}

/** The follow-up questions the second child's answers brought up. */
async function fillFollowUps(page: Page): Promise<void> {
  await field(page, 'a.children.1.planned_school').fill('私立みどり学園中学校');
  await field(page, 'a.children.1.nationality_name').fill('フィリピン');
  await field(page, 'a.children.1.home_language').fill('タガログ語');
  await field(page, 'a.children.1.residence_status').selectOption('permanent');
  await field(page, 'a.children.1.residence_card_number').fill('AB12345678CD');
}

const followUps = [
  'children.1.planned_school',
  'children.1.nationality_name',
  'children.1.home_language',
  'children.1.residence_status',
  'children.1.residence_card_number',
];

async function fillGuardian(page: Page, email: string, javaScript: boolean): Promise<void> {
  await field(page, 'a.guardian_name.family').fill('緑');
  await field(page, 'a.guardian_name.given').fill('花江');
  await field(page, 'a.guardian_name.familyKana').fill('ミドリ');
  await field(page, 'a.guardian_name.givenKana').fill('ハナエ');
  await field(page, 'a.address.postalCode').fill('160-0023');
  if (javaScript) {
    // The client script fills what the postal code says, from the chunk of codes 160xxxx.
    await expect.poll(() => field(page, 'a.address.city').inputValue()).toBe('新宿区');
    expect(await field(page, 'a.address.prefecture').inputValue()).toBe('東京都');
    expect(await field(page, 'a.address.town').inputValue()).toBe('西新宿');
    await field(page, 'a.address.town').fill('西新宿2-8-1');
  } else {
    await field(page, 'a.address.prefecture').selectOption('東京都');
    await field(page, 'a.address.city').fill('新宿区');
    await field(page, 'a.address.town').fill('西新宿2-8-1');
  }
  await field(page, 'a.phone').fill('090-1234-5678');
  const twice = (await field(page, 'a.email.confirm').count()) > 0;
  await field(page, twice ? 'a.email.value' : 'a.email').fill(email);
  if (twice) await field(page, 'a.email.confirm').fill(email);
}

/** The whole journey, with or without JavaScript; returns nothing, asserts on the way. */
async function journey(javaScript: boolean): Promise<void> {
  const tag = javaScript ? 'js' : 'nojs';
  const email = `hanae.${tag}@example.jp`;
  const context = await phoneContext(browser, javaScript);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(startUrl());
  await accessible(page, `start ${tag}`);
  await screenshot(page, `01-start-${tag}`);
  await page.getByRole('button', { name: '申請を始める' }).click();
  await on(page, 'お子さんの情報');

  // An empty page: the error summary and the message beside each field.
  await next(page);
  await expect.poll(() => page.locator('#error-summary').isVisible()).toBe(true);
  expect(await page.title()).toMatch(/^エラー：/);
  await accessible(page, `errors ${tag}`);
  await screenshot(page, `02-errors-${tag}`);

  await fillFirstChild(page);
  await page.getByRole('button', { name: 'お子さんを追加する' }).click();
  await expect.poll(() => field(page, 'a.children.1.child_name.family').count()).toBe(1);
  await page.waitForLoadState('load');
  expect(await field(page, 'a.children.0.current_school').inputValue()).toBe('みどり保育園');
  await fillSecondChild(page);
  if (javaScript) {
    // The follow-up questions show at once, with no round trip.
    for (const key of followUps)
      await expect
        .poll(() => page.locator(`[data-field="${key}"]`).isVisible(), { message: key })
        .toBe(true);
  } else {
    for (const key of followUps)
      expect(await page.locator(`[data-field="${key}"]`).isVisible(), key).toBe(false);
    // Without JavaScript the server shows them after the post, with a notice, and no error.
    await next(page);
    await expect.poll(() => page.locator('.notice').isVisible()).toBe(true);
    expect(await page.locator('.error-summary').count()).toBe(0);
    for (const key of followUps)
      expect(await page.locator(`[data-field="${key}"]`).isVisible(), key).toBe(true);
  }
  await fillFollowUps(page);
  await accessible(page, `page 1 filled ${tag}`);
  await screenshot(page, `03-children-${tag}`);
  await next(page);
  await on(page, '保護者の情報');

  await fillGuardian(page, email, javaScript);
  await accessible(page, `page 2 ${tag}`);
  await screenshot(page, `04-guardian-${tag}`);
  await next(page);
  await on(page, '申請内容の確認');
  const confirmation = (await page.locator('main').textContent()) ?? '';
  for (const answer of ['私立みどり学園中学校', 'フィリピン', '西新宿2-8-1', '090-1234-5678'])
    expect(confirmation).toContain(answer);
  await accessible(page, `confirmation ${tag}`);
  await screenshot(page, `05-confirm-${tag}`);

  await page.getByRole('button', { name: 'この内容で申請する' }).click();
  await on(page, '申請を受け付けました');
  const reference = ((await page.locator('#reference-number').textContent()) ?? '').trim();
  expect(reference).not.toBe('');
  await accessible(page, `completion ${tag}`);
  await screenshot(page, `06-complete-${tag}`);
  // The draft this device kept is forgotten once the application is sent.
  if (javaScript) await expect.poll(() => page.evaluate<number>('localStorage.length')).toBe(0);

  // The arrival mail (申請到達) carries the reference number and the secret link.
  const arrival = await mailTo(world, email, reference);
  const link = /(http:\/\/127\.0\.0\.1:\d+\/t\/midori\/s\/\S+)/.exec(arrival)?.[1];
  expect(link).toBeDefined();
  await page.goto(link ?? '');
  await on(page, '申請の状況');
  expect(await page.locator('#current-state').getAttribute('class')).toContain('state--submitted');
  await accessible(page, `status ${tag}`);
  await screenshot(page, `07-status-${tag}`);

  // Staff return it for correction (補正依頼) through the API.
  const inbox = await staff.call('GET', `/api/submissions/forms/${formId}?q=${reference}`);
  const id = String(((inbox.body.items as Json[])[0] as Json).id);
  const returned = await staff.call('POST', `/api/submissions/${id}/actions`, {
    action: 'return_for_correction',
    message: '電話番号は日中に連絡のつく番号をご記入ください。',
    fieldsToFix: ['phone'],
  });
  expect(returned.body.state).toBe('returned');

  await page.reload();
  expect(await page.locator('#correction').textContent()).toContain('日中に連絡のつく番号');
  await accessible(page, `status returned ${tag}`);
  await screenshot(page, `08-status-returned-${tag}`);
  await page.locator('#correct-link').click();
  await expect.poll(() => field(page, 'a.phone').count()).toBe(1);
  expect(await page.locator('.field--fix').count()).toBeGreaterThan(0);
  await accessible(page, `correction ${tag}`);
  await screenshot(page, `09-correction-${tag}`);
  await field(page, 'a.phone').fill('03-5273-4000');
  await next(page);
  await on(page, '申請内容の確認');
  expect(await page.locator('main').textContent()).toContain('03-5273-4000');
  await page.getByRole('button', { name: '修正した内容で再申請する' }).click();
  await on(page, '修正した内容で再申請しました');
  await accessible(page, `resubmitted ${tag}`);
  await page.goto(`${world.publicUrl}/t/midori/status`);
  expect(await page.locator('#current-state').getAttribute('class')).toContain('state--submitted');
  expect(await page.locator('main').textContent()).toContain('03-5273-4000');
  expect(errors).toEqual([]);
  await context.close();
}

describe('a resident applies, is asked to correct, and resubmits', () => {
  test('with JavaScript', async () => {
    await journey(true);
  }, 120_000);

  test('without JavaScript', async () => {
    await journey(false);
  }, 120_000);
});

describe('withdrawal, the re-sent link and problem pages', () => {
  test.each([true, false])(
    'with JavaScript %s',
    async (javaScript) => {
      const tag = javaScript ? 'js' : 'nojs';
      const context = await phoneContext(browser, javaScript);
      const page = await context.newPage();
      await page.goto(startUrl());
      await page.getByRole('button', { name: '申請を始める' }).click();
      await fillFirstChild(page);
      await next(page);
      await on(page, '保護者の情報');
      await fillGuardian(page, `withdraw.${tag}@example.jp`, javaScript);
      await next(page);
      await on(page, '申請内容の確認');
      await page.getByRole('button', { name: 'この内容で申請する' }).click();
      await on(page, '申請を受け付けました');
      await page.getByRole('link', { name: '申請の状況を確認する' }).click();
      await on(page, '申請の状況');

      await page.locator('#withdraw-link').click();
      await on(page, '申請の取下げ');
      await accessible(page, `withdraw confirmation ${tag}`);
      await screenshot(page, `10-withdraw-${tag}`);
      // Going back keeps the application; confirming withdraws it.
      await page.getByRole('link', { name: '取り下げずに戻る' }).click();
      expect(await page.locator('#current-state').getAttribute('class')).toContain(
        'state--submitted',
      );
      await page.locator('#withdraw-link').click();
      await page.getByRole('button', { name: '取り下げる' }).click();
      await on(page, '申請を取り下げました');
      await accessible(page, `withdrawn ${tag}`);
      await page.goto(`${world.publicUrl}/t/midori/status`);
      expect(await page.locator('#current-state').getAttribute('class')).toContain(
        'state--withdrawn',
      );

      await page.goto(`${startUrl()}/resend`);
      await accessible(page, `resend ${tag}`);
      await screenshot(page, `11-resend-${tag}`);
      await page.getByLabel('メールアドレス').fill(`withdraw.${tag}@example.jp`);
      await page.getByRole('button', { name: 'リンクを送信する' }).click();
      await on(page, '送信を受け付けました');
      await accessible(page, `resend sent ${tag}`);

      await page.goto(`${world.publicUrl}/t/midori/f/frm_unknown`);
      expect(await page.locator('[data-problem]').getAttribute('data-problem')).toBe('not_found');
      await accessible(page, `problem page ${tag}`);
      await screenshot(page, `12-problem-${tag}`);
      await context.close();
    },
    90_000,
  );
});

describe('what the client script adds', () => {
  test('live validation: a field is judged when left, fixed at once, and continuing shows the summary without a request', async () => {
    const context = await phoneContext(browser, true);
    const page = await context.newPage();
    await page.goto(startUrl());
    await page.getByRole('button', { name: '申請を始める' }).click();
    await fillFirstChild(page);
    await next(page);
    await on(page, '保護者の情報');

    const phone = field(page, 'a.phone');
    await phone.fill('12345');
    await field(page, 'a.address.postalCode').focus();
    await expect.poll(() => page.locator('#f-phone-error').isVisible()).toBe(true);
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await phone.getAttribute('aria-describedby')).toContain('f-phone-error');
    await accessible(page, 'live error');
    await screenshot(page, '13-live-error-js');
    await phone.fill('090-1234-5678');
    await expect.poll(() => page.locator('#f-phone-error').count()).toBe(0);
    expect(await phone.getAttribute('aria-invalid')).toBeNull();

    // A field not yet touched says nothing when passed; continuing judges the whole page.
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await next(page);
    await expect.poll(() => page.locator('#error-summary').isVisible()).toBe(true);
    expect(posts).toEqual([]);
    expect(await page.evaluate<string>('document.activeElement?.id')).toBe('error-summary');
    const links = await page.locator('#error-summary a').allTextContents();
    expect(links).toContain('保護者氏名を入力してください');
    await page.locator('#error-summary a').first().click();
    expect(await page.evaluate<string>("document.activeElement?.getAttribute('name')")).toBe(
      'a.guardian_name.family',
    );
    await context.close();
  }, 60_000);

  test('postal-code lookup: one chunk fetched, only empty parts written, an unknown code said so', async () => {
    const context = await phoneContext(browser, true);
    const page = await context.newPage();
    const chunks: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/assets/postal-')) chunks.push(request.url());
    });
    await page.goto(startUrl());
    await page.getByRole('button', { name: '申請を始める' }).click();
    await fillFirstChild(page);
    await next(page);
    await on(page, '保護者の情報');
    await field(page, 'a.address.city').fill('千代田区');
    await field(page, 'a.address.postalCode').fill('〒１６０−００２３');
    await expect.poll(() => field(page, 'a.address.town').inputValue()).toBe('西新宿');
    expect(await field(page, 'a.address.prefecture').inputValue()).toBe('東京都');
    // What the resident typed is kept.
    expect(await field(page, 'a.address.city').inputValue()).toBe('千代田区');
    expect(await page.locator('.postal-status').textContent()).toContain('郵便番号から住所');
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatch(/\/assets\/postal-[0-9a-f]{12}\/160\.json$/);
    await field(page, 'a.address.postalCode').fill('0000000');
    await expect
      .poll(() => page.locator('.postal-status').textContent())
      .toContain('見つかりませんでした');
    await screenshot(page, '14-postal-js');
    await context.close();
  }, 60_000);

  test('drafts: a warning before leaving with changes, and the start page continues where the resident stopped', async () => {
    const context = await phoneContext(browser, true);
    const page = await context.newPage();
    await page.goto(startUrl());
    // Nothing kept yet: the start page offers nothing.
    expect(await page.locator('[data-resume]').isVisible()).toBe(false);
    await page.getByRole('button', { name: '申請を始める' }).click();
    await fillFirstChild(page);
    await next(page);
    await on(page, '保護者の情報');
    await field(page, 'a.guardian_name.family').fill('緑');
    await field(page, 'a.phone').fill('03-5273-4000');

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.goto(startUrl());
    await page.waitForLoadState('load');
    expect(dialogs).toEqual(['beforeunload']);
    // Only the sealed state is kept across visits; nothing typed is in localStorage.
    const kept = await page.evaluate<Record<string, string>>('({ ...localStorage })');
    expect(Object.values(kept)).toHaveLength(1);
    const draft = JSON.parse(Object.values(kept)[0] ?? '{}') as Record<string, unknown>;
    expect(Object.keys(draft).sort()).toEqual(['savedAt', 'state']);
    expect(String(draft.state)).toMatch(/^d1\.[A-Za-z0-9_-]+$/);
    expect(await page.locator('[data-resume]').isVisible()).toBe(true);
    await accessible(page, 'start with a draft');
    await screenshot(page, '15-resume-js');
    await page.getByRole('button', { name: '続きから入力する' }).click();
    await on(page, '保護者の情報');
    expect(await field(page, 'a.phone').inputValue()).toBe('03-5273-4000');
    expect(await field(page, 'a.guardian_name.family').inputValue()).toBe('緑');
    await page.locator('.actions button[value="back"]').click();
    await on(page, 'お子さんの情報');
    expect(await field(page, 'a.children.0.current_school').inputValue()).toBe('みどり保育園');

    // Starting again forgets the draft; a page left without changes asks nothing.
    await page.goto(startUrl());
    await page.waitForLoadState('load');
    await page.getByRole('button', { name: '最初から入力する' }).click();
    expect(await page.locator('[data-resume]').isVisible()).toBe(false);
    expect(await page.evaluate<number>('localStorage.length')).toBe(0);
    expect(dialogs).toEqual(['beforeunload']);
    await context.close();
  }, 60_000);
});
