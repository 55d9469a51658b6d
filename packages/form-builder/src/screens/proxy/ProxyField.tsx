import { type Field, isInputField } from '@madoguchi/shared';
import { type ReactNode, useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import { CheckboxField, SelectField, TextArea, TextField } from '../../ui/fields';

type Value = unknown;
const record = (value: Value): Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, string>)
    : {};

/**
 * Field types the counter form cannot take yet: files (staff would upload the resident's papers)
 * and repeatable groups. The form says so beside each; the resident can apply online instead.
 */
export const unsupportedAtCounter = new Set<Field['type']>(['file', 'group']);

/**
 * One field of the counter-entry form, answering in the shape the form language expects
 * (docs/form-language.md). The server validates with the same shared schema as online.
 */
export function ProxyField({
  field,
  value,
  error,
  onChange,
}: {
  field: Field;
  value: Value;
  error: string | undefined;
  onChange: (value: Value) => void;
}) {
  const { t, text } = useI18n();
  const groupId = useId();
  if (field.type === 'heading') return <h3>{text(field.text)}</h3>;
  if (field.type === 'paragraph') return <p>{text(field.text)}</p>;
  if (!isInputField(field) || field.type === 'hidden') return null;
  const label = text(field.label);
  const help = field.help ? text(field.help) : undefined;
  const common = { label, required: field.required, error, help };
  if (unsupportedAtCounter.has(field.type))
    return (
      <p className="muted">
        {label}: {t('proxy.unsupported', { type: field.type })}
      </p>
    );
  // A field of several parts: one legend, and one error tied to the whole group.
  const composite = (rows: ReactNode) => (
    <fieldset className="composite" aria-describedby={error ? `${groupId}-error` : undefined}>
      <legend>
        {label}
        {field.required ? <span className="required"> *</span> : null}
      </legend>
      {rows}
      {error ? (
        <p className="field-error" id={`${groupId}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
  const parts = (names: [string, string][], extra?: (name: string) => object) =>
    composite(
      <div className="row">
        {names.map(([name, partLabel]) => (
          <TextField
            key={name}
            label={partLabel}
            value={record(value)[name] ?? ''}
            onChange={(event) => onChange({ ...record(value), [name]: event.target.value })}
            {...(extra ? extra(name) : {})}
          />
        ))}
      </div>,
    );
  switch (field.type) {
    case 'long_text':
      return (
        <TextArea
          label={label}
          required={field.required}
          error={error}
          rows={4}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
          {...(help ? { help } : {})}
        />
      );
    case 'single_choice':
    case 'reservation_slot': {
      const options =
        field.type === 'single_choice'
          ? field.options.map((option) => ({ value: option.value, label: text(option.label) }))
          : field.slots.map((slot) => ({
              value: slot.id,
              label: slot.label ? text(slot.label) : `${slot.date} ${slot.start}–${slot.end}`,
            }));
      return (
        <SelectField
          label={label}
          required={field.required}
          error={error}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value || undefined)}
        >
          <option value="">{t('proxy.choose')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
      );
    }
    case 'multiple_choice': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset className="checks">
          <legend>
            {label}
            {field.required ? <span className="required"> *</span> : null}
          </legend>
          {field.options.map((option) => (
            <CheckboxField
              key={option.value}
              label={text(option.label)}
              checked={chosen.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...chosen, option.value]
                    : chosen.filter((item) => item !== option.value),
                )
              }
            />
          ))}
          {error ? <p className="field-error">{error}</p> : null}
        </fieldset>
      );
    }
    case 'yes_no':
      return (
        <SelectField
          label={label}
          required={field.required}
          error={error}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(event) =>
            onChange(event.target.value === '' ? undefined : event.target.value === 'yes')
          }
        >
          <option value="">{t('proxy.choose')}</option>
          <option value="yes">{t('common.yes')}</option>
          <option value="no">{t('common.no')}</option>
        </SelectField>
      );
    case 'consent':
      return (
        <div className="field">
          {field.terms ? <p className="pre terms">{text(field.terms)}</p> : null}
          <CheckboxField
            label={field.agreeLabel ? text(field.agreeLabel) : label}
            checked={value === true}
            onChange={(event) => onChange(event.target.checked ? true : undefined)}
          />
          {error ? <p className="field-error">{error}</p> : null}
        </div>
      );
    case 'name':
      return parts([
        ['family', t('proxy.family')],
        ['given', t('proxy.given')],
        ...(field.kana === 'none'
          ? []
          : ([
              ['familyKana', t('proxy.familyKana')],
              ['givenKana', t('proxy.givenKana')],
            ] as [string, string][])),
      ]);
    case 'address':
      return parts([
        ['postalCode', t('proxy.postalCode')],
        ['prefecture', t('proxy.prefecture')],
        ['city', t('proxy.city')],
        ['town', t('proxy.town')],
        ['building', t('proxy.building')],
      ]);
    case 'bank_account': {
      const current = record(value);
      const set = (name: string, part: string) => onChange({ ...current, [name]: part });
      const text = (name: string, partLabel: string, numeric = false) => (
        <TextField
          label={partLabel}
          value={current[name] ?? ''}
          autoComplete="off"
          spellCheck={false}
          inputMode={numeric ? 'numeric' : undefined}
          onChange={(event) => set(name, event.target.value)}
        />
      );
      return composite(
        <>
          <div className="row">
            {text('bankCode', t('proxy.bankCode'), true)}
            {field.askNames ? text('bankName', t('proxy.bankName')) : null}
          </div>
          <div className="row">
            {text('branchCode', t('proxy.branchCode'), true)}
            {field.askNames ? text('branchName', t('proxy.branchName')) : null}
          </div>
          <div className="row">
            <SelectField
              label={t('proxy.accountType')}
              value={current.accountType ?? ''}
              onChange={(event) => set('accountType', event.target.value)}
            >
              <option value="">{t('proxy.choose')}</option>
              {field.accountTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`proxy.accountType.${type}`)}
                </option>
              ))}
            </SelectField>
            {text('accountNumber', t('proxy.accountNumber'), true)}
          </div>
          <div className="row">{text('holderKana', t('proxy.holderKana'))}</div>
        </>,
      );
    }
    case 'email':
      if (field.confirm === false) break;
      return parts(
        [
          ['value', label],
          ['confirm', `${label}（${t('proxy.confirmEmail')}）`],
        ],
        () => ({ type: 'email', autoComplete: 'off' }),
      );
    case 'fee':
      if (field.quantity.source !== 'input') return null;
      return (
        <TextField
          {...common}
          type="number"
          value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      break;
  }
  const inputType =
    field.type === 'date' || field.type === 'birth_date'
      ? 'date'
      : field.type === 'time'
        ? 'time'
        : field.type === 'email'
          ? 'email'
          : field.type === 'phone'
            ? 'tel'
            : 'text';
  return (
    <TextField
      {...common}
      type={inputType}
      autoComplete="off"
      inputMode={field.type === 'number' || field.type === 'my_number' ? 'numeric' : undefined}
      value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
    />
  );
}
