import { formatWareki, type Locale } from '@madoguchi/shared';

// Dates and times are shown in Japan time whatever the server's zone; formatters are reused.
const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }),
};

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }),
};

/** A moment (ms since the epoch) in Japan time: 2026年11月23日 09:00. */
export function formatDateTime(ms: number, locale: Locale): string {
  return dateTimeFormats[locale].format(new Date(ms));
}

/** A calendar date (YYYY-MM-DD) with its weekday: 2026年12月18日(金). */
export function formatCalendarDate(iso: string, locale: Locale): string {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? iso : dateFormats[locale].format(new Date(ms));
}

/** A date answer with the Japanese era beside it: 2026-11-23（令和8年11月23日）. */
export function formatDateWithWareki(iso: string, locale: Locale): string {
  const wareki = formatWareki(iso, locale);
  if (wareki === null) return iso;
  return locale === 'ja' ? `${iso}（${wareki}）` : `${iso} (${wareki})`;
}

/** A file size for people: 300 KB, 1.2 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
