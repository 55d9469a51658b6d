import { paymentStates, submissionStates } from '@madoguchi/shared';
import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import { appendAudit } from '../audit/service';
import { authorize } from '../auth/authorize';
import { ensureAllowed, requireStaff, type StaffVariables } from '../auth/middleware';
import { forms } from '../db/tenant-schema';
import type { AppDeps } from '../deps';
import { localFileStorage } from '../files/storage';
import { AppError } from '../http/errors';
import { validate } from '../http/validate';
import type { Operation } from '../openapi';
import { attachmentEntries } from './attachments';
import { type ExportOptions, exportColumns, mergeVersions } from './columns';
import { csvShiftJisStream, csvUtf8Stream } from './csv';
import {
  type ExportFilters,
  publishedDefinitions,
  shiftJisReport,
  streamSubmissions,
  tableRows,
} from './service';
import { xlsxStream } from './xlsx';
import { zipStream } from './zip';

type StaffContext = Context<{ Variables: StaffVariables }>;

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
// The inbox's filters, so a download holds what the inbox showed. Strict: a misspelt filter
// must fail, not quietly download every application.
const filterEntries = {
  states: list(submissionStates),
  payment: list(paymentStates),
  from: time,
  to: time,
  q: v.optional(v.pipe(v.string(), v.maxLength(100))),
};
const formParam = v.object({ formId: v.pipe(v.string(), v.maxLength(64)) });

/** Query of the CSV download: the filters and the encoding. */
export const csvQuerySchema = v.strictObject({
  ...filterEntries,
  encoding: v.optional(v.picklist(['utf8', 'sjis']), 'utf8'),
});
/** Query of the Excel download: the filters and where repeatable groups go. */
export const xlsxQuerySchema = v.strictObject({
  ...filterEntries,
  groups: v.optional(v.picklist(['flatten', 'sheet']), 'flatten'),
});
/** Query of the Shift_JIS report: the filters of the download it describes. */
export const reportQuerySchema = v.strictObject(filterEntries);

// Enough to act on; a form with more has a systematic problem (emoji in a free-text question),
// and the total says so.
const reportLimit = 1000;

/**
 * Downloads of a form's applications for the ward's own systems (CSV, Excel), and the list of
 * characters a Shift_JIS file would replace. The form is looked up in the session's tenant
 * only, so another tenant's form is not found; My Number columns come only with that grant.
 */
export function exportRoutes(deps: AppDeps) {
  const staffOnly = requireStaff({
    registry: deps.registry,
    staffOrigin: deps.config.STAFF_ORIGIN,
    idleMs: deps.config.SESSION_IDLE_MINUTES * 60_000,
    now: deps.now,
  });

  const plan = async (
    c: StaffContext,
    formId: string,
    filters: ExportFilters,
    groupMode: ExportOptions['groupMode'],
  ) => {
    const now = deps.now();
    const db = c.get('db');
    const form = await db.query.forms.findFirst({ where: eq(forms.id, formId) });
    const target = form && { departmentId: form.departmentId, formId: form.id };
    // A form the account may not even read does not exist for it (as in the inbox): 404, not
    // 403, so a limited account cannot learn which form ids are real.
    if (!form || !target || !authorize(c.get('actor'), { kind: 'submission.read', ...target }, now))
      throw new AppError('not_found');
    ensureAllowed(c, { kind: 'submission.export', ...target }, now);
    const includeMyNumber = authorize(
      c.get('actor'),
      { kind: 'submission.read_my_number', ...target },
      now,
    );
    const definitions = await publishedDefinitions(db, form.id);
    return {
      db,
      formId: form.id,
      includeMyNumber,
      title: definitions[0]?.title.ja ?? form.title,
      layout: exportColumns(mergeVersions(definitions), { includeMyNumber, groupMode }),
      // Applications that arrive while a long download runs belong to the next download.
      filters: { ...filters, to: Math.min(filters.to ?? now + 1, now + 1) },
    };
  };
  type Plan = Awaited<ReturnType<typeof plan>>;

  // Recorded before anything is sent: a download that cannot be recorded is not served.
  const record = (c: StaffContext, p: Plan, action: string, details: Record<string, unknown>) =>
    appendAudit(
      c.get('db'),
      {
        actorType: 'staff',
        actorId: c.get('staff').id,
        action,
        targetType: 'form',
        targetId: p.formId,
        ip: deps.remoteAddress(c),
        // The search text can be a resident's name, and the log holds ids and codes only.
        details: {
          ...details,
          myNumber: p.includeMyNumber,
          states: p.filters.states ?? null,
          payment: p.filters.payment ?? null,
          from: p.filters.from ?? null,
          to: p.filters.to,
          search: p.filters.q !== undefined,
        },
      },
      deps.now(),
    );

  return new Hono<{ Variables: StaffVariables }>()
    .use(staffOnly)
    .get(
      '/forms/:formId/submissions.csv',
      validate('param', formParam),
      validate('query', csvQuerySchema),
      async (c) => {
        const { encoding, ...filters } = c.req.valid('query');
        const p = await plan(c, c.req.valid('param').formId, filters, 'flatten');
        await record(c, p, 'export.download', { format: 'csv', encoding });
        const rows = tableRows(p.layout.columns, streamSubmissions(p.db, p.formId, p.filters));
        const name = attachment(p.title, 'csv', deps.now());
        if (encoding === 'utf8')
          return download(c, csvUtf8Stream(rows), 'text/csv; charset=utf-8', name);
        let replaced = 0;
        const bytes = csvShiftJisStream(rows, () => {
          replaced++;
        });
        // Counts only: the characters themselves may be part of a name.
        const logged = afterLast(bytes, () => {
          if (replaced > 0)
            deps.logger.info('export_replaced_characters', {
              requestId: c.get('requestId'),
              tenant: c.get('tenant').slug,
              form: p.formId,
              count: replaced,
            });
        });
        return download(c, logged, 'text/csv; charset=Shift_JIS', name);
      },
    )
    .get(
      '/forms/:formId/submissions.xlsx',
      validate('param', formParam),
      validate('query', xlsxQuerySchema),
      async (c) => {
        const { groups, ...filters } = c.req.valid('query');
        const p = await plan(c, c.req.valid('param').formId, filters, groups);
        await record(c, p, 'export.download', { format: 'xlsx', groups });
        const bytes = xlsxStream(p.layout, () => streamSubmissions(p.db, p.formId, p.filters));
        return download(
          c,
          bytes,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          attachment(p.title, 'xlsx', deps.now()),
        );
      },
    )
    .get(
      '/forms/:formId/attachments.zip',
      validate('param', formParam),
      validate('query', reportQuerySchema),
      async (c) => {
        const p = await plan(c, c.req.valid('param').formId, c.req.valid('query'), 'flatten');
        await record(c, p, 'export.attachments', {});
        const storage = localFileStorage({
          dataDir: deps.config.DATA_DIR,
          masterKey: deps.registry.settings.masterKey,
        });
        const entries = attachmentEntries(p.db, storage, c.get('tenant').slug, p.formId, p.filters);
        return download(
          c,
          zipStream(entries),
          'application/zip',
          attachment(p.title, 'zip', deps.now()),
        );
      },
    )
    .get(
      '/forms/:formId/shift-jis-report',
      validate('param', formParam),
      validate('query', reportQuerySchema),
      async (c) => {
        const p = await plan(c, c.req.valid('param').formId, c.req.valid('query'), 'flatten');
        await record(c, p, 'export.shift_jis_report', {});
        const items = streamSubmissions(p.db, p.formId, p.filters);
        const report = await shiftJisReport(p.layout.columns, items, reportLimit);
        return c.json({ ...report, truncated: report.total > report.problems.length }, 200);
      },
    );
}

/** The export API's operations, for the OpenAPI document (mounted at /api/exports). */
export const exportOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/exports/forms/:formId/submissions.csv',
    tag: 'exports',
    access: 'staff',
    summary:
      'Applications as CSV: encoding utf8 (BOM) or sjis (CP932, 〓 for what it lacks); filters states, payment, from, to, q',
  },
  {
    method: 'get',
    path: '/api/exports/forms/:formId/submissions.xlsx',
    tag: 'exports',
    access: 'staff',
    summary:
      'Applications as Excel: groups flatten (columns) or sheet (one sheet per repeatable group); same filters',
  },
  {
    method: 'get',
    path: '/api/exports/forms/:formId/attachments.zip',
    tag: 'exports',
    access: 'staff',
    summary:
      'The attachments of the filtered applications as one zip: <reference number>/<field>_<file name>',
  },
  {
    method: 'get',
    path: '/api/exports/forms/:formId/shift-jis-report',
    tag: 'exports',
    access: 'staff',
    summary:
      'Every character a Shift_JIS download would replace with 〓: application, column, character',
  },
];

/**
 * Answers with a streamed file. The first chunk is read before answering, so a failure at the
 * start still gets a proper error response. A failure later errors the body rather than ending
 * it: the browser then reports a failed download instead of saving a cut-off file that looks
 * complete (hono's `stream` helper would close it normally, hence a plain ReadableStream).
 */
async function download(
  c: StaffContext,
  chunks: AsyncIterable<Uint8Array>,
  type: string,
  disposition: string,
): Promise<Response> {
  const iterator = chunks[Symbol.asyncIterator]();
  let first: IteratorResult<Uint8Array> | undefined = await iterator.next();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = first ?? (await iterator.next());
      first = undefined;
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    // The client went away: stop reading the database.
    async cancel() {
      await iterator.return?.();
    },
  });
  return c.body(body, 200, {
    'Content-Type': type,
    'Content-Disposition': disposition,
    'Cache-Control': 'no-store',
  });
}

async function* afterLast(
  chunks: AsyncIterable<Uint8Array>,
  done: () => void,
): AsyncGenerator<Uint8Array> {
  yield* chunks;
  done();
}

/**
 * Content-Disposition for <form title>_<date in Japan>.<ext> (RFC 6266): an ASCII name for old
 * clients, then the real one percent-encoded as UTF-8, without the characters Windows refuses
 * in file names. RFC 5987 leaves ' ( ) * out of the characters that may stay as they are.
 */
function attachment(title: string, extension: string, now: number): string {
  const date = new Date(now + 9 * 60 * 60 * 1000).toISOString().slice(0, 10).replaceAll('-', '');
  // By code point, so a cut never splits a surrogate pair (encodeURIComponent throws on one).
  const safe = [...title.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim()].slice(0, 80).join('');
  const encoded = encodeURIComponent(`${safe || 'submissions'}_${date}.${extension}`).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="submissions_${date}.${extension}"; filename*=UTF-8''${encoded}`;
}
