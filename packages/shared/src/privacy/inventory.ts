import type { FormDefinition } from '../definition/schema';
import { listFields } from '../definition/walk';
import { type PiiCategory, piiCategories } from '../fields/common';
import type { LocalizedText } from '../i18n/locale';

/** The fields holding one category of personal data. */
export interface PersonalDataItem {
  category: Exclude<PiiCategory, 'none'>;
  fields: { id: string; label: LocalizedText; inGroup?: string }[];
}

/** Personal data a form handles, by category in a fixed order: the privacy panel's content. */
export function personalDataInventory(
  definition: Pick<FormDefinition, 'pages'>,
): PersonalDataItem[] {
  const byCategory = new Map<PiiCategory, PersonalDataItem['fields']>();
  for (const { field, group } of listFields(definition)) {
    if (!('pii' in field) || field.pii === 'none') continue;
    const list = byCategory.get(field.pii) ?? [];
    list.push({ id: field.id, label: field.label, ...(group ? { inGroup: group.id } : {}) });
    byCategory.set(field.pii, list);
  }
  const items: PersonalDataItem[] = [];
  for (const category of piiCategories) {
    const fields = byCategory.get(category);
    if (category !== 'none' && fields) items.push({ category, fields });
  }
  return items;
}

/** Why a procedure must go before the personal-information council before going online. */
export type CouncilReviewReason = 'yearly_volume' | 'online_payment' | 'card_authentication';

/** Applicants a year above which the council reviews a procedure. */
export const councilVolumeThreshold = 1000;

/**
 * Whether the form meets the council review criteria: more than 1,000 applicants a year,
 * online payment, or My Number card authentication.
 */
export function councilReview(definition: Pick<FormDefinition, 'yearlyVolume' | 'options'>): {
  required: boolean;
  reasons: CouncilReviewReason[];
} {
  const reasons: CouncilReviewReason[] = [];
  if (definition.yearlyVolume > councilVolumeThreshold) reasons.push('yearly_volume');
  if (definition.options.payment.mode !== 'none') reasons.push('online_payment');
  if (definition.options.cardAuthentication.enabled) reasons.push('card_authentication');
  return { required: reasons.length > 0, reasons };
}
