import {
  type FormAction,
  messagesFor,
  type RawAnswers,
  VerifyCodePage,
  VerifyEmailPage,
} from '@madoguchi/applicant-ui';
import { normalizeEmail, type Page, shownParts, todayInJapan } from '@madoguchi/shared';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../http/errors';
import {
  confirmEmailVerification,
  startEmailVerification,
} from '../submissions/email-verification';
import { mailContextFor } from '../submissions/mails';
import type { Draft } from './draft';
import { sealDraft } from './draft';
import { type FlowSubject, goToConfirmation, renderFormPage, visiblePages } from './flow';
import { chromeOf, type PageContext, type PageEnv, postedString, sendPage } from './page-context';

/** Minutes a code is valid (as the verification service sets it). */
const codeMinutes = 15;

function onlyNames(c: PageContext, allowed: string[]): void {
  for (const name of c.get('posted').strings.keys())
    if (!allowed.includes(name)) throw new AppError('bad_request');
  if (c.get('posted').files.size > 0) throw new AppError('bad_request');
}

/** The page asking for the address to verify. */
export function renderVerifyEmail(
  env: PageEnv,
  c: PageContext,
  subject: FlowSubject,
  draft: Draft,
  options: { email?: string; error?: string; status?: ContentfulStatusCode } = {},
) {
  const current: Draft = { ...draft, step: 'verify_email', savedAt: env.deps.now() };
  return sendPage(
    c,
    options.status ?? (options.error ? 400 : 200),
    VerifyEmailPage({
      chrome: chromeOf(env, c, 'buttons'),
      csrfToken: c.get('csrfToken'),
      state: sealDraft(current, subject.binding),
      definition: subject.definition,
      action: subject.action,
      email: options.email ?? draft.email?.address ?? '',
      errors: options.error ? [{ target: 'f-verify-email', message: options.error }] : [],
    }),
  );
}

/** The page asking for the code sent to the address. */
export function renderVerifyCode(
  env: PageEnv,
  c: PageContext,
  subject: FlowSubject,
  draft: Draft,
  options: { error?: string; status?: ContentfulStatusCode } = {},
) {
  const current: Draft = { ...draft, step: 'verify_code', savedAt: env.deps.now() };
  return sendPage(
    c,
    options.status ?? (options.error ? 400 : 200),
    VerifyCodePage({
      chrome: chromeOf(env, c, 'buttons'),
      csrfToken: c.get('csrfToken'),
      state: sealDraft(current, subject.binding),
      definition: subject.definition,
      action: subject.action,
      email: draft.email?.address ?? '',
      validMinutes: codeMinutes,
      errors: options.error ? [{ target: 'f-verify-code', message: options.error }] : [],
    }),
  );
}

async function sendCode(
  env: PageEnv,
  c: PageContext,
  subject: FlowSubject,
  draft: Draft,
  email: string,
) {
  const started = await startEmailVerification(
    c.get('db'),
    subject.published,
    email,
    mailContextFor(env.deps.config, c.get('tenant')),
    env.deps.now(),
  );
  return renderVerifyCode(env, c, subject, {
    ...draft,
    email: { address: email, verificationId: started.verificationId },
  });
}

/** Puts the verified address into the form's email fields that are still empty. */
function prefillEmail(subject: FlowSubject, answers: RawAnswers, address: string): RawAnswers {
  const filled = { ...answers };
  for (const page of subject.definition.pages) {
    for (const field of page.fields) {
      if (field.type !== 'email') continue;
      const current = filled[field.id];
      const blank =
        current === undefined ||
        current === '' ||
        (typeof current === 'object' && current !== null && !('value' in current && current.value));
      if (blank) filled[field.id] = field.confirm ? { value: address, confirm: address } : address;
    }
  }
  return filled;
}

/** The first page of the form (or the confirmation page, when every page is hidden). */
export function firstPage(
  env: PageEnv,
  c: PageContext,
  subject: FlowSubject,
  draft: Draft,
): Page | undefined {
  const shown = shownParts(subject.definition, draft.answers, c.get('locale'), {
    today: todayInJapan(new Date(env.deps.now())),
  });
  return visiblePages(subject, draft, shown)[0];
}

/** The address step was posted: send a code to it. */
export async function onVerifyEmailPosted(
  env: PageEnv,
  c: PageContext,
  subject: FlowSubject,
  draft: Draft,
  action: FormAction,
) {
  onlyNames(c, ['_csrf', '_state', '_action', 'email']);
  const typed = postedString(c, 'email') ?? '';
  if (action.kind === 'language')
    return renderVerifyEmail(env, c, subject, draft, { email: typed });
  if (action.kind !== 'send_code') throw new AppError('bad_request');
  const email = typed.length <= 254 ? normalizeEmail(typed) : undefined;
  if (email === undefined)
    return renderVerifyEmail(env, c, subject, draft, {
      email: typed,
      error: messagesFor(c.get('locale')).resendEmailProblem,
    });
  return sendCode(env, c, subject, draft, email.toLowerCase());
}

/** The code step was posted: check the code, or send a new one. */
export async function onVerifyCodePosted(
  env: PageEnv,
  c: PageContext,
  subject: FlowSubject,
  draft: Draft,
  action: FormAction,
) {
  onlyNames(c, ['_csrf', '_state', '_action', 'code']);
  const address = draft.email?.address;
  const verificationId = draft.email?.verificationId;
  if (!address || !verificationId) throw new AppError('bad_request');
  if (action.kind === 'language') return renderVerifyCode(env, c, subject, draft);
  if (action.kind === 'send_code') return sendCode(env, c, subject, draft, address);
  if (action.kind !== 'check_code') throw new AppError('bad_request');
  const locale = c.get('locale');
  try {
    const proof = await confirmEmailVerification(
      c.get('db'),
      subject.published.form.id,
      verificationId,
      (postedString(c, 'code') ?? '').slice(0, 20),
      env.deps.now(),
    );
    const verified: Draft = {
      ...draft,
      email: { address, token: proof.verificationToken },
      answers: prefillEmail(subject, draft.answers, address),
    };
    const notices = [messagesFor(locale).verifiedNotice(address)];
    const page = firstPage(env, c, subject, verified);
    return page
      ? renderFormPage(env, c, subject, verified, page, { notices })
      : goToConfirmation(env, c, subject, verified, notices);
  } catch (error) {
    if (!(error instanceof AppError) || !['validation_failed', 'gone'].includes(error.code))
      throw error;
    return renderVerifyCode(env, c, subject, draft, {
      error: error.messages[locale],
      status: error.status,
    });
  }
}
