import type { Locale } from '@madoguchi/shared';
import { en } from './en';
import { ja } from './ja';
import type { Messages } from './types';

export type { Messages, ProblemKind } from './types';

/** The texts of the resident pages in a language. */
export function messagesFor(locale: Locale): Messages {
  return locale === 'en' ? en : ja;
}
