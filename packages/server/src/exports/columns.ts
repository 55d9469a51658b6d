import {
  ACCOUNT_TYPE_LABELS,
  type ChoiceOption,
  type Field,
  type FormDefinition,
  formatPostalCode,
  formatWareki,
  type GroupField,
  isAccountType,
  listFields,
  type NestedField,
  type Page,
  paymentStateLabels,
  stateLabels,
} from '@madoguchi/shared';
import type { submissions } from '../db/tenant-schema';

/** The submission columns an export reads. */
export type ExportSubmission = Pick<
  typeof submissions.$inferSelect,
  | 'id'
  | 'referenceNumber'
  | 'state'
  | 'paymentState'
  | 'formVersion'
  | 'submittedAt'
  | 'proxyStaffId'
>;

/** One application to export: its row, its current answers and the definition it answered. */
export interface ExportItem {
  submission: ExportSubmission;
  answers: Record<string, unknown>;
  definition: FormDefinition;
}

/** A column of the main table: its header and how to read its text from one application. */
export interface ExportColumn {
  /** Stable machine name, e.g. `applicant_name.familyKana` or `members.2.member_name.family`. */
  key: string;
  header: string;
  read: (item: ExportItem) => string;
}

/** A column of a group's own sheet, read from one row of the group. */
export interface GroupColumn {
  key: string;
  header: string;
  read: (row: Record<string, unknown>, item: ExportItem) => string;
}

/** A repeatable group on its own sheet: 受付番号, then the group's columns, one line per row. */
export interface GroupSheet {
  groupId: string;
  name: string;
  columns: GroupColumn[];
}

/** What an export contains: the main table, and the groups kept apart in groupMode 'sheet'. */
export interface ExportLayout {
  columns: ExportColumn[];
  groups: GroupSheet[];
}

/** How an export is cut: My Number only with the grant; groups flattened or on their own sheets. */
export interface ExportOptions {
  includeMyNumber: boolean;
  groupMode: 'flatten' | 'sheet';
}

/** A field that takes a value of its own: every input field except a group. */
type ValueField = Exclude<Field | NestedField, { type: 'heading' | 'paragraph' | 'group' }>;

/** One column a field contributes; `read` gets the answer and the definition it was given on. */
interface Part {
  suffix: string | undefined;
  key: string;
  read: (answer: unknown, definition: FormDefinition) => string;
}

const fixedColumns: ExportColumn[] = [
  { key: 'referenceNumber', header: '受付番号', read: (item) => item.submission.referenceNumber },
  { key: 'state', header: '状態', read: (item) => stateLabels[item.submission.state].ja },
  {
    key: 'paymentState',
    header: '支払状態',
    read: (item) => paymentStateLabels[item.submission.paymentState].ja,
  },
  {
    key: 'submittedAt',
    header: '申請日時',
    read: (item) => jstMinute(item.submission.submittedAt),
  },
  { key: 'formVersion', header: '版', read: (item) => String(item.submission.formVersion) },
  {
    key: 'proxyEntry',
    header: '代理入力',
    read: (item) => (item.submission.proxyStaffId === null ? 'いいえ' : 'はい'),
  },
];

/**
 * The columns of an export: the fixed ones, then one or more per field in document order.
 * @example exportColumns(definition, { includeMyNumber: false, groupMode: 'flatten' }).columns
 */
export function exportColumns(
  definition: Pick<FormDefinition, 'pages'>,
  options: ExportOptions,
): ExportLayout {
  const columns: ExportColumn[] = [...fixedColumns];
  const groups: GroupSheet[] = [];
  for (const { field, group } of listFields(definition)) {
    // Row fields come with their group, below.
    if (group !== undefined || field.type === 'heading' || field.type === 'paragraph') continue;
    if (field.type === 'group') {
      if (options.groupMode === 'sheet') groups.push(groupSheet(field, options, groups));
      else columns.push(...flattenedGroup(field, options));
      continue;
    }
    for (const part of partsOf(field, options)) {
      columns.push({
        key: joinKey(field.id, part.key),
        header: joinHeader(baseHeader(field), part.suffix),
        read: (item) => part.read(own(item.answers, field.id), item.definition),
      });
    }
  }
  return { columns: uniqueHeaders(columns), groups };
}

/**
 * Joins the published versions of a form (newest first) into one definition to take columns
 * from: the newest version's fields, then fields only earlier versions had, so answers given on
 * an older version are not dropped from the export because a designer removed a question since.
 */
export function mergeVersions(
  definitions: readonly FormDefinition[],
): Pick<FormDefinition, 'pages'> {
  const seen = new Set<string>();
  const groups = new Map<string, GroupField>();
  // Copies, so the definitions (cached by the caller) are never changed.
  const adopt = (field: Field): Field => {
    seen.add(field.id);
    if (field.type !== 'group') return field;
    const copy: GroupField = { ...field, fields: [...field.fields] };
    for (const nested of copy.fields) seen.add(nested.id);
    groups.set(copy.id, copy);
    return copy;
  };
  const [newest, ...older] = definitions;
  const pages: Page[] = (newest?.pages ?? []).map((page) => ({
    ...page,
    fields: page.fields.map(adopt),
  }));
  const earlier: Field[] = [];
  for (const definition of older) {
    for (const page of definition.pages) {
      for (const field of page.fields) {
        const merged = field.type === 'group' ? groups.get(field.id) : undefined;
        if (merged === undefined || field.type !== 'group') {
          if (!seen.has(field.id)) earlier.push(adopt(field));
          continue;
        }
        merged.maxRows = Math.max(merged.maxRows, field.maxRows);
        for (const nested of field.fields) {
          if (seen.has(nested.id)) continue;
          seen.add(nested.id);
          merged.fields.push(nested);
        }
      }
    }
  }
  if (earlier.length > 0) {
    pages.push({ id: 'earlier_versions', title: { ja: '以前の版の項目' }, fields: earlier });
  }
  return { pages };
}

function flattenedGroup(group: GroupField, options: ExportOptions): ExportColumn[] {
  const prefix = group.rowLabel?.ja ?? group.label.ja;
  const columns: ExportColumn[] = [];
  for (let index = 0; index < group.maxRows; index++) {
    for (const field of group.fields) {
      if (field.type === 'heading' || field.type === 'paragraph') continue;
      for (const part of partsOf(field, options)) {
        columns.push({
          key: joinKey(`${group.id}.${index + 1}.${field.id}`, part.key),
          header: `${prefix}${index + 1}_${joinHeader(baseHeader(field), part.suffix)}`,
          read: (item) => {
            const rows = own(item.answers, group.id);
            const row = Array.isArray(rows) ? asRecord(rows[index]) : undefined;
            return row ? part.read(own(row, field.id), item.definition) : '';
          },
        });
      }
    }
  }
  return columns;
}

function groupSheet(group: GroupField, options: ExportOptions, taken: GroupSheet[]): GroupSheet {
  const columns: GroupColumn[] = [
    {
      key: 'referenceNumber',
      header: '受付番号',
      read: (_row, item) => item.submission.referenceNumber,
    },
  ];
  for (const field of group.fields) {
    if (field.type === 'heading' || field.type === 'paragraph') continue;
    for (const part of partsOf(field, options)) {
      columns.push({
        key: joinKey(field.id, part.key),
        header: joinHeader(baseHeader(field), part.suffix),
        read: (row, item) => part.read(own(row, field.id), item.definition),
      });
    }
  }
  return {
    groupId: group.id,
    name: sheetName(group.label.ja, taken),
    columns: uniqueHeaders(columns),
  };
}

// Excel refuses sheet names over 31 characters, with []:*?/\ in them, or used twice; the main
// sheet is 申請一覧.
function sheetName(label: string, taken: GroupSheet[]): string {
  const base =
    label
      .replace(/[[\]:*?/\\]/g, '')
      .trim()
      .slice(0, 28) || 'グループ';
  const used = new Set(['申請一覧', ...taken.map((sheet) => sheet.name)]);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}（${n}）`;
  return name;
}

function partsOf(field: ValueField, options: ExportOptions): Part[] {
  switch (field.type) {
    case 'short_text':
    case 'long_text':
    case 'number':
    case 'email':
    case 'phone':
    case 'time':
    case 'hidden':
      return [whole((answer) => plainText(answer))];
    case 'my_number':
      // Left out, not masked: a column of asterisks would only say that the data exists.
      return options.includeMyNumber ? [whole((answer) => plainText(answer))] : [];
    case 'date':
      return [whole((answer) => slashDate(plainText(answer)))];
    case 'birth_date':
      return [
        whole((answer) => slashDate(plainText(answer))),
        part('和暦', 'wareki', (answer) => formatWareki(plainText(answer)) ?? ''),
      ];
    case 'single_choice':
      return [
        whole((answer, definition) =>
          choiceLabel(plainText(answer), answeredAs(field, definition).options, field.options),
        ),
      ];
    case 'multiple_choice':
      return [
        whole((answer, definition) => {
          const options = answeredAs(field, definition).options;
          return stringList(answer)
            .map((value) => choiceLabel(value, options, field.options))
            .join('、');
        }),
      ];
    case 'yes_no':
      return [whole((answer) => (answer === true ? 'はい' : answer === false ? 'いいえ' : ''))];
    case 'consent':
      return [whole((answer) => (answer === true ? '同意' : ''))];
    case 'name':
      return [
        recordPart('氏', 'family'),
        recordPart('名', 'given'),
        ...(field.kana === 'none'
          ? []
          : [
              recordPart('氏（フリガナ）', 'familyKana'),
              recordPart('名（フリガナ）', 'givenKana'),
            ]),
      ];
    case 'address':
      return [
        part('郵便番号', 'postalCode', (answer) => {
          const code = plainText(own(asRecord(answer), 'postalCode'));
          return formatPostalCode(code) ?? code;
        }),
        recordPart('都道府県', 'prefecture'),
        recordPart('市区町村', 'city'),
        recordPart('町名・番地', 'town'),
        recordPart('建物名', 'building'),
      ];
    case 'bank_account':
      return [
        recordPart('金融機関コード', 'bankCode'),
        ...(field.askNames ? [recordPart('金融機関名', 'bankName')] : []),
        recordPart('支店コード', 'branchCode'),
        ...(field.askNames ? [recordPart('支店名', 'branchName')] : []),
        part('預金種目', 'accountType', (answer) => {
          const type = own(asRecord(answer), 'accountType');
          return isAccountType(type) ? ACCOUNT_TYPE_LABELS[type] : '';
        }),
        recordPart('口座番号', 'accountNumber'),
        recordPart('口座名義', 'holderKana'),
      ];
    case 'file':
      return [
        whole((answer) =>
          (Array.isArray(answer) ? answer : [])
            .map((file) => plainText(own(asRecord(file), 'name')))
            .filter((name) => name !== '')
            .join('、'),
        ),
      ];
    case 'reservation_slot':
      return [
        whole((answer, definition) => {
          const id = plainText(answer);
          const slot =
            answeredAs(field, definition).slots.find((candidate) => candidate.id === id) ??
            field.slots.find((candidate) => candidate.id === id);
          if (!slot) return id;
          const when = `${slashDate(slot.date)} ${slot.start}-${slot.end}`;
          return slot.label ? `${when} ${slot.label.ja}` : when;
        }),
      ];
    case 'fee':
      return [
        part('数量', 'quantity', (answer) => plainText(answer)),
        part('金額', 'amount', (answer, definition) =>
          // The price of the version the resident applied on is the price they were asked for.
          typeof answer === 'number'
            ? String(answeredAs(field, definition).unitPrice * answer)
            : '',
        ),
      ];
  }
}

function whole(read: Part['read']): Part {
  return { suffix: undefined, key: '', read };
}

function part(suffix: string, key: string, read: Part['read']): Part {
  return { suffix, key, read };
}

function recordPart(suffix: string, key: string): Part {
  return part(suffix, key, (answer) => plainText(own(asRecord(answer), key)));
}

const fieldIndexes = new WeakMap<FormDefinition, Map<string, ValueField>>();

/** The field as the version the resident answered defines it (its option labels, its prices). */
function answeredAs<T extends ValueField>(field: T, definition: FormDefinition): T {
  let index = fieldIndexes.get(definition);
  if (!index) {
    index = new Map();
    for (const place of listFields(definition)) {
      const candidate = place.field;
      if (
        candidate.type !== 'heading' &&
        candidate.type !== 'paragraph' &&
        candidate.type !== 'group'
      )
        index.set(candidate.id, candidate);
    }
    fieldIndexes.set(definition, index);
  }
  const found = index.get(field.id);
  return found !== undefined && sameType(field, found) ? found : field;
}

function sameType<T extends ValueField>(field: T, other: ValueField): other is T {
  return other.type === field.type;
}

function choiceLabel(
  value: string,
  answered: readonly ChoiceOption[],
  current: readonly ChoiceOption[],
): string {
  const option =
    answered.find((candidate) => candidate.value === value) ??
    current.find((candidate) => candidate.value === value);
  return option ? option.label.ja : value;
}

function baseHeader(field: ValueField): string {
  return field.csvColumn ?? field.label.ja;
}

function joinHeader(base: string, suffix: string | undefined): string {
  return suffix === undefined ? base : `${base}_${suffix}`;
}

function joinKey(base: string, key: string): string {
  return key === '' ? base : `${base}.${key}`;
}

// Two fields may share a label (only csvColumn is checked for uniqueness), and import tools
// look columns up by header, so later duplicates get a number.
function uniqueHeaders<T extends { header: string }>(columns: T[]): T[] {
  const used = new Set<string>();
  return columns.map((column) => {
    let header = column.header;
    for (let n = 2; used.has(header); n++) header = `${column.header}（${n}）`;
    used.add(header);
    return header === column.header ? column : { ...column, header };
  });
}

function own(record: Record<string, unknown> | undefined, key: string): unknown {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

function slashDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.replaceAll('-', '/') : iso;
}

const jstOffsetMs = 9 * 60 * 60_000;
const dayMs = 24 * 60 * 60_000;
let lastDay = Number.NaN;
let lastDate = '';

// Staff read times in Japan time whatever the server's zone; Japan has no daylight saving.
// Exports run in time order, so a day's applications come together: the date is formatted once
// a day and the time of day worked out by arithmetic (a Date per application was a fifth of the
// time spent reading cells).
function jstMinute(ms: number): string {
  const local = ms + jstOffsetMs;
  const day = Math.floor(local / dayMs);
  if (day !== lastDay) {
    lastDate = new Date(day * dayMs).toISOString().slice(0, 10).replaceAll('-', '/');
    lastDay = day;
  }
  const minute = Math.floor((local - day * dayMs) / 60_000);
  return `${lastDate} ${twoDigits(Math.floor(minute / 60))}:${twoDigits(minute % 60)}`;
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
