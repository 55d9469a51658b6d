import type { Operation } from '../openapi';

/** The staff API's operations on attachments, for the OpenAPI document. */
export const fileOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/submissions/:submissionId/attachments/:attachmentId',
    tag: 'submissions',
    access: 'staff',
    summary:
      'Download an attachment of an application (its sniffed type, as a download, never rendered)',
  },
];
