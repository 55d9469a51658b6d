/**
 * Checks a 全国地方公共団体コード (local government code): five digits and a check digit,
 * 11 − (d1×6 + d2×5 + d3×4 + d4×3 + d5×2 mod 11), keeping the last digit (so 10 → 0, 11 → 1).
 * @example isLocalGovernmentCode('131041') // 新宿区 → true
 */
export function isLocalGovernmentCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const weights = [6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(code[index]), 0);
  return (11 - (sum % 11)) % 10 === Number(code[5]);
}

const reservedSlugs = new Set([
  'api',
  'admin',
  'www',
  'static',
  'assets',
  'healthz',
  'operator',
  'control',
]);

/** Whether a slug can name a tenant: lower-case letters, digits and hyphens, not reserved. */
export function isTenantSlug(slug: string): boolean {
  return /^[a-z][a-z0-9-]{1,39}$/.test(slug) && !slug.endsWith('-') && !reservedSlugs.has(slug);
}
