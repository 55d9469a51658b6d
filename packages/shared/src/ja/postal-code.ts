import { HYPHEN_CLASS, MAX_FIELD_LENGTH } from './text';

const SEPARATORS = new RegExp(`[\\s${HYPHEN_CLASS}]`, 'g');
const POSTAL_CODE = /^\d{7}$/;

/** Normalises a postal code to 7 ASCII digits, accepting 〒, full-width digits and hyphens. */
export function normalizePostalCode(input: string): string | null {
  if (input.length > MAX_FIELD_LENGTH) return null;
  const compact = input.normalize('NFKC').trim().replace(/^〒/, '').replace(SEPARATORS, '');
  return POSTAL_CODE.test(compact) ? compact : null;
}

/** Formats a postal code as 123-4567, or returns null when it does not normalise. */
export function formatPostalCode(input: string): string | null {
  const code = normalizePostalCode(input);
  return code === null ? null : `${code.slice(0, 3)}-${code.slice(3)}`;
}
