import type { InferResponseType } from 'hono/client';
import type { api } from './client';

// Response shapes, inferred from the server's routes through the typed client: never written
// by hand, so a server change that breaks the console breaks its typecheck.

/** The signed-in person, their tenant and grants. */
export type Session = InferResponseType<typeof api.auth.session.$get, 200>;
/** One form as lists show it. */
export type FormSummary = InferResponseType<typeof api.forms.$get, 200>['forms'][number];
/** One page of an inbox (one form or all). */
export type InboxPage = InferResponseType<typeof api.submissions.$get, 200>;
/** One application in an inbox. */
export type InboxItem = InferResponseType<
  (typeof api.submissions.forms)[':formId']['$get'],
  200
>['items'][number];
/** An application in full. */
export type SubmissionDetail = InferResponseType<(typeof api.submissions)[':id']['$get'], 200>;
/** A staff account as the admin sees it. */
export type StaffMember = InferResponseType<typeof api.admin.staff.$get, 200>['staff'][number];
/** A department. */
export type Department = InferResponseType<
  typeof api.admin.departments.$get,
  200
>['departments'][number];
/** One page of the audit log. */
export type AuditPage = InferResponseType<typeof api.audit.$get, 200>;
/** What a one-time link is for, with a TOTP secret to enrol. */
export type InviteInfo = InferResponseType<typeof api.invites.inspect.$post, 200>;
