import type { FormDefinitionInput } from '../definition/schema';

/** #7 Registration for the spring zero-waste day clean-up on Sunday 30 May 2027 (50 places). */
export const zeroWasteDay: FormDefinitionInput = {
  schemaVersion: 1,
  title: {
    ja: '春のごみゼロデー 参加申込',
    en: 'Spring Zero-Waste Day: sign-up',
  },
  description: {
    ja: '令和9年5月30日（日）午前9時から11時まで、みどり中央公園を起点に区内の清掃活動を行います。軍手・ごみ袋・トングは区で用意します。定員50名（先着順）。雨天の場合は中止し、前日午後5時までにメールでお知らせします。',
    en: 'On Sunday 30 May 2027, 9:00–11:00, we clean up the streets starting from Midori Central Park. Gloves, bags and tongs are provided. 50 places, first come first served. If it rains, the event is cancelled and we email you by 17:00 the day before.',
  },
  purposeOfUse: {
    ja: '参加者の受付、当日の出欠確認、中止などの緊急連絡、ボランティア活動保険の加入手続に利用します。',
    en: 'Used to register participants, take attendance, contact you about cancellations and enrol you in volunteer insurance.',
  },
  category: 'event',
  yearlyVolume: 100,
  retentionDays: 365,
  pages: [
    {
      id: 'participant',
      title: { ja: '参加者の情報', en: 'Participant' },
      description: {
        ja: 'お申し込みは、お一人につき1回です。ご家族で参加する場合は、お一人ずつお申し込みください。',
        en: 'One sign-up per person: family members sign up separately.',
      },
      fields: [
        {
          id: 'participant_name',
          type: 'name',
          label: { ja: '氏名', en: 'Name' },
          required: true,
          pii: 'name',
          csvColumn: '参加者氏名',
        },
        {
          id: 'phone',
          type: 'phone',
          label: { ja: '当日連絡がとれる電話番号', en: 'Phone number on the day' },
          required: true,
          pii: 'contact',
          csvColumn: '電話番号',
        },
        {
          id: 'email',
          type: 'email',
          label: { ja: 'メールアドレス', en: 'Email' },
          help: {
            ja: '中止のお知らせなどをお送りします。',
            en: 'We use it to tell you if the event is cancelled.',
          },
          required: true,
          pii: 'contact',
          csvColumn: 'メールアドレス',
        },
      ],
    },
  ],
  settings: {
    opensAt: '2027-04-15T09:00:00+09:00',
    closesAt: '2027-05-23T17:00:00+09:00',
    capacity: 50,
    onePerPerson: 'email',
  },
  options: {
    emailVerification: true,
  },
  notifications: {
    arrival: {
      subject: {
        ja: '【{{municipality}}】春のごみゼロデーのお申し込みを受け付けました',
        en: '[{{municipality}}] You are signed up for Zero-Waste Day',
      },
      body: {
        ja: 'お申し込みありがとうございます（受付番号：{{referenceNumber}}）。\n\n日時：令和9年5月30日（日）午前9時から11時まで\n集合：みどり中央公園 噴水広場（午前8時45分受付開始）\n持ち物：帽子、飲み物、汚れてもよい服装でお越しください。\n\n参加を取りやめる場合は、次のページから取下げてください。\n{{statusUrl}}\n\nお問い合わせ：みどり区 ごみ減量推進課（03-5273-3318）',
        en: 'Thank you for signing up (reference {{referenceNumber}}).\n\nWhen: Sunday 30 May 2027, 9:00–11:00\nMeet: fountain square, Midori Central Park (reception from 8:45)\nBring a hat, a drink and clothes that may get dirty.\n\nIf you cannot come, please withdraw here:\n{{statusUrl}}\n\nQuestions: Waste Reduction Section, Midori City (03-5273-3318)',
      },
    },
  },
};
