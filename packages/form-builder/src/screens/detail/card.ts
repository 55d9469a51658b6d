import type { BilingualLabel, CardAttribute, FormDefinition } from '@madoguchi/shared';

/** The card's attributes in words, in the order the card app names them. */
export const cardAttributeLabels: Readonly<Record<CardAttribute, BilingualLabel>> = {
  name: { ja: '氏名', en: 'Name' },
  address: { ja: '住所', en: 'Address' },
  birthdate: { ja: '生年月日', en: 'Date of birth' },
  gender: { ja: '性別', en: 'Gender' },
};

const order = Object.keys(cardAttributeLabels) as CardAttribute[];

/** The verified attributes the console knows, in the card's order (unknown names left out). */
export function knownAttributes(attributes: readonly string[]): CardAttribute[] {
  return order.filter((attribute) => attributes.includes(attribute));
}

/**
 * The fields whose answers the card verified: each verified attribute's prefill target in the
 * form's card settings (those answers were locked to the card's value).
 */
export function cardVerifiedFields(
  definition: Pick<FormDefinition, 'options'>,
  attributes: readonly string[],
): Map<string, CardAttribute> {
  const prefill = definition.options?.cardAuthentication?.prefill ?? {};
  const fields = new Map<string, CardAttribute>();
  for (const attribute of knownAttributes(attributes)) {
    const fieldId = prefill[attribute];
    if (fieldId) fields.set(fieldId, attribute);
  }
  return fields;
}
