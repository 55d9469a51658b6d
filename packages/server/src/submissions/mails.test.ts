import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FormDefinitionInput } from '@madoguchi/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { feeForm, pageWorld } from '../applicant/page-test-support';
import { departments, forms, submissions } from '../db/tenant-schema';
import { mailDate } from '../mail/templates';
import { fileTransport } from '../mail/transports';
import { deliverDue } from '../mail/worker';
import { loadPublishedForm } from './forms';
import { mailContextFor } from './mails';
import { submitApplication } from './service';

let w: Awaited<ReturnType<typeof pageWorld>>;
let atSubmission: string;
let withoutPayment: string;
let ownArrival: string;

const withOwnArrival: FormDefinitionInput = {
  ...feeForm('at_submission'),
  notifications: {
    arrival: {
      subject: { ja: '【{{municipality}}】仮受付（{{referenceNumber}}）' },
      body: { ja: '{{amount}}円を次のページでお支払いください。\n{{paymentUrl}}' },
    },
  },
};

beforeAll(async () => {
  w = await pageWorld();
  atSubmission = await w.publish(feeForm('at_submission'));
  withoutPayment = await w.publish({
    ...feeForm('at_submission'),
    options: { emailVerification: false, payment: { mode: 'none' } },
  });
  ownArrival = await w.publish(withOwnArrival);
  const form = await w.db.query.forms.findFirst({ where: eq(forms.id, atSubmission) });
  await w.db
    .update(departments)
    .set({ email: 'kumin@midori.example.lg.jp' })
    .where(eq(departments.id, form?.departmentId ?? ''));
});
afterAll(() => w.h.close());

/** Submits three copies (3 × 300 + 100 = 1,000 yen) as the resident pages do, with mails. */
async function submit(formId: string, locale: 'ja' | 'en', email: string) {
  const published = await loadPublishedForm(w.db, formId, undefined);
  const resolved = await w.h.registry.resolve('midori');
  if (!resolved) throw new Error('no tenant');
  return submitApplication(
    w.db,
    resolved.tenant,
    published,
    { answers: { copies: 3, email: { value: email, confirm: email } }, locale },
    {
      masterKey: w.h.registry.settings.masterKey,
      now: w.h.now(),
      mail: mailContextFor(w.h.deps.config, resolved.tenant),
    },
  );
}

/** Decodes RFC 2047 encoded words (adjacent words join their bytes before decoding). */
function decodeHeader(value: string): string {
  return value.replace(/=\?UTF-8\?B\?[^?]*\?=(?:\s+=\?UTF-8\?B\?[^?]*\?=)*/gi, (run) =>
    Buffer.concat(
      [...run.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/gi)].map(([, text = '']) =>
        Buffer.from(text, 'base64'),
      ),
    ).toString('utf8'),
  );
}

/** Delivers the outbox to .eml files and reads back each message as its receiver would. */
async function delivered(): Promise<{ to: string; subject: string; body: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-arrival-'));
  await deliverDue(w.db, fileTransport(dir), {
    now: w.h.now,
    from: { name: 'みどり区', address: 'no-reply@madoguchi.local' },
    batchSize: 100,
  });
  return readdirSync(dir).map((file) => {
    const raw = readFileSync(join(dir, file), 'utf8');
    const split = raw.indexOf('\r\n\r\n');
    const headers = new Map<string, string>();
    for (const line of raw
      .slice(0, split)
      .replace(/\r\n[ \t]/g, ' ')
      .split('\r\n')) {
      const colon = line.indexOf(':');
      headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
    }
    return {
      to: headers.get('to') ?? '',
      subject: decodeHeader(headers.get('subject') ?? ''),
      body: Buffer.from(raw.slice(split + 4), 'base64')
        .toString('utf8')
        .replace(/\r\n/g, '\n'),
    };
  });
}

/** The municipality's name in this world (the harness names it after its slug). */
const town = 'midori区';
const statusLink = (token: string) => `http://127.0.0.1:3000/t/midori/s/${token}`;

describe('the arrival mail of a form that charges at submission', () => {
  test('says in Japanese that it is not complete until paid, with amount, deadline and link', async () => {
    const result = await submit(atSubmission, 'ja', 'hanako@example.jp');
    expect(result.state).toBe('awaiting_payment');
    const mails = await delivered();
    const arrival = mails.find((mail) => mail.to === 'hanako@example.jp');
    expect(arrival?.subject).toBe(
      `【${town}】手数料のお支払いをお願いします。申請はまだ完了していません（受付番号：${result.referenceNumber}）`,
    );
    const body = arrival?.body ?? '';
    expect(body).toContain('手数料のお支払いを確認するまで、申請は完了していません。');
    expect(body).not.toContain('申請を受け付けました');
    expect(body).toContain('金額：1,000円\n');
    expect(body).toContain(`お支払いの期限：${mailDate(w.h.now() + 60 * 60_000, 'ja')}\n`);
    expect(body).toContain(
      `「お支払いへ進む」からお支払いください。\n${statusLink(result.accessToken)}\n`,
    );
    expect(body).not.toContain('{{');
    expect(body).not.toContain('hanako@example.jp');
    // The department hears of it as waiting for the payment.
    const alert = mails.find((mail) => mail.to === 'kumin@midori.example.lg.jp');
    expect(alert?.subject).toContain('【新着申請・支払待ち】');
    expect(alert?.body).toContain('申請者の手数料のお支払いを待っています');
    expect(alert?.body).toContain(`お支払いの期限：${mailDate(w.h.now() + 60 * 60_000, 'ja')}`);
  });

  test('in English for an English applicant', async () => {
    const result = await submit(atSubmission, 'en', 'john@example.com');
    const arrival = (await delivered()).find((mail) => mail.to === 'john@example.com');
    expect(arrival?.subject).toBe(
      `[${town}] Please pay the fee: your application is not complete yet (${result.referenceNumber})`,
    );
    const body = arrival?.body ?? '';
    expect(body).toContain('it is not complete until the fee is paid');
    expect(body).toContain('Amount: 1,000 yen\n');
    expect(body).toContain(`Pay by: ${mailDate(w.h.now() + 60 * 60_000, 'en')}\n`);
    expect(body).toContain(
      `"Go to payment" button on this page:\n${statusLink(result.accessToken)}\n`,
    );
    expect(body).not.toContain('We have received your application');
  });

  test('a form’s own arrival text is kept, with {{amount}} and {{paymentUrl}} filled', async () => {
    const result = await submit(ownArrival, 'ja', 'jiro@example.jp');
    const arrival = (await delivered()).find((mail) => mail.to === 'jiro@example.jp');
    expect(arrival?.subject).toBe(`【${town}】仮受付（${result.referenceNumber}）`);
    expect(arrival?.body).toMatch(
      new RegExp(`^1,000円を次のページでお支払いください。\\n${statusLink(result.accessToken)}\\n`),
    );
  });
});

describe('the arrival mail of a form without payment', () => {
  test('is the plain receipt, and the alert a plain new application', async () => {
    const result = await submit(withoutPayment, 'ja', 'saburo@example.jp');
    expect(result.state).toBe('submitted');
    const mails = await delivered();
    const arrival = mails.find((mail) => mail.to === 'saburo@example.jp');
    expect(arrival?.subject).toBe(
      `【${town}】申請を受け付けました（受付番号：${result.referenceNumber}）`,
    );
    expect(arrival?.body).toMatch(/の申請を受け付けました。\n/);
    expect(arrival?.body).toContain(statusLink(result.accessToken));
    expect(arrival?.body).not.toContain('お支払い');
    const alert = mails.find((mail) => mail.to === 'kumin@midori.example.lg.jp');
    expect(alert?.subject).toMatch(/^【新着申請】/);
    expect(alert?.body).not.toContain('お支払い');
  });
});

describe('a form that charges at submission, with nothing to pay', () => {
  test('is received at once: no payment asked, no deadline, the usual arrival mail', async () => {
    const base = feeForm('at_submission');
    const noCopies = await w.publish({
      ...base,
      pages: (base.pages ?? []).map((page) => ({
        ...page,
        fields: page.fields.map((field) =>
          field.id === 'copies' && field.type === 'number' ? { ...field, min: 0 } : field,
        ),
      })),
      options: { emailVerification: false, payment: { mode: 'at_submission', fixedFee: 0 } },
    });
    const published = await loadPublishedForm(w.db, noCopies, undefined);
    const resolved = await w.h.registry.resolve('midori');
    if (!resolved) throw new Error('no tenant');
    const result = await submitApplication(
      w.db,
      resolved.tenant,
      published,
      {
        answers: { copies: 0, email: { value: 'zero@example.jp', confirm: 'zero@example.jp' } },
        locale: 'ja',
      },
      { masterKey: w.h.registry.settings.masterKey, now: w.h.now() },
    );
    expect(result.state).toBe('submitted');
    const row = await w.db.query.submissions.findFirst({
      where: eq(submissions.id, result.submissionId),
    });
    expect(row).toMatchObject({ paymentState: 'none', paymentDeadline: null });
  });
});

describe("the department's alert", () => {
  async function setDepartmentEmail(email: string | null) {
    const form = await w.db.query.forms.findFirst({ where: eq(forms.id, withoutPayment) });
    await w.db
      .update(departments)
      .set({ email })
      .where(eq(departments.id, form?.departmentId ?? ''));
  }
  afterAll(() => setDepartmentEmail('kumin@midori.example.lg.jp'));

  test('goes to the address the department has when the application is written', async () => {
    await setDepartmentEmail('shinsei@midori.example.lg.jp');
    const result = await submit(withoutPayment, 'ja', 'shiro@example.jp');
    const mails = await delivered();
    const alert = mails.find((mail) => mail.subject.startsWith('【新着申請】'));
    expect(alert?.to).toBe('shinsei@midori.example.lg.jp');
    expect(alert?.body).toContain(`/submissions/${result.submissionId}`);
  });

  test('is not queued at all while the department has no address; the applicant still hears', async () => {
    await setDepartmentEmail(null);
    const alerts = async () =>
      (await w.db.query.outbox.findMany()).filter((row) =>
        row.eventKey.endsWith(':department_alert'),
      );
    const before = (await alerts()).length;
    const result = await submit(withoutPayment, 'ja', 'goro@example.jp');
    expect((await alerts()).length).toBe(before);
    expect((await alerts()).some((row) => row.eventKey.startsWith(result.submissionId))).toBe(
      false,
    );
    const mails = await delivered();
    expect(mails.map((mail) => mail.to)).toEqual(['goro@example.jp']);
  });
});
