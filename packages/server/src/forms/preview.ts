import {
  defaultBrandColour,
  FormPageView,
  fieldContext,
  messagesFor,
  renderDocument,
} from '@madoguchi/applicant-ui';
import { shownParts } from '@madoguchi/shared';
import { loadStylesheet, type Stylesheet } from '../applicant/assets';
import { AppError } from '../http/errors';
import { type PreviewRenderer, previewStylesheetPath } from './preview-port';

let stylesheet: Stylesheet | undefined;

/**
 * The builder's preview with the resident pages' own view: one page with empty answers, the
 * controls leading nowhere, no script. Stores nothing.
 */
export const previewRenderer: PreviewRenderer = {
  render(definition, pageIndex, locale, municipality, today) {
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
        ctx: fieldContext({
          locale,
          m: messagesFor(locale),
          today,
          action: '#preview',
          // With no answers yet: what a resident sees on arrival, conditional fields hidden.
          shown: shownParts(definition, {}, locale, { today }).fields,
        }),
        errors: [],
        notices: [],
        hasPrevious: index > 0,
        isLast: index === definition.pages.length - 1,
        reviewing: false,
        correcting: false,
      }) as Parameters<typeof renderDocument>[0],
    );
  },
  stylesheet() {
    stylesheet ??= loadStylesheet();
    return stylesheet.body;
  },
};
