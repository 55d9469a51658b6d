export type { AccountType, YuchoZenginAccount } from './bank';
export {
  ACCOUNT_TYPE_LABELS,
  isAccountType,
  normalizeAccountHolderKana,
  normalizeAccountNumber,
  normalizeBankCode,
  normalizeBranchCode,
  toZenginKana,
  yuchoToZengin,
} from './bank';
export type { DateParts } from './dates';
export { addDays, ageOn, compareIsoDates, isValidIsoDate, parseIsoDate } from './dates';
export { isFurigana, normalizeFurigana, toKatakana } from './kana';
export { isValidMyNumber, maskMyNumber, myNumberCheckDigit, normalizeMyNumber } from './my-number';
export type { ParsedPhoneNumber, PhoneKind } from './phone';
export { isPhoneKind, parsePhoneNumber } from './phone';
export { formatPostalCode, normalizePostalCode } from './postal-code';
export type { Prefecture, PrefectureCode, PrefectureName } from './prefectures';
export { isPrefecture, PREFECTURES } from './prefectures';
export type { Era, EraEn, WarekiDate } from './wareki';
export { formatWareki, toWareki } from './wareki';
