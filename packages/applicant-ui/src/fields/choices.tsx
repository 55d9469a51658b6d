/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type Field, localize, type NestedField } from '@madoguchi/shared';
import type { Child } from 'hono/jsx';
import { formatCalendarDate } from '../format';
import { type AnswerPath, inputId, inputName } from '../names';
import { describedBy, type FieldContext, messagesAt, text } from './context';
import { ErrorMessage, FieldShell, Hint, labelOf, RequiredTag } from './parts';

interface Option {
  value: string;
  label: Child;
  disabled?: boolean;
}

/** The id of option `index` of a choice: the first carries the field's own id, for links to it. */
function optionId(path: AnswerPath, index: number): string {
  return index === 0 ? inputId(path) : inputId([...path, index]);
}

/** Radio buttons or checkboxes in a fieldset whose legend is the question. */
function ChoiceFieldset(props: {
  field: Field | NestedField;
  path: AnswerPath;
  ctx: FieldContext;
  kind: 'radio' | 'checkbox';
  options: Option[];
  isChecked: (value: string) => boolean;
  required: boolean;
  hints: (string | undefined)[];
  before?: Child;
}) {
  const { field, path, ctx } = props;
  const messages = messagesAt(ctx, path);
  const hasHint = props.hints.some(Boolean);
  const invalid = messages.length > 0;
  return (
    <FieldShell field={field} path={path} ctx={ctx} invalid={invalid}>
      <fieldset class="fieldset" aria-describedby={describedBy(path, hasHint, invalid)}>
        <legend class="legend">
          {labelOf(field, ctx)} <RequiredTag required={props.required} ctx={ctx} />
        </legend>
        {props.before}
        <Hint path={path} lines={props.hints} />
        <ErrorMessage path={path} messages={messages} ctx={ctx} />
        <div class={props.kind === 'radio' ? 'radios' : 'checkboxes'}>
          {props.options.map((option, index) => (
            <div class={`choice${option.disabled ? ' choice--disabled' : ''}`}>
              <input
                class="choice__input"
                type={props.kind}
                id={optionId(path, index)}
                name={inputName(path)}
                value={option.value}
                checked={props.isChecked(option.value)}
                disabled={option.disabled}
                required={props.kind === 'radio' && props.required}
                aria-invalid={invalid ? 'true' : undefined}
              />
              <label class="choice__label" for={optionId(path, index)}>
                {option.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </FieldShell>
  );
}

/** One choice: radio buttons, or a drop-down list for long lists. */
export function SingleChoiceField(props: {
  field: Extract<Field | NestedField, { type: 'single_choice' }>;
  path: AnswerPath;
  value: unknown;
  ctx: FieldContext;
}) {
  const { field, path, ctx } = props;
  const help = field.help ? localize(field.help, ctx.locale) : undefined;
  const current = text(props.value);
  if (field.display === 'select') {
    const messages = messagesAt(ctx, path);
    return (
      <FieldShell field={field} path={path} ctx={ctx} invalid={messages.length > 0}>
        <label class="label" for={inputId(path)}>
          {labelOf(field, ctx)} <RequiredTag required={field.required} ctx={ctx} />
        </label>
        <Hint path={path} lines={[help]} />
        <ErrorMessage path={path} messages={messages} ctx={ctx} />
        <select
          class="select"
          id={inputId(path)}
          name={inputName(path)}
          required={field.required}
          aria-describedby={describedBy(path, Boolean(help), messages.length > 0)}
          aria-invalid={messages.length > 0 ? 'true' : undefined}
        >
          <option value="">{ctx.m.selectPlaceholder}</option>
          {field.options.map((option) => (
            <option value={option.value} selected={option.value === current}>
              {localize(option.label, ctx.locale)}
            </option>
          ))}
        </select>
      </FieldShell>
    );
  }
  return (
    <ChoiceFieldset
      field={field}
      path={path}
      ctx={ctx}
      kind="radio"
      required={field.required}
      hints={[help]}
      options={field.options.map((option) => ({
        value: option.value,
        label: localize(option.label, ctx.locale),
      }))}
      isChecked={(value) => value === current}
    />
  );
}

/** Any number of choices, as checkboxes. */
export function MultipleChoiceField(props: {
  field: Extract<Field | NestedField, { type: 'multiple_choice' }>;
  path: AnswerPath;
  value: unknown;
  ctx: FieldContext;
}) {
  const { field, ctx } = props;
  const chosen = Array.isArray(props.value)
    ? props.value.filter((item) => typeof item === 'string')
    : typeof props.value === 'string'
      ? [props.value]
      : [];
  return (
    <ChoiceFieldset
      field={field}
      path={props.path}
      ctx={ctx}
      kind="checkbox"
      required={field.required}
      hints={[field.help ? localize(field.help, ctx.locale) : undefined]}
      options={field.options.map((option) => ({
        value: option.value,
        label: localize(option.label, ctx.locale),
      }))}
      isChecked={(value) => chosen.includes(value)}
    />
  );
}

/** はい／いいえ. */
export function YesNoField(props: {
  field: Extract<Field | NestedField, { type: 'yes_no' }>;
  path: AnswerPath;
  value: unknown;
  ctx: FieldContext;
}) {
  const { field, ctx, value } = props;
  const current =
    value === true || value === 'yes' ? 'yes' : value === false || value === 'no' ? 'no' : '';
  return (
    <ChoiceFieldset
      field={field}
      path={props.path}
      ctx={ctx}
      kind="radio"
      required={field.required}
      hints={[field.help ? localize(field.help, ctx.locale) : undefined]}
      options={[
        { value: 'yes', label: ctx.m.yes },
        { value: 'no', label: ctx.m.no },
      ]}
      isChecked={(option) => option === current}
    />
  );
}

/** Terms to read and a box to tick (同意事項). */
export function ConsentField(props: {
  field: Extract<Field, { type: 'consent' }>;
  path: AnswerPath;
  value: unknown;
  ctx: FieldContext;
}) {
  const { field, ctx, value, path } = props;
  const agreed = value === true || value === 'on' || value === 'yes' || value === 'true';
  return (
    <ChoiceFieldset
      field={field}
      path={path}
      ctx={ctx}
      kind="checkbox"
      required
      hints={[field.help ? localize(field.help, ctx.locale) : undefined]}
      before={
        <div class="terms" id={`${inputId(path)}-terms`}>
          <p class="terms__title">{ctx.m.termsHeading}</p>
          {localize(field.terms, ctx.locale)
            .split('\n')
            .map((line) => (
              <p>{line}</p>
            ))}
        </div>
      }
      options={[
        {
          value: 'on',
          label: field.agreeLabel ? localize(field.agreeLabel, ctx.locale) : ctx.m.agree,
        },
      ]}
      isChecked={() => agreed}
    />
  );
}

/** A choice of date-time slot, each with the places it has left; full and past slots are not offered. */
export function ReservationSlotField(props: {
  field: Extract<Field, { type: 'reservation_slot' }>;
  path: AnswerPath;
  value: unknown;
  ctx: FieldContext;
}) {
  const { field, ctx } = props;
  const current = text(props.value);
  const left = ctx.slotsLeft.get(field.id);
  const slots = field.slots.filter((slot) => slot.date >= ctx.today);
  return (
    <ChoiceFieldset
      field={field}
      path={props.path}
      ctx={ctx}
      kind="radio"
      required={field.required}
      hints={[field.help ? localize(field.help, ctx.locale) : undefined]}
      options={slots.map((slot) => {
        const places = left?.get(slot.id) ?? slot.capacity;
        return {
          value: slot.id,
          disabled: places <= 0,
          label: (
            <>
              <span class="slot__when">
                {formatCalendarDate(slot.date, ctx.locale)} {slot.start}–{slot.end}
              </span>
              {slot.label ? (
                <span class="slot__label">{localize(slot.label, ctx.locale)}</span>
              ) : null}
              <span class={`slot__left${places <= 0 ? ' slot__left--full' : ''}`}>
                {places <= 0 ? ctx.m.slotFull : ctx.m.slotLeft(places)}
              </span>
            </>
          ),
        };
      })}
      isChecked={(value) => value === current}
    />
  );
}
