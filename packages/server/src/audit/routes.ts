import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { stream } from 'hono/streaming';
import * as v from 'valibot';
import { ensureAllowed, requireStaff, type StaffVariables } from '../auth/middleware';
import type { AppDeps } from '../deps';
import { validate } from '../http/validate';
import { auditCsvHeader, auditCsvRow, csvBom, csvRow, jstTimestamp } from './csv';
import { appendAudit, auditPages, listAudit, maxListLimit, verifyChain } from './service';

type StaffContext = Context<{ Variables: StaffVariables }>;

const time = v.optional(
  v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'a time in ms since the epoch'), v.transform(Number)),
);
const text = v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100)));
const auditQuerySchema = v.strictObject({
  from: time,
  to: time,
  actorId: text,
  action: text,
  targetId: text,
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(maxListLimit),
    ),
    '100',
  ),
  beforeSeq: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number), v.minValue(1)),
  ),
});

/**
 * The tenant admin's view of the audit log: list, chain check, CSV export. The log read is the
 * signed-in admin's own tenant's, from the session; each look at it is itself recorded.
 */
export function auditRoutes(deps: AppDeps) {
  const staffOnly = requireStaff({
    registry: deps.registry,
    staffOrigin: deps.config.STAFF_ORIGIN,
    idleMs: deps.config.SESSION_IDLE_MINUTES * 60_000,
    now: deps.now,
  });
  // Applied to every route below with `use`, so no audit route can be added without it.
  const adminOnly: MiddlewareHandler<{ Variables: StaffVariables }> = async (c, next) => {
    ensureAllowed(c, { kind: 'tenant.administer' }, deps.now());
    await next();
  };
  const recordAccess = (c: StaffContext, action: string, details?: Record<string, unknown>) =>
    appendAudit(
      c.get('db'),
      {
        actorType: 'staff',
        actorId: c.get('staff').id,
        action,
        ip: deps.remoteAddress(c),
        details,
      },
      deps.now(),
    );

  return new Hono<{ Variables: StaffVariables }>()
    .use(staffOnly, adminOnly)
    .get('/', validate('query', auditQuerySchema), async (c) => {
      const filters = c.req.valid('query');
      // Recorded before answering: a read that cannot be recorded is not served.
      await recordAccess(c, 'audit.read', filters);
      return c.json(await listAudit(c.get('db'), filters), 200);
    })
    .get('/verify', async (c) => {
      const check = await verifyChain(c.get('db'));
      await recordAccess(c, 'audit.verify', check);
      return c.json(check, 200);
    })
    .get('/export.csv', async (c) => {
      const db = c.get('db');
      const date = jstTimestamp(deps.now()).slice(0, 10);
      await recordAccess(c, 'audit.export');
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header(
        'Content-Disposition',
        `attachment; filename="audit-${c.get('tenant').slug}-${date}.csv"`,
      );
      c.header('Cache-Control', 'no-store');
      return stream(
        c,
        async (out) => {
          await out.write(csvBom + auditCsvHeader);
          for await (const page of auditPages(db)) await out.write(page.map(auditCsvRow).join(''));
        },
        async (error, out) => {
          deps.logger.error('audit_export_failed', {
            requestId: c.get('requestId'),
            tenant: c.get('tenant').slug,
            message: error.message,
          });
          // The status has gone out already; a last line keeps a cut-off file from passing as whole.
          await out.write(csvRow(['# エクスポートが途中で失敗しました / export incomplete']));
        },
      );
    });
}
