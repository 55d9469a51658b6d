import { notificationEvents, templatePlaceholders } from '@madoguchi/shared';
import { describe, expect, test } from 'vitest';
import {
  acceptanceWithPaymentTemplate,
  arrivalAwaitingPaymentTemplate,
  defaultMailTemplates,
  departmentAlertAwaitingPaymentTemplate,
  type MailEvent,
  mailDate,
  renderMail,
} from './templates';

const values = {
  referenceNumber: 'A7K-4829',
  formTitle: 'ゼロ・ウェイスト・デー参加申込',
  submittedAt: '2026年11月23日 9時00分',
  statusUrl: 'https://forms.example.lg.jp/t/midori/s/sub_0000000000000000.token',
};

const ownArrival = {
  notifications: {
    alertDepartment: true,
    arrival: {
      subject: { ja: '【{{municipality}}】予約を受け付けました', en: '[{{municipality}}] Booked' },
      body: { ja: '予約番号：{{referenceNumber}}', en: 'Booking {{referenceNumber}}' },
    },
  },
};

describe('defaultMailTemplates', () => {
  const events = Object.keys(defaultMailTemplates) as MailEvent[];
  const known = [...templatePlaceholders, 'consoleUrl', 'verificationCode', 'validMinutes'];

  test('cover every notification event and the platform’s own mails', () => {
    expect(events.sort()).toEqual(
      [...notificationEvents, 'department_alert', 'access_link', 'email_verification'].sort(),
    );
  });

  test.each(events)(
    '%s is written in Japanese and English with known placeholders only',
    (event) => {
      const template = defaultMailTemplates[event];
      for (const text of [
        template.subject.ja,
        template.subject.en,
        template.body.ja,
        template.body.en,
      ]) {
        expect(text.trim()).not.toBe('');
        for (const [, name] of text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g))
          expect(known).toContain(name);
      }
      expect(template.subject.ja).not.toMatch(/[\r\n]/);
      expect(template.subject.en).not.toMatch(/[\r\n]/);
    },
  );
});

describe('renderMail', () => {
  test('renders the Japanese default with the values, the status link and the send-only footer', () => {
    const mail = renderMail({ event: 'arrival', locale: 'ja', municipality: 'みどり区', values });
    expect(mail.subject).toBe('【みどり区】申請を受け付けました（受付番号：A7K-4829）');
    expect(mail.body).toContain('ゼロ・ウェイスト・デー参加申込の申請を受け付けました。');
    expect(mail.body).toContain('受付日時：2026年11月23日 9時00分');
    expect(mail.body).toContain(values.statusUrl);
    expect(mail.body).toContain('このメールは送信専用です。');
    expect(mail.body).toMatch(/みどり区\nこのメールは送信専用です/);
    expect(mail.body).not.toContain('{{');
  });

  test('renders the English default for locale en', () => {
    const mail = renderMail({
      event: 'acceptance',
      locale: 'en',
      municipality: 'みどり区',
      values,
    });
    expect(mail.subject).toBe('[みどり区] Your application has been accepted (A7K-4829)');
    expect(mail.body).toContain('We have checked and accepted your application');
    expect(mail.body).toContain('This is a send-only address');
  });

  test('uses the form’s own template, in English when written, over the default', () => {
    const ja = renderMail({
      event: 'arrival',
      definition: ownArrival,
      locale: 'ja',
      municipality: 'みどり区',
      values,
    });
    expect(ja.subject).toBe('【みどり区】予約を受け付けました');
    expect(ja.body).toMatch(/^予約番号：A7K-4829\n\n/);
    expect(ja.body).toContain('このメールは送信専用です。');
    const en = renderMail({
      event: 'arrival',
      definition: ownArrival,
      locale: 'en',
      municipality: 'みどり区',
      values,
    });
    expect(en.subject).toBe('[みどり区] Booked');
    expect(en.body).toMatch(/^Booking A7K-4829\n/);
  });

  test('falls back to the form’s Japanese text when it has no English, and to the default for other events', () => {
    const japaneseOnly = {
      notifications: {
        alertDepartment: true,
        arrival: { subject: { ja: '受付（{{referenceNumber}}）' }, body: { ja: '本文' } },
      },
    };
    const en = renderMail({
      event: 'arrival',
      definition: japaneseOnly,
      locale: 'en',
      municipality: 'みどり区',
      values,
    });
    expect(en.subject).toBe('受付（A7K-4829）');
    const completed = renderMail({
      event: 'completed',
      definition: japaneseOnly,
      locale: 'ja',
      municipality: 'みどり区',
      values,
    });
    expect(completed.subject).toBe('【みどり区】手続きが完了しました（受付番号：A7K-4829）');
  });

  test('renders unknown and missing placeholders as empty, without runs of blank lines', () => {
    const mail = renderMail({
      event: 'completed',
      definition: {
        notifications: {
          alertDepartment: true,
          completed: { subject: { ja: '完了{{nope}}' }, body: { ja: '完了しました。{{nope}}' } },
        },
      },
      locale: 'ja',
      municipality: 'みどり区',
      values,
    });
    expect(mail.subject).toBe('完了');
    expect(mail.body).toMatch(/^完了しました。\n/);
    const withoutMessage = renderMail({
      event: 'completed',
      locale: 'ja',
      municipality: 'みどり区',
      values,
    });
    expect(withoutMessage.body).not.toMatch(/\n{3,}/);
  });

  test('keeps a subject on one line whatever the values hold', () => {
    const mail = renderMail({
      event: 'arrival',
      locale: 'ja',
      municipality: 'みどり区',
      values: { ...values, referenceNumber: 'A7K\r\nBcc: victim@example.com\u2028X' },
    });
    expect(mail.subject).not.toMatch(/[\r\n\u2028]/);
    expect(mail.subject).toBe(
      '【みどり区】申請を受け付けました（受付番号：A7K Bcc: victim@example.com X）',
    );
  });

  test('the municipality argument signs the mail, whatever the values say', () => {
    const mail = renderMail({
      event: 'withdrawn',
      locale: 'ja',
      municipality: 'みどり区',
      values: { ...values, municipality: '偽区' },
    });
    expect(mail.subject).toContain('【みどり区】');
    expect(mail.body).not.toContain('偽区');
  });

  test('renders the platform’s own mails: department alert, access link, verification code', () => {
    const alert = renderMail({
      event: 'department_alert',
      locale: 'ja',
      municipality: 'みどり区',
      values: { ...values, consoleUrl: 'https://staff.example.lg.jp/submissions/sub_1' },
    });
    expect(alert.subject).toBe('【新着申請】ゼロ・ウェイスト・デー参加申込（受付番号：A7K-4829）');
    expect(alert.body).toContain('https://staff.example.lg.jp/submissions/sub_1');
    const link = renderMail({
      event: 'access_link',
      locale: 'en',
      municipality: 'みどり区',
      values,
    });
    expect(link.body).toContain(values.statusUrl);
    expect(link.body).toContain('Links sent earlier no longer work');
    const code = renderMail({
      event: 'email_verification',
      locale: 'ja',
      municipality: 'みどり区',
      values: { formTitle: values.formTitle, verificationCode: '482913', validMinutes: '30' },
    });
    expect(code.body).toContain('確認コード：482913');
    expect(code.body).toContain('有効期限は30分です');
    expect(code.subject).not.toContain('482913');
  });
});

describe('the payment variants', () => {
  const known = [...templatePlaceholders, 'consoleUrl', 'paymentDeadline'];
  const payment = {
    amount: '1,000',
    paymentUrl: values.statusUrl,
    paymentDeadline: '2026年11月23日 10時00分',
  };

  test.each([
    ['arrival awaiting payment', arrivalAwaitingPaymentTemplate],
    ['department alert awaiting payment', departmentAlertAwaitingPaymentTemplate],
    ['acceptance with payment', acceptanceWithPaymentTemplate],
  ])('%s is written in both languages with known placeholders only', (_, template) => {
    for (const text of [
      template.subject.ja,
      template.subject.en,
      template.body.ja,
      template.body.en,
    ]) {
      expect(text.trim()).not.toBe('');
      for (const [, name] of text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g))
        expect(known).toContain(name);
    }
  });

  test('an arrival with a payment link says it is not complete, with amount, deadline and link', () => {
    const ja = renderMail({
      event: 'arrival',
      locale: 'ja',
      municipality: 'みどり区',
      values: { ...values, ...payment },
    });
    expect(ja.subject).toBe(
      '【みどり区】手数料のお支払いをお願いします。申請はまだ完了していません（受付番号：A7K-4829）',
    );
    expect(ja.body).toContain('金額：1,000円\nお支払いの期限：2026年11月23日 10時00分\n');
    expect(ja.body).toContain(values.statusUrl);
    expect(ja.body).not.toContain('申請を受け付けました');
    const en = renderMail({
      event: 'arrival',
      locale: 'en',
      municipality: 'みどり区',
      values: { ...values, ...payment, paymentDeadline: '23 November 2026, 10:00 (JST)' },
    });
    expect(en.body).toContain('Amount: 1,000 yen\nPay by: 23 November 2026, 10:00 (JST)\n');
    expect(en.body).not.toContain('{{');
  });

  test('the form’s own arrival text wins, with {{amount}} and {{paymentUrl}} available', () => {
    const mail = renderMail({
      event: 'arrival',
      definition: {
        notifications: {
          alertDepartment: true,
          arrival: { subject: { ja: '仮受付' }, body: { ja: '{{amount}}円：{{paymentUrl}}' } },
        },
      },
      locale: 'ja',
      municipality: 'みどり区',
      values: { ...values, ...payment },
    });
    expect(mail.subject).toBe('仮受付');
    expect(mail.body).toMatch(new RegExp(`^1,000円：${values.statusUrl}\\n`));
  });

  test('a department alert with a payment deadline says the application awaits payment', () => {
    const alert = renderMail({
      event: 'department_alert',
      locale: 'ja',
      municipality: 'みどり区',
      values: {
        ...values,
        consoleUrl: 'https://staff.example.lg.jp/submissions/sub_1',
        paymentDeadline: payment.paymentDeadline,
      },
    });
    expect(alert.subject).toBe(
      '【新着申請・支払待ち】ゼロ・ウェイスト・デー参加申込（受付番号：A7K-4829）',
    );
    expect(alert.body).toContain('お支払いの期限：2026年11月23日 10時00分');
    expect(alert.body).toContain('https://staff.example.lg.jp/submissions/sub_1');
  });
});

describe('mailDate', () => {
  test('writes Japan time in either language, whatever the server’s zone', () => {
    const at = Date.parse('2026-11-23T00:05:00Z');
    expect(mailDate(at, 'ja')).toBe('2026年11月23日 9時05分');
    expect(mailDate(at, 'en')).toBe('23 November 2026, 09:05 (JST)');
  });
});
