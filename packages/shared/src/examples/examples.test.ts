import { describe, expect, test } from 'vitest';
import type { AnswerIssue } from '../answers/rule';
import { type Answers, validateAnswers } from '../answers/validate-answers';
import { parseDefinition } from '../definition/checks';
import { computeFee } from '../definition/fees';
import type { FormDefinition } from '../definition/schema';
import type { FieldInput } from '../fields/index';
import { councilReview, personalDataInventory } from '../privacy/inventory';
import { exampleDefinitions } from './index';
import {
  bankbook,
  certificateAnswers,
  exampleAnswers as completeAnswers,
  foreignChild,
  japaneseChild,
  legalAnswers,
  movingAnswers,
  pregnancyAnswers,
  reliefAnswers,
  schoolAnswers,
  staffAnswers,
  zeroWasteAnswers,
} from './sample-answers';

const today = '2026-11-23';

type RawAnswers = Record<string, unknown>;
type AnyFieldInput = FieldInput | Extract<FieldInput, { type: 'group' }>['fields'][number];

function readable(issues: AnswerIssue[]): string[] {
  return issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

/** The example parsed with its defaults; a definition problem fails with the problems listed. */
function definitionOf(slug: string): FormDefinition {
  const result = parseDefinition(exampleDefinitions[slug]);
  if (!result.ok) {
    throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
  return result.definition;
}

function validate(slug: string, input: RawAnswers) {
  return validateAnswers(definitionOf(slug), input, 'ja', { today });
}

/** Validates answers that must pass and returns them normalised. */
function accept(slug: string, input: RawAnswers): Answers {
  const result = validate(slug, input);
  if (!result.ok) throw new Error(readable(result.issues).join('\n'));
  return result.answers;
}

/** The paths of the issues found, for answers that must fail. */
function refusedPaths(slug: string, input: RawAnswers): string[] {
  const result = validate(slug, input);
  return result.ok ? [] : result.issues.map((issue) => issue.path.join('.'));
}

/** Every `{ ja, en }` text inside a value, with where it sits. */
function localizedTexts(value: unknown, path = ''): { path: string; en: unknown }[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => localizedTexts(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  if ('ja' in value && typeof value.ja === 'string') {
    return [{ path, en: 'en' in value ? value.en : undefined }];
  }
  return Object.entries(value).flatMap(([key, item]) =>
    localizedTexts(item, path === '' ? key : `${path}.${key}`),
  );
}

describe('every example', () => {
  const examples = Object.entries(exampleDefinitions);

  test.each(examples)('%s passes the definition checks', (_slug, input) => {
    const result = parseDefinition(input);
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
  });

  test.each(examples)('%s has an English text beside every Japanese one', (_slug, input) => {
    const untranslated = localizedTexts(input).filter(
      ({ en }) => typeof en !== 'string' || en.trim() === '',
    );
    expect(untranslated.map(({ path }) => path)).toEqual([]);
  });

  test.each(examples)('%s names a PII category on every input field', (_slug, input) => {
    const fields = input.pages.flatMap((page) =>
      page.fields.flatMap((field): AnyFieldInput[] =>
        field.type === 'group' ? [field, ...field.fields] : [field],
      ),
    );
    const unnamed = fields.filter(
      (field) =>
        field.type !== 'heading' &&
        field.type !== 'paragraph' &&
        field.type !== 'group' &&
        field.pii === undefined,
    );
    expect(unnamed.map((field) => field.id)).toEqual([]);
  });

  test('each example has a complete set of answers below', () => {
    expect(Object.keys(completeAnswers)).toEqual(Object.keys(exampleDefinitions));
  });

  test.each(Object.entries(completeAnswers))('%s accepts a complete application', (slug, input) => {
    // Nothing is dropped: a complete set answers only the fields its choices show.
    expect(Object.keys(accept(slug, input))).toEqual(expect.arrayContaining(Object.keys(input)));
  });
});

describe('legal consultation', () => {
  const slug = 'legal-consultation';

  test('normalises the name reading, phone and address as typed on a phone', () => {
    const answers = accept(slug, legalAnswers);
    expect(answers.applicant_name).toEqual({
      family: '緑川',
      given: '花子',
      familyKana: 'ミドリカワ',
      givenKana: 'ハナコ',
    });
    expect(answers.phone).toBe('09012345678');
    expect(answers.address).toEqual({
      postalCode: '1234567',
      prefecture: '東京都',
      city: 'みどり区',
      town: '中央一丁目2番3号',
      building: 'みどりハイツ 203',
    });
  });

  test('a traffic accident needs a traffic-accident slot; the lawyer slot is dropped', () => {
    const input = { ...legalAnswers, consultation_topic: 'traffic_accident' };
    expect(refusedPaths(slug, input)).toEqual(['accident_slot']);
    const answers = accept(slug, { ...input, accident_slot: 'acc-1216-1000' });
    expect(answers.accident_slot).toBe('acc-1216-1000');
    expect(answers).not.toHaveProperty('legal_slot');
  });

  test('a slot of the other consultation is refused', () => {
    expect(refusedPaths(slug, { ...legalAnswers, legal_slot: 'acc-1209-1000' })).toEqual([
      'legal_slot',
    ]);
  });

  test('people who work in the ward name their workplace; email is optional', () => {
    const { email: _unused, ...withoutEmail } = legalAnswers;
    const input = { ...withoutEmail, residency: 'works' };
    expect(refusedPaths(slug, input)).toEqual(['workplace_name']);
    const answers = accept(slug, { ...input, workplace_name: '株式会社みどり商事' });
    expect(answers.workplace_name).toBe('株式会社みどり商事');
    expect(answers).not.toHaveProperty('email');
  });
});

describe('pregnancy support benefit', () => {
  const slug = 'pregnancy-support-benefit';

  test('normalises My Number, the benefit number, dates and the bank account', () => {
    const answers = accept(slug, pregnancyAnswers);
    expect(answers.my_number).toBe('123456789018');
    expect(answers.benefit_number).toBe('0123456789');
    expect(answers.birth_date).toBe('1995-04-08');
    expect(answers.bank_account).toEqual({
      bankCode: '1234',
      bankName: 'みどり信用金庫',
      branchCode: '056',
      branchName: '本店営業部',
      accountType: 'ordinary',
      accountNumber: '0012345',
      holderKana: 'アオバ ユイ',
    });
  });

  test('refuses a My Number with a wrong check digit', () => {
    const result = validate(slug, { ...pregnancyAnswers, my_number: '123456789012' });
    expect(result.ok ? [] : readable(result.issues)).toEqual([
      expect.stringMatching(/^my_number: .*個人番号/),
    ]);
  });

  test('asks which municipality paid when another one did', () => {
    const input = { ...pregnancyAnswers, paid_elsewhere: 'yes' };
    expect(refusedPaths(slug, input)).toEqual(['paid_elsewhere_municipality']);
    expect(accept(slug, { ...input, paid_elsewhere_municipality: '横浜市' })).toMatchObject({
      paid_elsewhere: true,
      paid_elsewhere_municipality: '横浜市',
    });
  });

  test('drops the doctor when no heartbeat has been confirmed yet', () => {
    const answers = accept(slug, { ...pregnancyAnswers, heartbeat_confirmed: false });
    expect(answers).not.toHaveProperty('doctor_name');
    expect(answers).not.toHaveProperty('medical_institution');
  });

  test('an e-gift needs no bank account, and asks an address only when it differs', () => {
    const egift = { ...pregnancyAnswers, benefit_kind: 'egift', egift_delivery: 'registered' };
    const atHome = accept(slug, egift);
    expect(atHome).not.toHaveProperty('bank_account');
    expect(atHome).not.toHaveProperty('egift_address');

    const elsewhere = { ...egift, egift_delivery: 'different' };
    expect(refusedPaths(slug, elsewhere)).toEqual(['egift_address']);
    const answers = accept(slug, {
      ...elsewhere,
      egift_address: {
        postalCode: '〒９８０－０８１１',
        prefecture: '宮城県',
        city: '仙台市青葉区',
        town: '一番町４－５－６',
      },
    });
    expect(answers.egift_address).toEqual({
      postalCode: '9800811',
      prefecture: '宮城県',
      city: '仙台市青葉区',
      town: '一番町4-5-6',
    });
  });
});

describe('zero-waste day', () => {
  const slug = 'zero-waste-day';

  test('accepts a full-width confirmation of the same address and lower-cases the domain', () => {
    expect(accept(slug, zeroWasteAnswers).email).toBe('ken.yamamoto@example.jp');
  });

  test('refuses a confirmation that differs', () => {
    const input = {
      ...zeroWasteAnswers,
      email: { value: 'ken@example.jp', confirm: 'ken@exmple.jp' },
    };
    expect(refusedPaths(slug, input)).toEqual(['email.confirm']);
  });

  test('is one per email address with 50 places', () => {
    const { settings, options } = definitionOf(slug);
    expect(settings).toMatchObject({ capacity: 50, onePerPerson: 'email' });
    expect(options.emailVerification).toBe(true);
  });
});

describe('staff engagement survey', () => {
  const slug = 'staff-engagement-survey';

  test('keeps choices in option order and line breaks as \\n', () => {
    const answers = accept(slug, staffAnswers);
    expect(answers.improvements).toEqual(['telework', 'staffing', 'other']);
    expect(answers.year_hired).toBe(2014);
    expect(answers.comments).toBe('繁忙期の応援体制を\n部をまたいで組めるようにしてほしい。');
  });

  test('allows three improvements at most, and asks what "other" means', () => {
    const four = { ...staffAnswers, improvements: ['telework', 'digital', 'staffing', 'training'] };
    expect(refusedPaths(slug, four)).toEqual(['improvements']);
    const { improvements_other: _unused, ...withoutOther } = staffAnswers;
    expect(refusedPaths(slug, withoutOther)).toEqual(['improvements_other']);
  });

  test('runs on LGWAN and holds no personal data beyond employment and other', () => {
    const definition = definitionOf(slug);
    expect(definition.settings.channel).toBe('lgwan');
    expect(personalDataInventory(definition).map((item) => item.category)).toEqual([
      'employment',
      'other',
    ]);
  });
});

describe('relief benefit', () => {
  const slug = 'relief-benefit';

  test('normalises the letter number and the holder name, and keeps the bank book scan', () => {
    const answers = accept(slug, reliefAnswers);
    expect(answers.letter_number).toBe('0123456789');
    expect(answers.entry_route).toBe('qr');
    expect(answers.bank_account).toMatchObject({ holderKana: 'サトウ イチロウ' });
    expect(answers.bankbook_scan).toEqual([bankbook]);
  });

  test('refuses a short letter number, a third scan, a large scan and a Word file', () => {
    expect(refusedPaths(slug, { ...reliefAnswers, letter_number: '012345678' })).toEqual([
      'letter_number',
    ]);
    const scans = (...files: object[]) => ({ ...reliefAnswers, bankbook_scan: files });
    expect(refusedPaths(slug, scans(bankbook, bankbook, bankbook))).toEqual(['bankbook_scan']);
    expect(refusedPaths(slug, scans({ ...bankbook, size: 11 * 1024 * 1024 }))).toEqual([
      'bankbook_scan.0',
    ]);
    const word = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(refusedPaths(slug, scans({ ...bankbook, name: '通帳.docx', type: word }))).toEqual([
      'bankbook_scan.0',
    ]);
  });

  test('needs the bank book scan', () => {
    expect(refusedPaths(slug, { ...reliefAnswers, bankbook_scan: [] })).toEqual(['bankbook_scan']);
  });
});

describe('school plans survey', () => {
  const slug = 'school-plans-survey';

  test('normalises each child: katakana reading, upper-case residence card number', () => {
    const answers = accept(slug, schoolAnswers);
    expect(answers.children).toEqual([
      {
        ...japaneseChild,
        child_name: { family: '川口', given: '陽翔', familyKana: 'カワグチ', givenKana: 'ハルト' },
      },
      { ...foreignChild, residence_card_number: 'AB12345678CD' },
    ]);
  });

  test('drops the foreign-national answers of a Japanese child', () => {
    const answers = accept(slug, {
      ...schoolAnswers,
      children: [{ ...foreignChild, child_nationality: 'japan' }],
    });
    expect(answers.children).toEqual([
      {
        child_name: foreignChild.child_name,
        child_birth_date: '2014-09-02',
        child_sex: 'female',
        current_school: 'みどり区立中央小学校',
        school_plan: 'chosen',
        planned_school: 'みどり区立西中学校',
        child_nationality: 'japan',
      },
    ]);
  });

  test('requires the foreign-national answers of a child of other nationality', () => {
    const input = {
      ...schoolAnswers,
      children: [japaneseChild, { ...japaneseChild, child_nationality: 'other' }],
    };
    expect(refusedPaths(slug, input)).toEqual([
      'children.1.nationality_name',
      'children.1.home_language',
      'children.1.residence_status',
      'children.1.residence_card_number',
    ]);
    const dependent = { ...japaneseChild, ...foreignChild, residence_expiry: '' };
    expect(refusedPaths(slug, { ...schoolAnswers, children: [dependent] })).toEqual([
      'children.0.residence_expiry',
    ]);
  });

  test('asks no period of stay of a permanent resident', () => {
    const permanent = { ...foreignChild, residence_status: 'permanent' };
    const answers = accept(slug, { ...schoolAnswers, children: [permanent] });
    expect(answers.children).toEqual([
      expect.not.objectContaining({ residence_expiry: expect.anything() }),
    ]);
  });

  test('needs at least one child', () => {
    expect(refusedPaths(slug, { ...schoolAnswers, children: [] })).toEqual(['children']);
  });
});

describe('certificate by mail', () => {
  const slug = 'certificate-by-mail';

  test('charges 300 yen a copy', () => {
    const definition = definitionOf(slug);
    for (const copies of [1, 3, 10]) {
      const answers = accept(slug, { ...certificateAnswers, copies });
      expect(answers.fee).toBe(copies);
      expect(computeFee(definition, answers)).toEqual({
        lines: [
          {
            fieldId: 'fee',
            label: { ja: '手数料', en: 'Fee' },
            unitPrice: 300,
            quantity: copies,
            amount: 300 * copies,
          },
        ],
        total: 300 * copies,
      });
    }
  });

  test('reads full-width copies and records the quantity charged', () => {
    const answers = accept(slug, certificateAnswers);
    expect(answers.copies).toBe(3);
    expect(computeFee(definitionOf(slug), answers).total).toBe(900);
  });

  test('refuses 0 or 11 copies, and a fee quantity sent by the client is ignored', () => {
    expect(refusedPaths(slug, { ...certificateAnswers, copies: 0 })).toEqual(['copies']);
    expect(refusedPaths(slug, { ...certificateAnswers, copies: 11 })).toEqual(['copies']);
    expect(accept(slug, { ...certificateAnswers, fee: 1 }).fee).toBe(3);
  });

  test('asks the details of an "other" purpose only', () => {
    const { purpose_detail: _unused, ...withoutDetail } = certificateAnswers;
    expect(refusedPaths(slug, withoutDetail)).toEqual(['purpose_detail']);
    expect(accept(slug, { ...certificateAnswers, purpose: 'pension' })).not.toHaveProperty(
      'purpose_detail',
    );
  });

  test('is paid at submission, so the council reviews it', () => {
    const definition = definitionOf(slug);
    expect(definition.options.payment.mode).toBe('at_submission');
    expect(councilReview(definition).reasons).toContain('online_payment');
  });
});

describe('moving-out notice', () => {
  const slug = 'moving-out-notice';

  test('keeps the household members moving, readings in katakana', () => {
    const answers = accept(slug, movingAnswers);
    expect(answers.members).toEqual([
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
    ]);
    expect(answers.new_address).toEqual({
      postalCode: '2200012',
      prefecture: '神奈川県',
      city: '横浜市西区',
      town: 'みなとみらい二丁目3番',
    });
  });

  test('drops the members when moving alone, and needs one when not', () => {
    expect(accept(slug, { ...movingAnswers, moving_scope: 'alone' })).not.toHaveProperty('members');
    expect(refusedPaths(slug, { ...movingAnswers, members: [] })).toEqual(['members']);
  });

  test('takes notice from 14 days before to 14 days after the move', () => {
    expect(refusedPaths(slug, { ...movingAnswers, moving_date: '2026-12-08' })).toEqual([
      'moving_date',
    ]);
    expect(refusedPaths(slug, { ...movingAnswers, moving_date: '2026-11-08' })).toEqual([
      'moving_date',
    ]);
    expect(accept(slug, { ...movingAnswers, moving_date: '2026-11-09' }).moving_date).toBe(
      '2026-11-09',
    );
  });

  test('prefills the card attributes and allows one notice per card holder', () => {
    const { options, settings } = definitionOf(slug);
    expect(options.cardAuthentication).toEqual({
      enabled: true,
      attributes: ['name', 'address', 'birthdate', 'gender'],
      prefill: { name: 'name', address: 'address', birthdate: 'birth_date', gender: 'sex' },
    });
    expect(settings.onePerPerson).toBe('card_subject');
  });
});
