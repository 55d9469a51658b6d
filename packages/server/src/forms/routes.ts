import { type Context, Hono } from 'hono';
import { authorize } from '../auth/authorize';
import { ensureAllowed, requireStaff, type StaffVariables } from '../auth/middleware';
import type { AppDeps } from '../deps';
import { AppError } from '../http/errors';
import { requestLocale } from '../http/locale';
import { validate } from '../http/validate';
import { importTemplate, listCatalog, shareForm } from './catalog';
import type { FormsContext } from './context';
import {
  checkDraft,
  createDraft,
  duplicateDraft,
  exportDraft,
  importDraft,
  listForms,
  saveDraft,
  startingDefinition,
} from './drafts';
import {
  type PreviewRenderer,
  previewContentSecurityPolicy,
  previewDefinition,
} from './preview-port';
import { closeForm, getVersion, listVersions, publishForm, reopenForm } from './publishing';
import { type FormWithAccess, findForm } from './repo';
import {
  createFormSchema,
  duplicateSchema,
  idParam,
  importFormSchema,
  previewSchema,
  publishSchema,
  saveDraftSchema,
  templateImportSchema,
  templateParam,
  validateSchema,
  versionParam,
} from './schemas';
import { toView } from './views';

type StaffContext = Context<{ Variables: StaffVariables }>;

/** A header value naming a download: an ASCII fallback, and the real name as RFC 5987 UTF-8. */
function attachment(fallback: string, fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The form designer's API: drafts, publication with immutable versions, closing, copies,
 * JSON export and import, and the template catalog municipalities share. The tenant comes from
 * the session only, so another tenant's form ids are simply not found (404).
 */
export function formRoutes(deps: AppDeps, preview?: PreviewRenderer) {
  const staffOnly = requireStaff({
    registry: deps.registry,
    staffOrigin: deps.config.STAFF_ORIGIN,
    idleMs: deps.config.SESSION_IDLE_MINUTES * 60_000,
    now: deps.now,
  });
  const ctx = (c: StaffContext): FormsContext => ({
    db: c.get('db'),
    tenant: c.get('tenant'),
    actor: c.get('actor'),
    now: deps.now(),
    locale: requestLocale(c.req.header('accept-language')),
    publicOrigin: deps.config.PUBLIC_ORIGIN,
  });
  /**
   * The form of the URL once the actor may do `kind` with it. A form they may not even read is
   * not found, like another tenant's, so its existence does not leak; one they may read but not
   * change answers 403.
   */
  const formFor = async (
    c: StaffContext,
    id: string,
    kind: 'form.read' | 'form.design',
  ): Promise<FormWithAccess> => {
    const now = deps.now();
    const form = await findForm(c.get('db'), id);
    if (!form) throw new AppError('not_found');
    const names = { departmentId: form.departmentId, formId: form.id };
    if (!authorize(c.get('actor'), { kind: 'form.read', ...names }, now)) {
      throw new AppError('not_found');
    }
    ensureAllowed(c, { kind, ...names }, now);
    return form;
  };
  const ensureCreate = (c: StaffContext, departmentId: string) =>
    ensureAllowed(c, { kind: 'form.create', departmentId }, deps.now());
  // Ids only: definitions can hold a department's contact details, and stay out of logs.
  const logChange = (c: StaffContext, action: string, target: string) =>
    deps.logger.info('form_change', {
      requestId: c.get('requestId'),
      tenant: c.get('tenant').slug,
      staff: c.get('staff').id,
      action,
      target,
    });

  return (
    new Hono<{ Variables: StaffVariables }>()
      .use(staffOnly)
      // A list decides per form with the one authorisation function: no form, no entry.
      .get('/', async (c) => c.json({ forms: await listForms(ctx(c)) }, 200))
      .post('/', validate('json', createFormSchema), async (c) => {
        const { departmentId, definition } = c.req.valid('json');
        ensureCreate(c, departmentId);
        const form = await createDraft(ctx(c), departmentId, definition ?? startingDefinition);
        logChange(c, 'form.create', form.id);
        return c.json({ form }, 201);
      })
      .post('/import', validate('json', importFormSchema), async (c) => {
        const { departmentId, definition } = c.req.valid('json');
        ensureCreate(c, departmentId);
        const form = await importDraft(ctx(c), departmentId, definition);
        logChange(c, 'form.import', form.id);
        return c.json({ form }, 201);
      })
      .get('/catalog', async (c) => {
        // The catalog is where new forms start: open to whoever may create a form somewhere.
        const actor = c.get('actor');
        const now = deps.now();
        const creator = actor.grants.find((grant) =>
          authorize(actor, { kind: 'form.create', departmentId: grant.departmentId }, now),
        );
        if (!creator) throw new AppError('forbidden');
        return c.json({ templates: await listCatalog(deps.registry.control) }, 200);
      })
      .post(
        '/catalog/:templateId/import',
        validate('param', templateParam),
        validate('json', templateImportSchema),
        async (c) => {
          const { departmentId } = c.req.valid('json');
          ensureCreate(c, departmentId);
          const { templateId } = c.req.valid('param');
          const form = await importTemplate(
            ctx(c),
            deps.registry.control,
            templateId,
            departmentId,
          );
          logChange(c, 'form.import_template', form.id);
          return c.json({ form }, 201);
        },
      )
      .get('/:id', validate('param', idParam), async (c) => {
        const form = await formFor(c, c.req.valid('param').id, 'form.read');
        return c.json({ form: await toView(ctx(c), form) }, 200);
      })
      .put(
        '/:id/draft',
        validate('param', idParam),
        validate('json', saveDraftSchema),
        async (c) => {
          const form = await formFor(c, c.req.valid('param').id, 'form.design');
          const { definition, updatedAt } = c.req.valid('json');
          const saved = await saveDraft(ctx(c), form, definition, updatedAt);
          logChange(c, 'form.save_draft', form.id);
          return c.json({ form: saved }, 200);
        },
      )
      .post(
        '/:id/validate',
        validate('param', idParam),
        validate('json', validateSchema),
        async (c) => {
          const form = await formFor(c, c.req.valid('param').id, 'form.design');
          const { definition } = c.req.valid('json');
          return c.json(checkDraft(ctx(c), definition ?? form.draft), 200);
        },
      )
      .post(
        '/:id/preview',
        validate('param', idParam),
        validate('json', previewSchema),
        async (c) => {
          await formFor(c, c.req.valid('param').id, 'form.design');
          const { definition, page, locale } = c.req.valid('json');
          if (!preview) throw new AppError('not_found');
          const html = preview.render(
            previewDefinition(definition),
            page,
            locale,
            ctx(c).tenant.name,
            new Date(deps.now()).toISOString().slice(0, 10),
          );
          c.header('Content-Security-Policy', previewContentSecurityPolicy);
          c.header('Cache-Control', 'no-store');
          return c.html(html, 200);
        },
      )
      .post(
        '/:id/publish',
        validate('param', idParam),
        validate('json', publishSchema),
        async (c) => {
          const form = await formFor(c, c.req.valid('param').id, 'form.design');
          const published = await publishForm(ctx(c), form, c.req.valid('json').updatedAt);
          logChange(c, 'form.publish', form.id);
          return c.json({ form: published }, 200);
        },
      )
      .post('/:id/close', validate('param', idParam), async (c) => {
        const form = await formFor(c, c.req.valid('param').id, 'form.design');
        const closed = await closeForm(ctx(c), form);
        logChange(c, 'form.close', form.id);
        return c.json({ form: closed }, 200);
      })
      .post('/:id/reopen', validate('param', idParam), async (c) => {
        const form = await formFor(c, c.req.valid('param').id, 'form.design');
        const reopened = await reopenForm(ctx(c), form);
        logChange(c, 'form.reopen', form.id);
        return c.json({ form: reopened }, 200);
      })
      .post(
        '/:id/duplicate',
        validate('param', idParam),
        validate('json', duplicateSchema),
        async (c) => {
          const source = await formFor(c, c.req.valid('param').id, 'form.design');
          const departmentId = c.req.valid('json').departmentId ?? source.departmentId;
          ensureCreate(c, departmentId);
          const form = await duplicateDraft(ctx(c), source, departmentId);
          logChange(c, 'form.duplicate', form.id);
          return c.json({ form }, 201);
        },
      )
      .get('/:id/export', validate('param', idParam), async (c) => {
        const form = await formFor(c, c.req.valid('param').id, 'form.read');
        const { fileName, json } = exportDraft(form);
        c.header('Content-Type', 'application/json; charset=utf-8');
        c.header('Content-Disposition', attachment(`${form.id}.json`, fileName));
        return c.body(json, 200);
      })
      .get('/:id/versions', validate('param', idParam), async (c) => {
        const form = await formFor(c, c.req.valid('param').id, 'form.read');
        return c.json({ versions: await listVersions(ctx(c), form) }, 200);
      })
      .get('/:id/versions/:version', validate('param', versionParam), async (c) => {
        const { id, version } = c.req.valid('param');
        const form = await formFor(c, id, 'form.read');
        return c.json({ version: await getVersion(ctx(c), form, version) }, 200);
      })
      .post('/:id/share', validate('param', idParam), async (c) => {
        const form = await formFor(c, c.req.valid('param').id, 'form.design');
        const template = await shareForm(ctx(c), deps.registry.control, form);
        logChange(c, 'form.share', form.id);
        return c.json({ template }, 201);
      })
  );
}
