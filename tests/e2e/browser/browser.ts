// Real-browser helpers for the end-to-end tests: Debian's Chromium through playwright-core,
// a phone-sized page, screenshots a person can look at, and axe-core's WCAG 2.1 A/AA rules.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumPath } from './setup';

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts Chromium headless with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: flags, headless: true });
}

/** A phone: 360 CSS px wide, touch, Japanese first. */
export const phone = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'ja-JP',
} as const;

/** A new browser context like a resident's phone; `javaScript: false` for the no-script journeys. */
export async function phoneContext(browser: Browser, javaScript = true): Promise<BrowserContext> {
  const context = await browser.newContext({ ...phone, javaScriptEnabled: javaScript });
  if (!javaScript) withoutJavaScript.add(context);
  return context;
}

const withoutJavaScript = new WeakSet<BrowserContext>();

/** Where the e2e run leaves its screenshots (not committed: see .gitignore). */
export const screenshotDir = join(import.meta.dirname, '..', '..', 'screenshots');

/** Saves a full-page screenshot as screenshots/{name}.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** One axe finding, short enough to read in a failed assertion. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now. The source is evaluated
 * through the DevTools protocol, so a strict Content-Security-Policy does not stop it, and the
 * page's own scripts are untouched (a page with JavaScript turned off is checked as a copy).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!withoutJavaScript.has(page.context())) return runAxe(page);
  // Script execution is off in that context, and axe needs it: check the same document, with
  // its own scripts removed, in a context where only axe runs. Its styles load from the server.
  const browser = page.context().browser();
  if (!browser) throw new Error('axeViolations: the page has no browser');
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const url = page.url();
  const copy = await browser.newContext({ ...phone });
  try {
    const tab = await copy.newPage();
    await tab.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await tab.route(/\.js(\?|$)/, (route) => route.abort());
    await tab.goto(url);
    return await runAxe(tab);
  } finally {
    await copy.close();
  }
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      expression: `(async () => {
        ${axeSource}
        const results = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return JSON.stringify(results.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')),
        })));
      })()`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`axe failed: ${exceptionDetails.text}`);
    return JSON.parse(String(result.value)) as AxeViolation[];
  } finally {
    await session.detach();
  }
}
