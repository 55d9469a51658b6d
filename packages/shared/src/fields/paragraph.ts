import * as v from 'valibot';
import { localizedTextSchema } from '../i18n/locale';
import { staticFieldEntries } from './common';

/** Explanatory text (plain text with line breaks); takes no answer. */
export const paragraphFieldSchema = v.strictObject({
  type: v.literal('paragraph'),
  ...staticFieldEntries,
  text: localizedTextSchema,
});
export type ParagraphField = v.InferOutput<typeof paragraphFieldSchema>;
