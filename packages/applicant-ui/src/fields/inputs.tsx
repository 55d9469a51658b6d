/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import {
  type DateBound,
  type Field,
  fileTypes,
  formatWareki,
  localize,
  maskMyNumber,
  type NestedField,
  parseDateInput,
  resolveDateBound,
} from '@madoguchi/shared';
import { isStoredMyNumber } from '../form-data';
import { formatBytes } from '../format';
import { type AnswerPath, actionValue, inputId, inputName, pathKey } from '../names';
import { describedBy, type FieldContext, messagesAt, part, text } from './context';
import { ErrorMessage, FieldShell, Hint, labelOf, RequiredTag } from './parts';

type TextLike = Extract<
  Field | NestedField,
  {
    type:
      | 'short_text'
      | 'number'
      | 'email'
      | 'phone'
      | 'date'
      | 'birth_date'
      | 'time'
      | 'my_number';
  }
>;

interface InputAttributes {
  type: 'text' | 'email' | 'tel' | 'date' | 'time';
  inputmode?: 'numeric' | 'decimal' | 'tel' | 'email';
  autocomplete?: string;
  spellcheck?: boolean;
  autocapitalize?: 'none' | 'characters';
  min?: string;
  max?: string;
  step?: number;
  width: string;
  /** Hook for the client script (kana conversion, 和暦 display). */
  hook?: string;
}

function bound(value: DateBound | undefined, today: string): string | undefined {
  return value === undefined ? undefined : (resolveDateBound(value, today) ?? undefined);
}

/** Input attributes per field type: keyboards, autofill and width suited to the answer. */
function attributesOf(field: TextLike, inGroup: boolean, ctx: FieldContext): InputAttributes {
  const personal = (token: string) => (inGroup ? 'off' : token);
  switch (field.type) {
    case 'short_text':
      if (field.charset === 'digits')
        return { type: 'text', inputmode: 'numeric', width: 'input--w20', spellcheck: false };
      if (field.charset === 'alphanumeric')
        return {
          type: 'text',
          autocapitalize: 'characters',
          spellcheck: false,
          width: 'input--w20',
        };
      if (field.charset === 'katakana') return { type: 'text', width: 'input--w20', hook: 'kana' };
      return { type: 'text', width: field.maxLength <= 20 ? 'input--w20' : 'input--full' };
    case 'number':
      return {
        type: 'text',
        inputmode: field.integer ? 'numeric' : 'decimal',
        width: 'input--w10',
        spellcheck: false,
      };
    case 'email':
      return {
        type: 'email',
        autocomplete: personal('email'),
        spellcheck: false,
        autocapitalize: 'none',
        width: 'input--full',
      };
    case 'phone':
      return { type: 'tel', autocomplete: personal('tel'), width: 'input--w20' };
    case 'date': {
      const min = bound(field.min, ctx.today);
      const max = bound(field.max, ctx.today);
      return {
        type: 'date',
        width: 'input--w20',
        hook: 'wareki',
        ...(min ? { min } : {}),
        ...(max ? { max } : {}),
      };
    }
    case 'birth_date':
      return {
        type: 'date',
        autocomplete: personal('bday'),
        width: 'input--w20',
        hook: 'wareki',
        min: '1873-01-01',
        max: ctx.today,
      };
    case 'time':
      return {
        type: 'time',
        width: 'input--w10',
        step: field.stepMinutes * 60,
        ...(field.min ? { min: field.min } : {}),
        ...(field.max ? { max: field.max } : {}),
      };
    case 'my_number':
      return {
        type: 'text',
        inputmode: 'numeric',
        autocomplete: 'off',
        spellcheck: false,
        width: 'input--w20',
      };
  }
}

/** The format hints of a field type, after the designer's help text. */
function hintsOf(field: TextLike, value: unknown, ctx: FieldContext): (string | undefined)[] {
  const { m } = ctx;
  switch (field.type) {
    case 'short_text': {
      const length =
        field.minLength !== undefined
          ? m.lengthRange(field.minLength, field.maxLength)
          : m.maxLength(field.maxLength);
      const charset =
        field.charset === 'katakana'
          ? m.katakanaHint
          : field.charset === 'digits'
            ? m.digitsHint
            : field.charset === 'alphanumeric'
              ? m.alphanumericHint
              : undefined;
      return [charset, length, field.placeholder];
    }
    case 'number':
      return [m.numberRange(field.min, field.max)];
    case 'phone':
      return [m.phoneHint];
    case 'date':
      return [m.dateHint];
    case 'birth_date':
      return [
        m.dateHint,
        field.minAge !== undefined || field.maxAge !== undefined
          ? m.ageLimit(field.minAge, field.maxAge)
          : undefined,
      ];
    case 'time':
      return [m.timeHint];
    case 'my_number':
      return isStoredMyNumber(value)
        ? [m.myNumberStored(maskMyNumber(value, 4))]
        : [m.myNumberHint];
    default:
      return [];
  }
}

/** A one-line answer: text, number, email, phone, date, time, My Number. */
export function TextField(props: {
  field: TextLike;
  path: AnswerPath;
  value: unknown;
  ctx: FieldContext;
  inGroup: boolean;
}) {
  const { field, path, value, ctx } = props;
  const messages = messagesAt(ctx, path);
  const attributes = attributesOf(field, props.inGroup, ctx);
  const help = field.help ? localize(field.help, ctx.locale) : undefined;
  const locked = ctx.locked.has(pathKey(path));
  const hints = [help, ...hintsOf(field, value, ctx), locked ? ctx.m.cardLocked : undefined];
  const hasHint = hints.some(Boolean);
  const invalid = messages.length > 0;
  // An email typed twice answers as { value, confirm }: two inputs, each with its own problems.
  const twice = field.type === 'email' && field.confirm;
  const valuePath = twice ? [...path, 'value'] : path;
  const confirmPath = [...path, 'confirm'];
  // A complete My Number is never sent back to the browser: the field stays empty and keeps it.
  const shownValue =
    field.type === 'my_number' && isStoredMyNumber(value)
      ? ''
      : text(twice ? part(value, 'value') : value);
  const id = inputId(valuePath);
  const valueInvalid = twice
    ? ctx.errors.has(pathKey(path)) || ctx.errors.has(pathKey(valuePath))
    : invalid;
  const iso =
    field.type === 'date' || field.type === 'birth_date' ? parseDateInput(shownValue) : undefined;
  const wareki = iso ? formatWareki(iso, ctx.locale) : null;
  const unit = field.type === 'number' && field.unit ? localize(field.unit, ctx.locale) : undefined;
  const input = (
    <input
      class={`input ${attributes.width}`}
      type={attributes.type}
      id={id}
      name={inputName(valuePath)}
      value={shownValue}
      required={field.required}
      readonly={locked}
      aria-describedby={describedBy(path, hasHint, invalid)}
      aria-invalid={valueInvalid ? 'true' : undefined}
      autocomplete={attributes.autocomplete}
      inputmode={attributes.inputmode}
      spellcheck={attributes.spellcheck}
      autocapitalize={attributes.autocapitalize}
      min={attributes.min}
      max={attributes.max}
      step={attributes.step}
      data-hook={attributes.hook}
      data-stored={field.type === 'my_number' && isStoredMyNumber(value) ? 'true' : undefined}
    />
  );
  return (
    <FieldShell field={field} path={path} ctx={ctx} invalid={invalid}>
      <label class="label" for={id}>
        {labelOf(field, ctx)} <RequiredTag required={field.required} ctx={ctx} />
      </label>
      <Hint path={path} lines={hints} />
      <ErrorMessage path={path} messages={messages} ctx={ctx} />
      {unit ? (
        <div class="input-with-suffix">
          {input}
          <span class="input-suffix">{unit}</span>
        </div>
      ) : (
        input
      )}
      {attributes.hook === 'wareki' ? (
        <p class="wareki" data-wareki-for={id} hidden={wareki === null}>
          {wareki ? ctx.m.wareki(wareki) : ''}
        </p>
      ) : null}
      {twice ? (
        <div class="confirm-input">
          <label class="label label--secondary" for={inputId(confirmPath)}>
            {ctx.m.emailConfirmLabel}
          </label>
          <input
            class="input input--full"
            type="email"
            id={inputId(confirmPath)}
            name={inputName(confirmPath)}
            value={text(part(value, 'confirm'))}
            required={field.required}
            aria-describedby={describedBy(path, false, invalid)}
            aria-invalid={ctx.errors.has(pathKey(confirmPath)) ? 'true' : undefined}
            autocomplete={props.inGroup ? 'off' : 'email'}
            spellcheck={false}
            autocapitalize="none"
          />
        </div>
      ) : null}
    </FieldShell>
  );
}

/** Several lines of text. */
export function LongTextField(props: {
  field: Extract<Field | NestedField, { type: 'long_text' }>;
  path: AnswerPath;
  value: unknown;
  ctx: FieldContext;
}) {
  const { field, path, ctx } = props;
  const messages = messagesAt(ctx, path);
  const help = field.help ? localize(field.help, ctx.locale) : undefined;
  const limit =
    field.minLength !== undefined
      ? ctx.m.lengthRange(field.minLength, field.maxLength)
      : ctx.m.maxLength(field.maxLength);
  return (
    <FieldShell field={field} path={path} ctx={ctx} invalid={messages.length > 0}>
      <label class="label" for={inputId(path)}>
        {labelOf(field, ctx)} <RequiredTag required={field.required} ctx={ctx} />
      </label>
      <Hint path={path} lines={[help, limit]} />
      <ErrorMessage path={path} messages={messages} ctx={ctx} />
      <textarea
        class="textarea"
        id={inputId(path)}
        name={inputName(path)}
        rows={field.rows}
        required={field.required}
        aria-describedby={describedBy(path, true, messages.length > 0)}
        aria-invalid={messages.length > 0 ? 'true' : undefined}
        data-max-length={field.maxLength}
      >
        {text(props.value)}
      </textarea>
    </FieldShell>
  );
}

/**
 * Attachments: the files already sent (each with its own remove button) and a file input for
 * more, with the accepted types, size and count stated. The files go up with the page's form
 * (multipart) when the resident continues.
 */
export function FileField(props: {
  field: Extract<Field | NestedField, { type: 'file' }>;
  path: AnswerPath;
  value: unknown;
  ctx: FieldContext;
}) {
  const { field, path, ctx } = props;
  const messages = messagesAt(ctx, path);
  const stored = Array.isArray(props.value)
    ? props.value.filter(
        (item): item is { id: string; name: string; size: number } =>
          typeof item === 'object' &&
          item !== null &&
          typeof item.id === 'string' &&
          typeof item.name === 'string' &&
          typeof item.size === 'number',
      )
    : [];
  const left = field.maxFiles - stored.length;
  const types = field.accept.map((type) => fileTypes[type]).join(ctx.locale === 'ja' ? '・' : ', ');
  const help = field.help ? localize(field.help, ctx.locale) : undefined;
  const hints = [
    help,
    ctx.m.fileLimits(types, field.maxSizeMb, field.maxFiles),
    stored.length > 0 && left > 0 ? ctx.m.fileChooseMore(left) : undefined,
    left > 0 ? ctx.m.fileSent : undefined,
  ];
  const stringPath = path.map(String);
  return (
    <FieldShell field={field} path={path} ctx={ctx} invalid={messages.length > 0}>
      {left > 0 ? (
        <label class="label" for={inputId(path)}>
          {labelOf(field, ctx)} <RequiredTag required={field.required} ctx={ctx} />
        </label>
      ) : (
        <p class="label">
          {labelOf(field, ctx)} <RequiredTag required={field.required} ctx={ctx} />
        </p>
      )}
      <Hint path={path} lines={hints} />
      <ErrorMessage path={path} messages={messages} ctx={ctx} />
      {stored.length > 0 ? (
        <div
          class="files"
          id={left > 0 ? undefined : inputId(path)}
          tabindex={left > 0 ? undefined : -1}
        >
          <p class="files__title">{ctx.m.filesAttached}</p>
          <ul class="files__list">
            {stored.map((file) => (
              <li class="files__item">
                <span class="files__name">
                  {file.name}（{formatBytes(file.size)}）
                </span>
                <button
                  type="submit"
                  class="button button--secondary button--small"
                  name="_action"
                  value={actionValue({ kind: 'remove_file', path: stringPath, fileId: file.id })}
                  formAction={`${ctx.action}#${inputId(path)}-field`}
                >
                  {ctx.m.removeFile(file.name)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {left > 0 ? (
        <input
          class="file-input"
          type="file"
          id={inputId(path)}
          name={inputName(path)}
          accept={field.accept.join(',')}
          multiple={left > 1}
          aria-describedby={describedBy(path, true, messages.length > 0)}
          aria-invalid={messages.length > 0 ? 'true' : undefined}
          data-max-mb={field.maxSizeMb}
          data-max-files={left}
        />
      ) : null}
    </FieldShell>
  );
}
