// Fictional applicants' answers to the example forms: for tests and the demo tenant's sample
// applications. Every name, number and address here is made up.

type RawAnswers = Record<string, unknown>;

const email = (value: string) => ({ value, confirm: value });

const registeredAddress = {
  postalCode: '１２３－４５６７',
  prefecture: '東京都',
  city: 'みどり区',
  town: '中央一丁目２番３号',
  building: 'みどりハイツ　２０３',
};

/** Sample answers. */
export const legalAnswers: RawAnswers = {
  consultation_topic: 'inheritance',
  legal_slot: 'law-1218-1300',
  applicant_name: { family: '緑川', given: '花子', familyKana: 'みどりかわ', givenKana: 'はなこ' },
  phone: '０９０－１２３４－５６７８',
  residency: 'lives',
  address: registeredAddress,
  email: email('hanako.midorikawa@example.jp'),
  rules_agreement: true,
};

/** Sample answers. */
export const pregnancyAnswers: RawAnswers = {
  applicant_name: { family: '青葉', given: '結衣', familyKana: 'アオバ', givenKana: 'ユイ' },
  birth_date: '1995/4/8',
  address: registeredAddress,
  phone: '080-1111-2222',
  email: email('yui.aoba@example.jp'),
  occupation: '会社員',
  my_number: '1234 5678 9018',
  benefit_number: '０１２３４５６７８９',
  handbook_issued_on: '2026-10-05',
  handbook_municipality: 'みどり区',
  heartbeat_confirmed: true,
  doctor_name: '森 明子',
  medical_institution: 'みどり中央病院',
  paid_elsewhere: false,
  benefit_kind: 'cash',
  bank_account: {
    bankCode: '1234',
    bankName: 'みどり信用金庫',
    branchCode: '０５６',
    branchName: '本店営業部',
    accountType: 'ordinary',
    accountNumber: '12345',
    holderKana: 'あおば ゆい',
  },
  declaration_agreement: true,
};

/** Sample answers. */
export const zeroWasteAnswers: RawAnswers = {
  participant_name: { family: '山本', given: '健', familyKana: 'ヤマモト', givenKana: 'ケン' },
  phone: '03-5555-0123',
  email: { value: 'ken.yamamoto@Example.JP', confirm: 'ｋｅｎ．ｙａｍａｍｏｔｏ＠example.jp' },
};

/** Sample answers. */
export const staffAnswers: RawAnswers = {
  department: 'welfare',
  position: 'supervisor',
  job_type: 'welfare',
  age_band: '40s',
  hiring_category: 'experienced',
  year_hired: '２０１４',
  years_in_post: '3_to_4',
  prior_career: true,
  promotion_outlook: 'depends',
  q_pride: '5',
  q_growth: '4',
  q_workload: '2',
  q_support: '4',
  q_voice: '3',
  q_recommend: '4',
  overtime: '10_to_29',
  improvements: ['staffing', 'telework', 'other'],
  improvements_other: '窓口の混雑状況の見える化',
  comments: '繁忙期の応援体制を\r\n部をまたいで組めるようにしてほしい。',
};

/** The attachment reference of a bank-book scan. */
export const bankbook = { id: 'f_8Kq2vX', name: '通帳.jpg', size: 1_200_000, type: 'image/jpeg' };

/** Sample answers. */
export const reliefAnswers: RawAnswers = {
  letter_number: '０１２３ ４５６７ ８９',
  entry_route: 'qr',
  applicant_name: { family: '佐藤', given: '一郎', familyKana: 'サトウ', givenKana: 'イチロウ' },
  phone: '0312345678',
  email: email('ichiro.sato@example.jp'),
  bank_account: {
    bankCode: '9900',
    bankName: 'ゆうちょ銀行',
    branchCode: '018',
    branchName: '〇一八店',
    accountType: 'ordinary',
    accountNumber: '1234567',
    holderKana: 'ｻﾄｳ ｲﾁﾛｳ',
  },
  bankbook_scan: [bankbook],
  declaration_agreement: true,
};

/** A child of Japanese nationality in the school survey. */
export const japaneseChild = {
  child_name: { family: '川口', given: '陽翔', familyKana: 'かわぐち', givenKana: 'はると' },
  child_birth_date: '2020-06-15',
  child_sex: 'male',
  current_school: 'みどり保育園',
  school_plan: 'designated',
  child_nationality: 'japan',
};

/** A child of another nationality in the school survey. */
export const foreignChild = {
  child_name: { family: 'グエン', given: 'アン', familyKana: 'グエン', givenKana: 'アン' },
  child_birth_date: '2014-09-02',
  child_sex: 'female',
  current_school: 'みどり区立中央小学校',
  school_plan: 'chosen',
  planned_school: 'みどり区立西中学校',
  child_nationality: 'other',
  nationality_name: 'ベトナム',
  home_language: 'ベトナム語',
  residence_status: 'dependent',
  residence_expiry: '2028-03-31',
  residence_card_number: 'ａｂ１２３４５６７８ｃｄ',
};

/** Sample answers. */
export const schoolAnswers: RawAnswers = {
  children: [japaneseChild, foreignChild],
  guardian_name: { family: '川口', given: '美咲', familyKana: 'カワグチ', givenKana: 'ミサキ' },
  address: registeredAddress,
  phone: '070-9876-5432',
  email: email('misaki.kawaguchi@example.jp'),
};

/** Sample answers. */
export const certificateAnswers: RawAnswers = {
  certificate_kind: 'record_household',
  included_items: ['relationship'],
  copies: '３',
  purpose: 'other',
  purpose_detail: '勤務先へ扶養の届出書類として提出',
  requester_name: { family: '高橋', given: '誠', familyKana: 'タカハシ', givenKana: 'マコト' },
  address: registeredAddress,
  birth_date: '1980-01-31',
  phone: '090-2222-3333',
  email: email('makoto.takahashi@example.jp'),
  identity_document: [
    { id: 'f_id01', name: 'license.pdf', size: 300_000, type: 'application/pdf' },
  ],
};

/** Sample answers. */
export const movingAnswers: RawAnswers = {
  name: { family: '中村', given: '大輔', familyKana: 'ナカムラ', givenKana: 'ダイスケ' },
  address: registeredAddress,
  birth_date: '1988-07-07',
  sex: 'male',
  phone: '090-4444-5555',
  email: email('daisuke.nakamura@example.jp'),
  new_address: {
    postalCode: '2200012',
    prefecture: '神奈川県',
    city: '横浜市西区',
    town: 'みなとみらい二丁目3番',
    building: '',
  },
  moving_date: '2026-12-05',
  moving_scope: 'with_members',
  members: [
    {
      member_name: { family: '中村', given: '彩', familyKana: 'ナカムラ', givenKana: 'アヤ' },
      member_birth_date: '1990-02-14',
      member_relationship: 'spouse',
    },
    {
      member_name: { family: '中村', given: 'ハナ', familyKana: 'ナカムラ', givenKana: 'ハナ' },
      member_birth_date: '2023-05-20',
      member_relationship: 'child',
    },
  ],
  notice_agreement: true,
};

/** One complete, valid set of answers per example form (fictional people), keyed by slug. */
export const exampleAnswers: Record<string, RawAnswers> = {
  'legal-consultation': legalAnswers,
  'pregnancy-support-benefit': pregnancyAnswers,
  'zero-waste-day': zeroWasteAnswers,
  'staff-engagement-survey': staffAnswers,
  'relief-benefit': reliefAnswers,
  'school-plans-survey': schoolAnswers,
  'certificate-by-mail': certificateAnswers,
  'moving-out-notice': movingAnswers,
};
