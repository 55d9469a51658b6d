import * as v from 'valibot';
import { localizedTextSchema } from '../i18n/locale';
import { staticFieldEntries } from './common';

/** A section heading inside a page; shows text, takes no answer. */
export const headingFieldSchema = v.strictObject({
  type: v.literal('heading'),
  ...staticFieldEntries,
  text: localizedTextSchema,
});
export type HeadingField = v.InferOutput<typeof headingFieldSchema>;
