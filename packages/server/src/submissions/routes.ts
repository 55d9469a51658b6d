import { submissionStates } from '@madoguchi/shared';
import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import { ensureAllowed, requireStaff, type StaffVariables } from '../auth/middleware';
import { submissions } from '../db/tenant-schema';
import type { AppDeps } from '../deps';
import { AppError } from '../http/errors';
import { requestLocale } from '../http/locale';
import { validate } from '../http/validate';
import { paymentProviderFor, tenantPaymentProvider } from '../payments/providers';
import { refundSubmissionPayment } from '../payments/refund';
import { loadPublishedForm } from './forms';
import { mailContextFor, statusLinkUrl } from './mails';
import { submitApplication } from './service';
import {
  actOnSubmission,
  addNote,
  type InboxFilters,
  inbox,
  readableForm,
  readableForms,
  submissionDetail,
} from './staff';

const id = v.pipe(v.string(), v.maxLength(64));
const list = <T extends string>(values: readonly [T, ...T[]]) =>
  v.optional(
    v.pipe(
      v.string(),
      v.maxLength(500),
      v.transform((text) => text.split(',').filter(Boolean)),
      v.array(v.picklist(values)),
    ),
  );
const time = v.optional(
  v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'a time in ms since the epoch'), v.transform(Number)),
);
const inboxQuery = v.object({
  states: list(submissionStates),
  payment: list(['none', 'requested', 'paid', 'failed', 'expired', 'refunded']),
  from: time,
  to: time,
  q: v.optional(v.pipe(v.string(), v.maxLength(100))),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(200)),
    '50',
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(100))),
});
/** The inbox filters of a validated query, without the keys it left out. */
function inboxFilters(query: v.InferOutput<typeof inboxQuery>): InboxFilters {
  return {
    limit: query.limit,
    ...(query.states ? { states: query.states } : {}),
    ...(query.payment ? { payment: query.payment } : {}),
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}
const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
export const actionSchema = v.strictObject({
  action: v.picklist(['start_review', 'return_for_correction', 'accept', 'complete', 'reject']),
  message: v.optional(text(4000)),
  fieldsToFix: v.optional(v.pipe(v.array(id), v.maxLength(200))),
  reason: v.optional(text(4000)),
  expectedState: v.optional(v.picklist(submissionStates)),
});
export const noteSchema = v.strictObject({ body: text(4000) });
export const bulkAcceptSchema = v.strictObject({
  ids: v.pipe(v.array(id), v.minLength(1), v.maxLength(500)),
});
export const proxySchema = v.strictObject({ answers: v.record(v.string(), v.unknown()) });

/** Staff handling of applications: inbox, detail, actions, notes, bulk accept, proxy entry. */
export function submissionRoutes(deps: AppDeps) {
  const staffOnly = requireStaff({
    registry: deps.registry,
    staffOrigin: deps.config.STAFF_ORIGIN,
    idleMs: deps.config.SESSION_IDLE_MINUTES * 60_000,
    now: deps.now,
  });
  const mailContext = (c: Context<{ Variables: StaffVariables }>) =>
    mailContextFor(deps.config, c.get('tenant'));
  /** The provider an acceptance asks for payment with (pay after acceptance). */
  const providerName = (c: Context<{ Variables: StaffVariables }>) => async () =>
    (await tenantPaymentProvider(deps, c.get('tenant'), c.get('db'))).name;
  return (
    new Hono<{ Variables: StaffVariables }>()
      .use(staffOnly)
      // Across every form the actor may read: the console's "all applications" view.
      .get('/', validate('query', inboxQuery), async (c) => {
        const titles = await readableForms(c.get('db'), c.get('actor'), deps.now());
        const page = await inbox(
          c.get('db'),
          [...titles.keys()],
          inboxFilters(c.req.valid('query')),
        );
        return c.json({
          ...page,
          items: page.items.map((item) => ({ ...item, formTitle: titles.get(item.formId) ?? '' })),
        });
      })
      .get(
        '/forms/:formId',
        validate('param', v.object({ formId: id })),
        validate('query', inboxQuery),
        async (c) => {
          const form = await readableForm(
            c.get('db'),
            c.get('actor'),
            c.req.valid('param').formId,
            deps.now(),
          );
          return c.json(await inbox(c.get('db'), [form.id], inboxFilters(c.req.valid('query'))));
        },
      )
      .post(
        '/forms/:formId/bulk-accept',
        validate('param', v.object({ formId: id })),
        validate('json', bulkAcceptSchema),
        async (c) => {
          const form = await readableForm(
            c.get('db'),
            c.get('actor'),
            c.req.valid('param').formId,
            deps.now(),
          );
          const results: { id: string; ok: boolean; state?: string; error?: string }[] = [];
          for (const submissionId of c.req.valid('json').ids) {
            try {
              // Only ids of this form: anything else is not found, without reading its answers.
              const row = await c
                .get('db')
                .query.submissions.findFirst({ where: eq(submissions.id, submissionId) });
              if (row?.formId !== form.id) throw new AppError('not_found');
              const done = await actOnSubmission(
                c.get('db'),
                c.get('actor'),
                submissionId,
                { action: 'accept' },
                deps.now(),
                mailContext(c),
                providerName(c),
              );
              results.push({ id: submissionId, ok: true, state: done.state });
            } catch (error) {
              if (!(error instanceof AppError)) throw error;
              results.push({ id: submissionId, ok: false, error: error.code });
            }
          }
          return c.json({ results });
        },
      )
      .post(
        '/forms/:formId/proxy',
        validate('param', v.object({ formId: id })),
        validate('json', proxySchema),
        async (c) => {
          const form = await readableForm(
            c.get('db'),
            c.get('actor'),
            c.req.valid('param').formId,
            deps.now(),
          );
          ensureAllowed(
            c,
            { kind: 'submission.handle', departmentId: form.departmentId, formId: form.id },
            deps.now(),
          );
          // Counter entry uses the published form as residents see it, key included.
          const published = await loadPublishedForm(
            c.get('db'),
            form.id,
            form.accessKey ?? undefined,
          );
          const result = await submitApplication(
            c.get('db'),
            c.get('tenant'),
            published,
            {
              answers: c.req.valid('json').answers,
              locale: requestLocale(c.req.header('accept-language')),
            },
            {
              masterKey: deps.registry.settings.masterKey,
              now: deps.now(),
              proxyStaffId: c.get('staff').id,
              mail: mailContext(c),
            },
          );
          return c.json(
            {
              ...result,
              statusUrl: statusLinkUrl(
                deps.config.PUBLIC_ORIGIN,
                c.get('tenant').slug,
                result.accessToken,
              ),
            },
            201,
          );
        },
      )
      .get('/:id', validate('param', v.object({ id })), async (c) =>
        c.json(
          await submissionDetail(c.get('db'), c.get('actor'), c.req.valid('param').id, deps.now()),
        ),
      )
      .post(
        '/:id/actions',
        validate('param', v.object({ id })),
        validate('json', actionSchema),
        async (c) => {
          const body = c.req.valid('json');
          return c.json(
            await actOnSubmission(
              c.get('db'),
              c.get('actor'),
              c.req.valid('param').id,
              {
                action: body.action,
                ...(body.message !== undefined ? { message: body.message } : {}),
                ...(body.fieldsToFix !== undefined ? { fieldsToFix: body.fieldsToFix } : {}),
                ...(body.reason !== undefined ? { reason: body.reason } : {}),
                ...(body.expectedState !== undefined ? { expectedState: body.expectedState } : {}),
              },
              deps.now(),
              mailContext(c),
              providerName(c),
            ),
          );
        },
      )
      .post('/:id/refund', validate('param', v.object({ id })), async (c) =>
        c.json(
          await refundSubmissionPayment(
            c.get('db'),
            c.get('actor'),
            c.req.valid('param').id,
            (name) => paymentProviderFor(deps, c.get('tenant').slug, name),
            deps.now(),
          ),
        ),
      )
      .post(
        '/:id/notes',
        validate('param', v.object({ id })),
        validate('json', noteSchema),
        async (c) =>
          c.json(
            {
              note: await addNote(
                c.get('db'),
                c.get('actor'),
                c.req.valid('param').id,
                c.req.valid('json').body,
                deps.now(),
              ),
            },
            201,
          ),
      )
  );
}
