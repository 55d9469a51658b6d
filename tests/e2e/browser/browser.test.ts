import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchBrowser, phoneContext } from './browser';

// The browser helpers themselves: a page under a strict CSP, with and without JavaScript.
const page = (label: boolean) => `<!doctype html><html lang="ja"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><title>確認</title></head>
<body><main><h1>確認</h1><form method="post">
${label ? '<label for="n">氏名</label>' : ''}<input id="n" name="n">
<button>送信</button></form></main></body></html>`;

let server: Server;
let origin: string;
let browser: Browser;
beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'self'; script-src 'self'",
    });
    res.end(page(req.url !== '/unlabelled'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe.each([true, false])('axe with JavaScript %s', (javaScript) => {
  test('finds nothing on a labelled form, and the missing label on an unlabelled one', async () => {
    const context = await phoneContext(browser, javaScript);
    const tab = await context.newPage();
    await tab.goto(`${origin}/`);
    expect(await axeViolations(tab)).toEqual([]);
    await tab.goto(`${origin}/unlabelled`);
    const found = await axeViolations(tab);
    expect(found.map((v) => v.id)).toContain('label');
    await context.close();
  });
});
