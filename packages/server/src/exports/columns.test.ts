import { type FormDefinitionInput, parseDefinition } from '@madoguchi/shared';
import { exampleDefinitions } from '@madoguchi/shared/examples';
import { describe, expect, test } from 'vitest';
import { type ExportOptions, exportColumns, mergeVersions } from './columns';
import { groupRowsFor, rowsFor } from './service';
import { example, exportItem } from './test-support';

const flat: ExportOptions = { includeMyNumber: false, groupMode: 'flatten' };
const fixed = ['受付番号', '状態', '支払状態', '申請日時', '版', '代理入力'];
const address = (base: string) =>
  ['郵便番号', '都道府県', '市区町村', '町名・番地', '建物名'].map((part) => `${base}_${part}`);

const headers = (slug: string, options: ExportOptions = flat) =>
  exportColumns(example(slug), options).columns.map((column) => column.header);

/** One exported line as header → text, for readable assertions. */
function line(slug: string, answers: Record<string, unknown>, options: ExportOptions = flat) {
  const definition = example(slug);
  const { columns } = exportColumns(definition, options);
  const cells = rowsFor(columns, exportItem(definition, answers));
  return Object.fromEntries(columns.map((column, index) => [column.header, cells[index]]));
}

const pregnancyAnswers = {
  applicant_name: { family: '髙橋', given: '花子', familyKana: 'タカハシ', givenKana: 'ハナコ' },
  birth_date: '1995-04-01',
  address: {
    postalCode: '1600022',
    prefecture: '東京都',
    city: '新宿区',
    town: '新宿7-8-9',
    building: 'みどりハイツ101',
  },
  phone: '0352734000',
  email: 'hanako@example.jp',
  occupation: '会社員',
  my_number: '123456789018',
  benefit_number: '0012345678',
  handbook_issued_on: '2026-10-01',
  handbook_municipality: 'みどり区',
  heartbeat_confirmed: true,
  doctor_name: '青葉 一郎',
  medical_institution: 'みどり産婦人科',
  paid_elsewhere: false,
  benefit_kind: 'cash',
  bank_account: {
    bankCode: '0001',
    bankName: 'みずほ銀行',
    branchCode: '001',
    branchName: '東京営業部',
    accountType: 'ordinary',
    accountNumber: '0123456',
    holderKana: 'タカハシ ハナコ',
  },
  declaration_agreement: true,
};

describe('exportColumns: headers', () => {
  test('fixed columns first, then every field in document order, composites split', () => {
    expect(headers('pregnancy-support-benefit')).toEqual([
      ...fixed,
      '申請者氏名_氏',
      '申請者氏名_名',
      '申請者氏名_氏（フリガナ）',
      '申請者氏名_名（フリガナ）',
      '生年月日',
      '生年月日_和暦',
      ...address('住所'),
      '電話番号',
      'メールアドレス',
      '職業',
      '給付管理番号',
      '母子健康手帳交付日',
      '母子健康手帳交付自治体',
      '胎児心拍確認',
      '確認医師名',
      '医療機関名',
      '他自治体での受給',
      '受給自治体',
      '給付種類',
      '振込先口座_金融機関コード',
      '振込先口座_金融機関名',
      '振込先口座_支店コード',
      '振込先口座_支店名',
      '振込先口座_預金種目',
      '振込先口座_口座番号',
      '振込先口座_口座名義',
      'ギフト送付先区分',
      ...address('ギフト送付先住所'),
      // No csvColumn: the Japanese label is the header.
      '誓約・同意事項',
    ]);
  });

  test('My Number is left out entirely unless included, and then sits where the field is', () => {
    expect(headers('pregnancy-support-benefit')).not.toContain('個人番号');
    const withMyNumber = headers('pregnancy-support-benefit', { ...flat, includeMyNumber: true });
    expect(
      withMyNumber.slice(withMyNumber.indexOf('職業'), withMyNumber.indexOf('職業') + 3),
    ).toEqual(['職業', '個人番号', '給付管理番号']);
  });

  test('a fee gives its quantity and its amount; static text gives no column', () => {
    const certificate = headers('certificate-by-mail');
    expect(certificate).toContain('手数料（通数）_数量');
    expect(certificate).toContain('手数料（通数）_金額');
    const school = exportColumns(example('school-plans-survey'), flat).columns;
    expect(school.some((column) => column.key.includes('foreign_heading'))).toBe(false);
  });

  test('flatten: each group row up to maxRows gets the group’s columns, row label numbered', () => {
    const moving = headers('moving-out-notice');
    const memberColumns = [
      '世帯員氏名_氏',
      '世帯員氏名_名',
      '世帯員氏名_氏（フリガナ）',
      '世帯員氏名_名（フリガナ）',
      '世帯員生年月日',
      '世帯員生年月日_和暦',
      '世帯員続柄',
      '世帯員続柄（その他）',
    ];
    const first = moving.indexOf('世帯員1_世帯員氏名_氏');
    expect(moving.slice(first, first + 8)).toEqual(memberColumns.map((h) => `世帯員1_${h}`));
    // maxRows is 9 in the example.
    expect(moving.filter((header) => header.startsWith('世帯員'))).toHaveLength(9 * 8);
    expect(moving).toContain('世帯員9_世帯員続柄（その他）');
    expect(moving).not.toContain('世帯員10_世帯員氏名_氏');
    expect(moving.at(-1)).toBe('届出にあたっての確認事項');
  });

  test('sheet: groups leave the main table for a sheet of their own, keyed by 受付番号', () => {
    const layout = exportColumns(example('moving-out-notice'), { ...flat, groupMode: 'sheet' });
    expect(layout.columns.some((column) => column.header.startsWith('世帯員'))).toBe(false);
    expect(layout.groups).toHaveLength(1);
    expect(layout.groups[0]?.name).toBe('一緒に異動する世帯員');
    expect(layout.groups[0]?.columns.map((column) => column.header)).toEqual([
      '受付番号',
      '世帯員氏名_氏',
      '世帯員氏名_名',
      '世帯員氏名_氏（フリガナ）',
      '世帯員氏名_名（フリガナ）',
      '世帯員生年月日',
      '世帯員生年月日_和暦',
      '世帯員続柄',
      '世帯員続柄（その他）',
    ]);
  });

  test('headers are unique in every example, in every mode', () => {
    for (const slug of Object.keys(exampleDefinitions)) {
      for (const groupMode of ['flatten', 'sheet'] as const) {
        const layout = exportColumns(example(slug), { includeMyNumber: true, groupMode });
        const all = layout.columns.map((column) => column.header);
        expect(new Set(all).size, slug).toBe(all.length);
        for (const sheet of layout.groups) {
          const own = sheet.columns.map((column) => column.header);
          expect(new Set(own).size, slug).toBe(own.length);
        }
      }
    }
  });
});

describe('exportColumns: cells', () => {
  test('fixed columns: labels in Japanese, the time in Japan', () => {
    const definition = example('zero-waste-day');
    const { columns } = exportColumns(definition, flat);
    const item = exportItem(
      definition,
      {},
      {
        referenceNumber: '2611-4829137',
        state: 'returned',
        paymentState: 'paid',
        submittedAt: Date.parse('2026-11-22T15:30:00Z'),
        formVersion: 3,
        proxyStaffId: 'stf_counter',
      },
    );
    expect(rowsFor(columns, item).slice(0, 6)).toEqual([
      '2611-4829137',
      '補正依頼中',
      '支払済',
      '2026/11/23 00:30',
      '3',
      'はい',
    ]);
  });

  test('申請日時 follows each application across midnight in Japan, forwards and back', () => {
    const definition = example('zero-waste-day');
    const { columns } = exportColumns(definition, flat);
    const at = (iso: string) =>
      rowsFor(columns, exportItem(definition, {}, { submittedAt: Date.parse(iso) }))[3];
    expect(at('2026-11-22T14:59:59.999Z')).toBe('2026/11/22 23:59');
    expect(at('2026-11-22T15:00:00Z')).toBe('2026/11/23 00:00');
    expect(at('2026-11-22T14:00:00Z')).toBe('2026/11/22 23:00');
    expect(at('2026-03-31T15:05:00Z')).toBe('2026/04/01 00:05');
    expect(at('1969-12-31T14:59:00Z')).toBe('1969/12/31 23:59');
  });

  test('composite fields, dates with 和暦, choices, yes/no and consent', () => {
    const cells = line('pregnancy-support-benefit', pregnancyAnswers);
    expect(cells).toMatchObject({
      申請者氏名_氏: '髙橋',
      '申請者氏名_名（フリガナ）': 'ハナコ',
      生年月日: '1995/04/01',
      生年月日_和暦: '平成7年4月1日',
      住所_郵便番号: '160-0022',
      '住所_町名・番地': '新宿7-8-9',
      住所_建物名: 'みどりハイツ101',
      電話番号: '0352734000',
      メールアドレス: 'hanako@example.jp',
      給付管理番号: '0012345678',
      母子健康手帳交付日: '2026/10/01',
      胎児心拍確認: 'はい',
      他自治体での受給: 'いいえ',
      受給自治体: '',
      給付種類: '現金（指定口座への振込）',
      振込先口座_金融機関コード: '0001',
      振込先口座_預金種目: '普通',
      振込先口座_口座番号: '0123456',
      振込先口座_口座名義: 'タカハシ ハナコ',
      ギフト送付先住所_郵便番号: '',
      '誓約・同意事項': '同意',
    });
    expect(Object.values(cells)).not.toContain('123456789018');
    const withMyNumber = line('pregnancy-support-benefit', pregnancyAnswers, {
      ...flat,
      includeMyNumber: true,
    });
    expect(withMyNumber.個人番号).toBe('123456789018');
  });

  test('multiple choice joined with 、, fee amount = unit price × quantity, file names', () => {
    const cells = line('certificate-by-mail', {
      certificate_kind: 'record_household',
      included_items: ['relationship', 'domicile'],
      copies: 2,
      fee: 2,
      identity_document: [
        { id: 'att_1', name: '運転免許証（表）.jpg', size: 1000, type: 'image/jpeg' },
        { id: 'att_2', name: '運転免許証（裏）.jpg', size: 1000, type: 'image/jpeg' },
      ],
    });
    expect(cells).toMatchObject({
      記載事項: '世帯主の氏名と続柄、本籍・筆頭者',
      請求通数: '2',
      '手数料（通数）_数量': '2',
      '手数料（通数）_金額': '600',
      本人確認書類: '運転免許証（表）.jpg、運転免許証（裏）.jpg',
    });
  });

  test('reservation slots by date, time and place; hidden values as stored', () => {
    expect(line('legal-consultation', { legal_slot: 'law-1204-1300' })).toMatchObject({
      '予約日時（法律相談）': '2026/12/04 13:00-13:30 本庁舎3階 区民相談室',
    });
    expect(line('relief-benefit', { entry_route: 'letter' })).toMatchObject({ 申請経路: 'letter' });
  });

  test('flattened group rows fill their numbered columns and leave the rest blank', () => {
    const cells = line('moving-out-notice', {
      moving_scope: 'with_members',
      members: [
        {
          member_name: { family: '青葉', given: '太郎', familyKana: 'アオバ', givenKana: 'タロウ' },
          member_birth_date: '2020-05-05',
          member_relationship: 'child',
        },
        {
          member_name: { family: '青葉', given: '次郎', familyKana: 'アオバ', givenKana: 'ジロウ' },
          member_relationship: 'other',
          member_relationship_detail: '甥',
        },
      ],
    });
    expect(cells).toMatchObject({
      世帯員1_世帯員氏名_名: '太郎',
      世帯員1_世帯員生年月日_和暦: '令和2年5月5日',
      世帯員1_世帯員続柄: '子',
      世帯員2_世帯員氏名_名: '次郎',
      世帯員2_世帯員続柄: 'その他',
      '世帯員2_世帯員続柄（その他）': '甥',
      世帯員3_世帯員氏名_氏: '',
    });
  });

  test('group sheet: one line per row, each starting with the 受付番号', () => {
    const definition = example('moving-out-notice');
    const [sheet] = exportColumns(definition, { ...flat, groupMode: 'sheet' }).groups;
    if (!sheet) throw new Error('no group sheet');
    const item = exportItem(definition, {
      members: [
        { member_name: { family: '青葉', given: '太郎' }, member_relationship: 'spouse' },
        { member_name: { family: '青葉', given: '花' }, member_relationship: 'child' },
      ],
    });
    expect(groupRowsFor(sheet, item).map((row) => [row[0], row[2], row[7]])).toEqual([
      ['2611-0000001', '太郎', '夫・妻'],
      ['2611-0000001', '花', '子'],
    ]);
  });

  test('answers of the wrong shape give blank cells, never an exception', () => {
    const cells = line('pregnancy-support-benefit', {
      applicant_name: '髙橋花子',
      address: ['東京都'],
      birth_date: 19950401,
      bank_account: { accountType: 'gold' },
      heartbeat_confirmed: 'yes',
    });
    expect(cells).toMatchObject({
      申請者氏名_氏: '',
      住所_都道府県: '',
      生年月日: '19950401',
      生年月日_和暦: '',
      振込先口座_預金種目: '',
      胎児心拍確認: '',
    });
  });
});

describe('versions', () => {
  const certificate = exampleDefinitions['certificate-by-mail'];
  if (!certificate) throw new Error('missing example');
  const parse = (input: FormDefinitionInput) => {
    const parsed = parseDefinition(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.definition;
  };
  const v1 = parse(certificate);
  // Version 2 renames an option and drops the birth date question.
  const v2 = parse({
    ...certificate,
    pages: certificate.pages.map((page) => ({
      ...page,
      fields: page.fields
        .filter((field) => field.id !== 'birth_date')
        .map((field) =>
          field.type === 'single_choice' && field.id === 'purpose'
            ? {
                ...field,
                options: field.options.map((option) =>
                  option.value === 'pension' ? { ...option, label: { ja: '年金' } } : option,
                ),
              }
            : field,
        ),
    })),
  });

  test('a choice reads with the label of the version the resident answered', () => {
    const { columns } = exportColumns(mergeVersions([v2, v1]), flat);
    const purpose = columns.findIndex((column) => column.header === '使用目的');
    const answers = { purpose: 'pension' };
    expect(rowsFor(columns, exportItem(v1, answers))[purpose]).toBe('年金の手続');
    expect(rowsFor(columns, exportItem(v2, answers, { formVersion: 2 }))[purpose]).toBe('年金');
  });

  test('a question only earlier versions asked keeps its columns, after the newest fields', () => {
    const merged = exportColumns(mergeVersions([v2, v1]), flat).columns.map((c) => c.header);
    expect(exportColumns(v2, flat).columns.map((c) => c.header)).not.toContain('生年月日');
    expect(merged.slice(-2)).toEqual(['生年月日', '生年月日_和暦']);
    const cells = rowsFor(
      exportColumns(mergeVersions([v2, v1]), flat).columns,
      exportItem(v1, { birth_date: '1980-01-02' }),
    );
    expect(cells.slice(-2)).toEqual(['1980/01/02', '昭和55年1月2日']);
  });

  test('a form never published has the fixed columns only', () => {
    expect(exportColumns(mergeVersions([]), flat).columns.map((c) => c.header)).toEqual(fixed);
  });
});

describe('field settings', () => {
  const definition = parseDefinition({
    schemaVersion: 1,
    title: { ja: 'テスト' },
    purposeOfUse: { ja: 'テスト' },
    category: 'application',
    yearlyVolume: 10,
    retentionDays: 30,
    pages: [
      {
        id: 'p1',
        title: { ja: '1' },
        fields: [
          { id: 'a', type: 'name', label: { ja: '氏名' }, pii: 'name', kana: 'none' },
          { id: 'b', type: 'name', label: { ja: '氏名' }, pii: 'name', kana: 'none' },
          { id: 'c', type: 'bank_account', label: { ja: '口座' }, pii: 'bank', askNames: false },
        ],
      },
    ],
  });
  if (!definition.ok) throw new Error(JSON.stringify(definition.problems));

  test('no reading columns without kana, no bank names when not asked, repeated labels numbered', () => {
    expect(exportColumns(definition.definition, flat).columns.map((c) => c.header)).toEqual([
      ...fixed,
      '氏名_氏',
      '氏名_名',
      '氏名_氏（2）',
      '氏名_名（2）',
      '口座_金融機関コード',
      '口座_支店コード',
      '口座_預金種目',
      '口座_口座番号',
      '口座_口座名義',
    ]);
  });
});
