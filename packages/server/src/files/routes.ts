import { fileTypes } from '@madoguchi/shared';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import type { ResidentVariables } from '../applicant/routes';
import { appendAudit } from '../audit/service';
import { requireStaff, type StaffVariables } from '../auth/middleware';
import type { AppDeps } from '../deps';
import { AppError } from '../http/errors';
import { validate } from '../http/validate';
import { loadPublishedForm } from '../submissions/forms';
import { readAttachment, saveUpload } from './service';
import { type FileStorage, localFileStorage } from './storage';
import { ensureUploadAllowed } from './upload-limit';

// The largest field limit is 50 MB of file; the multipart envelope around it needs a little more.
const maxUploadBodyBytes = 50 * 1024 * 1024 + 64 * 1024;

/**
 * The path of the upload route as the public app serves it (under /t), for the app-wide body
 * limit to leave to the route's own larger one.
 */
export const uploadPathPattern = /^\/t\/[^/]+\/api\/forms\/[^/]+\/attachments$/;

const id = v.pipe(v.string(), v.maxLength(64));
const uploadParams = v.strictObject({ slug: v.pipe(v.string(), v.maxLength(64)), formId: id });
const uploadQuery = v.object({
  field: id,
  key: v.optional(v.pipe(v.string(), v.maxLength(100))),
});
const downloadParams = v.strictObject({ submissionId: id, attachmentId: id });

/** The storage of the data folder, keyed from the master key: the default for both routes. */
function defaultStorage(deps: AppDeps): FileStorage {
  return localFileStorage({
    dataDir: deps.config.DATA_DIR,
    masterKey: deps.registry.settings.masterKey,
  });
}

/**
 * RFC 6266 `Content-Disposition` for a download: a plain ASCII name for old clients, and the
 * real (often Japanese) name percent-encoded in UTF-8 for every browser in use.
 */
function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Uploads by residents on the public listener: `POST /{tenant}/api/forms/{formId}/attachments
 * ?field=…&key=…` with one multipart `file` part, answering the reference the file answer will
 * carry. The tenant comes from the URL; the route has its own body limit, larger than the
 * app-wide one, which must therefore leave this path alone (see `uploadPathPattern`).
 */
export function residentFileRoutes(deps: AppDeps, storage: FileStorage = defaultStorage(deps)) {
  const limitUploads: MiddlewareHandler<{ Variables: ResidentVariables }> = async (c, next) => {
    ensureUploadAllowed(deps, c, c.get('tenant').slug);
    await next();
  };
  const tenantFromUrl: MiddlewareHandler<{ Variables: ResidentVariables }> = async (c, next) => {
    const resolved = await deps.registry.resolve(c.req.param('slug') ?? '');
    if (!resolved) throw new AppError('not_found');
    c.set('tenant', resolved.tenant);
    c.set('db', resolved.db);
    c.set('tenantSlug', resolved.tenant.slug);
    c.header('Cache-Control', 'no-store');
    await next();
  };
  return new Hono<{ Variables: ResidentVariables }>().post(
    '/:slug/api/forms/:formId/attachments',
    validate('param', uploadParams),
    validate('query', uploadQuery),
    tenantFromUrl,
    limitUploads,
    // After the tenant check, so a request for nobody is refused before its body is read.
    bodyLimit({
      maxSize: maxUploadBodyBytes,
      onError: () => {
        throw new AppError('payload_too_large', {
          ja: 'ファイルは 50 MB までです',
          en: 'Files can be at most 50 MB',
        });
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const published = await loadPublishedForm(
        c.get('db'),
        c.req.valid('param').formId,
        query.key,
      );
      if (!c.req.header('content-type')?.toLowerCase().startsWith('multipart/form-data'))
        throw new AppError('unsupported_media_type', {
          ja: 'ファイルは multipart/form-data で送信してください',
          en: 'Send the file as multipart/form-data',
        });
      const body = await c.req.parseBody({ all: true }).catch(() => {
        throw new AppError('bad_request');
      });
      const file = body.file;
      if (!(file instanceof File))
        throw new AppError('validation_failed', undefined, [
          { path: 'file', message: 'send exactly one file in a part named file' },
        ]);
      const reference = await saveUpload(c.get('db'), storage, {
        tenantSlug: c.get('tenant').slug,
        form: published,
        fieldId: query.field,
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
        now: deps.now(),
      });
      return c.json(reference, 201);
    },
  );
}

/**
 * Downloads for staff on the staff listener, meant under /api/submissions: an application's
 * attachment for staff who may read the application, as a download that no browser renders or
 * runs as the console's own page.
 */
export function staffFileRoutes(deps: AppDeps, storage: FileStorage = defaultStorage(deps)) {
  // On the route, not with use(): mounted beside the submission routes, a use() here would run
  // for every one of theirs too.
  const staffOnly = requireStaff({
    registry: deps.registry,
    staffOrigin: deps.config.STAFF_ORIGIN,
    idleMs: deps.config.SESSION_IDLE_MINUTES * 60_000,
    now: deps.now,
  });
  return new Hono<{ Variables: StaffVariables }>().get(
    '/:submissionId/attachments/:attachmentId',
    staffOnly,
    validate('param', downloadParams),
    async (c) => {
      const { submissionId, attachmentId } = c.req.valid('param');
      const { attachment, bytes } = await readAttachment(
        c.get('db'),
        storage,
        c.get('tenant').slug,
        {
          actor: c.get('actor'),
          submissionId,
          attachmentId,
          now: deps.now(),
        },
      );
      await appendAudit(
        c.get('db'),
        {
          actorType: 'staff',
          actorId: c.get('staff').id,
          action: 'attachment.download',
          targetType: 'submission',
          targetId: submissionId,
          details: { attachmentId },
          ...(deps.remoteAddress(c) ? { ip: deps.remoteAddress(c) } : {}),
        },
        deps.now(),
      );
      // The stored type came from the sniffer; anything else is served as opaque bytes.
      const type = Object.hasOwn(fileTypes, attachment.type)
        ? attachment.type
        : 'application/octet-stream';
      return c.body(bytes, 200, {
        'Content-Type': type,
        'Content-Length': String(bytes.length),
        'Content-Disposition': attachmentDisposition(attachment.name),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
        // Should a browser render it anyway: no script, an opaque origin, no loads, no framing.
        'Content-Security-Policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
      });
    },
  );
}
