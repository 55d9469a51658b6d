import { parseIsoDate } from './dates';

/** Japanese era names supported by the converter. */
export type Era = '明治' | '大正' | '昭和' | '平成' | '令和';

/** Romanised era names (Hepburn without macrons). */
export type EraEn = 'Meiji' | 'Taisho' | 'Showa' | 'Heisei' | 'Reiwa';

/** A date in the Japanese era calendar; year 1 is the first (元年) year of the era. */
export interface WarekiDate {
  era: Era;
  eraEn: EraEn;
  year: number;
  month: number;
  day: number;
}

interface EraStart {
  era: Era;
  eraEn: EraEn;
  /** First day of the era, ISO. */
  start: string;
  /** Gregorian year minus era year. */
  offset: number;
}

// Newest first, so the first era whose start is not after the date is the right one. Meiji
// starts at 1873-01-01, when Japan adopted the Gregorian calendar: earlier Meiji dates were
// lunisolar and do not map day-for-day to an ISO date.
const ERAS: readonly EraStart[] = [
  { era: '令和', eraEn: 'Reiwa', start: '2019-05-01', offset: 2018 },
  { era: '平成', eraEn: 'Heisei', start: '1989-01-08', offset: 1988 },
  { era: '昭和', eraEn: 'Showa', start: '1926-12-25', offset: 1925 },
  { era: '大正', eraEn: 'Taisho', start: '1912-07-30', offset: 1911 },
  { era: '明治', eraEn: 'Meiji', start: '1873-01-01', offset: 1867 },
];

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Converts a valid ISO date from 1873-01-01 onward to its era date, or null. */
export function toWareki(isoDate: string): WarekiDate | null {
  const parts = parseIsoDate(isoDate);
  if (parts === null) return null;
  // ISO strings with four-digit years compare in date order.
  const era = ERAS.find((candidate) => candidate.start <= isoDate);
  if (era === undefined) return null;
  return {
    era: era.era,
    eraEn: era.eraEn,
    year: parts.year - era.offset,
    month: parts.month,
    day: parts.day,
  };
}

/** Formats an ISO date as 令和元年5月1日 (ja) or 'May 1, Reiwa 1 (2019)' (en), or null. */
export function formatWareki(isoDate: string, locale: 'ja' | 'en' = 'ja'): string | null {
  const wareki = toWareki(isoDate);
  if (wareki === null) return null;
  const { era, eraEn, year, month, day } = wareki;
  if (locale === 'ja') return `${era}${year === 1 ? '元' : year}年${month}月${day}日`;
  // English has no 元年 convention, so the first year is "1"; the Gregorian year in brackets
  // lets readers unfamiliar with eras place the date.
  // parseIsoDate guarantees 1–12; the fallback only satisfies noUncheckedIndexedAccess.
  const monthName = MONTHS_EN[month - 1] ?? String(month);
  const gregorianYear = isoDate.slice(0, 4);
  return `${monthName} ${day}, ${eraEn} ${year} (${gregorianYear})`;
}
