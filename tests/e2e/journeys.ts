// Steps the browser journeys share: waiting for a page, the axe check, the server's mail folder
// publishing a form through the API and a staff member's sign-in to the console.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { totpCode } from '@madoguchi/server/auth/crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from './browser/browser';
import type { client, Json } from './staff-client';

/** Waits for the page with this heading, and for its scripts (a module runs before `load`). */
export async function on(page: Page, heading: string): Promise<void> {
  await expect.poll(() => page.locator('h1').textContent()).toContain(heading);
  await page.waitForLoadState('load');
}

/** No WCAG 2.1 A/AA finding on the page as it is now. */
export async function accessible(page: Page, what: string): Promise<void> {
  expect(await axeViolations(page), what).toEqual([]);
}

/** Every mail in a server's mail folder, headers as written and the base64 body decoded. */
function mails(world: { dataDir: string }): string[] {
  const folder = join(world.dataDir, 'mail');
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
  return names.map((name) => {
    const text = readFileSync(join(folder, name), 'utf8');
    const split = text.indexOf('\r\n\r\n');
    const body = Buffer.from(text.slice(split + 4).replace(/\s+/g, ''), 'base64').toString('utf8');
    return `${text.slice(0, split)}\n\n${body}`;
  });
}

/** Waits for a mail to an address that contains a text (the worker runs every few seconds). */
export async function mailTo(
  world: { dataDir: string },
  address: string,
  containing: string,
): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = mails(world).find(
      (mail) => mail.includes(`To: ${address}`) && mail.includes(containing),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${address} with ${containing}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A staff member's TOTP secret and the last time step one of its codes was used. */
export interface Totp {
  totpSecret: string;
  lastTotpStep: number;
}

/**
 * A TOTP code not used yet: the current step's, or the next one's (the server accepts it too)
 * when the current one is used up; waits when even that is ahead of the clock.
 */
export async function freshCode(staff: Totp): Promise<string> {
  const step = () => Math.floor(Date.now() / 30_000);
  while (staff.lastTotpStep > step()) await new Promise((resolve) => setTimeout(resolve, 500));
  staff.lastTotpStep = Math.max(step(), staff.lastTotpStep + 1);
  return totpCode(staff.totpSecret, staff.lastTotpStep);
}

/** Signs a staff member in to the console with the password and a fresh code; the inbox. */
export async function signInToConsole(
  page: Page,
  staffUrl: string,
  staff: Totp,
  account: { tenant: string; email: string; password: string },
): Promise<void> {
  await page.goto(staffUrl);
  await page.getByRole('heading', { name: 'ログイン' }).waitFor();
  await page.getByLabel('自治体 ID').fill(account.tenant);
  await page.getByLabel('メールアドレス').fill(account.email);
  await page.getByLabel('パスワード').fill(account.password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByLabel('確認コード（6桁）').fill(await freshCode(staff));
  await page.getByRole('button', { name: '確認してログイン' }).click();
  await page.getByRole('heading', { name: '申請一覧' }).waitFor();
}

/** Creates a form in a department through the staff API and publishes it; checks both answers. */
export async function publishThroughApi(
  staff: Pick<ReturnType<typeof client>, 'call'>,
  departmentId: string,
  definition: unknown,
): Promise<string> {
  const created = await staff.call('POST', '/api/forms', { departmentId, definition });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const formId = String((created.body.form as Json).id);
  const published = await staff.call('POST', `/api/forms/${formId}/publish`, {});
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return formId;
}
