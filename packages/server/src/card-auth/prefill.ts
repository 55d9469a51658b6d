import type { CardAttribute, FormDefinition } from '@madoguchi/shared';
import * as v from 'valibot';
import type { CardIdentity } from './oidc-client';

/**
 * What an application keeps of a card authentication: the pairwise subject, when, and the
 * verified values as the form's fields hold them. Never a certificate, never a My Number.
 */
export interface CardVerification {
  subject: string;
  verifiedAt: number;
  /** Verified attribute → the raw answer it put into its field. */
  values: Partial<Record<CardAttribute, unknown>>;
}

/** The shape a sealed draft carries it in (checked again when the draft is opened). */
export const cardVerificationSchema = v.object({
  subject: v.pipe(v.string(), v.maxLength(255)),
  verifiedAt: v.number(),
  values: v.record(v.string(), v.unknown()),
});

const addressClaim = v.object({
  postal_code: v.optional(v.string()),
  region: v.optional(v.string()),
  locality: v.optional(v.string()),
  street_address: v.optional(v.string()),
  formatted: v.optional(v.string()),
});

/** One attribute as the raw answer of the field it prefills (what the page itself would post). */
function rawAnswerOf(attribute: CardAttribute, claim: unknown): unknown {
  if (attribute === 'name' && typeof claim === 'string') {
    const [family = '', ...rest] = claim.trim().split(/[\s\u3000]+/);
    return { family, given: rest.join(' ') };
  }
  if (attribute === 'address') {
    const parsed = v.safeParse(addressClaim, claim);
    if (!parsed.success) return undefined;
    const a = parsed.output;
    return {
      postalCode: (a.postal_code ?? '').replace(/\D/g, ''),
      prefecture: a.region ?? '',
      city: a.locality ?? '',
      town: a.street_address ?? a.formatted ?? '',
    };
  }
  if ((attribute === 'birthdate' || attribute === 'gender') && typeof claim === 'string')
    return claim;
  return undefined;
}

/** The verified values for the form's prefill targets, from what the provider returned. */
export function cardVerificationFor(
  definition: FormDefinition,
  identity: CardIdentity,
): CardVerification {
  const { prefill, attributes } = definition.options.cardAuthentication;
  const values: CardVerification['values'] = {};
  for (const attribute of attributes) {
    if (prefill[attribute] === undefined) continue;
    const raw = rawAnswerOf(attribute, identity.attributes[attribute]);
    if (raw !== undefined) values[attribute] = raw;
  }
  return { subject: identity.subject, verifiedAt: identity.verifiedAt, values };
}

/**
 * Puts the verified values into their fields, over whatever was posted: a locked field's
 * change is ignored, never stored (kana of a name, which the card does not hold, stay typed).
 */
export function lockedToCard<T extends Record<string, unknown>>(
  definition: FormDefinition,
  card: CardVerification | undefined,
  answers: T,
): T {
  if (!card) return answers;
  const out: Record<string, unknown> = { ...answers };
  const { prefill } = definition.options.cardAuthentication;
  for (const [attribute, value] of Object.entries(card.values)) {
    const fieldId = prefill[attribute as CardAttribute];
    if (fieldId === undefined) continue;
    const current = out[fieldId];
    out[fieldId] =
      typeof value === 'object' && value !== null && typeof current === 'object' && current
        ? { ...current, ...value }
        : value;
  }
  return out as T;
}

/** The field ids a card authentication locks on this form. */
export function lockedFieldIds(
  definition: FormDefinition,
  card: CardVerification | undefined,
): string[] {
  if (!card) return [];
  const { prefill } = definition.options.cardAuthentication;
  return Object.keys(card.values).flatMap((attribute) => {
    const id = prefill[attribute as CardAttribute];
    return id === undefined ? [] : [id];
  });
}
