import type { Operation } from '../openapi';

/** The staff API's operations on the audit log, for the OpenAPI document. */
export const auditOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/audit',
    tag: 'audit',
    access: 'admin',
    summary:
      'Audit log, newest first: filters (from, to, actorId, action, targetId), limit (≤ 500), beforeSeq paging',
  },
  {
    method: 'get',
    path: '/api/audit/verify',
    tag: 'audit',
    access: 'admin',
    summary: 'Check the hash chain; the first broken entry (gap, prev_mismatch, hash_mismatch)',
  },
  {
    method: 'get',
    path: '/api/audit/export.csv',
    tag: 'audit',
    access: 'admin',
    summary: 'The whole audit log as CSV (UTF-8 with BOM), oldest first, with hashes',
  },
];
