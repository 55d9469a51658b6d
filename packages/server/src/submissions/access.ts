import { createHmac } from 'node:crypto';
import { hashSecret, randomString, secretMatches } from '../auth/crypto/index';
import { idBody } from '../db/ids';

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * The secret of an applicant's access link. With a client token (the idempotency key of the
 * submit), it is derived from it with a per-tenant key, so a retried submit can hand back the
 * same link although only its hash is stored; without one it is random.
 */
export function accessSecret(
  tenantAccessKey: string,
  formId: string,
  clientToken: string | undefined,
): string {
  if (clientToken === undefined) return randomString(32, alphabet);
  const digest = createHmac('sha256', Buffer.from(tenantAccessKey, 'hex'))
    .update(`${formId}\n${clientToken}`)
    .digest();
  let out = '';
  for (let i = 0; i < 32; i++) out += alphabet[(digest[i] ?? 0) & 31];
  return out;
}

/** A fresh random secret, for a new or renewed link. */
export function randomAccessSecret(): string {
  return randomString(32, alphabet);
}

/** The token in the applicant's link: submission id and secret. */
export function formatAccessToken(submissionId: string, secret: string): string {
  return `${submissionId}.${secret}`;
}

const accessTokenPattern = new RegExp(`^(sub_${idBody})\\.([a-km-np-z2-9]{32})$`);

/** Splits an access token; undefined when it is not one. */
export function parseAccessToken(
  token: string,
): { submissionId: string; secret: string } | undefined {
  const match = accessTokenPattern.exec(token);
  return match?.[1] && match[2] ? { submissionId: match[1], secret: match[2] } : undefined;
}

/** The stored form of a secret. */
export function hashAccessSecret(secret: string): Buffer {
  return Buffer.from(hashSecret(secret));
}

/** Constant-time check of a secret against its stored hash. */
export function accessSecretMatches(secret: string, stored: Buffer): boolean {
  return secretMatches(secret, new Uint8Array(stored));
}
