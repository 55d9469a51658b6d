import type { FormDefinitionInput } from '../definition/schema';

/** #9 Price-surge relief benefit for households exempt from resident tax, matched to a letter. */
export const reliefBenefit: FormDefinitionInput = {
  schemaVersion: 1,
  title: {
    ja: '物価高騰対策 重点支援給付金の申請',
    en: 'Price-surge relief benefit',
  },
  description: {
    ja: '令和8年度の住民税が非課税の世帯に、1世帯あたり3万円を支給します。区から「確認書」が届いた世帯の世帯主の方が、確認書に記載の確認書番号を入力して申請してください。',
    en: 'Households exempt from resident tax for FY2026 receive 30,000 yen. The head of a household that received a confirmation letter from the ward applies with the number printed on the letter.',
  },
  whatYouNeed: {
    ja: '・区から届いた確認書\n・振込先口座の通帳またはキャッシュカード（口座番号と名義がわかる面を撮影した画像）',
    en: '- The confirmation letter from the ward\n- A photo or scan of your bank book or cash card showing the account number and holder',
  },
  purposeOfUse: {
    ja: '給付金の支給要件の確認、給付金の振込、振込先口座の確認、申請内容についてのご連絡に利用します。',
    en: 'Used to confirm eligibility, pay the benefit, check the bank account and contact you about the application.',
  },
  category: 'application',
  yearlyVolume: 2000,
  retentionDays: 1825,
  pages: [
    {
      id: 'letter',
      title: { ja: '確認書と世帯主', en: 'Letter and head of household' },
      fields: [
        {
          id: 'letter_number',
          type: 'short_text',
          label: { ja: '確認書番号', en: 'Confirmation letter number' },
          help: {
            ja: '確認書の右上に記載されている10桁の番号です。',
            en: 'The 10-digit number at the top right of the letter.',
          },
          required: true,
          pii: 'income',
          csvColumn: '確認書番号',
          charset: 'digits',
          minLength: 10,
          maxLength: 10,
        },
        // The QR code on the letter links with ?via=qr, so staff can tell how many applicants
        // came from the letter rather than from the ward's website.
        {
          id: 'entry_route',
          type: 'hidden',
          label: { ja: '申請経路', en: 'How the form was opened' },
          pii: 'none',
          csvColumn: '申請経路',
          fromQuery: 'via',
        },
        {
          id: 'applicant_name',
          type: 'name',
          label: { ja: '世帯主の氏名', en: 'Name of the head of household' },
          required: true,
          pii: 'name',
          csvColumn: '世帯主氏名',
        },
        {
          id: 'phone',
          type: 'phone',
          label: { ja: '電話番号', en: 'Phone number' },
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
      ],
    },
    {
      id: 'account',
      title: { ja: '振込先口座', en: 'Bank account' },
      fields: [
        {
          id: 'bank_account',
          type: 'bank_account',
          label: { ja: '振込先口座', en: 'Bank account' },
          help: {
            ja: '世帯主ご本人名義の口座を指定してください。ゆうちょ銀行は振込用の店名・口座番号を入力してください。',
            en: 'The account must be in the name of the head of household. For Japan Post Bank, use the branch and number for transfers.',
          },
          required: true,
          pii: 'bank',
          csvColumn: '振込先口座',
        },
        {
          id: 'bankbook_scan',
          type: 'file',
          label: { ja: '通帳またはキャッシュカードの画像', en: 'Bank book or cash card' },
          help: {
            ja: '金融機関名・支店名・口座番号・口座名義（カナ）がわかる面を添付してください（2枚まで、1枚10MBまで）。',
            en: 'Attach the side showing the bank, branch, account number and holder’s name in kana (2 files, 10 MB each).',
          },
          required: true,
          pii: 'bank',
          csvColumn: '通帳の写し',
          accept: ['image/jpeg', 'image/png', 'application/pdf'],
          maxFiles: 2,
          maxSizeMb: 10,
        },
        {
          id: 'declaration_agreement',
          type: 'consent',
          label: { ja: '誓約・同意事項', en: 'Declaration and consent' },
          pii: 'none',
          terms: {
            ja: '・世帯全員が、令和8年度の住民税を課税されている方に扶養されていません。\n・支給要件の確認のため、区が住民基本台帳・税情報を確認することに同意します。\n・支給要件に該当しないことが判明した場合や、偽りその他不正な手段により受給した場合は、給付金を返還します。',
            en: '- No member of the household is a dependant of someone who pays resident tax for FY2026.\n- I agree that the ward checks the resident register and tax records to confirm eligibility.\n- I will repay the benefit if we turn out not to be eligible, or if it was obtained by false statements or other improper means.',
          },
          agreeLabel: { ja: '上記に同意して申請します', en: 'I agree and apply' },
        },
      ],
    },
  ],
  notifications: {
    returned: {
      subject: {
        ja: '【{{municipality}}】申請内容の修正をお願いします（{{referenceNumber}}）',
        en: '[{{municipality}}] Please correct your application ({{referenceNumber}})',
      },
      body: {
        ja: '{{formTitle}}の申請内容に、確認が必要な箇所がありました。\n\n{{staffMessage}}\n\n修正が必要な項目：{{fieldsToFix}}\n\n次のページから修正して、再度申請してください。\n{{statusUrl}}\n\nお問い合わせ：みどり区 臨時給付金コールセンター（03-5273-4120）',
        en: 'Part of your application for {{formTitle}} needs checking.\n\n{{staffMessage}}\n\nItems to correct: {{fieldsToFix}}\n\nPlease correct them and submit again here:\n{{statusUrl}}\n\nQuestions: benefit call centre, Midori City (03-5273-4120)',
      },
    },
    completed: {
      subject: {
        ja: '【{{municipality}}】給付金の振込手続が完了しました（{{referenceNumber}}）',
        en: '[{{municipality}}] Your benefit has been transferred ({{referenceNumber}})',
      },
      body: {
        ja: '{{formTitle}}の振込手続が完了しました。\n\n{{staffMessage}}\n\n通帳に「ミドリクキユウフキン」と記帳されます。',
        en: 'Your {{formTitle}} has been transferred.\n\n{{staffMessage}}\n\nYour bank book shows it as “ミドリクキユウフキン”.',
      },
    },
  },
};
