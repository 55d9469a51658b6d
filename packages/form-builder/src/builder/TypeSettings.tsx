import { accountTypes, fileTypes, phoneKinds, shortTextCharsets } from '@madoguchi/shared';
import { useId } from 'react';
import { CheckboxField, SelectField, TextArea, TextField } from '../ui/fields';
import type { DraftField, DraftNestedField } from './logic/palette';
import { type BuilderKey, useBuilderText } from './text';

type AnyField = DraftField | DraftNestedField;
/** A date limit as a draft holds it (days may be left out). */
type DateBoundInput = string | { relative: 'today'; days?: number | undefined };
type Setter = (key: string, value: unknown) => void;
type ErrorOf = (prefix: string) => string | undefined;

/** A field the type settings may point at (a fee's quantity source). */
export interface FieldChoice {
  id: string;
  label: string;
  type: string;
  integer?: boolean;
  /** A choice field's option values. */
  values?: string[];
}

/** Sets or, for undefined or '', removes one property of an object. */
export function patch<T extends object>(value: T, key: string, next: unknown): T {
  const out = { ...value } as Record<string, unknown>;
  if (next === undefined || next === '') delete out[key];
  else out[key] = next;
  return out as T;
}

const optional = (error: string | undefined) => (error ? { error } : {});

/** An optional localized text with one language set; undefined once both are empty. */
export function localized(
  text: { ja: string; en?: string } | undefined,
  locale: 'ja' | 'en',
  value: string,
): { ja: string; en?: string } | undefined {
  const next: { ja: string; en?: string } = { ...(text ?? { ja: '' }) };
  if (locale === 'en' && value === '') delete next.en;
  else next[locale] = value;
  return next.ja === '' && next.en === undefined ? undefined : next;
}

/** A whole number input that leaves the property out when emptied. */
export function NumberInput({
  label,
  value,
  error,
  min,
  max,
  onChange,
}: {
  label: string;
  value: number | undefined;
  error?: string | undefined;
  min?: number;
  max?: number;
  onChange: (value: number | undefined) => void;
}) {
  return (
    <TextField
      label={label}
      type="number"
      value={value ?? ''}
      {...(min === undefined ? {} : { min })}
      {...(max === undefined ? {} : { max })}
      {...optional(error)}
      onChange={(event) =>
        onChange(event.target.value === '' ? undefined : Number(event.target.value))
      }
    />
  );
}

/** Ticks a subset of a list; the form language wants at least one, which the checks report. */
function CheckList<T extends string>({
  legend,
  all,
  chosen,
  name,
  error,
  onChange,
}: {
  legend: string;
  all: readonly T[];
  chosen: readonly T[];
  name: (value: T) => string;
  error?: string | undefined;
  onChange: (next: T[]) => void;
}) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? id : undefined}>
      <legend>{legend}</legend>
      {all.map((value) => (
        <CheckboxField
          key={value}
          label={name(value)}
          checked={chosen.includes(value)}
          onChange={(event) =>
            onChange(
              event.target.checked
                ? all.filter((v) => v === value || chosen.includes(v))
                : chosen.filter((v) => v !== value),
            )
          }
        />
      ))}
      {error ? (
        <p className="field-error" id={id}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A date limit: none, a fixed date, or today shifted by some days (the form language's bound). */
function DateBoundEditor({
  what,
  value,
  error,
  onChange,
}: {
  what: string;
  value: DateBoundInput | undefined;
  error?: string | undefined;
  onChange: (value: DateBoundInput | undefined) => void;
}) {
  const bt = useBuilderText();
  const kind = value === undefined ? 'none' : typeof value === 'string' ? 'fixed' : 'relative';
  return (
    <div className="row">
      <SelectField
        label={bt('boundKind', { what })}
        value={kind}
        onChange={(event) => {
          const next = event.target.value;
          onChange(
            next === 'none'
              ? undefined
              : next === 'fixed'
                ? new Date().toISOString().slice(0, 10)
                : { relative: 'today', days: 0 },
          );
        }}
      >
        {(['none', 'fixed', 'relative'] as const).map((option) => (
          <option key={option} value={option}>
            {bt(`bound.${option}`)}
          </option>
        ))}
      </SelectField>
      {typeof value === 'string' ? (
        <TextField
          label={bt('boundDate', { what })}
          type="date"
          value={value}
          {...optional(error)}
          onChange={(event) => onChange(event.target.value || undefined)}
        />
      ) : value !== undefined ? (
        <NumberInput
          label={bt('boundDays', { what })}
          value={value.days}
          error={error}
          onChange={(days) => onChange({ relative: 'today', days: days ?? 0 })}
        />
      ) : null}
    </div>
  );
}

/** What a limit's input edits: a whole number, a time of day or a date bound. */
type LimitValue = { number: number; time: string; date: DateBoundInput };

/**
 * One limit of a field (or a number setting kept the same way), bound to the property `name`:
 * labelled by the builder's text of that name (or `label`), with the checks' problem for that
 * property beside it. Emptied (for a date bound, "制限なし / No limit"), the property is left out
 * of the definition, which means no limit; `shown` is what a number input shows while it is left
 * out, where the form language has a default.
 */
function Limit<K extends BuilderKey, Kind extends keyof LimitValue = 'number'>({
  field,
  name,
  label,
  kind,
  shown,
  min,
  max,
  set,
  err,
}: {
  field: { [P in NoInfer<K>]?: LimitValue[Kind] | undefined };
  name: K;
  /** The text that names the input, when it is not the text of the property's name. */
  label?: BuilderKey;
  kind?: Kind;
  shown?: number;
  min?: number;
  max?: number;
  set: Setter;
  err: ErrorOf;
}) {
  const bt = useBuilderText();
  const text = bt(label ?? name);
  const value = field[name] as LimitValue[keyof LimitValue] | undefined;
  const error = err(name);
  if (kind === 'date')
    return (
      <DateBoundEditor
        what={text}
        value={value as DateBoundInput | undefined}
        error={error}
        onChange={(v) => set(name, v)}
      />
    );
  if (kind === 'time')
    return (
      <TextField
        label={text}
        type="time"
        value={(value as string | undefined) ?? ''}
        {...optional(error)}
        onChange={(event) => set(name, event.target.value)}
      />
    );
  return (
    <NumberInput
      label={text}
      value={(value as number | undefined) ?? shown}
      min={min}
      max={max}
      error={error}
      onChange={(v) => set(name, v)}
    />
  );
}

/** The limits and settings of one field type, each as the form language names it. */
export function TypeSettings({
  field,
  fields,
  set,
  err,
}: {
  field: AnyField;
  /** The form's top-level fields (for a fee's quantity source). */
  fields: FieldChoice[];
  set: Setter;
  err: ErrorOf;
}) {
  const bt = useBuilderText();
  switch (field.type) {
    case 'short_text':
      return (
        <>
          <div className="row">
            <Limit field={field} name="minLength" set={set} err={err} />
            <Limit field={field} name="maxLength" set={set} err={err} />
            <SelectField
              label={bt('charset')}
              value={field.charset ?? 'any'}
              onChange={(event) => set('charset', event.target.value)}
            >
              {shortTextCharsets.map((charset) => (
                <option key={charset} value={charset}>
                  {bt(`charset.${charset}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <TextField
            label={bt('placeholder')}
            value={field.placeholder ?? ''}
            {...optional(err('placeholder'))}
            onChange={(event) => set('placeholder', event.target.value)}
          />
        </>
      );
    case 'long_text':
      return (
        <div className="row">
          <Limit field={field} name="minLength" set={set} err={err} />
          <Limit field={field} name="maxLength" set={set} err={err} />
          <Limit field={field} name="rows" set={set} err={err} />
        </div>
      );
    case 'number':
      return (
        <>
          <div className="row">
            <Limit field={field} name="min" set={set} err={err} />
            <Limit field={field} name="max" set={set} err={err} />
            <TextField
              label={bt('unitJa')}
              value={field.unit?.ja ?? ''}
              {...optional(err('unit'))}
              onChange={(event) => set('unit', localized(field.unit, 'ja', event.target.value))}
            />
            <TextField
              label={bt('unitEn')}
              value={field.unit?.en ?? ''}
              onChange={(event) => set('unit', localized(field.unit, 'en', event.target.value))}
            />
          </div>
          <CheckboxField
            label={bt('integer')}
            checked={field.integer !== false}
            onChange={(event) => set('integer', event.target.checked)}
          />
        </>
      );
    case 'date':
      return (
        <>
          <Limit field={field} name="min" label="dateMin" kind="date" set={set} err={err} />
          <Limit field={field} name="max" label="dateMax" kind="date" set={set} err={err} />
        </>
      );
    case 'time':
      return (
        <div className="row">
          <Limit field={field} name="min" label="timeMin" kind="time" set={set} err={err} />
          <Limit field={field} name="max" label="timeMax" kind="time" set={set} err={err} />
          <Limit field={field} name="stepMinutes" set={set} err={err} />
        </div>
      );
    case 'birth_date':
      return (
        <>
          <div className="row">
            <Limit field={field} name="minAge" set={set} err={err} />
            <Limit field={field} name="maxAge" set={set} err={err} />
          </div>
          <Limit field={field} name="ageOn" kind="date" set={set} err={err} />
        </>
      );
    case 'file':
      return (
        <>
          <CheckList
            legend={bt('fileAccept')}
            all={Object.keys(fileTypes) as (keyof typeof fileTypes)[]}
            chosen={field.accept ?? ['application/pdf', 'image/jpeg', 'image/png']}
            name={(type) => fileTypes[type]}
            error={err('accept')}
            onChange={(accept) => set('accept', accept)}
          />
          <div className="row">
            <Limit field={field} name="maxSizeMb" shown={10} min={1} max={50} set={set} err={err} />
            <Limit field={field} name="maxFiles" shown={1} min={1} max={20} set={set} err={err} />
          </div>
        </>
      );
    case 'phone':
      return (
        <CheckList
          legend={bt('phoneAccept')}
          all={phoneKinds}
          chosen={field.accept ?? ['fixed', 'mobile', 'ip']}
          name={(kind) => bt(`phone.${kind}`)}
          error={err('accept')}
          onChange={(accept) => set('accept', accept)}
        />
      );
    case 'address':
      return (
        <CheckboxField
          label={bt('postalCodeRequired')}
          checked={field.postalCodeRequired !== false}
          onChange={(event) => set('postalCodeRequired', event.target.checked)}
        />
      );
    case 'bank_account':
      return (
        <>
          <CheckboxField
            label={bt('askNames')}
            checked={field.askNames !== false}
            onChange={(event) => set('askNames', event.target.checked)}
          />
          <CheckList
            legend={bt('accountTypes')}
            all={accountTypes}
            chosen={field.accountTypes ?? ['ordinary', 'current']}
            name={(type) => bt(`account.${type}`)}
            error={err('accountTypes')}
            onChange={(types) => set('accountTypes', types)}
          />
        </>
      );
    case 'group':
      return (
        <>
          <div className="row">
            <TextField
              label={bt('rowLabel')}
              value={field.rowLabel?.ja ?? ''}
              onChange={(event) =>
                set(
                  'rowLabel',
                  event.target.value === '' && !field.rowLabel?.en
                    ? undefined
                    : { ...field.rowLabel, ja: event.target.value },
                )
              }
            />
            <TextField
              label={bt('rowLabelEn')}
              value={field.rowLabel?.en ?? ''}
              onChange={(event) =>
                set(
                  'rowLabel',
                  field.rowLabel === undefined && event.target.value === ''
                    ? undefined
                    : patch(field.rowLabel ?? { ja: '' }, 'en', event.target.value),
                )
              }
            />
          </div>
          <div className="row">
            <Limit field={field} name="minRows" set={set} err={err} />
            <Limit field={field} name="maxRows" set={set} err={err} />
          </div>
        </>
      );
    case 'fee':
      return <FeeSettings field={field} fields={fields} set={set} err={err} />;
    case 'name':
      return (
        <SelectField
          label={bt('kana')}
          value={field.kana ?? 'required'}
          onChange={(event) => set('kana', event.target.value)}
        >
          {(['required', 'optional', 'none'] as const).map((kana) => (
            <option key={kana} value={kana}>
              {bt(`kana.${kana}`)}
            </option>
          ))}
        </SelectField>
      );
    case 'email':
      return (
        <CheckboxField
          label={bt('confirmEmail')}
          checked={field.confirm !== false}
          onChange={(event) => set('confirm', event.target.checked)}
        />
      );
    case 'hidden':
      return (
        <div className="row">
          <TextField
            label={bt('hiddenValue')}
            value={field.value ?? ''}
            {...optional(err('value'))}
            onChange={(event) => set('value', event.target.value)}
          />
          <TextField
            label={bt('fromQuery')}
            value={field.fromQuery ?? ''}
            {...optional(err('fromQuery'))}
            onChange={(event) => set('fromQuery', event.target.value)}
          />
        </div>
      );
    case 'consent':
      return (
        <>
          <TextArea
            label={bt('terms')}
            value={field.terms.ja}
            error={err('terms')}
            onChange={(event) => set('terms', { ...field.terms, ja: event.target.value })}
          />
          <TextArea
            label={bt('termsEn')}
            value={field.terms.en ?? ''}
            onChange={(event) => set('terms', patch(field.terms, 'en', event.target.value))}
          />
          <TextField
            label={bt('agreeLabel')}
            value={field.agreeLabel?.ja ?? ''}
            onChange={(event) =>
              set('agreeLabel', event.target.value === '' ? undefined : { ja: event.target.value })
            }
          />
        </>
      );
    case 'single_choice':
      return (
        <>
          <SelectField
            label={bt('display')}
            value={field.display ?? 'radio'}
            onChange={(event) => set('display', event.target.value)}
          >
            {(['radio', 'select'] as const).map((display) => (
              <option key={display} value={display}>
                {bt(`display.${display}`)}
              </option>
            ))}
          </SelectField>
          <Choices
            options={field.options}
            err={err}
            onChange={(options) => set('options', options)}
          />
        </>
      );
    case 'multiple_choice':
      return (
        <>
          <div className="row">
            <Limit field={field} name="minSelected" set={set} err={err} />
            <Limit field={field} name="maxSelected" set={set} err={err} />
          </div>
          <Choices
            options={field.options}
            err={err}
            onChange={(options) => set('options', options)}
          />
        </>
      );
    case 'reservation_slot':
      return <Slots slots={field.slots} err={err} onChange={(slots) => set('slots', slots)} />;
    default:
      return null;
  }
}

type FeeField = Extract<AnyField, { type: 'fee' }>;

function FeeSettings({
  field,
  fields,
  set,
  err,
}: {
  field: FeeField;
  fields: FieldChoice[];
  set: Setter;
  err: ErrorOf;
}) {
  const bt = useBuilderText();
  const quantity = field.quantity;
  const numbers = fields.filter((f) => f.type === 'number' && f.integer !== false);
  // The quantity's own limits sit one level down, in `quantity`.
  const inQuantity = {
    set: (key: string, value: unknown) => set('quantity', patch(quantity, key, value)),
    err: (prefix: string) => err(`quantity.${prefix}`),
  };
  return (
    <>
      <div className="row">
        <NumberInput
          label={bt('unitPrice')}
          value={field.unitPrice}
          min={0}
          error={err('unitPrice')}
          onChange={(v) => set('unitPrice', v ?? 0)}
        />
        <SelectField
          label={bt('quantitySource')}
          value={quantity.source}
          onChange={(event) => {
            const source = event.target.value;
            set(
              'quantity',
              source === 'fixed'
                ? { source, value: 1 }
                : source === 'field'
                  ? { source, fieldId: numbers[0]?.id ?? '' }
                  : { source: 'input', min: 1, max: 10 },
            );
          }}
        >
          {(['input', 'fixed', 'field'] as const).map((source) => (
            <option key={source} value={source}>
              {bt(`quantity.${source}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {quantity.source === 'input' ? (
        <div className="row">
          <Limit field={quantity} name="min" label="quantityMin" {...inQuantity} />
          <Limit field={quantity} name="max" label="quantityMax" {...inQuantity} />
        </div>
      ) : quantity.source === 'fixed' ? (
        <NumberInput
          label={bt('quantityFixed')}
          value={quantity.value}
          min={1}
          error={err('quantity')}
          onChange={(v) => set('quantity', { ...quantity, value: v ?? 1 })}
        />
      ) : (
        <SelectField
          label={bt('quantityField')}
          value={quantity.fieldId}
          error={err('quantity')}
          onChange={(event) => set('quantity', { ...quantity, fieldId: event.target.value })}
        >
          {numbers.some((f) => f.id === quantity.fieldId) ? null : (
            <option value={quantity.fieldId}>{bt('quantityFieldNone')}</option>
          )}
          {numbers.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}

type Option = { value: string; label: { ja: string; en?: string } };

/** A free option value `o1`, `o2`… that no other choice uses. */
function freeValue(options: Option[]): string {
  const used = new Set(options.map((option) => option.value));
  for (let n = options.length + 1; ; n++) if (!used.has(`o${n}`)) return `o${n}`;
}

/** Choices: what residents read (ja/en) first, the value for the CSV and conditions after it. */
function Choices({
  options,
  err,
  onChange,
}: {
  options: Option[];
  err: ErrorOf;
  onChange: (options: Option[]) => void;
}) {
  const bt = useBuilderText();
  const update = (index: number, option: Option | null) => {
    const next = [...options];
    if (option === null) next.splice(index, 1);
    else next[index] = option;
    onChange(next);
  };
  return (
    <fieldset className="choices">
      <legend>{bt('choices')}</legend>
      <p className="help">{bt('choicesHelp')}</p>
      {options.map((option, index) => {
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a value being edited cannot be the key
          <div key={index} className="row choice-row">
            <TextField
              label={bt('choiceLabelJa', { n })}
              value={option.label.ja}
              required
              {...optional(err(`options[${index}].label`))}
              onFocus={(event) => event.target.select()}
              onChange={(event) => {
                // The default English "Option 2" is dropped once the Japanese label is written.
                const { en, ...rest } = option.label;
                const keep = en !== undefined && !/^Option \d+$/.test(en);
                const label = { ...rest, ja: event.target.value, ...(keep ? { en } : {}) };
                update(index, { ...option, label });
              }}
            />
            <TextField
              label={bt('choiceLabelEn', { n })}
              value={option.label.en ?? ''}
              onChange={(event) =>
                update(index, { ...option, label: patch(option.label, 'en', event.target.value) })
              }
            />
            <TextField
              label={bt('choiceValueN', { n })}
              value={option.value}
              {...optional(err(`options[${index}].value`) ?? err(`options[${index}]`))}
              onChange={(event) => update(index, { ...option, value: event.target.value })}
            />
            <button
              type="button"
              className="danger"
              disabled={options.length === 1}
              onClick={() => update(index, null)}
            >
              {bt('removeChoice', { n })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() =>
          onChange([...options, { value: freeValue(options), label: { ja: '', en: '' } }])
        }
      >
        ＋ {bt('addChoice')}
      </button>
    </fieldset>
  );
}

type Slot = Extract<AnyField, { type: 'reservation_slot' }>['slots'][number];

/** A free slot id `slot1`, `slot2`… */
function freeSlotId(slots: Slot[]): string {
  const used = new Set(slots.map((slot) => slot.id));
  for (let n = slots.length + 1; ; n++) if (!used.has(`slot${n}`)) return `slot${n}`;
}

/** The bookable slots of a reservation field: date, start, end and capacity; add and remove. */
function Slots({
  slots,
  err,
  onChange,
}: {
  slots: Slot[];
  err: ErrorOf;
  onChange: (slots: Slot[]) => void;
}) {
  const bt = useBuilderText();
  const update = (index: number, slot: Slot | null) => {
    const next = [...slots];
    if (slot === null) next.splice(index, 1);
    else next[index] = slot;
    onChange(next);
  };
  return (
    <fieldset className="slots">
      <legend>{bt('slots')}</legend>
      <p className="help">{bt('slotsHelp')}</p>
      {slots.map((slot, index) => {
        const n = index + 1;
        const at = (part: string) => err(`slots[${index}].${part}`);
        return (
          <div key={slot.id} className="row slot-row">
            <TextField
              label={bt('slotDate', { n })}
              type="date"
              value={slot.date}
              {...optional(at('date'))}
              onChange={(event) => update(index, { ...slot, date: event.target.value })}
            />
            <TextField
              label={bt('slotStart', { n })}
              type="time"
              value={slot.start}
              {...optional(at('start'))}
              onChange={(event) => update(index, { ...slot, start: event.target.value })}
            />
            <TextField
              label={bt('slotEnd', { n })}
              type="time"
              value={slot.end}
              {...optional(at('end'))}
              onChange={(event) => update(index, { ...slot, end: event.target.value })}
            />
            <TextField
              label={bt('slotLabel', { n })}
              value={slot.label?.ja ?? ''}
              {...optional(at('label'))}
              onChange={(event) => {
                const label = localized(slot.label, 'ja', event.target.value);
                const { label: _old, ...rest } = slot;
                update(index, label ? { ...rest, label } : rest);
              }}
            />
            <NumberInput
              label={bt('slotCapacity', { n })}
              value={slot.capacity}
              min={1}
              error={at('capacity')}
              onChange={(capacity) => update(index, { ...slot, capacity: capacity ?? 0 })}
            />
            <button
              type="button"
              className="danger"
              disabled={slots.length === 1}
              onClick={() => update(index, null)}
            >
              {bt('removeSlot', { n })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => {
          const last = slots.at(-1);
          onChange([
            ...slots,
            {
              id: freeSlotId(slots),
              date: last?.date ?? new Date().toISOString().slice(0, 10),
              start: last?.end ?? '10:00',
              end: last?.end ? addHour(last.end) : '11:00',
              capacity: last?.capacity ?? 10,
            },
          ]);
        }}
      >
        ＋ {bt('addSlot')}
      </button>
    </fieldset>
  );
}

/** HH:MM one hour later, kept within the day. */
function addHour(time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return `${String(Math.min(h + 1, 23)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
