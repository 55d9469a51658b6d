import type { BilingualLabel, Locale } from '@madoguchi/shared';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { currentLocale, storeLocale } from './locale';
import { catalogs, type MessageKey } from './messages';

/** Fills `{name}` placeholders. */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/** A translator for one language. */
export function translator(locale: Locale) {
  return (key: MessageKey, vars?: Record<string, string | number>): string =>
    format(catalogs[locale][key], vars);
}

interface I18n {
  locale: Locale;
  t: ReturnType<typeof translator>;
  /** A built-in label (states, actions) in the current language. */
  label: (label: BilingualLabel) => string;
  /** A form text `{ ja, en? }`: English when there is one, else Japanese. */
  text: (value: { ja: string; en?: string | undefined } | undefined) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

/** Provides the language; the choice is the one preference kept in the browser. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(currentLocale);
  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    document.documentElement.lang = next;
    setState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: translator(locale),
      label: (label) => label[locale],
      text: (value) => (value ? ((locale === 'en' ? value.en : undefined) ?? value.ja) : ''),
      setLocale,
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its words. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
