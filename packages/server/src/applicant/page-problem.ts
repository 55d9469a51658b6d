import type { ProblemKind } from '@madoguchi/applicant-ui';
import { AppError, type ErrorCode } from '../http/errors';

/**
 * An error of the resident pages that says which page to show, where the code alone is too
 * coarse (a used-up link and an expired draft are both 410).
 */
export class PageProblem extends AppError {
  constructor(
    code: ErrorCode,
    readonly kind: ProblemKind,
  ) {
    super(code);
  }
}

/** The problem page for an error code of the API's table, so pages and API agree on statuses. */
export function problemKindOf(error: AppError): ProblemKind {
  if (error instanceof PageProblem) return error.kind;
  const kinds: Partial<Record<ErrorCode, ProblemKind>> = {
    not_found: 'not_found',
    unauthenticated: 'no_link',
    csrf_rejected: 'csrf',
    forbidden: 'csrf',
    form_not_open: 'not_open',
    form_closed: 'closed',
    form_full: 'full',
    slot_full: 'full',
    already_applied: 'already_applied',
    conflict: 'conflict',
    gone: 'code_expired',
    payload_too_large: 'too_large',
    unsupported_media_type: 'unsupported',
    too_many_requests: 'too_many',
    bad_request: 'bad_request',
    validation_failed: 'bad_request',
    internal: 'internal',
    provider_unavailable: 'provider_unavailable',
  };
  return kinds[error.code] ?? 'bad_request';
}
