import type { FormDefinitionInput } from '../definition/schema';

/** #11 Request for copies of the resident record by mail, paid online at 300 yen a copy. */
export const certificateByMail: FormDefinitionInput = {
  schemaVersion: 1,
  title: {
    ja: '住民票の写し等の郵送請求',
    en: 'Request for a copy of your resident record by mail',
  },
  description: {
    ja: 'ご本人または同じ世帯の方の住民票の写し等を、住民登録のある住所へ郵送します。手数料は1通300円で、申請時にクレジットカード等でお支払いください。お届けまで1週間程度かかります。',
    en: 'We post copies of the resident record of you or your household to your registered address. The fee is 300 yen a copy, paid online when you apply. Delivery takes about a week.',
  },
  whatYouNeed: {
    ja: '・本人確認書類（マイナンバーカード、運転免許証など）の画像\n・手数料のお支払いに使うクレジットカード等',
    en: '- A photo or scan of an identity document (My Number card, driving licence, etc.)\n- A credit card or other means to pay the fee',
  },
  purposeOfUse: {
    ja: '証明書の交付請求の審査、証明書の作成と郵送、手数料の収納、請求内容の確認のご連絡に利用します。',
    en: 'Used to check the request, issue and post the certificate, collect the fee and contact you about the request.',
  },
  category: 'certificate',
  yearlyVolume: 2500,
  retentionDays: 1095,
  pages: [
    {
      id: 'request',
      title: { ja: '請求する証明書', en: 'What you need' },
      fields: [
        {
          id: 'certificate_kind',
          type: 'single_choice',
          label: { ja: '証明書の種類', en: 'Certificate' },
          required: true,
          pii: 'none',
          csvColumn: '証明書の種類',
          options: [
            {
              value: 'record_household',
              label: { ja: '住民票の写し（世帯全員）', en: 'Resident record (whole household)' },
            },
            {
              value: 'record_individual',
              label: { ja: '住民票の写し（本人のみ）', en: 'Resident record (you only)' },
            },
            {
              value: 'record_items',
              label: { ja: '住民票記載事項証明書', en: 'Certificate of resident record items' },
            },
            {
              value: 'removed_record',
              label: { ja: '除票の写し（転出・死亡された方）', en: 'Record of a removed resident' },
            },
          ],
        },
        {
          id: 'included_items',
          type: 'multiple_choice',
          label: { ja: '記載を希望する事項', en: 'Include on the certificate' },
          help: {
            ja: '必要な場合のみ選んでください。選ばない場合は省略して作成します。',
            en: 'Choose only what the recipient asks for; anything not chosen is left out.',
          },
          pii: 'none',
          csvColumn: '記載事項',
          options: [
            {
              value: 'relationship',
              label: { ja: '世帯主の氏名と続柄', en: 'Head of household and relationship' },
            },
            { value: 'domicile', label: { ja: '本籍・筆頭者', en: 'Registered domicile' } },
          ],
        },
        {
          id: 'copies',
          type: 'number',
          label: { ja: '必要な通数', en: 'Number of copies' },
          required: true,
          pii: 'none',
          csvColumn: '請求通数',
          integer: true,
          min: 1,
          max: 10,
          unit: { ja: '通', en: 'copies' },
        },
        {
          id: 'fee',
          type: 'fee',
          label: { ja: '手数料', en: 'Fee' },
          help: { ja: '1通300円です。', en: '300 yen a copy.' },
          pii: 'none',
          csvColumn: '手数料（通数）',
          unitPrice: 300,
          quantity: { source: 'field', fieldId: 'copies' },
        },
        {
          id: 'purpose',
          type: 'single_choice',
          label: { ja: '使用目的', en: 'Purpose' },
          required: true,
          pii: 'other',
          csvColumn: '使用目的',
          options: [
            { value: 'pension', label: { ja: '年金の手続', en: 'Pension' } },
            { value: 'insurance', label: { ja: '保険の手続', en: 'Insurance' } },
            { value: 'vehicle', label: { ja: '自動車の登録', en: 'Vehicle registration' } },
            { value: 'employment', label: { ja: '勤務先への提出', en: 'For an employer' } },
            {
              value: 'property',
              label: { ja: '不動産・住宅ローンの手続', en: 'Property or mortgage' },
            },
            { value: 'other', label: { ja: 'その他', en: 'Other' } },
          ],
        },
        {
          id: 'purpose_detail',
          type: 'long_text',
          label: { ja: '使用目的の詳細と提出先', en: 'Purpose in detail and where it goes' },
          help: {
            ja: '例：〇〇銀行へ口座開設の書類として提出',
            en: 'E.g. to open an account at a bank',
          },
          required: true,
          pii: 'other',
          csvColumn: '使用目的（詳細）',
          maxLength: 400,
          rows: 3,
          showIf: { field: 'purpose', op: 'equals', value: 'other' },
        },
      ],
    },
    {
      id: 'requester',
      title: { ja: '請求者の情報', en: 'About you' },
      description: {
        ja: '証明書は、住民登録のある住所にのみ郵送します。',
        en: 'Certificates are posted only to the registered address.',
      },
      fields: [
        {
          id: 'requester_name',
          type: 'name',
          label: { ja: '氏名', en: 'Name' },
          required: true,
          pii: 'name',
          csvColumn: '請求者氏名',
        },
        {
          id: 'address',
          type: 'address',
          label: { ja: '住所（住民登録のある住所）', en: 'Registered address' },
          required: true,
          pii: 'address',
          csvColumn: '住所',
        },
        {
          id: 'birth_date',
          type: 'birth_date',
          label: { ja: '生年月日', en: 'Date of birth' },
          required: true,
          pii: 'birthdate',
          csvColumn: '生年月日',
          minAge: 15,
        },
        {
          id: 'phone',
          type: 'phone',
          label: { ja: '日中に連絡がとれる電話番号', en: 'Daytime phone number' },
          required: true,
          pii: 'contact',
          csvColumn: '電話番号',
        },
        {
          id: 'email',
          type: 'email',
          label: { ja: 'メールアドレス', en: 'Email' },
          required: true,
          pii: 'contact',
          csvColumn: 'メールアドレス',
        },
        {
          id: 'identity_document',
          type: 'file',
          label: { ja: '本人確認書類の画像', en: 'Identity document' },
          help: {
            ja: '氏名・住所・生年月日が写っている面を添付してください。マイナンバーカードは表面のみ（裏面の個人番号は添付しないでください）。',
            en: 'Attach the side showing your name, address and date of birth. For a My Number card, the front only: never the back with the number.',
          },
          required: true,
          pii: 'other',
          csvColumn: '本人確認書類',
          accept: ['image/jpeg', 'image/png', 'application/pdf'],
          maxFiles: 2,
          maxSizeMb: 10,
        },
      ],
    },
  ],
  options: {
    payment: { mode: 'at_submission' },
  },
  notifications: {
    arrival: {
      subject: {
        ja: '【{{municipality}}】証明書の請求を受け付けました（{{referenceNumber}}）',
        en: '[{{municipality}}] Certificate request received ({{referenceNumber}})',
      },
      body: {
        ja: '{{formTitle}}を受け付けました。\n受付番号：{{referenceNumber}}\n手数料：{{amount}}円（お支払い済み）\n\n審査ののち、住民登録のある住所へ郵送します。請求状況は次のページで確認できます。\n{{statusUrl}}\n\nお問い合わせ：みどり区 戸籍住民課 住民記録係（03-5273-3601）',
        en: 'We have received your request ({{formTitle}}).\nReference number: {{referenceNumber}}\nFee: {{amount}} yen (paid)\n\nOnce checked, the certificate is posted to your registered address. Follow the request here:\n{{statusUrl}}\n\nQuestions: Resident Records, Midori City (03-5273-3601)',
      },
    },
    completed: {
      subject: {
        ja: '【{{municipality}}】証明書を発送しました（{{referenceNumber}}）',
        en: '[{{municipality}}] Your certificate has been posted ({{referenceNumber}})',
      },
      body: {
        ja: '本日、ご請求の証明書を普通郵便で発送しました。\n\n{{staffMessage}}',
        en: 'We posted your certificate today by ordinary mail.\n\n{{staffMessage}}',
      },
    },
    rejected: {
      subject: {
        ja: '【{{municipality}}】証明書を交付できませんでした（{{referenceNumber}}）',
        en: '[{{municipality}}] We could not issue your certificate ({{referenceNumber}})',
      },
      body: {
        ja: '{{formTitle}}について、次の理由により交付できませんでした。お支払いいただいた手数料は返金します。\n\n{{staffMessage}}',
        en: 'We could not issue the certificate you requested ({{formTitle}}) for the reason below. The fee you paid will be refunded.\n\n{{staffMessage}}',
      },
    },
  },
};
