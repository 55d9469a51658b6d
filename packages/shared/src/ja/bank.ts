import { toKatakana } from './kana';
import { collapseWhitespace, HYPHEN_CLASS, MAX_FIELD_LENGTH, mapUnits } from './text';

/** Deposit types: 普通 (ordinary), 当座 (current) and 貯蓄 (savings). */
export type AccountType = 'ordinary' | 'current' | 'savings';

/** Japanese labels for each account type, as printed on bank forms. */
export const ACCOUNT_TYPE_LABELS: Readonly<Record<AccountType, string>> = {
  ordinary: '普通',
  current: '当座',
  savings: '貯蓄',
};

/** A Japan Post Bank account expressed in the Zengin (全銀) form other banks transfer to. */
export interface YuchoZenginAccount {
  bankCode: '9900';
  branchCode: string;
  accountType: 'ordinary' | 'current';
  accountNumber: string;
}

const SEPARATORS = new RegExp(`[\\s${HYPHEN_CLASS}]`, 'g');

// Anything outside what Zengin transfers accept once NFKC has made the brackets, full stop,
// hyphen and slash ASCII: full-width katakana ァ–ヺ, ー, A–Z, 0–9, space and ( ) . - /.
const NON_ZENGIN_HOLDER = /[^ァ-ヺーA-Z0-9 ().\-/]/;

function compactDigits(input: string): string | null {
  if (input.length > MAX_FIELD_LENGTH) return null;
  const compact = input.normalize('NFKC').replace(SEPARATORS, '');
  return /^\d+$/.test(compact) ? compact : null;
}

/** True when `value` is one of the AccountType strings. */
export function isAccountType(value: unknown): value is AccountType {
  return value === 'ordinary' || value === 'current' || value === 'savings';
}

/** Normalises a bank code (金融機関コード) to 4 ASCII digits, or null. */
export function normalizeBankCode(input: string): string | null {
  const digits = compactDigits(input);
  return digits?.length === 4 ? digits : null;
}

/** Normalises a branch code (支店コード) to 3 ASCII digits, or null. */
export function normalizeBranchCode(input: string): string | null {
  const digits = compactDigits(input);
  return digits?.length === 3 ? digits : null;
}

/** Normalises an account number of 1–7 digits to 7 digits, left-padded with zeros, or null. */
export function normalizeAccountNumber(input: string): string | null {
  const digits = compactDigits(input);
  return digits !== null && digits.length <= 7 ? digits.padStart(7, '0') : null;
}

/** Normalises an account holder name (口座名義) to full-width kana and Zengin ASCII, or null. */
export function normalizeAccountHolderKana(input: string): string | null {
  // Only a–z are upper-cased: toUpperCase would turn characters Zengin rejects, such as ß, into
  // letters it accepts.
  const upper = mapUnits(collapseWhitespace(toKatakana(input)), (u, out) => {
    out.push(u >= 0x61 && u <= 0x7a ? u - 0x20 : u);
  });
  return upper.length > 0 && !NON_ZENGIN_HOLDER.test(upper) ? upper : null;
}

// Half-width katakana has no small letters that Zengin accepts and no ヰ ヱ, so those map to the
// large or nearest kana the way banks print them.
const FULL_BASE =
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォッャュョヮヵヶヰヱ';
const HALF_BASE = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｱｲｳｴｵﾂﾔﾕﾖﾜｶｹｲｴ';
const HALF_DAKUTEN = 0xff9e;
const HALF_HANDAKUTEN = 0xff9f;

// Full-width katakana unit -> half-width units. Voiced kana are derived through NFD so the table
// above only lists base letters.
const TO_HALF_WIDTH = buildHalfWidthTable();

function buildHalfWidthTable(): ReadonlyMap<number, readonly number[]> {
  const table = new Map<number, readonly number[]>();
  for (let u = 0x30a1; u <= 0x30fa; u++) {
    const decomposed = String.fromCharCode(u).normalize('NFD');
    const index = FULL_BASE.indexOf(decomposed.charAt(0));
    if (index < 0) continue;
    const units = [HALF_BASE.charCodeAt(index)];
    if (decomposed.charAt(1) === '\u3099') units.push(HALF_DAKUTEN);
    if (decomposed.charAt(1) === '\u309a') units.push(HALF_HANDAKUTEN);
    table.set(u, units);
  }
  table.set(0x30fc, [0x2d]);
  return table;
}

/** Converts kana to the half-width form of bank transfer files (ガ→ｶﾞ, ャ→ﾔ, ー→-). */
export function toZenginKana(s: string): string {
  return mapUnits(toKatakana(s), (u, out) => {
    const half = TO_HALF_WIDTH.get(u);
    if (half === undefined) out.push(u);
    else out.push(...half);
  });
}

/** Converts a Japan Post Bank 記号 (5 digits) and 番号 (up to 8 digits) to Zengin form, or null. */
export function yuchoToZengin(kigou: string, bangou: string): YuchoZenginAccount | null {
  const symbol = compactDigits(kigou);
  const number = compactDigits(bangou);
  if (symbol === null || symbol.length !== 5 || number === null || number.length > 8) return null;
  const branchDigits = symbol.slice(1, 3);
  if (symbol.startsWith('1')) {
    // Ordinary savings numbers end in a 1 that is not part of the Zengin account number.
    if (number.length < 2 || !number.endsWith('1')) return null;
    return {
      bankCode: '9900',
      branchCode: `${branchDigits}8`,
      accountType: 'ordinary',
      accountNumber: number.slice(0, -1).padStart(7, '0'),
    };
  }
  if (symbol.startsWith('0')) {
    // 振替 numbers are printed with leading zeros; at most 7 significant digits fit Zengin.
    const significant = number.replace(/^0+/, '');
    if (significant.length > 7) return null;
    return {
      bankCode: '9900',
      branchCode: `${branchDigits}9`,
      accountType: 'current',
      accountNumber: significant.padStart(7, '0'),
    };
  }
  return null;
}
