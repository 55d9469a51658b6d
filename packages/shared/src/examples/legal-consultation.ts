import type { FormDefinitionInput } from '../definition/schema';

const lawyerRoom = { ja: '本庁舎3階 区民相談室', en: 'Residents’ consultation room, City Hall 3F' };
const accidentRoom = { ja: '本庁舎1階 交通安全相談室', en: 'Traffic safety room, City Hall 1F' };

/** #1 Booking of a free legal or traffic-accident consultation (みどり区 区民相談). */
export const legalConsultation: FormDefinitionInput = {
  schemaVersion: 1,
  title: {
    ja: '法律相談・交通事故相談の予約',
    en: 'Booking a legal or traffic-accident consultation',
  },
  description: {
    ja: '弁護士による法律相談（1回30分）と、交通事故相談員による交通事故相談（1回45分）の予約を受け付けます。相談は無料です。同じ内容のご相談は、年度内1回までとさせていただきます。',
    en: 'Book a free 30-minute consultation with a lawyer, or a 45-minute consultation with a traffic-accident counsellor. One consultation per matter per fiscal year.',
  },
  whatYouNeed: {
    ja: '相談内容の経過をまとめたメモ、関係する書類（契約書、事故証明書など）があれば当日お持ちください。',
    en: 'On the day, bring notes on what happened and any related papers (contracts, accident certificate).',
  },
  purposeOfUse: {
    ja: '区民相談の予約管理、相談当日の受付、予約内容の確認・変更のご連絡に利用します。相談を担当する弁護士・相談員以外には提供しません。',
    en: 'Used to manage bookings, receive you on the day and contact you about your booking. Shared only with the lawyer or counsellor who takes the consultation.',
  },
  category: 'consultation',
  yearlyVolume: 1400,
  retentionDays: 365,
  pages: [
    {
      id: 'booking',
      title: { ja: '相談内容と日時', en: 'Topic and time' },
      fields: [
        {
          id: 'consultation_topic',
          type: 'single_choice',
          label: { ja: '相談内容', en: 'Topic' },
          required: true,
          pii: 'other',
          csvColumn: '相談内容',
          options: [
            { value: 'inheritance', label: { ja: '相続・遺言', en: 'Inheritance and wills' } },
            { value: 'family', label: { ja: '離婚・親子・家族', en: 'Divorce and family' } },
            { value: 'debt', label: { ja: '借金・金銭トラブル', en: 'Debts and money' } },
            {
              value: 'housing',
              label: { ja: '不動産・借地借家・近隣', en: 'Property and neighbours' },
            },
            { value: 'labour', label: { ja: '労働問題', en: 'Employment' } },
            { value: 'traffic_accident', label: { ja: '交通事故', en: 'Traffic accident' } },
            { value: 'other', label: { ja: 'その他の法律問題', en: 'Other legal matters' } },
          ],
        },
        {
          id: 'legal_slot',
          type: 'reservation_slot',
          label: { ja: '法律相談の希望日時', en: 'Legal consultation time' },
          help: {
            ja: '満員の枠は選べません。ご都合のよい枠がない場合は、区民相談係（03-5273-4065）へお電話ください。',
            en: 'Full slots cannot be chosen. If none suits you, call the Residents’ Consultation desk (03-5273-4065).',
          },
          required: true,
          pii: 'other',
          csvColumn: '予約日時（法律相談）',
          showIf: {
            field: 'consultation_topic',
            op: 'one_of',
            values: ['inheritance', 'family', 'debt', 'housing', 'labour', 'other'],
          },
          slots: [
            {
              id: 'law-1204-1300',
              date: '2026-12-04',
              start: '13:00',
              end: '13:30',
              capacity: 2,
              label: lawyerRoom,
            },
            {
              id: 'law-1204-1330',
              date: '2026-12-04',
              start: '13:30',
              end: '14:00',
              capacity: 2,
              label: lawyerRoom,
            },
            {
              id: 'law-1218-1300',
              date: '2026-12-18',
              start: '13:00',
              end: '13:30',
              capacity: 3,
              label: lawyerRoom,
            },
            {
              id: 'law-1218-1330',
              date: '2026-12-18',
              start: '13:30',
              end: '14:00',
              capacity: 3,
              label: lawyerRoom,
            },
            {
              id: 'law-0108-1300',
              date: '2027-01-08',
              start: '13:00',
              end: '13:30',
              capacity: 2,
              label: lawyerRoom,
            },
            {
              id: 'law-0122-1300',
              date: '2027-01-22',
              start: '13:00',
              end: '13:30',
              capacity: 2,
              label: lawyerRoom,
            },
          ],
        },
        {
          id: 'accident_slot',
          type: 'reservation_slot',
          label: { ja: '交通事故相談の希望日時', en: 'Traffic-accident consultation time' },
          required: true,
          pii: 'other',
          csvColumn: '予約日時（交通事故相談）',
          showIf: { field: 'consultation_topic', op: 'equals', value: 'traffic_accident' },
          slots: [
            {
              id: 'acc-1209-1000',
              date: '2026-12-09',
              start: '10:00',
              end: '10:45',
              capacity: 1,
              label: accidentRoom,
            },
            {
              id: 'acc-1209-1100',
              date: '2026-12-09',
              start: '11:00',
              end: '11:45',
              capacity: 1,
              label: accidentRoom,
            },
            {
              id: 'acc-1216-1000',
              date: '2026-12-16',
              start: '10:00',
              end: '10:45',
              capacity: 1,
              label: accidentRoom,
            },
            {
              id: 'acc-0113-1000',
              date: '2027-01-13',
              start: '10:00',
              end: '10:45',
              capacity: 1,
              label: accidentRoom,
            },
          ],
        },
      ],
    },
    {
      id: 'applicant',
      title: { ja: '相談される方', en: 'About you' },
      fields: [
        {
          id: 'applicant_name',
          type: 'name',
          label: { ja: '氏名', en: 'Name' },
          required: true,
          pii: 'name',
          csvColumn: '相談者氏名',
        },
        {
          id: 'phone',
          type: 'phone',
          label: { ja: '電話番号', en: 'Phone number' },
          help: {
            ja: '予約の変更などで、日中に連絡がとれる番号をご入力ください。',
            en: 'A number where we can reach you in the daytime.',
          },
          required: true,
          pii: 'contact',
          csvColumn: '電話番号',
        },
        {
          id: 'residency',
          type: 'single_choice',
          label: { ja: '区内在住・在勤の別', en: 'Do you live or work in the ward?' },
          help: {
            ja: '区民相談は、区内に住んでいる方、区内に勤めている方が利用できます。',
            en: 'The service is for people who live or work in Midori City.',
          },
          required: true,
          pii: 'address',
          csvColumn: '在住・在勤の別',
          options: [
            { value: 'lives', label: { ja: '区内に住んでいる', en: 'I live in the ward' } },
            { value: 'works', label: { ja: '区内に勤めている', en: 'I work in the ward' } },
          ],
        },
        {
          id: 'workplace_name',
          type: 'short_text',
          label: { ja: '勤務先の名称', en: 'Workplace' },
          required: true,
          pii: 'employment',
          csvColumn: '勤務先名',
          maxLength: 60,
          showIf: { field: 'residency', op: 'equals', value: 'works' },
        },
        {
          id: 'address',
          type: 'address',
          label: {
            ja: '住所（在勤の方は勤務先の所在地）',
            en: 'Address (workplace address if you work here)',
          },
          required: true,
          pii: 'address',
          csvColumn: '住所・勤務先所在地',
        },
        {
          id: 'email',
          type: 'email',
          label: { ja: 'メールアドレス', en: 'Email' },
          help: {
            ja: '入力すると、予約内容の確認メールをお送りします。',
            en: 'If given, we mail you a confirmation of your booking.',
          },
          pii: 'contact',
          csvColumn: 'メールアドレス',
        },
        {
          id: 'rules_agreement',
          type: 'consent',
          label: { ja: '相談の注意事項', en: 'Consultation rules' },
          pii: 'none',
          terms: {
            ja: '・相談時間は、法律相談30分、交通事故相談45分です。\n・相談は助言に限ります。書類の作成や相手方との交渉は行いません。\n・係争中の事件や、すでに弁護士に依頼している件のご相談はできません。\n・キャンセルの場合は、前日までに区民相談係（03-5273-4065）へご連絡ください。',
            en: '- A legal consultation lasts 30 minutes, a traffic-accident one 45 minutes.\n- We give advice only: no drafting of documents and no negotiation with the other party.\n- Cases in court or already handled by a lawyer cannot be discussed.\n- To cancel, call the Residents’ Consultation desk (03-5273-4065) by the day before.',
          },
          agreeLabel: { ja: '注意事項に同意します', en: 'I agree to these rules' },
        },
      ],
    },
  ],
  notifications: {
    arrival: {
      subject: {
        ja: '【{{municipality}}】相談の予約を受け付けました（{{referenceNumber}}）',
        en: '[{{municipality}}] Your consultation is booked ({{referenceNumber}})',
      },
      body: {
        ja: '{{formTitle}}の予約を受け付けました。\n受付番号：{{referenceNumber}}\n予約内容の確認：{{statusUrl}}\n\n当日は、開始時刻の5分前までに会場の受付へお越しください。キャンセルは前日までに区民相談係（03-5273-4065）へご連絡ください。',
        en: 'We have received your booking ({{formTitle}}).\nReference number: {{referenceNumber}}\nYour booking: {{statusUrl}}\n\nPlease come to the reception 5 minutes before your time. To cancel, call 03-5273-4065 by the day before.',
      },
    },
  },
};
