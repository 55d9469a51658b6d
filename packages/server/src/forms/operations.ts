import type { Operation } from '../openapi';
import {
  createFormSchema,
  duplicateSchema,
  importFormSchema,
  previewSchema,
  publishSchema,
  saveDraftSchema,
  templateImportSchema,
  validateSchema,
} from './schemas';

const form = (
  method: Operation['method'],
  path: string,
  summary: string,
  body?: Operation['body'],
): Operation => ({
  method,
  path: `/api/forms${path}`,
  tag: 'forms',
  access: 'staff',
  summary,
  ...(body ? { body } : {}),
});

/** The staff API's operations on forms and the template catalog, for the OpenAPI document. */
export const formOperations: Operation[] = [
  form('get', '', 'Forms the signed-in person may read'),
  form('post', '', 'Create a draft, from a definition or a minimal one', createFormSchema),
  form('post', '/import', 'Import a definition file as a new draft', importFormSchema),
  form('get', '/catalog', 'Templates shared between municipalities'),
  form(
    'post',
    '/catalog/:templateId/import',
    'A new draft from a shared template',
    templateImportSchema,
  ),
  form('get', '/:id', 'A form: draft, its problems, versions, council review, personal data'),
  form('put', '/:id/draft', 'Save the draft (send the updatedAt you read)', saveDraftSchema),
  form('post', '/:id/validate', 'Check a definition (the draft by default)', validateSchema),
  form(
    'post',
    '/:id/preview',
    'One page of a draft as residents see it (HTML, nothing stored)',
    previewSchema,
  ),
  form('post', '/:id/publish', 'Publish the draft as the next version', publishSchema),
  form('post', '/:id/close', 'Stop accepting applications'),
  form('post', '/:id/reopen', 'Accept applications again'),
  form('post', '/:id/duplicate', 'Copy the draft as a new form', duplicateSchema),
  form('get', '/:id/export', 'Download the draft as a JSON file'),
  form('get', '/:id/versions', 'Published versions'),
  form('get', '/:id/versions/:version', 'One published version, as published'),
  form('post', '/:id/share', 'Share the published version in the template catalog'),
  {
    method: 'get',
    path: '/api/preview/resident.css',
    tag: 'forms',
    access: 'public',
    summary: "The resident pages' stylesheet, for the builder's preview",
  },
];
