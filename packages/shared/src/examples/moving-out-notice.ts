import type { FormDefinitionInput } from '../definition/schema';

/** #12 Moving-out notice with advance notice of moving in, signed with the My Number card. */
export const movingOutNotice: FormDefinitionInput = {
  schemaVersion: 1,
  title: {
    ja: '転出届（マイナンバーカードによる転出届・転入予約）',
    en: 'Moving-out notice (with the My Number card)',
  },
  description: {
    ja: 'みどり区から他の区市町村へ引っ越す方は、マイナンバーカードで本人確認をして転出届を提出できます。転出証明書の交付は不要で、転入先の窓口にマイナンバーカードを持参して転入届を行ってください（転入した日から14日以内）。',
    en: 'If you move from Midori City to another municipality, you can give notice online after identifying yourself with your My Number card. No moving-out certificate is needed: take your card to your new municipality and register there within 14 days of moving in.',
  },
  whatYouNeed: {
    ja: '・マイナンバーカード（署名用電子証明書の暗証番号：英数字6〜16文字）\n・マイナンバーカードを読み取れるスマートフォン',
    en: '- Your My Number card and its signature PIN (6–16 letters and digits)\n- A smartphone that can read the card',
  },
  purposeOfUse: {
    ja: '住民基本台帳法に基づく転出届の受理、住民票の記載、転入先の区市町村への転出証明書情報の通知、届出内容の確認のご連絡に利用します。',
    en: 'Used under the Basic Resident Registration Act to accept the notice, update the resident register, send the moving-out information to your new municipality and contact you about the notice.',
  },
  category: 'application',
  yearlyVolume: 6000,
  retentionDays: 1825,
  pages: [
    {
      id: 'notifier',
      title: { ja: '届出人', en: 'You' },
      description: {
        ja: '氏名・住所・生年月日・性別は、マイナンバーカードから読み取った内容が表示されます。',
        en: 'Name, address, date of birth and sex are read from your My Number card.',
      },
      fields: [
        {
          id: 'name',
          type: 'name',
          label: { ja: '氏名', en: 'Name' },
          help: {
            ja: 'フリガナは、カードに記録されていないため入力してください。',
            en: 'The card holds no reading, so type it in katakana.',
          },
          required: true,
          pii: 'name',
          csvColumn: '届出人氏名',
        },
        {
          id: 'address',
          type: 'address',
          label: { ja: '現住所', en: 'Current address' },
          required: true,
          pii: 'address',
          csvColumn: '現住所',
        },
        {
          id: 'birth_date',
          type: 'birth_date',
          label: { ja: '生年月日', en: 'Date of birth' },
          required: true,
          pii: 'birthdate',
          csvColumn: '生年月日',
        },
        {
          id: 'sex',
          type: 'single_choice',
          label: { ja: '性別', en: 'Sex' },
          required: true,
          pii: 'sex',
          csvColumn: '性別',
          options: [
            { value: 'male', label: { ja: '男', en: 'Male' } },
            { value: 'female', label: { ja: '女', en: 'Female' } },
          ],
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
      ],
    },
    {
      id: 'move',
      title: { ja: '転出先と異動する方', en: 'Where you move and who moves' },
      fields: [
        {
          id: 'new_address',
          type: 'address',
          label: { ja: '転出先の住所', en: 'New address' },
          help: {
            ja: '建物名・部屋番号まで正確に入力してください。',
            en: 'Include the building and room number.',
          },
          required: true,
          pii: 'address',
          csvColumn: '転出先住所',
        },
        {
          id: 'moving_date',
          type: 'date',
          label: { ja: '転出予定日（転出した日）', en: 'Moving date' },
          help: {
            ja: '引っ越しの14日前から、引っ越した日の14日後まで届出できます。',
            en: 'You can give notice from 14 days before to 14 days after the move.',
          },
          required: true,
          pii: 'address',
          csvColumn: '転出予定日',
          min: { relative: 'today', days: -14 },
          max: { relative: 'today', days: 14 },
        },
        {
          id: 'moving_scope',
          type: 'single_choice',
          label: { ja: '異動する方', en: 'Who moves?' },
          required: true,
          pii: 'family',
          csvColumn: '異動の範囲',
          options: [
            { value: 'alone', label: { ja: '届出人のみ', en: 'Only me' } },
            {
              value: 'with_members',
              label: { ja: '届出人と同じ世帯の方', en: 'Me and members of my household' },
            },
          ],
        },
        {
          id: 'members',
          type: 'group',
          label: { ja: '一緒に異動する世帯員', en: 'Household members moving with you' },
          help: {
            ja: '届出人以外に、一緒に引っ越す同じ世帯の方を入力してください。',
            en: 'Everyone in your household who moves with you, other than yourself.',
          },
          rowLabel: { ja: '世帯員', en: 'Member' },
          required: true,
          minRows: 1,
          maxRows: 9,
          showIf: { field: 'moving_scope', op: 'equals', value: 'with_members' },
          fields: [
            {
              id: 'member_name',
              type: 'name',
              label: { ja: '氏名', en: 'Name' },
              required: true,
              pii: 'name',
              csvColumn: '世帯員氏名',
            },
            {
              id: 'member_birth_date',
              type: 'birth_date',
              label: { ja: '生年月日', en: 'Date of birth' },
              required: true,
              pii: 'birthdate',
              csvColumn: '世帯員生年月日',
            },
            {
              id: 'member_relationship',
              type: 'single_choice',
              label: { ja: '届出人との続柄', en: 'Relationship to you' },
              required: true,
              pii: 'family',
              csvColumn: '世帯員続柄',
              options: [
                { value: 'spouse', label: { ja: '夫・妻', en: 'Spouse' } },
                { value: 'child', label: { ja: '子', en: 'Child' } },
                { value: 'parent', label: { ja: '父・母', en: 'Parent' } },
                { value: 'sibling', label: { ja: '兄弟姉妹', en: 'Brother or sister' } },
                { value: 'other', label: { ja: 'その他', en: 'Other' } },
              ],
            },
            {
              id: 'member_relationship_detail',
              type: 'short_text',
              label: { ja: '続柄（その他の場合）', en: 'Relationship (other)' },
              help: { ja: '例：祖母、孫、同居人', en: 'E.g. grandmother, grandchild, housemate' },
              required: true,
              pii: 'family',
              csvColumn: '世帯員続柄（その他）',
              maxLength: 20,
              showIf: { field: 'member_relationship', op: 'equals', value: 'other' },
            },
          ],
        },
      ],
    },
    {
      id: 'confirmation',
      title: { ja: '確認事項', en: 'Before you submit' },
      fields: [
        {
          id: 'notice_agreement',
          type: 'consent',
          label: { ja: '届出にあたっての確認事項', en: 'Please confirm' },
          pii: 'none',
          terms: {
            ja: '・転出届の内容は、転入先の区市町村へ通知されます。\n・転入した日から14日以内に、転入先の窓口で転入届を行う必要があります。その際、異動した方全員のマイナンバーカードをお持ちください。\n・転出予定日に引っ越しをしなかった場合は、転出取消の手続が必要です。',
            en: '- The notice is sent to your new municipality.\n- You must register at your new municipality within 14 days of moving in, bringing the My Number cards of everyone who moved.\n- If you do not move on the date given, you must cancel the notice.',
          },
          agreeLabel: { ja: '確認しました', en: 'I understand' },
        },
      ],
    },
  ],
  settings: {
    onePerPerson: 'card_subject',
  },
  options: {
    cardAuthentication: {
      enabled: true,
      attributes: ['name', 'address', 'birthdate', 'gender'],
      prefill: { name: 'name', address: 'address', birthdate: 'birth_date', gender: 'sex' },
    },
  },
  notifications: {
    acceptance: {
      subject: {
        ja: '【{{municipality}}】転出届を受理しました（{{referenceNumber}}）',
        en: '[{{municipality}}] Your moving-out notice has been accepted ({{referenceNumber}})',
      },
      body: {
        ja: '{{formTitle}}を受理しました。\n\n転入した日から14日以内に、転入先の区市町村の窓口で転入届を行ってください。異動した方全員のマイナンバーカードをお持ちください。\n\n{{staffMessage}}\n\n届出状況：{{statusUrl}}\nお問い合わせ：みどり区 戸籍住民課 住民異動係（03-5273-3602）',
        en: 'Your {{formTitle}} has been accepted.\n\nWithin 14 days of moving in, register at your new municipality, bringing the My Number cards of everyone who moved.\n\n{{staffMessage}}\n\nStatus: {{statusUrl}}\nQuestions: Resident Records, Midori City (03-5273-3602)',
      },
    },
  },
};
