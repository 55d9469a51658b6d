import {
  defaultBrandColour,
  FormPageView,
  fieldContext,
  messagesFor,
  renderDocument,
} from '@madoguchi/applicant-ui';
import {
  type DefinitionProblem,
  type FormDefinition,
  formDefinitionSchema,
  type Locale,
} from '@madoguchi/shared';
import * as v from 'valibot';
import { loadStylesheet, type Stylesheet } from '../applicant/assets';
import { AppError } from '../http/errors';

/** Where the preview's stylesheet is served on the staff listener (the resident one, as is). */
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

let stylesheet: Stylesheet | undefined;

/** The resident stylesheet, read once. */
export function previewStylesheet(): string {
  stylesheet ??= loadStylesheet();
  return stylesheet.body;
}

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

/**
 * One page of a draft as a resident would see it, rendered by the resident pages' own view with
 * empty answers; the controls lead nowhere. Stores nothing.
 */
export function renderPreview(
  definition: FormDefinition,
  pageIndex: number,
  locale: Locale,
  municipality: string,
  today: string,
): string {
  const page = definition.pages[Math.min(pageIndex, definition.pages.length - 1)];
  if (!page) throw new AppError('validation_failed');
  const index = definition.pages.indexOf(page);
  return renderDocument(
    FormPageView({
      chrome: {
        locale,
        municipality,
        brand: defaultBrandColour,
        stylesheet: previewStylesheetPath,
      },
      csrfToken: 'preview',
      state: 'preview',
      definition,
      page,
      pageNumber: index + 1,
      pageCount: definition.pages.length,
      answers: {},
      ctx: fieldContext({ locale, m: messagesFor(locale), today, action: '#preview' }),
      errors: [],
      notices: [],
      hasPrevious: index > 0,
      isLast: index === definition.pages.length - 1,
      reviewing: false,
      correcting: false,
    }) as Parameters<typeof renderDocument>[0],
  );
}
