import type { FormDefinitionInput } from '../definition/schema';

/** #3 Pregnancy support benefit, first payment after the pregnancy is notified (妊婦支援給付金). */
export const pregnancySupportBenefit: FormDefinitionInput = {
  schemaVersion: 1,
  title: {
    ja: '妊婦支援給付金（妊娠時）の申請',
    en: 'Pregnancy support benefit (at pregnancy)',
  },
  description: {
    ja: '妊娠の届出をされた方に、妊婦支援給付金として5万円を支給します。医師による胎児心拍の確認後、区に住民登録がある妊婦の方ご本人が申請してください。',
    en: 'Women who have notified their pregnancy receive a pregnancy support benefit of 50,000 yen. Apply yourself, once a doctor has confirmed the foetal heartbeat, if you are registered as a resident of Midori City.',
  },
  whatYouNeed: {
    ja: '・母子健康手帳\n・「妊婦支援給付金のご案内」（給付管理番号が記載されています）\n・マイナンバーカードまたは通知カード\n・現金で受け取る場合は、振込先口座の通帳またはキャッシュカード',
    en: '- Your maternal and child health handbook\n- The benefit notice showing your benefit management number\n- Your My Number card or notification card\n- For a cash payment, your bank book or cash card',
  },
  purposeOfUse: {
    ja: '妊婦支援給付金の支給要件の審査、給付金の支給、他の区市町村との受給状況の確認、母子保健事業のご案内に利用します。個人番号は、子ども・子育て支援法に基づく事務にのみ利用します。',
    en: 'Used to check eligibility, pay the benefit, confirm with other municipalities that it was not paid twice and inform you about maternal health services. Your My Number is used only for duties under the Child and Childcare Support Act.',
  },
  category: 'application',
  yearlyVolume: 2000,
  retentionDays: 1825,
  pages: [
    {
      id: 'applicant',
      title: { ja: '申請者（妊婦）の情報', en: 'About you' },
      fields: [
        {
          id: 'applicant_name',
          type: 'name',
          label: { ja: '氏名', en: 'Name' },
          required: true,
          pii: 'name',
          csvColumn: '申請者氏名',
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
          id: 'address',
          type: 'address',
          label: { ja: '住所（住民登録のある住所）', en: 'Registered address' },
          required: true,
          pii: 'address',
          csvColumn: '住所',
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
        {
          id: 'occupation',
          type: 'short_text',
          label: { ja: '職業', en: 'Occupation' },
          help: {
            ja: '例：会社員、自営業、学生、無職',
            en: 'E.g. employee, self-employed, student',
          },
          pii: 'employment',
          csvColumn: '職業',
          maxLength: 40,
        },
        {
          id: 'my_number',
          type: 'my_number',
          label: { ja: '個人番号（マイナンバー）', en: 'Individual Number (My Number)' },
          help: {
            ja: '12桁の数字を入力してください。他の区市町村での受給状況の確認に利用します。',
            en: 'The 12 digits, used to check payments by other municipalities.',
          },
          required: true,
          pii: 'my_number',
          csvColumn: '個人番号',
        },
      ],
    },
    {
      id: 'pregnancy',
      title: { ja: '妊娠の状況', en: 'Your pregnancy' },
      fields: [
        {
          id: 'benefit_number',
          type: 'short_text',
          label: { ja: '給付管理番号', en: 'Benefit management number' },
          help: {
            ja: '「妊婦支援給付金のご案内」の右上に記載の10桁の番号です。',
            en: 'The 10-digit number at the top right of the benefit notice.',
          },
          required: true,
          pii: 'other',
          csvColumn: '給付管理番号',
          charset: 'digits',
          minLength: 10,
          maxLength: 10,
        },
        {
          id: 'handbook_issued_on',
          type: 'date',
          label: { ja: '母子健康手帳の交付日', en: 'Date the maternal handbook was issued' },
          required: true,
          pii: 'health',
          csvColumn: '母子健康手帳交付日',
          min: { relative: 'today', days: -365 },
          max: { relative: 'today' },
        },
        {
          id: 'handbook_municipality',
          type: 'short_text',
          label: {
            ja: '母子健康手帳を交付した区市町村',
            en: 'Municipality that issued the handbook',
          },
          help: { ja: '例：みどり区、横浜市', en: 'E.g. Midori City, Yokohama' },
          required: true,
          pii: 'health',
          csvColumn: '母子健康手帳交付自治体',
          maxLength: 30,
        },
        {
          id: 'heartbeat_confirmed',
          type: 'yes_no',
          label: {
            ja: '医師により胎児心拍が確認されていますか',
            en: 'Has a doctor confirmed the foetal heartbeat?',
          },
          required: true,
          pii: 'health',
          csvColumn: '胎児心拍確認',
        },
        {
          id: 'heartbeat_notice',
          type: 'paragraph',
          showIf: { field: 'heartbeat_confirmed', op: 'equals', value: false },
          text: {
            ja: '給付金は、医師が胎児心拍を確認した後に支給の対象となります。確認後に改めて申請してください。ご不明な点は、みどり区保健センター（03-5273-3047）へお問い合わせください。',
            en: 'The benefit is paid once a doctor has confirmed the foetal heartbeat: please apply after that. Questions: Midori Health Centre, 03-5273-3047.',
          },
        },
        {
          id: 'doctor_name',
          type: 'short_text',
          label: { ja: '確認した医師の氏名', en: 'Name of the doctor' },
          required: true,
          pii: 'health',
          csvColumn: '確認医師名',
          maxLength: 40,
          showIf: { field: 'heartbeat_confirmed', op: 'equals', value: true },
        },
        {
          id: 'medical_institution',
          type: 'short_text',
          label: { ja: '医療機関名', en: 'Hospital or clinic' },
          required: true,
          pii: 'health',
          csvColumn: '医療機関名',
          maxLength: 60,
          showIf: { field: 'heartbeat_confirmed', op: 'equals', value: true },
        },
        {
          id: 'paid_elsewhere',
          type: 'yes_no',
          label: {
            ja: '今回の妊娠について、他の区市町村で妊婦支援給付金を受け取りましたか',
            en: 'Did another municipality already pay you this benefit for this pregnancy?',
          },
          help: {
            ja: '妊娠中に転入された方は、前住所地で受け取ったかどうかをお答えください。',
            en: 'If you moved here during the pregnancy, say whether your former municipality paid it.',
          },
          required: true,
          pii: 'income',
          csvColumn: '他自治体での受給',
        },
        {
          id: 'paid_elsewhere_municipality',
          type: 'short_text',
          label: { ja: '受給した区市町村', en: 'Municipality that paid it' },
          required: true,
          pii: 'income',
          csvColumn: '受給自治体',
          maxLength: 30,
          showIf: { field: 'paid_elsewhere', op: 'equals', value: true },
        },
      ],
    },
    {
      id: 'payment',
      title: { ja: '受け取り方法', en: 'How to receive it' },
      fields: [
        {
          id: 'benefit_kind',
          type: 'single_choice',
          label: { ja: '給付の受け取り方法', en: 'How do you want to receive it?' },
          required: true,
          pii: 'none',
          csvColumn: '給付種類',
          options: [
            {
              value: 'cash',
              label: { ja: '現金（指定口座への振込）', en: 'Cash, paid into your account' },
            },
            {
              value: 'egift',
              label: {
                ja: '電子ギフト（育児用品・サービスと交換できるギフトコードを郵送）',
                en: 'E-gift (a code for baby goods and services, sent by post)',
              },
            },
          ],
        },
        {
          id: 'bank_account',
          type: 'bank_account',
          label: { ja: '振込先口座', en: 'Bank account' },
          help: {
            ja: '申請者ご本人名義の口座を指定してください。',
            en: 'The account must be in your own name.',
          },
          required: true,
          pii: 'bank',
          csvColumn: '振込先口座',
          showIf: { field: 'benefit_kind', op: 'equals', value: 'cash' },
        },
        {
          id: 'egift_delivery',
          type: 'single_choice',
          label: { ja: 'ギフトコードの送付先', en: 'Where to send the gift code' },
          required: true,
          pii: 'none',
          csvColumn: 'ギフト送付先区分',
          showIf: { field: 'benefit_kind', op: 'equals', value: 'egift' },
          options: [
            {
              value: 'registered',
              label: { ja: '住民登録のある住所', en: 'My registered address' },
            },
            {
              value: 'different',
              label: { ja: '別の住所（里帰り先など）', en: 'Another address (e.g. family home)' },
            },
          ],
        },
        {
          id: 'egift_address',
          type: 'address',
          label: { ja: 'ギフトコードの送付先住所', en: 'Address for the gift code' },
          required: true,
          pii: 'address',
          csvColumn: 'ギフト送付先住所',
          showIf: { field: 'egift_delivery', op: 'equals', value: 'different' },
        },
      ],
    },
    {
      id: 'declaration',
      title: { ja: '申請内容の誓約', en: 'Declaration' },
      fields: [
        {
          id: 'declaration_agreement',
          type: 'consent',
          label: { ja: '誓約・同意事項', en: 'Declaration and consent' },
          pii: 'none',
          terms: {
            ja: '・申請内容に偽りはありません。\n・支給要件の確認のため、区が住民基本台帳、他の区市町村の受給記録等を調査することに同意します。\n・偽りその他不正な手段により受給した場合は、給付金を返還します。',
            en: '- The information I have given is true.\n- I agree that the ward checks the resident register and other municipalities’ records to confirm eligibility.\n- I will repay the benefit if it was obtained by false statements or other improper means.',
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
        ja: '{{formTitle}}の申請内容に、確認が必要な箇所がありました。\n\n{{staffMessage}}\n\n修正が必要な項目：{{fieldsToFix}}\n\n次のページから修正して、再度申請してください。\n{{statusUrl}}\n\nお問い合わせ：みどり区 健康づくり課 母子保健係（03-5273-3047）',
        en: 'Part of your application for {{formTitle}} needs checking.\n\n{{staffMessage}}\n\nItems to correct: {{fieldsToFix}}\n\nPlease correct them and submit again here:\n{{statusUrl}}\n\nQuestions: Maternal and Child Health, Midori City (03-5273-3047)',
      },
    },
    completed: {
      subject: {
        ja: '【{{municipality}}】妊婦支援給付金の支給が決定しました（{{referenceNumber}}）',
        en: '[{{municipality}}] Your pregnancy support benefit has been approved ({{referenceNumber}})',
      },
      body: {
        ja: '{{formTitle}}の支給を決定しました。\n\n{{staffMessage}}\n\n申請状況：{{statusUrl}}',
        en: 'Your {{formTitle}} has been approved.\n\n{{staffMessage}}\n\nStatus: {{statusUrl}}',
      },
    },
  },
};
