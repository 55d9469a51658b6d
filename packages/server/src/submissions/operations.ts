import type { Operation } from '../openapi';
import { actionSchema, bulkAcceptSchema, noteSchema, proxySchema } from './routes';

/** The staff API's operations on applications, for the OpenAPI document. */
export const submissionOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/submissions',
    tag: 'submissions',
    access: 'staff',
    summary:
      'Inbox across every form the signed-in person may read: the same filters, counts and paging, with each form id and title',
  },
  {
    method: 'get',
    path: '/api/submissions/forms/:formId',
    tag: 'submissions',
    access: 'staff',
    summary: 'Inbox of a form: filters (states, payment, from, to, q), counts per state, paging',
  },
  {
    method: 'post',
    path: '/api/submissions/forms/:formId/bulk-accept',
    tag: 'submissions',
    access: 'staff',
    summary: 'Accept several applications; a result per id',
    body: bulkAcceptSchema,
  },
  {
    method: 'post',
    path: '/api/submissions/forms/:formId/proxy',
    tag: 'submissions',
    access: 'staff',
    summary: 'Enter an application at the counter on a resident’s behalf (代理入力)',
    body: proxySchema,
  },
  {
    method: 'get',
    path: '/api/submissions/:id',
    tag: 'submissions',
    access: 'staff',
    summary:
      'An application with every revision, its history and notes (My Number masked without the grant)',
  },
  {
    method: 'post',
    path: '/api/submissions/:id/actions',
    tag: 'submissions',
    access: 'staff',
    summary: 'Start review, return for correction, accept, complete or reject',
    body: actionSchema,
  },
  {
    method: 'post',
    path: '/api/submissions/:id/refund',
    tag: 'submissions',
    access: 'staff',
    summary: "Refund the application's payment in full (audited)",
  },
  {
    method: 'post',
    path: '/api/submissions/:id/notes',
    tag: 'submissions',
    access: 'staff',
    summary: 'Add an internal note (対応記録)',
    body: noteSchema,
  },
];
