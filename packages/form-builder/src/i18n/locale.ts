import type { Locale } from '@madoguchi/shared';

/** The one thing the console keeps in the browser: the language chosen (a UI preference). */
const storageKey = 'madoguchi.console.locale';

let locale: Locale = readStored();

function readStored(): Locale {
  try {
    return globalThis.localStorage?.getItem(storageKey) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

/** The language the console shows now. */
export function currentLocale(): Locale {
  return locale;
}

/** Switches the language and remembers the choice. */
export function storeLocale(next: Locale): void {
  locale = next;
  try {
    globalThis.localStorage?.setItem(storageKey, next);
  } catch {
    // A browser that refuses storage still switches for this visit.
  }
}
