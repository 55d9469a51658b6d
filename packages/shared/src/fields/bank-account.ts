import * as v from 'valibot';
import {
  type AnswerContext,
  type AnswerIssue,
  type AnswerResult,
  asRecord,
  characterCount,
  collapseSpaces,
  fail,
  isBlank,
  ok,
  own,
  readText,
} from '../answers/rule';
import {
  type AccountType,
  normalizeAccountHolderKana,
  normalizeAccountNumber,
  normalizeBankCode,
  normalizeBranchCode,
} from '../ja/bank';
import { inputFieldEntries } from './common';

/** Deposit types of Japanese bank accounts: 普通, 当座, 貯蓄. */
export const accountTypes = [
  'ordinary',
  'current',
  'savings',
] as const satisfies readonly AccountType[];

/** A bank account for a transfer (振込先口座), as the Zengin system identifies it. */
export const bankAccountFieldSchema = v.strictObject({
  type: v.literal('bank_account'),
  ...inputFieldEntries,
  pii: v.optional(v.literal('bank'), 'bank'),
  askNames: v.optional(v.boolean(), true),
  accountTypes: v.optional(v.pipe(v.array(v.picklist(accountTypes)), v.minLength(1)), [
    'ordinary',
    'current',
  ]),
});
export type BankAccountField = v.InferOutput<typeof bankAccountFieldSchema>;

/** A validated bank account. */
export interface BankAccountAnswer {
  bankCode: string;
  bankName?: string;
  branchCode: string;
  branchName?: string;
  accountType: AccountType;
  accountNumber: string;
  holderKana: string;
}

type CodePart = 'bankCode' | 'branchCode' | 'accountNumber' | 'holderKana';
const codeRules: [CodePart, (text: string) => string | null][] = [
  ['bankCode', normalizeBankCode],
  ['branchCode', normalizeBranchCode],
  ['accountNumber', normalizeAccountNumber],
  ['holderKana', normalizeAccountHolderKana],
];

/** Validates a bank account: 4-digit bank code, 3-digit branch, up to 7 digits, kana holder. */
export function validateBankAccount(
  field: BankAccountField,
  input: unknown,
  ctx: AnswerContext,
): AnswerResult<BankAccountAnswer> {
  if (isBlank(input)) return ok(undefined);
  const record = asRecord(input);
  if (!record) return fail(ctx.m.wrongType(ctx.label));
  const keys = [
    'bankCode',
    'bankName',
    'branchCode',
    'branchName',
    'accountType',
    'accountNumber',
    'holderKana',
  ];
  if (keys.every((key) => isBlank(own(record, key)))) return ok(undefined);
  const issues: AnswerIssue[] = [];
  const value: BankAccountAnswer = {
    bankCode: '',
    branchCode: '',
    accountType: 'ordinary',
    accountNumber: '',
    holderKana: '',
  };
  for (const [part, normalize] of codeRules) {
    const text = readText(own(record, part), 60);
    const partLabel = ctx.m.parts[part];
    if (text === '')
      issues.push({ path: [part], message: ctx.m.requiredPart(ctx.label, partLabel) });
    const normalized = typeof text === 'string' && text !== '' ? normalize(text) : null;
    if (normalized !== null) value[part] = normalized;
    else if (text !== '')
      issues.push({ path: [part], message: ctx.m.invalidPart(ctx.label, partLabel) });
  }
  const type = own(record, 'accountType');
  const allowed = field.accountTypes.find((candidate) => candidate === type);
  if (allowed) value.accountType = allowed;
  else
    issues.push({
      path: ['accountType'],
      message: ctx.m.requiredSelect(`${ctx.label}（${ctx.m.parts.accountType}）`),
    });
  if (field.askNames) {
    for (const part of ['bankName', 'branchName'] as const) {
      const partLabel = ctx.m.parts[part];
      const text = readText(own(record, part), 40);
      const cleaned = typeof text === 'string' ? collapseSpaces(text) : undefined;
      if (cleaned === undefined)
        issues.push({ path: [part], message: ctx.m.invalidPart(ctx.label, partLabel) });
      else if (cleaned === '')
        issues.push({ path: [part], message: ctx.m.requiredPart(ctx.label, partLabel) });
      else if (characterCount(cleaned) > 40)
        issues.push({ path: [part], message: ctx.m.tooLong(partLabel, 40) });
      else value[part] = cleaned;
    }
  }
  return issues.length > 0 ? { ok: false, issues } : ok(value);
}
