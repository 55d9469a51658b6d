import {
  DonePage,
  LinkOpenedPage,
  messagesFor,
  StatusPage,
  WithdrawPage,
} from '@madoguchi/applicant-ui';
import { eq } from 'drizzle-orm';
import { Hono, type MiddlewareHandler } from 'hono';
import { forms, payments, submissions } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { providerReturnUrl } from '../payments/pay-link';
import { goToPayment } from '../payments/pay-link-pages';
import {
  applicantView,
  findByAccessToken,
  reapplyPrefill,
  resubmitApplication,
  type SubmissionRow,
  withdrawApplication,
} from '../submissions/applicant';
import { ensureOpen, loadPublishedForm, loadVersion } from '../submissions/forms';
import { correctionPages, knownAnswers, toRawAnswers } from './answers';
import { postedAction } from './apply-pages';
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
import { accessKeyOf, ensureRoom, flowBodyLimit, onlyNames, type PageKit } from './page-kit';
import { PageProblem } from './page-problem';
import { rememberAccessToken } from './page-security';
import { paymentViewOf, withFreshPayment } from './payment-view';
import { firstPage } from './verify';

/**
 * The pages behind an applicant's secret link: the link itself (which is remembered in a
 * cookie, so no later URL carries it), the status, withdrawal, correction (補正) and
 * re-application.
 */
export function statusPageRoutes(kit: PageKit) {
  const basics = pageBasics(kit.env);
  const guard = postGuard(kit.env);
  const statusHref = (c: PageContext) => `${kit.base(c)}/status`;

  /** The correction flow of an application, on the version it answered. */
  const correctionSubject = async (
    c: PageContext,
    row: SubmissionRow,
    fieldsToFix: string[],
  ): Promise<FlowSubject> => {
    const definition = await loadVersion(c.get('db'), row.formId, row.formVersion);
    const form = await c.get('db').query.forms.findFirst({ where: eq(forms.id, row.formId) });
    if (!form) throw new AppError('not_found');
    return {
      mode: 'correct',
      definition,
      published: { form, version: row.formVersion, definition },
      action: `${kit.base(c)}/status/correct`,
      binding: { masterKey: kit.masterKey, slug: c.get('tenant').slug, scope: `correct:${row.id}` },
      storage: kit.storage,
      fieldsToFix,
    };
  };

  /** The application as stored now (a concurrent click may have changed it since it was read). */
  const stored = (c: PageContext, id: string) =>
    c.get('db').query.submissions.findFirst({ where: eq(submissions.id, id) });

  const correctionLimit: MiddlewareHandler<{ Variables: PageVariables }> = async (c, next) => {
    const row = c.get('application');
    c.set(
      'bodyLimitBytes',
      flowBodyLimit(await loadVersion(c.get('db'), row.formId, row.formVersion)),
    );
    await next();
  };

  const donePage = async (
    c: PageContext,
    row: SubmissionRow,
    kind: 'withdrawn' | 'resubmitted',
  ) => {
    const m = messagesFor(c.get('locale'));
    const href = statusHref(c);
    return sendPage(
      c,
      200,
      DonePage({
        chrome: chromeOf(kit.env, c, { ja: `${href}?lang=ja`, en: `${href}?lang=en` }),
        definition: await loadVersion(c.get('db'), row.formId, row.formVersion),
        title: kind === 'withdrawn' ? m.withdrawnTitle : m.resubmittedTitle,
        body: kind === 'withdrawn' ? m.withdrawnBody : m.resubmittedBody,
        referenceNumber: row.referenceNumber,
        statusHref: href,
      }),
    );
  };

  return (
    new Hono<{ Variables: PageVariables }>()
      .get('/t/:slug/s/:token', basics, async (c) => {
        const token = c.req.param('token');
        try {
          if (token.length > 200) throw new AppError('not_found');
          await findByAccessToken(c.get('db'), token);
        } catch (error) {
          if (error instanceof AppError && error.code === 'not_found')
            throw new PageProblem('not_found', 'link_invalid');
          throw error;
        }
        rememberAccessToken(c, {
          publicOrigin: kit.deps.config.PUBLIC_ORIGIN,
          slug: c.get('tenant').slug,
          token,
        });
        const href = statusHref(c);
        return sendPage(
          c,
          200,
          LinkOpenedPage({
            chrome: chromeOf(kit.env, c, { ja: `${href}?lang=ja`, en: `${href}?lang=en` }),
            statusHref: href,
          }),
        );
      })
      .get('/t/:slug/status', basics, kit.loadApplication, async (c) => {
        const row = await withFreshPayment(
          kit.deps,
          c.get('tenant'),
          c.get('db'),
          c.get('application'),
        );
        const view = await applicantView(c.get('db'), row, c.get('locale'));
        const base = kit.base(c);
        const definition = await loadVersion(c.get('db'), row.formId, row.formVersion);
        const payment = await paymentViewOf(c.get('db'), definition, row, `${base}/status/pay`);
        return sendPage(
          c,
          200,
          StatusPage({
            chrome: chromeOf(kit.env, c, languageLinksFor(c)),
            definition,
            view,
            links: {
              withdraw: `${base}/status/withdraw`,
              correct: `${base}/status/correct`,
              reapply: `${base}/status/reapply`,
            },
            ...(payment ? { payment, csrfToken: c.get('csrfToken') } : {}),
          }),
        );
      })
      // Where a provider on another site sends the resident back: the remembered link's cookie is
      // SameSite=Strict, so it is withheld from that cross-site visit; this page moves on to the
      // status page by a refresh from our own page, which carries it (as the mail link's page does).
      .get('/t/:slug/status/return', basics, async (c) => {
        const href = statusHref(c);
        return sendPage(
          c,
          200,
          LinkOpenedPage({
            chrome: chromeOf(kit.env, c, { ja: `${href}?lang=ja`, en: `${href}?lang=en` }),
            statusHref: href,
          }),
        );
      })
      // The pay button of the completion and status pages: the payment is created (or found) for
      // the amount the server computes, and the provider's page brings the resident back here.
      .post('/t/:slug/status/pay', basics, kit.loadApplication, guard, async (c) => {
        const row = c.get('application');
        onlyNames(c, ['_csrf', '_action']);
        if (postedString(c, '_action') !== 'pay') throw new AppError('bad_request');
        // The provider sends the resident back cross-site, without the Strict status cookie:
        // pay at submission returns through /status/return, pay after acceptance to the
        // payment link, which needs no cookie (providerReturnUrl).
        const definition = await loadVersion(c.get('db'), row.formId, row.formVersion);
        const payment = await c
          .get('db')
          .query.payments.findFirst({ where: eq(payments.submissionId, row.id) });
        return goToPayment(
          kit,
          c,
          row.id,
          providerReturnUrl(
            kit.deps.config.PUBLIC_ORIGIN,
            c.get('tenant').slug,
            definition.options.payment.mode,
            payment?.id,
          ),
        );
      })
      .get('/t/:slug/status/withdraw', basics, kit.loadApplication, async (c) => {
        const row = c.get('application');
        const view = await applicantView(c.get('db'), row, c.get('locale'));
        if (!view.allowedActions.includes('withdraw')) throw new AppError('conflict');
        return sendPage(
          c,
          200,
          WithdrawPage({
            chrome: chromeOf(kit.env, c, languageLinksFor(c)),
            csrfToken: c.get('csrfToken'),
            definition: await loadVersion(c.get('db'), row.formId, row.formVersion),
            referenceNumber: row.referenceNumber,
            action: `${kit.base(c)}/status/withdraw`,
            statusHref: statusHref(c),
          }),
        );
      })
      .post('/t/:slug/status/withdraw', basics, kit.loadApplication, guard, async (c) => {
        const row = c.get('application');
        onlyNames(c, ['_csrf', '_action']);
        if (postedString(c, '_action') !== 'withdraw') throw new AppError('bad_request');
        try {
          await withdrawApplication(c.get('db'), row, kit.now(), kit.mail(c));
        } catch (error) {
          // A second click, before or after the first went through, shows the same result.
          const conflict = error instanceof AppError && error.code === 'conflict';
          if (!conflict || (await stored(c, row.id))?.state !== 'withdrawn') throw error;
        }
        return donePage(c, row, 'withdrawn');
      })
      .get('/t/:slug/status/correct', basics, kit.loadApplication, async (c) => {
        const row = c.get('application');
        if (row.state !== 'returned') throw new AppError('conflict');
        const view = await applicantView(c.get('db'), row, c.get('locale'));
        const fieldsToFix = view.correction?.fieldsToFix ?? [];
        const subject = await correctionSubject(c, row, fieldsToFix);
        const draft: Draft = {
          mode: 'correct',
          formId: row.formId,
          version: row.formVersion,
          step: '',
          answers: toRawAnswers(subject.definition, view.answers),
          submissionId: row.id,
          baseRevision: row.currentRevision,
          pages: correctionPages(subject.definition, fieldsToFix),
          fix: fieldsToFix,
          savedAt: kit.now(),
        };
        const notices = [messagesFor(c.get('locale')).correctionIntro];
        const page = firstPage(kit.env, c, subject, draft);
        return page
          ? renderFormPage(kit.env, c, subject, draft, page, { notices })
          : goToConfirmation(kit.env, c, subject, draft, notices);
      })
      .post(
        '/t/:slug/status/correct',
        basics,
        kit.loadApplication,
        correctionLimit,
        guard,
        async (c) => {
          const row = c.get('application');
          const action = postedAction(kit, c);
          const probe = await correctionSubject(c, row, []);
          const draft = openDraft(postedString(c, '_state'), probe.binding, kit.now());
          if (draft.mode !== 'correct' || draft.submissionId !== row.id)
            throw new AppError('bad_request');
          const subject: FlowSubject = { ...probe, fieldsToFix: draft.fix ?? [] };
          if (row.state !== 'returned') {
            // A second click after the resubmission went through shows the same result.
            const resubmitted = row.currentRevision > (draft.baseRevision ?? row.currentRevision);
            if (draft.step === 'confirm' && action.kind === 'submit' && resubmitted)
              return donePage(c, row, 'resubmitted');
            throw new AppError('conflict');
          }
          if (draft.step === 'confirm') {
            onlyNames(c, ['_csrf', '_state', '_action']);
            if (action.kind !== 'submit')
              return onConfirmationPosted(kit.env, c, subject, draft, action);
            try {
              await resubmitApplication(
                c.get('db'),
                row,
                draft.answers,
                c.get('locale'),
                kit.now(),
                kit.mail(c),
              );
            } catch (error) {
              // A second click racing the first: the first resubmitted, so show the same result.
              if (error instanceof AppError && error.code === 'conflict') {
                const now = await stored(c, row.id);
                if (now && now.currentRevision > row.currentRevision)
                  return donePage(c, row, 'resubmitted');
              }
              const mapped = issuesFromSubmit(subject.definition, error, c.get('locale'));
              if (!mapped) throw error;
              return renderFormPage(kit.env, c, subject, draft, mapped.page, mapped);
            }
            return donePage(c, row, 'resubmitted');
          }
          const page = subject.definition.pages.find((candidate) => candidate.id === draft.step);
          if (!page || !(draft.pages ?? []).includes(page.id)) throw new AppError('bad_request');
          return onPagePosted(kit.env, c, subject, draft, page, action);
        },
      )
      .get('/t/:slug/status/reapply', basics, kit.loadApplication, async (c) => {
        const row = c.get('application');
        const prefill = await reapplyPrefill(c.get('db'), row);
        const key = await accessKeyOf(c.get('db'), prefill.formId);
        const published = await loadPublishedForm(c.get('db'), prefill.formId, key);
        ensureOpen(published, kit.now());
        await ensureRoom(c.get('db'), published);
        const subject = kit.applySubject(c, published, key);
        // From here on the new application is a form like any other: problems lead to its start.
        c.set('backLink', {
          href: subject.action,
          label: messagesFor(c.get('locale')).startAgain,
        });
        const answers = knownAnswers(
          published.definition,
          toRawAnswers(published.definition, prefill.answers),
        );
        return kit.startApplication(c, subject, answers, [
          messagesFor(c.get('locale')).reapplyNotice,
        ]);
      })
  );
}
