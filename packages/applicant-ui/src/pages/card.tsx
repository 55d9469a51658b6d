/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type FormDefinition, localize } from '@madoguchi/shared';
import { type Chrome, Layout } from '../document';
import { messagesFor } from '../messages';

/**
 * The step before filling a form with card authentication: a link (not a form, so the strict
 * CSP's form-action never meets the provider's origin) to the authentication provider.
 */
export function CardAuthPage(props: { chrome: Chrome; definition: FormDefinition; href: string }) {
  const { chrome } = props;
  const m = messagesFor(chrome.locale);
  const formTitle = localize(props.definition.title, chrome.locale);
  return (
    <Layout chrome={chrome} title={m.cardTitle} service={formTitle}>
      <p class="caption">{formTitle}</p>
      <h1 class="heading-l">{m.cardTitle}</h1>
      <p class="body">{m.cardIntro}</p>
      <div class="actions">
        <a class="button" href={props.href} id="card-start">
          {m.cardStart}
        </a>
      </div>
    </Layout>
  );
}
