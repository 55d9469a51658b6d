import * as v from 'valibot';

/** The languages residents and staff can choose; Japanese is always present. */
export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Valibot schema for a locale code. */
export const localeSchema = v.picklist(locales);

/** Text shown to people: Japanese is required, English is optional. */
export const localizedTextSchema = v.strictObject({
  ja: v.pipe(v.string(), v.maxLength(20_000)),
  en: v.optional(v.pipe(v.string(), v.maxLength(20_000))),
});
export type LocalizedText = v.InferOutput<typeof localizedTextSchema>;

/** Picks the text for a locale, falling back to Japanese when no translation exists. */
export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  if (locale === 'en' && text.en !== undefined && text.en.trim() !== '') return text.en;
  return text.ja;
}
