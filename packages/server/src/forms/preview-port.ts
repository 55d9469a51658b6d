import {
  type DefinitionProblem,
  type FormDefinition,
  formDefinitionSchema,
  type Locale,
} from '@madoguchi/shared';
import * as v from 'valibot';
import { AppError } from '../http/errors';

/**
 * What the builder's preview needs from the resident pages. The staff app takes it as a
 * parameter (app.ts passes the real one) so the console's typed client, which imports the staff
 * app's type, never compiles the resident pages' hono/jsx views (ADR 0011).
 */
export interface PreviewRenderer {
  /** One page of a definition as the resident page, a complete HTML document. */
  render(
    definition: FormDefinition,
    page: number,
    locale: Locale,
    municipality: string,
    today: string,
  ): string;
  /** The resident stylesheet the page links to. */
  stylesheet(): string;
}

/** Where the preview's stylesheet is served on the staff listener. */
export const previewStylesheetPath = '/api/preview/resident.css';

/**
 * The preview is shown in a sandboxed iframe of the console, so it inherits the console's policy
 * (`style-src 'self'`): its stylesheet must come from the staff listener. Nothing runs, nothing
 * is sent: no scripts, forms go nowhere.
 */
export const previewContentSecurityPolicy = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  'sandbox',
].join('; ');

/** Parses a posted draft for the preview: its shape only, since a draft may still have problems. */
export function previewDefinition(input: unknown): FormDefinition {
  const shaped = v.safeParse(formDefinitionSchema, input);
  if (shaped.success) return shaped.output;
  const details: DefinitionProblem[] = shaped.issues.map((issue) => ({
    path: (issue.path ?? []).map((item) => String(item.key)).join('.'),
    code: 'shape',
    message: issue.message,
  }));
  throw new AppError('validation_failed', undefined, details);
}
