import {
  type FormDefinition,
  type Locale,
  type LocalizedText,
  localize,
  type NotificationEvent,
  notificationEvents,
  renderTemplate,
  type TemplatePlaceholder,
} from '@madoguchi/shared';

/** Every mail the platform sends: the applicant notifications plus three of its own. */
export type MailEvent =
  | NotificationEvent
  | 'department_alert'
  | 'access_link'
  | 'email_verification';

/** Placeholders of the platform's own mails, on top of those form designers may use. */
export type MailPlaceholder =
  | TemplatePlaceholder
  | 'consoleUrl'
  | 'verificationCode'
  | 'validMinutes'
  /** The end of a pay-at-submission application's payment period, in Japan time. */
  | 'paymentDeadline';

/** Values for a mail's placeholders; the caller formats them (dates, amounts) for the locale. */
export type MailValues = Partial<Record<MailPlaceholder, string>>;

/** A template written in both languages, as the platform's defaults are. */
export interface BilingualTemplate {
  subject: Required<LocalizedText>;
  body: Required<LocalizedText>;
}

// The platform's own mails have no per-form text to fall back on, so the values that make them
// useful at all are demanded by the type rather than left to render as blanks.
interface NeededValues {
  department_alert: 'referenceNumber' | 'formTitle' | 'consoleUrl';
  access_link: 'referenceNumber' | 'statusUrl';
  email_verification: 'verificationCode' | 'validMinutes';
}

/** What `renderMail` needs: the event, the form (for its own texts), the language and values. */
export type RenderMailInput = {
  locale: Locale;
  /** The municipality's name; it fills {{municipality}} and signs the mail. */
  municipality: string;
  definition?: Pick<FormDefinition, 'notifications'>;
} & (
  | { event: NotificationEvent; values: MailValues }
  | {
      [E in keyof NeededValues]: { event: E; values: MailValues & Record<NeededValues[E], string> };
    }[keyof NeededValues]
);

// Mails never carry the applicant's answers: only the reference number, the form's title, dates,
// links and what staff chose to write. Mail crosses servers we do not control.
const statusLink = {
  ja: '申請の状況は、次のページでご確認いただけます。\n{{statusUrl}}\nこのページのアドレスは、申請された方専用です。他の方に知らせないでください。',
  en: 'You can follow your application on this page:\n{{statusUrl}}\nThis address is for you alone; please do not share it.',
};
const contact = {
  ja: 'お問い合わせの際は、受付番号をお伝えください。',
  en: 'Please quote your reference number when you contact us.',
};

/** The platform's texts, used wherever a form gives none of its own. */
export const defaultMailTemplates: Readonly<Record<MailEvent, BilingualTemplate>> = {
  arrival: {
    subject: {
      ja: '【{{municipality}}】申請を受け付けました（受付番号：{{referenceNumber}}）',
      en: '[{{municipality}}] We have received your application ({{referenceNumber}})',
    },
    body: {
      ja: `{{formTitle}}の申請を受け付けました。

受付番号：{{referenceNumber}}
受付日時：{{submittedAt}}

【今後の流れ】
担当課で申請の内容を確認します。確認の結果は、あらためてメールでお知らせします。内容について、担当課からお問い合わせすることがあります。
審査が始まる前であれば、次のページから申請を取り下げることもできます。

${statusLink.ja}

${contact.ja}`,
      en: `We have received your application for {{formTitle}}.

Reference number: {{referenceNumber}}
Received: {{submittedAt}}

What happens next
The responsible section will check your application and tell you the result by email. They may contact you if they have questions.
Until your application has been accepted, you can also withdraw it on the page below.

${statusLink.en}

${contact.en}`,
    },
  },
  acceptance: {
    subject: {
      ja: '【{{municipality}}】申請を受理しました（受付番号：{{referenceNumber}}）',
      en: '[{{municipality}}] Your application has been accepted ({{referenceNumber}})',
    },
    body: {
      ja: `{{formTitle}}の申請について、内容を確認し、受理しました。

受付番号：{{referenceNumber}}

{{staffMessage}}

【今後の流れ】
これから手続きを進めます。手続きが終わりましたら、あらためてメールでお知らせします。
受理した後は、ウェブから申請を取り下げることはできません。取り下げを希望される場合は、担当課へご連絡ください。

${statusLink.ja}

${contact.ja}`,
      en: `We have checked and accepted your application for {{formTitle}}.

Reference number: {{referenceNumber}}

{{staffMessage}}

What happens next
We will now process your application and tell you by email when it is done.
An accepted application can no longer be withdrawn online; please contact the responsible section if you wish to withdraw it.

${statusLink.en}

${contact.en}`,
    },
  },
  returned: {
    subject: {
      ja: '【{{municipality}}】申請内容の修正をお願いします（受付番号：{{referenceNumber}}）',
      en: '[{{municipality}}] Please correct your application ({{referenceNumber}})',
    },
    body: {
      ja: `{{formTitle}}の申請について内容を確認したところ、修正していただきたい箇所がありました。
お手数ですが、次のページから内容を修正のうえ、再提出をお願いします。

受付番号：{{referenceNumber}}

【担当課からのご連絡】
{{staffMessage}}

【修正が必要な項目】
{{fieldsToFix}}

【修正・再提出はこちら】
{{statusUrl}}
このページのアドレスは、申請された方専用です。他の方に知らせないでください。

再提出をいただくまで、手続きを進めることができません。ご不明な点は、受付番号をお伝えのうえ、担当課へお問い合わせください。`,
      en: `We have checked your application for {{formTitle}} and need you to correct some of it.
Please make the corrections on the page below and send the application again.

Reference number: {{referenceNumber}}

Message from the responsible section
{{staffMessage}}

To correct
{{fieldsToFix}}

Correct and resubmit here
{{statusUrl}}
This address is for you alone; please do not share it.

We cannot continue until you have resubmitted. If anything is unclear, contact the responsible section and quote your reference number.`,
    },
  },
  resubmitted: {
    subject: {
      ja: '【{{municipality}}】修正後の申請を受け付けました（受付番号：{{referenceNumber}}）',
      en: '[{{municipality}}] We have received your corrected application ({{referenceNumber}})',
    },
    body: {
      ja: `{{formTitle}}の申請について、修正後の内容を受け付けました。ご対応いただき、ありがとうございました。

受付番号：{{referenceNumber}}

【今後の流れ】
担当課であらためて内容を確認し、結果をメールでお知らせします。

${statusLink.ja}

${contact.ja}`,
      en: `Thank you. We have received the corrected application for {{formTitle}}.

Reference number: {{referenceNumber}}

What happens next
The responsible section will check it again and tell you the result by email.

${statusLink.en}

${contact.en}`,
    },
  },
  withdrawn: {
    subject: {
      ja: '【{{municipality}}】申請の取下げを受け付けました（受付番号：{{referenceNumber}}）',
      en: '[{{municipality}}] Your application has been withdrawn ({{referenceNumber}})',
    },
    body: {
      ja: `{{formTitle}}の申請について、取下げを受け付けました。この申請の手続きは、これで終了となります。

受付番号：{{referenceNumber}}

あらためて申請される場合は、次のページから申請し直すことができます。
{{statusUrl}}

取下げにお心当たりのない場合は、お手数ですが、受付番号をお伝えのうえ、すぐに担当課へご連絡ください。`,
      en: `Your application for {{formTitle}} has been withdrawn. This closes the application.

Reference number: {{referenceNumber}}

If you wish to apply again, you can start from this page:
{{statusUrl}}

If you did not withdraw this application, please contact the responsible section at once and quote your reference number.`,
    },
  },
  completed: {
    subject: {
      ja: '【{{municipality}}】手続きが完了しました（受付番号：{{referenceNumber}}）',
      en: '[{{municipality}}] Your application is complete ({{referenceNumber}})',
    },
    body: {
      ja: `{{formTitle}}の手続きが完了しました。ご利用いただき、ありがとうございました。

受付番号：{{referenceNumber}}

{{staffMessage}}

申請の記録は、次のページでご確認いただけます。
{{statusUrl}}

${contact.ja}`,
      en: `Your application for {{formTitle}} is complete. Thank you for using this service.

Reference number: {{referenceNumber}}

{{staffMessage}}

You can see the record of your application on this page:
{{statusUrl}}

${contact.en}`,
    },
  },
  rejected: {
    subject: {
      ja: '【{{municipality}}】申請の審査結果のお知らせ（受付番号：{{referenceNumber}}）',
      en: '[{{municipality}}] The result of your application ({{referenceNumber}})',
    },
    body: {
      ja: `{{formTitle}}の申請について審査した結果、次の理由により、ご希望に沿うことができませんでした。

受付番号：{{referenceNumber}}

【理由】
{{staffMessage}}

この結果について、ご不明な点は、受付番号をお伝えのうえ、担当課へお問い合わせください。
申請の記録は、次のページでご確認いただけます。
{{statusUrl}}`,
      en: `We have examined your application for {{formTitle}} and regret that we cannot grant it, for the reason below.

Reference number: {{referenceNumber}}

Reason
{{staffMessage}}

If you have questions about this decision, contact the responsible section and quote your reference number.
You can see the record of your application on this page:
{{statusUrl}}`,
    },
  },
  department_alert: {
    subject: {
      ja: '【新着申請】{{formTitle}}（受付番号：{{referenceNumber}}）',
      en: '[New application] {{formTitle}} ({{referenceNumber}})',
    },
    body: {
      ja: `{{formTitle}}に新しい申請が届きました。

受付番号：{{referenceNumber}}
受付日時：{{submittedAt}}

申請の内容は、職員用画面で確認してください。
{{consoleUrl}}

個人情報保護のため、このメールには申請の内容を記載していません。`,
      en: `A new application for {{formTitle}} has arrived.

Reference number: {{referenceNumber}}
Received: {{submittedAt}}

Open it in the staff console:
{{consoleUrl}}

To protect personal data, this mail does not contain the application itself.`,
    },
  },
  access_link: {
    subject: {
      ja: '【{{municipality}}】申請状況確認用のリンクをお送りします（受付番号：{{referenceNumber}}）',
      en: '[{{municipality}}] Your link to follow your application ({{referenceNumber}})',
    },
    body: {
      ja: `ご依頼により、申請の状況を確認するためのリンクをあらためてお送りします。

申請：{{formTitle}}
受付番号：{{referenceNumber}}

${statusLink.ja}

以前お送りしたリンクは、使えなくなりました。今後はこのメールのリンクをお使いください。
お心当たりのない場合は、このメールを破棄してください。リンクは、申請の際に登録されたこのメールアドレスにのみお送りしています。`,
      en: `As requested, here again is the link to follow your application.

Application: {{formTitle}}
Reference number: {{referenceNumber}}

${statusLink.en}

Links sent earlier no longer work; please use this one from now on.
If you did not ask for this, please delete this mail. The link is only ever sent to the address given with the application.`,
    },
  },
  email_verification: {
    subject: {
      ja: '【{{municipality}}】メールアドレスの確認コード',
      en: '[{{municipality}}] Your email confirmation code',
    },
    body: {
      ja: `{{formTitle}}の申請にあたり、メールアドレスの確認をお願いします。
申請画面に、次の確認コード（6桁の数字）を入力してください。

確認コード：{{verificationCode}}

このコードの有効期限は{{validMinutes}}分です。期限が過ぎた場合は、申請画面からもう一度コードを送ってください。
職員がこのコードをお尋ねすることはありません。他の人には教えないでください。
お心当たりのない場合は、このメールを破棄してください。`,
      en: `To apply for {{formTitle}}, please confirm your email address.
Enter this 6-digit code on the application page:

Confirmation code: {{verificationCode}}

The code is valid for {{validMinutes}} minutes. If it has expired, ask for a new one on the application page.
Our staff will never ask you for this code; do not share it with anyone.
If you did not ask for this, please delete this mail.`,
    },
  },
};

/**
 * The acceptance mail of a form that charges after acceptance: the platform's default with the
 * payment request — the amount and the link to pay ({{amount}}, {{paymentUrl}}). The link opens
 * a page with the reference number, the form's title and the amount, never the answers.
 */
export const acceptanceWithPaymentTemplate: BilingualTemplate = {
  subject: {
    ja: '【{{municipality}}】申請を受理しました。手数料のお支払いをお願いします（受付番号：{{referenceNumber}}）',
    en: '[{{municipality}}] Your application has been accepted: please pay the fee ({{referenceNumber}})',
  },
  body: {
    ja: `{{formTitle}}の申請について、内容を確認し、受理しました。

受付番号：{{referenceNumber}}

{{staffMessage}}

【手数料のお支払い】
金額：{{amount}}円
次のページからお支払いください。
{{paymentUrl}}
お支払いを確認した後、手続きを進めます。

受理した後は、ウェブから申請を取り下げることはできません。取り下げを希望される場合は、担当課へご連絡ください。

${statusLink.ja}

${contact.ja}`,
    en: `We have checked and accepted your application for {{formTitle}}.

Reference number: {{referenceNumber}}

{{staffMessage}}

Paying the fee
Amount: {{amount}} yen
Please pay on this page:
{{paymentUrl}}
We will process your application once your payment is confirmed.

An accepted application can no longer be withdrawn online; please contact the responsible section if you wish to withdraw it.

${statusLink.en}

${contact.en}`,
  },
};

/**
 * The arrival mail of a form that charges at submission: the application waits for its payment
 * (`awaiting_payment`), so the mail says it is not complete yet and gives the amount
 * ({{amount}}), the deadline ({{paymentDeadline}}) and where to pay ({{paymentUrl}}: the status
 * link, whose page has the pay button).
 */
export const arrivalAwaitingPaymentTemplate: BilingualTemplate = {
  subject: {
    ja: '【{{municipality}}】手数料のお支払いをお願いします。申請はまだ完了していません（受付番号：{{referenceNumber}}）',
    en: '[{{municipality}}] Please pay the fee: your application is not complete yet ({{referenceNumber}})',
  },
  body: {
    ja: `{{formTitle}}の申請内容をお預かりしました。
手数料のお支払いを確認するまで、申請は完了していません。

受付番号：{{referenceNumber}}
送信日時：{{submittedAt}}

【手数料のお支払い】
金額：{{amount}}円
お支払いの期限：{{paymentDeadline}}
次のページの「お支払いへ進む」からお支払いください。
{{paymentUrl}}
このページのアドレスは、申請された方専用です。他の方に知らせないでください。

期限までにお支払いがない場合、この申請は無効となります。
お支払いを確認しましたら、あらためてメールでお知らせします。その後、担当課で申請の内容を確認します。

${contact.ja}`,
    en: `We have your application for {{formTitle}}, but it is not complete until the fee is paid.

Reference number: {{referenceNumber}}
Sent: {{submittedAt}}

Paying the fee
Amount: {{amount}} yen
Pay by: {{paymentDeadline}}
Please pay with the "Go to payment" button on this page:
{{paymentUrl}}
This address is for you alone; please do not share it.

If the fee is not paid by then, the application lapses.
We will email you once your payment is confirmed; the responsible section will then check your application.

${contact.en}`,
  },
};

/**
 * The department's alert for an application that waits for its payment at submission: it is
 * not theirs to examine until paid ({{paymentDeadline}} says until when it may be paid).
 */
export const departmentAlertAwaitingPaymentTemplate: BilingualTemplate = {
  subject: {
    ja: '【新着申請・支払待ち】{{formTitle}}（受付番号：{{referenceNumber}}）',
    en: '[New application, awaiting payment] {{formTitle}} ({{referenceNumber}})',
  },
  body: {
    ja: `{{formTitle}}に新しい申請が届きました。この申請は、申請者の手数料のお支払いを待っています。

受付番号：{{referenceNumber}}
受付日時：{{submittedAt}}
お支払いの期限：{{paymentDeadline}}

お支払いが確認されると、申請は「受付」になります。期限までにお支払いがない場合は、期限切れとなります。
申請の内容は、職員用画面で確認してください。
{{consoleUrl}}

個人情報保護のため、このメールには申請の内容を記載していません。`,
    en: `A new application for {{formTitle}} has arrived. It is awaiting the applicant's payment of the fee.

Reference number: {{referenceNumber}}
Received: {{submittedAt}}
Payment due by: {{paymentDeadline}}

Once paid it becomes a received application; unpaid by the deadline, it expires.
Open it in the staff console:
{{consoleUrl}}

To protect personal data, this mail does not contain the application itself.`,
  },
};

// Appended to every mail, the form's own texts included, so no mail invites a reply that nobody
// reads and every mail says who sent it.
const footer: Required<LocalizedText> = {
  ja: `――――――――――――――――――――
{{municipality}}
このメールは送信専用です。ご返信いただいてもお答えできませんので、ご了承ください。`,
  en: `--
{{municipality}}
This is a send-only address: replies are not read.`,
};

/**
 * Renders a mail: the form's own template for the event when it has one (its English text for
 * 'en' when written), else the platform's default (for an acceptance or an arrival that asks for
 * payment, the one with the payment request), with placeholders filled and a footer added.
 * @example renderMail({ event: 'arrival', definition, locale: 'ja', municipality: 'みどり区', values })
 */
export function renderMail(input: RenderMailInput): { subject: string; body: string } {
  const values: MailValues = { ...input.values, municipality: input.municipality };
  const own = isNotificationEvent(input.event)
    ? input.definition?.notifications[input.event]
    : undefined;
  const template = own ?? defaultTemplate(input.event, values);
  const subject = renderTemplate(localize(template.subject, input.locale), values);
  const body = renderTemplate(localize(template.body, input.locale), values);
  const signed = `${(body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body).trim()}\n\n${renderTemplate(footer[input.locale], values)}`;
  return {
    subject: singleLine(subject),
    // An optional value left empty (a staff message nobody wrote) leaves a run of blank lines.
    body: `${signed.includes('\n\n\n') ? signed.replace(/\n{3,}/g, '\n\n') : signed}\n`,
  };
}

/**
 * The platform's text for an event: the payment variants where the values carry a payment
 * (an acceptance or arrival with {{paymentUrl}}, a department alert with {{paymentDeadline}}).
 */
function defaultTemplate(event: MailEvent, values: MailValues): BilingualTemplate {
  if (event === 'acceptance' && values.paymentUrl) return acceptanceWithPaymentTemplate;
  if (event === 'arrival' && values.paymentUrl) return arrivalAwaitingPaymentTemplate;
  if (event === 'department_alert' && values.paymentDeadline)
    return departmentAlertAwaitingPaymentTemplate;
  return defaultMailTemplates[event];
}

/**
 * Makes a header value one line: a line break in a subject (from a form title or a staff message)
 * would otherwise start a header of its own.
 */
export function singleLine(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

// Building an Intl formatter costs far more than using one; every mail needs a date.
const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * A date and time as a ward writes it in a mail, in Japan time whatever the server's zone.
 * @example mailDate(Date.parse('2026-11-23T00:00:00Z'), 'ja') // '2026年11月23日 9時00分'
 */
export function mailDate(at: number, locale: Locale): string {
  // Japan has kept UTC+9 without summer time since 1951: plain arithmetic, not Intl (every
  // submit renders a mail, and formatToParts showed in its profile).
  const japan = new Date(at + 9 * 3_600_000);
  const year = japan.getUTCFullYear();
  const month = japan.getUTCMonth();
  const day = japan.getUTCDate();
  const hour = japan.getUTCHours();
  const minute = String(japan.getUTCMinutes()).padStart(2, '0');
  if (locale === 'ja') return `${year}年${month + 1}月${day}日 ${hour}時${minute}分`;
  return `${day} ${monthNames[month]} ${year}, ${String(hour).padStart(2, '0')}:${minute} (JST)`;
}

const notifications: readonly string[] = notificationEvents;

function isNotificationEvent(event: MailEvent): event is NotificationEvent {
  return notifications.includes(event);
}
