import {
  type Field,
  type FormDefinition,
  formatWareki,
  isInputField,
  type Locale,
  type NestedField,
} from '@madoguchi/shared';

/** An uploaded file named in an answer. */
export interface FileRef {
  id: string;
  name: string;
  size: number;
  type: string;
}

/** One answer as the detail view shows it. */
export interface AnswerRow {
  fieldId: string;
  label: string;
  /** The answer as text; empty when unanswered. */
  text: string;
  files: FileRef[];
  /** Rows of a repeatable group, each a list of its fields' answers. */
  groupRows?: AnswerRow[][];
}

type AnyField = Field | NestedField;
type Text = { ja: string; en?: string | undefined };

const pick = (text: Text | undefined, locale: Locale): string =>
  text ? ((locale === 'en' ? text.en : undefined) ?? text.ja) : '';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const str = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** The files of a file answer (anything else: none). */
export function filesOf(value: unknown): FileRef[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is FileRef =>
      isRecord(item) && typeof item.id === 'string' && typeof item.name === 'string',
  );
}

/**
 * An answer as one line of text, the way staff read it on screen: names with their kana,
 * addresses with the postal mark, choices by their label, dates with the Japanese era.
 * @example answerText({ type: 'yes_no', ... }, true, 'ja') // 'はい'
 */
export function answerText(field: AnyField, value: unknown, locale: Locale): string {
  if (value === undefined || value === null || value === '') return '';
  const yes = locale === 'ja' ? 'はい' : 'Yes';
  const no = locale === 'ja' ? 'いいえ' : 'No';
  switch (field.type) {
    case 'single_choice':
      return (
        pick(field.options.find((option) => option.value === value)?.label, locale) || str(value)
      );
    case 'multiple_choice': {
      const values = Array.isArray(value) ? value : [value];
      return values
        .map(
          (item) =>
            pick(field.options.find((option) => option.value === item)?.label, locale) || str(item),
        )
        .join(locale === 'ja' ? '、' : ', ');
    }
    case 'yes_no':
      return value === true ? yes : value === false ? no : str(value);
    case 'consent':
      return value === true ? (locale === 'ja' ? '同意する' : 'Agreed') : str(value);
    case 'name':
      if (!isRecord(value)) return str(value);
      return [
        `${str(value.family)} ${str(value.given)}`.trim(),
        value.familyKana || value.givenKana
          ? `（${`${str(value.familyKana)} ${str(value.givenKana)}`.trim()}）`
          : '',
      ].join('');
    case 'address':
      if (!isRecord(value)) return str(value);
      return [
        value.postalCode ? `〒${str(value.postalCode).replace(/^(\d{3})(\d{4})$/, '$1-$2')}` : '',
        `${str(value.prefecture)}${str(value.city)}${str(value.town)}`,
        str(value.building),
      ]
        .filter(Boolean)
        .join(' ');
    case 'email':
      return isRecord(value) ? str(value.value) : str(value);
    case 'bank_account':
      if (!isRecord(value)) return str(value);
      return [
        `${str(value.bankName)}（${str(value.bankCode)}）`,
        `${str(value.branchName)}（${str(value.branchCode)}）`,
        str(value.accountType),
        str(value.accountNumber),
        str(value.holderKana),
      ]
        .filter((part) => part && part !== '（）')
        .join(' ');
    case 'date':
    case 'birth_date': {
      const era = typeof value === 'string' ? formatWareki(value, locale) : null;
      return era ? `${str(value)}（${era}）` : str(value);
    }
    case 'reservation_slot': {
      const slot = field.slots.find((candidate) => candidate.id === value);
      return slot
        ? pick(slot.label, locale) || `${slot.date} ${slot.start}–${slot.end}`
        : str(value);
    }
    case 'file':
      return filesOf(value)
        .map((file) => file.name)
        .join(', ');
    default:
      if (typeof value === 'boolean') return value ? yes : no;
      if (Array.isArray(value)) return value.map(str).join(', ');
      return isRecord(value) ? JSON.stringify(value) : str(value);
  }
}

function rowFor(field: AnyField, answers: Record<string, unknown>, locale: Locale): AnswerRow {
  const value = answers[field.id];
  const row: AnswerRow = {
    fieldId: field.id,
    label: 'label' in field ? pick(field.label, locale) : field.id,
    text: field.type === 'group' ? '' : answerText(field, value, locale),
    files: field.type === 'file' ? filesOf(value) : [],
  };
  if (field.type === 'group') {
    row.groupRows = (Array.isArray(value) ? value : [])
      .filter(isRecord)
      .map((groupRow) =>
        field.fields.filter(isInputField).map((nested) => rowFor(nested, groupRow, locale)),
      );
  }
  return row;
}

/** Every input field's answer in document order (static text left out), for the detail view. */
export function answerRows(
  definition: Pick<FormDefinition, 'pages'>,
  answers: unknown,
  locale: Locale,
): AnswerRow[] {
  const record = isRecord(answers) ? answers : {};
  return definition.pages.flatMap((page) =>
    page.fields.filter(isInputField).map((field) => rowFor(field, record, locale)),
  );
}

/** Fields whose answer differs between two revisions (the side-by-side view marks them). */
export function changedFields(before: unknown, after: unknown): Set<string> {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const changed = new Set<string>();
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) changed.add(key);
  return changed;
}

/** Input fields a staff member can ask to have corrected, with their labels. */
export function correctableFields(
  definition: Pick<FormDefinition, 'pages'>,
  locale: Locale,
): { id: string; label: string }[] {
  return definition.pages.flatMap((page) =>
    page.fields
      .filter(isInputField)
      .map((field) => ({ id: field.id, label: pick(field.label, locale) })),
  );
}
