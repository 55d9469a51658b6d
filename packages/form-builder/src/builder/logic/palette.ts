import type { FieldInput, FieldType, FormDefinitionInput } from '@madoguchi/shared';

/** A field as a designer's draft holds it: a top-level field of any type. */
export type DraftField = FieldInput;
/** A field inside a repeatable group. */
export type DraftNestedField = Extract<FieldInput, { type: 'group' }>['fields'][number];
/** A page of the draft. */
export type DraftPage = FormDefinitionInput['pages'][number];

/** The palette's name of each field type, in both languages. */
export const fieldTypeNames: Record<FieldType, { ja: string; en: string }> = {
  heading: { ja: '見出し', en: 'Heading' },
  paragraph: { ja: '説明文', en: 'Paragraph' },
  short_text: { ja: '短い文章', en: 'Short text' },
  long_text: { ja: '長い文章', en: 'Long text' },
  number: { ja: '数値', en: 'Number' },
  email: { ja: 'メールアドレス', en: 'Email' },
  phone: { ja: '電話番号', en: 'Phone' },
  date: { ja: '日付', en: 'Date' },
  time: { ja: '時刻', en: 'Time' },
  single_choice: { ja: '単一選択', en: 'Single choice' },
  multiple_choice: { ja: '複数選択', en: 'Multiple choice' },
  yes_no: { ja: 'はい／いいえ', en: 'Yes / no' },
  consent: { ja: '同意', en: 'Consent' },
  name: { ja: '氏名', en: 'Name' },
  address: { ja: '住所', en: 'Address' },
  birth_date: { ja: '生年月日', en: 'Birth date' },
  my_number: { ja: 'マイナンバー', en: 'My Number' },
  bank_account: { ja: '口座', en: 'Bank account' },
  file: { ja: 'ファイル添付', en: 'File upload' },
  group: { ja: '繰り返しグループ', en: 'Repeatable group' },
  reservation_slot: { ja: '予約枠', en: 'Reservation slot' },
  fee: { ja: '手数料', en: 'Fee' },
  hidden: { ja: '隠し項目', en: 'Hidden value' },
};

/** Types that may sit inside a repeatable group (the form language's nested set). */
export const nestedFieldTypes = [
  'heading',
  'paragraph',
  'short_text',
  'long_text',
  'number',
  'email',
  'phone',
  'date',
  'time',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'name',
  'address',
  'birth_date',
  'my_number',
  'bank_account',
  'file',
  'hidden',
] as const satisfies readonly DraftNestedField['type'][];

/** True when a field of this type may go inside a repeatable group. */
export function isNestedType(type: FieldType): type is DraftNestedField['type'] {
  return (nestedFieldTypes as readonly string[]).includes(type);
}

/** The first free id `base`, `base_2`, `base_3`… among the ids already used. */
export function freeId(base: string, used: ReadonlySet<string>): string {
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Every field id in a draft, nested ones included. */
export function usedIds(definition: Pick<FormDefinitionInput, 'pages'>): Set<string> {
  const ids = new Set<string>();
  for (const page of definition.pages)
    for (const field of page.fields) {
      ids.add(field.id);
      if (field.type === 'group') for (const nested of field.fields) ids.add(nested.id);
    }
  return ids;
}

const label = (type: FieldType) => ({ ...fieldTypeNames[type] });
const choices = () => [
  { value: 'a', label: { ja: '選択肢1', en: 'Option 1' } },
  { value: 'b', label: { ja: '選択肢2', en: 'Option 2' } },
];

/**
 * A new field of a type with defaults that pass the shared checks: a free id, a Japanese label,
 * the PII category the type implies, and whatever the type needs (choices, a slot, a price).
 */
export function newField(type: FieldType, used: ReadonlySet<string>): DraftField {
  const id = freeId(type, used);
  switch (type) {
    case 'heading':
    case 'paragraph':
      return { type, id, text: label(type) };
    case 'single_choice':
    case 'multiple_choice':
      return { type, id, label: label(type), pii: 'none', options: choices() };
    case 'consent':
      return {
        type,
        id,
        label: label(type),
        pii: 'none',
        terms: { ja: '利用規約に同意します。', en: 'I agree to the terms.' },
      };
    case 'name':
      return { type, id, label: label(type), pii: 'name', required: true };
    case 'address':
      return { type, id, label: label(type), pii: 'address' };
    case 'email':
    case 'phone':
      return { type, id, label: label(type), pii: 'contact' };
    case 'birth_date':
      return { type, id, label: label(type), pii: 'birthdate' };
    case 'my_number':
      return { type, id, label: label(type), pii: 'my_number' };
    case 'bank_account':
      return { type, id, label: label(type), pii: 'bank' };
    case 'group':
      return { type, id, label: label(type), fields: [groupPlaceholder(id, used)] };
    case 'reservation_slot':
      return {
        type,
        id,
        label: label(type),
        pii: 'none',
        slots: [{ id: 'slot1', date: '2027-04-01', start: '10:00', end: '11:00', capacity: 10 }],
      };
    case 'fee':
      return {
        type,
        id,
        label: label(type),
        unitPrice: 300,
        quantity: { source: 'input', min: 1, max: 10 },
      };
    default:
      return { type, id, label: label(type), pii: 'none' };
  }
}

/** The label of the row field a new group starts with (the form language wants one). */
export const placeholderLabel = { ja: 'グループ内の項目', en: 'Field in the group' } as const;

/**
 * The row field a new group starts with: the form language needs at least one, so the group
 * carries a plain text field named for what it is; the first field added into the group
 * replaces it while it is untouched (see `isPlaceholder`).
 */
export function groupPlaceholder(groupId: string, used: ReadonlySet<string>): DraftNestedField {
  const id = freeId(`${groupId}_item`, new Set([...used, groupId]));
  return { type: 'short_text', id, label: { ...placeholderLabel }, pii: 'none' };
}

/** True for a group's starting row field that the designer has not changed. */
export function isPlaceholder(field: DraftNestedField | undefined): boolean {
  if (field?.type !== 'short_text') return false;
  const { type: _type, id: _id, ...rest } = field;
  return JSON.stringify(rest) === JSON.stringify({ label: placeholderLabel, pii: 'none' });
}

/** A new empty page with a free id and a Japanese title. */
export function newPage(definition: Pick<FormDefinitionInput, 'pages'>): DraftPage {
  const used = new Set(definition.pages.map((page) => page.id));
  const id = freeId(`page${definition.pages.length + 1}`, used);
  return { id, title: { ja: `ページ${definition.pages.length + 1}` }, fields: [] };
}
