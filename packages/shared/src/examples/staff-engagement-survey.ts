import type { FormDefinitionInput } from '../definition/schema';
import type { FieldInput } from '../fields/index';

const agreement = [
  { value: '5', label: { ja: 'そう思う', en: 'Agree' } },
  { value: '4', label: { ja: 'ややそう思う', en: 'Somewhat agree' } },
  { value: '3', label: { ja: 'どちらともいえない', en: 'Neither' } },
  { value: '2', label: { ja: 'あまりそう思わない', en: 'Somewhat disagree' } },
  { value: '1', label: { ja: 'そう思わない', en: 'Disagree' } },
];

// Opinions on a five-point scale carry no personal data once the survey is anonymous.
function statement(id: string, csvColumn: string, ja: string, en: string): FieldInput {
  return {
    id,
    type: 'single_choice',
    label: { ja, en },
    required: true,
    pii: 'none',
    csvColumn,
    options: agreement,
  };
}

/** #8 Anonymous staff engagement survey, published on LGWAN only (職員エンゲージメント調査). */
export const staffEngagementSurvey: FormDefinitionInput = {
  schemaVersion: 1,
  title: {
    ja: '令和8年度 職員エンゲージメント調査',
    en: 'Staff engagement survey FY2026',
  },
  description: {
    ja: 'みどり区の職員の皆さんに、働きがいと職場環境についてお聞きします。回答は無記名で、人事課が統計的に処理します。回答者が5人未満となる区分の集計結果は公表しません。所要時間は10分程度です。',
    en: 'We ask Midori City staff about engagement and their workplace. Answers are anonymous and processed statistically by Human Resources; results for groups of fewer than 5 respondents are never published. It takes about 10 minutes.',
  },
  purposeOfUse: {
    ja: '職員の働きがいと職場環境の把握、人事施策・職場改善の検討に利用します。個人を特定する目的では利用せず、所属長には集計結果のみを提供します。',
    en: 'Used to understand engagement and working conditions and to plan HR measures. Never used to identify anyone; managers receive aggregated results only.',
  },
  category: 'survey',
  yearlyVolume: 3000,
  retentionDays: 365,
  pages: [
    {
      id: 'profile',
      title: { ja: 'あなたについて', en: 'About you' },
      fields: [
        {
          id: 'department',
          type: 'single_choice',
          label: { ja: '所属部', en: 'Department' },
          required: true,
          pii: 'employment',
          csvColumn: '所属部',
          display: 'select',
          options: [
            { value: 'general_affairs', label: { ja: '総務部', en: 'General Affairs' } },
            { value: 'policy', label: { ja: '企画政策部', en: 'Policy and Planning' } },
            { value: 'community', label: { ja: '地域振興部', en: 'Community Affairs' } },
            { value: 'welfare', label: { ja: '福祉部', en: 'Welfare' } },
            { value: 'children', label: { ja: '子ども家庭部', en: 'Children and Families' } },
            {
              value: 'health',
              label: { ja: '健康部（保健センターを含む）', en: 'Health (incl. health centres)' },
            },
            { value: 'environment', label: { ja: '環境清掃部', en: 'Environment and Waste' } },
            { value: 'urban', label: { ja: 'みどりのまちづくり部', en: 'Urban Development' } },
            { value: 'education', label: { ja: '教育委員会事務局', en: 'Board of Education' } },
            {
              value: 'other',
              label: { ja: 'その他（議会事務局・選挙管理委員会など）', en: 'Other' },
            },
          ],
        },
        {
          id: 'position',
          type: 'single_choice',
          label: { ja: '職層', en: 'Grade' },
          required: true,
          pii: 'employment',
          csvColumn: '職層',
          options: [
            { value: 'staff', label: { ja: '主事・主任', en: 'Staff' } },
            { value: 'supervisor', label: { ja: '係長・主査', en: 'Team leader' } },
            { value: 'manager', label: { ja: '課長補佐・課長', en: 'Section manager' } },
            { value: 'director', label: { ja: '部長級', en: 'Director' } },
          ],
        },
        {
          id: 'job_type',
          type: 'single_choice',
          label: { ja: '職種', en: 'Job type' },
          required: true,
          pii: 'employment',
          csvColumn: '職種',
          options: [
            { value: 'administrative', label: { ja: '事務', en: 'Administrative' } },
            {
              value: 'technical',
              label: { ja: '技術（土木・建築・機械・電気）', en: 'Engineering' },
            },
            { value: 'welfare', label: { ja: '福祉', en: 'Social work' } },
            { value: 'health', label: { ja: '保健・医療', en: 'Public health' } },
            { value: 'childcare', label: { ja: '保育', en: 'Childcare' } },
            { value: 'operations', label: { ja: '技能・業務', en: 'Operations' } },
          ],
        },
        {
          id: 'age_band',
          type: 'single_choice',
          label: { ja: '年代', en: 'Age' },
          required: true,
          pii: 'other',
          csvColumn: '年代',
          options: [
            { value: 'under_30', label: { ja: '20歳代以下', en: 'Under 30' } },
            { value: '30s', label: { ja: '30歳代', en: '30–39' } },
            { value: '40s', label: { ja: '40歳代', en: '40–49' } },
            { value: '50s', label: { ja: '50歳代', en: '50–59' } },
            { value: '60_plus', label: { ja: '60歳以上', en: '60 or over' } },
          ],
        },
        {
          id: 'hiring_category',
          type: 'single_choice',
          label: { ja: '採用区分', en: 'How you were hired' },
          required: true,
          pii: 'employment',
          csvColumn: '採用区分',
          options: [
            { value: 'graduate', label: { ja: '新卒等採用', en: 'Graduate intake' } },
            { value: 'experienced', label: { ja: '経験者採用', en: 'Experienced hire' } },
            { value: 'reappointed', label: { ja: '再任用', en: 'Re-employed after retirement' } },
            { value: 'fiscal_year', label: { ja: '会計年度任用職員', en: 'Fixed-term staff' } },
          ],
        },
        {
          id: 'year_hired',
          type: 'number',
          label: { ja: '採用された年（西暦）', en: 'Year you were hired' },
          pii: 'employment',
          csvColumn: '採用年',
          integer: true,
          min: 1965,
          max: 2026,
        },
        {
          id: 'years_in_post',
          type: 'single_choice',
          label: { ja: '現在の所属での在籍年数', en: 'Years in your current post' },
          required: true,
          pii: 'employment',
          csvColumn: '現所属在籍年数',
          options: [
            { value: 'under_1', label: { ja: '1年未満', en: 'Under 1 year' } },
            { value: '1_to_2', label: { ja: '1〜2年', en: '1–2 years' } },
            { value: '3_to_4', label: { ja: '3〜4年', en: '3–4 years' } },
            { value: '5_plus', label: { ja: '5年以上', en: '5 years or more' } },
          ],
        },
        {
          id: 'prior_career',
          type: 'yes_no',
          label: {
            ja: '区に採用される前に、民間企業や他の自治体で働いた経験がありますか',
            en: 'Did you work for a company or another public body before joining the ward?',
          },
          pii: 'employment',
          csvColumn: '前職経験',
        },
        {
          id: 'promotion_outlook',
          type: 'single_choice',
          label: { ja: '昇任についての考え', en: 'Your view on promotion' },
          pii: 'employment',
          csvColumn: '昇任意向',
          options: [
            {
              value: 'promoted_recently',
              label: { ja: '過去3年以内に昇任した', en: 'Promoted in the last 3 years' },
            },
            { value: 'wants', label: { ja: '昇任したい', en: 'I would like to be promoted' } },
            {
              value: 'depends',
              label: { ja: '条件によっては昇任したい', en: 'Depends on the conditions' },
            },
            {
              value: 'does_not_want',
              label: { ja: '昇任は希望しない', en: 'I do not want promotion' },
            },
          ],
        },
      ],
    },
    {
      id: 'engagement',
      title: { ja: '働きがいと職場', en: 'Engagement and workplace' },
      description: {
        ja: '次の文について、あなたの考えに最も近いものを選んでください。',
        en: 'For each statement, choose the answer closest to your view.',
      },
      fields: [
        statement(
          'q_pride',
          '仕事への誇り',
          '区民のための仕事に誇りを持っている',
          'I am proud of serving residents',
        ),
        statement(
          'q_growth',
          '成長実感',
          '仕事を通じて成長していると感じる',
          'My work helps me grow',
        ),
        statement('q_workload', '業務量', '業務量は適正である', 'My workload is reasonable'),
        statement(
          'q_support',
          '上司の支援',
          '上司は必要なときに相談に乗ってくれる',
          'My manager helps when I need it',
        ),
        statement(
          'q_voice',
          '意見の反映',
          '職場で意見を言いやすく、改善につながる',
          'I can speak up and things improve',
        ),
        statement(
          'q_recommend',
          '職場の推奨',
          '区の職場を知人に勧めたい',
          'I would recommend working here',
        ),
        {
          id: 'overtime',
          type: 'single_choice',
          label: {
            ja: '最近3か月の1か月あたりの時間外勤務',
            en: 'Monthly overtime, last 3 months',
          },
          required: true,
          pii: 'employment',
          csvColumn: '時間外勤務',
          options: [
            { value: 'under_10', label: { ja: '10時間未満', en: 'Under 10 hours' } },
            { value: '10_to_29', label: { ja: '10〜29時間', en: '10–29 hours' } },
            { value: '30_to_44', label: { ja: '30〜44時間', en: '30–44 hours' } },
            { value: '45_plus', label: { ja: '45時間以上', en: '45 hours or more' } },
          ],
        },
        {
          id: 'improvements',
          type: 'multiple_choice',
          label: {
            ja: '働きやすさの向上に特に必要だと思う取組（3つまで）',
            en: 'What would most improve your working life? (up to 3)',
          },
          required: true,
          pii: 'none',
          csvColumn: '必要な取組',
          maxSelected: 3,
          options: [
            { value: 'telework', label: { ja: 'テレワークの拡充', en: 'More telework' } },
            {
              value: 'flexible_hours',
              label: { ja: '時差勤務・フレックスタイム', en: 'Flexible hours' },
            },
            {
              value: 'digital',
              label: { ja: '業務のデジタル化・ペーパーレス化', en: 'Digital, paperless work' },
            },
            { value: 'staffing', label: { ja: '人員配置の見直し', en: 'Better staffing' } },
            { value: 'training', label: { ja: '研修・能力開発の充実', en: 'Training' } },
            {
              value: 'evaluation',
              label: { ja: '人事評価の納得性の向上', en: 'Fairer appraisals' },
            },
            {
              value: 'communication',
              label: { ja: '職場内のコミュニケーション', en: 'Team communication' },
            },
            { value: 'other', label: { ja: 'その他', en: 'Other' } },
          ],
        },
        {
          id: 'improvements_other',
          type: 'short_text',
          label: { ja: 'その他の取組', en: 'Other measure' },
          required: true,
          pii: 'other',
          csvColumn: '必要な取組（その他）',
          maxLength: 100,
          showIf: { field: 'improvements', op: 'contains', value: 'other' },
        },
        {
          id: 'comments',
          type: 'long_text',
          label: {
            ja: '職場環境や人事制度についてのご意見',
            en: 'Comments on your workplace or HR policies',
          },
          help: {
            ja: '個人が特定される内容（氏名など）は書かないでください。',
            en: 'Please do not write anything that identifies a person, such as names.',
          },
          pii: 'other',
          csvColumn: '自由意見',
          maxLength: 1000,
          rows: 6,
        },
      ],
    },
  ],
  settings: {
    opensAt: '2027-01-12T08:30:00+09:00',
    closesAt: '2027-01-29T17:15:00+09:00',
    channel: 'lgwan',
  },
  notifications: {
    alertDepartment: false,
  },
};
