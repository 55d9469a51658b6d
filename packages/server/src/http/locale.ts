/** The language a staff API client asked for: English when Accept-Language prefers it, else Japanese. */
export function requestLocale(acceptLanguage: string | undefined): 'ja' | 'en' {
  if (!acceptLanguage) return 'ja';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}
