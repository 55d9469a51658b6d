/** A calendar date split into numeric parts; month and day are 1-based. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Day counts since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's civil-day
// algorithms). Integer arithmetic avoids Date, whose parsing and two-digit-year rules vary.
function toDayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function toIso({ year, month, day }: DateParts): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const FIRST_DAY = toDayNumber({ year: MIN_YEAR, month: 1, day: 1 });
const LAST_DAY = toDayNumber({ year: MAX_YEAR, month: 12, day: 31 });

/** Splits a strict YYYY-MM-DD date (real calendar date, years 1000–9999) into parts, or null. */
export function parseIsoDate(s: string): DateParts | null {
  const match = ISO_DATE.exec(s);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return null;
  return day <= daysInMonth(year, month) ? { year, month, day } : null;
}

/** True for a strict YYYY-MM-DD string naming a real calendar date in years 1000–9999. */
export function isValidIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

/** Completed years of age on `onDate`, or null for invalid dates or `onDate` before birth. */
export function ageOn(birthDate: string, onDate: string): number | null {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(onDate);
  if (birth === null || on === null || onDate < birthDate) return null;
  // Under the Act on Calculation of Age (年齢計算ニ関スル法律) with Civil Code art. 143, an age is
  // reached at the end of the day before the birthday; whole-day dates therefore show the new
  // age from the birthday itself. A 29 February birthday is reached at the end of 28 February in
  // common years, so the new age shows from 1 March. Comparing (month, day) pairs gives exactly
  // that. Callers needing the legal "date of reaching" (達する日) use the day before the birthday.
  const birthdayPassed =
    on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (birthdayPassed ? 0 : 1);
}

/** Adds `n` days (negative to subtract) to an ISO date; null when input or result is invalid. */
export function addDays(iso: string, n: number): string | null {
  const parts = parseIsoDate(iso);
  if (parts === null || !Number.isSafeInteger(n)) return null;
  const target = toDayNumber(parts) + n;
  return target >= FIRST_DAY && target <= LAST_DAY ? toIso(fromDayNumber(target)) : null;
}

/** Sort comparator for valid ISO dates (-1, 0 or 1); throws RangeError on an invalid date. */
export function compareIsoDates(a: string, b: string): -1 | 0 | 1 {
  if (!isValidIsoDate(a) || !isValidIsoDate(b)) {
    throw new RangeError('compareIsoDates expects two valid YYYY-MM-DD dates');
  }
  // Fixed-width, zero-padded, four-digit years: string order is date order.
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
