/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Locale } from '@madoguchi/shared';
import type { Child, JSXNode } from 'hono/jsx';
import { type Messages, messagesFor } from './messages';
import { actionValue, mainFormId } from './names';

/** Colours a municipality can choose for its pages; each keeps white text on it at WCAG AA. */
export const brandColours = ['blue', 'green', 'teal', 'purple', 'red', 'brown', 'navy'] as const;
export type BrandColour = (typeof brandColours)[number];

/** The colour of municipalities that have not chosen one. */
export const defaultBrandColour: BrandColour = 'blue';

/** What every resident page shows around its content. */
export interface Chrome {
  locale: Locale;
  /** The municipality's name, shown in the header. */
  municipality: string;
  brand: BrandColour;
  /** The stylesheet's versioned URL. */
  stylesheet: string;
  /** The client script's versioned URL; without it the pages work as they do without JavaScript. */
  script?: string;
  /** Where postal-code chunks are served (`{postalCodes}{first three digits}.json`). */
  postalCodes?: string;
  /**
   * How the language is switched: links on pages reached by GET; without them, buttons that
   * submit the page's form, so what was typed is kept.
   */
  languageLinks?: Record<Locale, string>;
}

/** One entry of the error summary: the message and the id of the element it is about. */
export interface SummaryError {
  target: string;
  message: string;
}

function LanguageSwitch({ chrome, m }: { chrome: Chrome; m: Messages }) {
  const other: Locale = chrome.locale === 'ja' ? 'en' : 'ja';
  const name = m.languageNames[other];
  return (
    <nav class="language" aria-label={m.languageNav}>
      <span class="language__current" aria-current="true" lang={chrome.locale}>
        {m.languageNames[chrome.locale]}
      </span>
      {chrome.languageLinks ? (
        <a class="language__link" href={chrome.languageLinks[other]} lang={other} hreflang={other}>
          {name}
        </a>
      ) : (
        <button
          type="submit"
          form={mainFormId}
          name="_action"
          value={actionValue({ kind: 'language', locale: other })}
          class="language__link"
          lang={other}
        >
          {name}
        </button>
      )}
    </nav>
  );
}

/** The page shell: header with the municipality and language switch, the main area, the footer. */
export function Layout(props: {
  chrome: Chrome;
  title: string;
  /** The form's title, shown under the municipality's name. */
  service?: string;
  hasErrors?: boolean;
  /** Search engines may list start pages of public forms; every other page is private. */
  indexable?: boolean;
  /** Where a page that only hands over goes at once (the secret link's landing page). */
  refreshTo?: string;
  children?: Child;
}) {
  const { chrome } = props;
  const m = messagesFor(chrome.locale);
  const title = [props.title, props.service, chrome.municipality].filter(Boolean).join(' | ');
  return (
    <html lang={m.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content={props.indexable ? 'index, follow' : 'noindex, nofollow'} />
        <meta name="format-detection" content="telephone=no" />
        {props.refreshTo ? (
          <meta http-equiv="refresh" content={`0;url=${props.refreshTo}`} />
        ) : null}
        <title>{props.hasErrors ? `${m.errorTitlePrefix}${title}` : title}</title>
        <link rel="stylesheet" href={chrome.stylesheet} />
        {chrome.script ? <script type="module" src={chrome.script} /> : null}
      </head>
      <body data-brand={chrome.brand}>
        <a class="skip-link" href="#main">
          {m.skipLink}
        </a>
        <header class="site-header">
          <div class="container site-header__inner">
            <div>
              <p class="site-header__municipality">{chrome.municipality}</p>
              {props.service ? <p class="site-header__service">{props.service}</p> : null}
            </div>
            <LanguageSwitch chrome={chrome} m={m} />
          </div>
        </header>
        <main id="main" class="container main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{chrome.municipality}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** The error summary at the top of a page that failed validation, linking to each field. */
export function ErrorSummary({ errors, locale }: { errors: SummaryError[]; locale: Locale }) {
  if (errors.length === 0) return null;
  const m = messagesFor(locale);
  return (
    <div
      class="error-summary"
      id="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex={-1}
      autofocus
    >
      <h2 class="error-summary__title" id="error-summary-title">
        {m.errorSummaryTitle}
      </h2>
      <ul class="error-summary__list">
        {errors.map((error) => (
          <li>
            <a href={`#${error.target}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Text with line breaks kept, as designers write terms and descriptions. */
export function MultilineText({ text, class: className }: { text: string; class?: string }) {
  const paragraphs = text.split(/\n{2,}/);
  return (
    <>
      {paragraphs.map((paragraph) => {
        const lines = paragraph.split('\n');
        return (
          <p class={className ?? 'body'}>
            {lines.map((line, index) => (
              <>
                {index > 0 ? <br /> : null}
                {line}
              </>
            ))}
          </p>
        );
      })}
    </>
  );
}

/** Hidden inputs every resident form carries. */
export function FormControls(props: { csrfToken: string; state?: string; clientToken?: string }) {
  return (
    <>
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {props.state !== undefined ? <input type="hidden" name="_state" value={props.state} /> : null}
      {props.clientToken !== undefined ? (
        <input type="hidden" name="_client" value={props.clientToken} />
      ) : null}
    </>
  );
}

/**
 * The whole document as a string, with its doctype. Views are synchronous, so the element
 * renders at once.
 * @example return c.html(renderDocument(StartPage(props)), 200);
 */
export function renderDocument(element: JSXNode | Child): string {
  return `<!DOCTYPE html>${String(element)}`;
}
