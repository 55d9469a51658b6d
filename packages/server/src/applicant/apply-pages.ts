import {
  CompletePage,
  type FormAction,
  formatDateTime,
  inputName,
  messagesFor,
  parseAction,
  ResendPage,
  ResendSentPage,
  StartPage,
} from '@madoguchi/applicant-ui';
import { listFields, normalizeEmail, todayInJapan, validateAnswers } from '@madoguchi/shared';
import { Hono } from 'hono';
import { beginCardAuthentication } from '../card-auth/pages';
import { AppError } from '../http/errors';
import { findByAccessToken, renewAccessLinks } from '../submissions/applicant';
import { ensureOpen, loadPublishedForm, type PublishedForm } from '../submissions/forms';
import { applicantFacts, submitApplication } from '../submissions/service';
import { knownAnswers } from './answers';
import { type Draft, openDraft } from './draft';
import {
  type FlowSubject,
  goToConfirmation,
  issuesFromSubmit,
  onConfirmationPosted,
  onPagePosted,
  renderFormPage,
} from './flow';
import {
  chromeOf,
  languageLinksFor,
  type PageContext,
  type PageVariables,
  pageBasics,
  postedString,
  postGuard,
  sendPage,
} from './page-context';
import { accessKeyOf, ensureRoom, onlyNames, type PageKit } from './page-kit';
import { rememberAccessToken, rememberLanguage } from './page-security';
import { paymentViewOf } from './payment-view';
import {
  onVerifyCodePosted,
  onVerifyEmailPosted,
  renderVerifyCode,
  renderVerifyEmail,
} from './verify';

const clientTokenPattern = /^[A-Za-z0-9_-]{8,100}$/;

/** The `_action` of a post, or a 400; a language switch is remembered at once. */
export function postedAction(kit: PageKit, c: PageContext): FormAction {
  const action = parseAction(postedString(c, '_action') ?? '');
  if (!action) throw new AppError('bad_request');
  if (action.kind === 'language') {
    rememberLanguage(c, kit.deps.config.PUBLIC_ORIGIN, action.locale);
    c.set('locale', action.locale);
  }
  return action;
}

/**
 * Submits the confirmed answers with the confirmation page's client token: a retry with the
 * same token (a double click, a reload) shows the first application again instead of a second.
 */
async function submitConfirmed(kit: PageKit, c: PageContext, subject: FlowSubject, draft: Draft) {
  onlyNames(c, ['_csrf', '_state', '_action', '_client']);
  const clientToken = postedString(c, '_client');
  if (!clientToken || !clientTokenPattern.test(clientToken)) throw new AppError('bad_request');
  const { published } = subject;
  const locale = c.get('locale');
  let result: Awaited<ReturnType<typeof submitApplication>>;
  try {
    result = await submitApplication(
      c.get('db'),
      c.get('tenant'),
      published,
      {
        answers: draft.answers,
        clientToken,
        locale,
        ...(draft.email?.token ? { emailVerificationToken: draft.email.token } : {}),
        ...(draft.card ? { card: draft.card } : {}),
      },
      { masterKey: kit.masterKey, now: kit.now(), mail: kit.mail(c) },
    );
  } catch (error) {
    const mapped = issuesFromSubmit(published.definition, error, locale);
    if (!mapped) throw error;
    return renderFormPage(kit.env, c, subject, draft, mapped.page, mapped);
  }
  rememberAccessToken(c, {
    publicOrigin: kit.deps.config.PUBLIC_ORIGIN,
    slug: c.get('tenant').slug,
    token: result.accessToken,
  });
  const validated = validateAnswers(published.definition, draft.answers, locale, {
    today: todayInJapan(new Date(kit.now())),
  });
  const mailSent =
    Boolean(draft.email?.token) ||
    (validated.ok && applicantFacts(published.definition, validated.answers).email !== null);
  const statusHref = `${kit.base(c)}/status`;
  // Pay at submission: the application waits for its payment; the page says so and offers it.
  const row = await findByAccessToken(c.get('db'), result.accessToken);
  const payment = await paymentViewOf(c.get('db'), published.definition, row, `${statusHref}/pay`);
  return sendPage(
    c,
    200,
    CompletePage({
      chrome: chromeOf(kit.env, c, { ja: `${statusHref}?lang=ja`, en: `${statusHref}?lang=en` }),
      definition: published.definition,
      referenceNumber: result.referenceNumber,
      mailSent,
      statusHref,
      ...(payment?.due ? { payment, csrfToken: c.get('csrfToken') } : {}),
    }),
  );
}

/** Refuses a form residents cannot apply to now; one not yet open says when it opens. */
function ensureApplicable(published: PublishedForm, now: number): void {
  const { opensAt } = published.definition.settings;
  if (opensAt !== undefined && now < Date.parse(opensAt) && published.form.status !== 'closed') {
    const at = (locale: 'ja' | 'en') => formatDateTime(Date.parse(opensAt), locale);
    throw new AppError('form_not_open', {
      ja: `受付開始：${at('ja')}`,
      en: `Opens: ${at('en')}`,
    });
  }
  ensureOpen(published, now);
}

/** The values a start page's link carried for hidden fields, by input name. */
function linkFields(published: PublishedForm): string[] {
  return listFields(published.definition)
    .filter(({ field, group }) => !group && field.type === 'hidden' && field.fromQuery)
    .map(({ field }) => inputName([field.id]));
}

/**
 * Continues a draft this device kept (the client script posts its sealed state from the start
 * page): the step it was at, as it was. Nothing posted changes it.
 */
async function resume(kit: PageKit, c: PageContext, subject: FlowSubject, draft: Draft) {
  onlyNames(c, ['_csrf', '_state', '_action', ...linkFields(subject.published)]);
  if (draft.step === 'verify_email')
    return renderVerifyEmail(kit.env, c, subject, draft, { email: draft.email?.address ?? '' });
  if (draft.step === 'verify_code') return renderVerifyCode(kit.env, c, subject, draft);
  if (draft.step === 'confirm') return goToConfirmation(kit.env, c, subject, draft);
  const page = subject.definition.pages.find((candidate) => candidate.id === draft.step);
  if (!page) throw new AppError('bad_request');
  return renderFormPage(kit.env, c, subject, draft, page);
}

/** Starts a draft from the start page's button, with the values the link carried. */
async function start(kit: PageKit, c: PageContext, subject: FlowSubject) {
  const { published } = subject;
  const hidden = listFields(published.definition).filter(
    ({ field, group }) => !group && field.type === 'hidden' && field.fromQuery,
  );
  onlyNames(c, ['_csrf', '_action', ...hidden.map(({ field }) => inputName([field.id]))]);
  await ensureRoom(c.get('db'), published);
  if (published.definition.options.cardAuthentication.enabled)
    return beginCardAuthentication(kit, c, subject, c.req.query('key'));
  const answers: Draft['answers'] = {};
  for (const { field } of hidden) {
    const value = postedString(c, inputName([field.id]));
    if (value !== undefined) answers[field.id] = value.slice(0, 500);
  }
  return kit.startApplication(c, subject, answers, []);
}

/**
 * A form's pages: its start page (GET), and one POST endpoint for every step after it. The
 * draft travels sealed in the page; the step it names decides what the post means.
 */
export function applyPageRoutes(kit: PageKit) {
  const basics = pageBasics(kit.env);
  const guard = postGuard(kit.env);
  return new Hono<{ Variables: PageVariables }>()
    .get('/t/:slug/f/:formId', basics, kit.loadForm, async (c) => {
      const published = c.get('published');
      ensureApplicable(published, kit.now());
      const placesLeft = await ensureRoom(c.get('db'), published);
      const { definition } = published;
      const linkValues = listFields(definition).flatMap(({ field, group }) => {
        if (group || field.type !== 'hidden' || !field.fromQuery) return [];
        const value = c.req.query(field.fromQuery);
        return value !== undefined && value.length <= 500
          ? [{ name: inputName([field.id]), value }]
          : [];
      });
      const closesAt = definition.settings.closesAt
        ? Date.parse(definition.settings.closesAt)
        : undefined;
      return sendPage(
        c,
        200,
        StartPage({
          chrome: chromeOf(kit.env, c, languageLinksFor(c)),
          csrfToken: c.get('csrfToken'),
          definition,
          action: kit.formPath(c, published.form.id, c.req.query('key')),
          resendHref: `${kit.base(c)}/f/${published.form.id}/resend`,
          placesLeft,
          ...(closesAt !== undefined ? { closesAt } : {}),
          linkValues,
          indexable: definition.settings.access === 'public',
        }),
      );
    })
    .post('/t/:slug/f/:formId', basics, kit.loadForm, guard, async (c) => {
      const published = c.get('published');
      const subject = kit.applySubject(c, published, c.req.query('key'));
      const action = postedAction(kit, c);
      ensureApplicable(published, kit.now());
      if (action.kind === 'start') return start(kit, c, subject);
      let draft = openDraft(postedString(c, '_state'), subject.binding, kit.now());
      if (draft.mode !== 'apply' || draft.formId !== published.form.id)
        throw new AppError('bad_request');
      if (draft.version !== published.version) {
        // Republished while being filled: keep the answers the new version still asks.
        draft = {
          ...draft,
          version: published.version,
          answers: knownAnswers(published.definition, draft.answers),
        };
      }
      if (action.kind === 'resume') return resume(kit, c, subject, draft);
      if (draft.step === 'verify_email')
        return onVerifyEmailPosted(kit.env, c, subject, draft, action);
      if (draft.step === 'verify_code')
        return onVerifyCodePosted(kit.env, c, subject, draft, action);
      if (published.definition.options.emailVerification && !draft.email?.token)
        throw new AppError('bad_request');
      if (published.definition.options.cardAuthentication.enabled && !draft.card)
        throw new AppError('bad_request');
      if (draft.step === 'confirm') {
        if (action.kind === 'submit') return submitConfirmed(kit, c, subject, draft);
        onlyNames(c, ['_csrf', '_state', '_action', '_client']);
        return onConfirmationPosted(kit.env, c, subject, draft, action);
      }
      const page = published.definition.pages.find((candidate) => candidate.id === draft.step);
      if (!page) throw new AppError('bad_request');
      return onPagePosted(kit.env, c, subject, draft, page, action);
    })
    .get('/t/:slug/f/:formId/resend', basics, async (c) => {
      const formId = c.req.param('formId');
      // Staff mails link here without the key: asking for a link reveals nothing, so none is needed.
      const published = await loadPublishedForm(
        c.get('db'),
        formId,
        await accessKeyOf(c.get('db'), formId),
      );
      return sendPage(
        c,
        200,
        ResendPage({
          chrome: chromeOf(kit.env, c, languageLinksFor(c)),
          csrfToken: c.get('csrfToken'),
          definition: published.definition,
          action: `${kit.base(c)}/f/${formId}/resend`,
          email: '',
        }),
      );
    })
    .post('/t/:slug/f/:formId/resend', basics, guard, async (c) => {
      const formId = c.req.param('formId');
      const published = await loadPublishedForm(
        c.get('db'),
        formId,
        await accessKeyOf(c.get('db'), formId),
      );
      onlyNames(c, ['_csrf', '_action', 'email']);
      const typed = postedString(c, 'email') ?? '';
      const email = typed.length <= 254 ? normalizeEmail(typed) : undefined;
      const path = `${kit.base(c)}/f/${formId}/resend`;
      const chrome = chromeOf(kit.env, c, { ja: `${path}?lang=ja`, en: `${path}?lang=en` });
      if (email === undefined) {
        return sendPage(
          c,
          400,
          ResendPage({
            chrome,
            csrfToken: c.get('csrfToken'),
            definition: published.definition,
            action: path,
            email: typed,
            error: messagesFor(c.get('locale')).resendEmailProblem,
          }),
        );
      }
      await renewAccessLinks(c.get('db'), published.form.id, email, kit.now(), kit.mail(c));
      // The same page whether or not anything was found: no one learns who applied.
      return sendPage(c, 200, ResendSentPage({ chrome, definition: published.definition }));
    });
}
