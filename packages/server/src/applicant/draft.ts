import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { RawAnswers } from '@madoguchi/applicant-ui';
import * as v from 'valibot';
import { type CardVerification, cardVerificationSchema } from '../card-auth/prefill';
import { deriveDatabaseKey } from '../db/keys';
import { AppError } from '../http/errors';
import { PageProblem } from './page-problem';

/**
 * What a resident has typed so far and where they are, carried from page to page inside the
 * page itself (a hidden input), sealed so that only this server can read or change it. See
 * docs/adr/0010-resident-pages.md for why it is not kept on the server.
 */
export interface Draft {
  mode: 'apply' | 'correct';
  formId: string;
  version: number;
  /** A page id, `verify_email`, `verify_code` or `confirm`. */
  step: string;
  answers: RawAnswers;
  /** Came to a page from the confirmation page: continuing goes back there. */
  reviewing?: boolean;
  /** A correction: the application and the revision it corrects. */
  submissionId?: string;
  baseRevision?: number;
  /** A correction: the pages holding the fields staff asked to fix, and those fields. */
  pages?: string[];
  fix?: string[];
  /** Email verification before filling: the address, the pending code, the proof. */
  email?: { address: string; verificationId?: string; token?: string };
  /** My Number card authentication before filling: the verified values lock their fields. */
  card?: CardVerification;
  savedAt: number;
}

const draftSchema = v.object({
  mode: v.picklist(['apply', 'correct']),
  formId: v.string(),
  version: v.number(),
  step: v.string(),
  answers: v.record(v.string(), v.unknown()),
  reviewing: v.optional(v.boolean()),
  submissionId: v.optional(v.string()),
  baseRevision: v.optional(v.number()),
  pages: v.optional(v.array(v.string())),
  fix: v.optional(v.array(v.string())),
  email: v.optional(
    v.object({
      address: v.string(),
      verificationId: v.optional(v.string()),
      token: v.optional(v.string()),
    }),
  ),
  card: v.optional(cardVerificationSchema),
  savedAt: v.number(),
});

/** How long an untouched draft can be continued. */
export const draftLifetimeMs = 24 * 60 * 60_000;

const ivLength = 12;
const tagLength = 16;
const prefix = 'd1.';
const keys = new WeakMap<Buffer, Map<string, Buffer>>();

function draftKey(masterKey: Buffer, slug: string): Buffer {
  let perTenant = keys.get(masterKey);
  if (!perTenant) {
    perTenant = new Map();
    keys.set(masterKey, perTenant);
  }
  let key = perTenant.get(slug);
  if (!key) {
    key = Buffer.from(deriveDatabaseKey(masterKey, `resident-draft:${slug}`), 'hex');
    perTenant.set(slug, key);
  }
  return key;
}

/** What a sealed draft is bound to: one tenant, and one form (or one application's correction). */
export interface DraftBinding {
  masterKey: Buffer;
  slug: string;
  /** `form:<id>` or `correct:<submission id>`. */
  scope: string;
}

/**
 * Seals a draft with AES-256-GCM under a per-tenant key; the tenant and the form (or the
 * application) are authenticated with it, so a draft opens only where it was made.
 */
export function sealDraft(draft: Draft, binding: DraftBinding): string {
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', draftKey(binding.masterKey, binding.slug), iv);
  cipher.setAAD(Buffer.from(`${binding.slug}\n${binding.scope}`));
  const body = Buffer.concat([cipher.update(JSON.stringify(draft), 'utf8'), cipher.final()]);
  return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

const unreadable = new AppError('bad_request');

/**
 * Opens a sealed draft. Anything altered, forged or made for another form or tenant is a 400;
 * a draft untouched for a day is a 410, and the resident starts again.
 */
export function openDraft(sealed: string | undefined, binding: DraftBinding, now: number): Draft {
  if (!sealed?.startsWith(prefix) || sealed.length > 4 * 1024 * 1024) throw unreadable;
  const bytes = Buffer.from(sealed.slice(prefix.length), 'base64url');
  if (bytes.length < ivLength + tagLength) throw unreadable;
  let json: unknown;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      draftKey(binding.masterKey, binding.slug),
      bytes.subarray(0, ivLength),
    );
    decipher.setAAD(Buffer.from(`${binding.slug}\n${binding.scope}`));
    decipher.setAuthTag(bytes.subarray(ivLength, ivLength + tagLength));
    json = JSON.parse(
      Buffer.concat([
        decipher.update(bytes.subarray(ivLength + tagLength)),
        decipher.final(),
      ]).toString('utf8'),
    );
  } catch {
    throw unreadable;
  }
  const parsed = v.safeParse(draftSchema, json);
  if (!parsed.success) throw unreadable;
  if (parsed.output.savedAt + draftLifetimeMs < now) throw new PageProblem('gone', 'draft_expired');
  return parsed.output;
}
