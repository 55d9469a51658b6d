/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type Field, localize, type NestedField, PREFECTURES } from '@madoguchi/shared';
import { compositeParts } from '../form-data';
import { type AnswerPath, inputId, inputName, pathKey } from '../names';
import { describedBy, type FieldContext, messagesAt, part, text } from './context';
import { ErrorMessage, FieldShell, Hint, labelOf, RequiredTag } from './parts';

type Composite = Extract<Field | NestedField, { type: 'name' | 'address' | 'bank_account' }>;

interface PartInput {
  part: string;
  label: string;
  autocomplete?: string;
  inputmode?: 'numeric';
  width: string;
  hint?: string;
  optional?: boolean;
  /** Hook for the client script. */
  hook?: string;
}

/** How each part of a composite answer is asked. */
function partInputs(field: Composite, inGroup: boolean, ctx: FieldContext): PartInput[] {
  const { parts, m } = ctx;
  // In a group's rows the answers are about other people: the browser must not fill in the
  // resident's own name or address there.
  const auto = (token: string) => (inGroup ? 'off' : token);
  switch (field.type) {
    case 'name':
      return compositeParts(field).map((key) => {
        const kana = key === 'familyKana' || key === 'givenKana';
        return {
          part: key,
          label: parts[key as keyof typeof parts],
          width: 'input--w20',
          ...(kana
            ? { hook: 'kana', optional: field.kana === 'optional' }
            : { autocomplete: auto(key === 'family' ? 'family-name' : 'given-name') }),
        };
      });
    case 'address':
      return [
        {
          part: 'postalCode',
          label: parts.postalCode,
          autocomplete: auto('postal-code'),
          inputmode: 'numeric',
          width: 'input--w10',
          hint: m.postalHint,
          optional: !field.postalCodeRequired,
          hook: 'postal-code',
        },
        { part: 'prefecture', label: parts.prefecture, width: 'input--w20' },
        {
          part: 'city',
          label: parts.city,
          autocomplete: auto('address-level2'),
          width: 'input--full',
        },
        {
          part: 'town',
          label: parts.town,
          autocomplete: auto('address-line1'),
          width: 'input--full',
        },
        {
          part: 'building',
          label: parts.building,
          autocomplete: auto('address-line2'),
          width: 'input--full',
          optional: true,
        },
      ];
    case 'bank_account':
      return compositeParts(field).map((key) => {
        const numeric: Record<string, string> = {
          bankCode: m.bankCodeHint,
          branchCode: m.branchCodeHint,
          accountNumber: m.accountNumberHint,
        };
        return {
          part: key,
          label: parts[key as keyof typeof parts],
          autocomplete: 'off',
          width: key.endsWith('Name') || key === 'holderKana' ? 'input--full' : 'input--w10',
          ...(numeric[key] ? { inputmode: 'numeric' as const, hint: numeric[key] } : {}),
          ...(key === 'holderKana' ? { hint: m.katakanaHint, hook: 'kana' } : {}),
        };
      });
  }
}

/**
 * A name (氏・名・フリガナ), an address (postal code, prefecture, city, town, building) or a bank
 * account: one fieldset whose legend is the question, one labelled input per part.
 */
export function CompositeField(props: {
  field: Composite;
  path: AnswerPath;
  value: unknown;
  ctx: FieldContext;
  inGroup: boolean;
}) {
  const { field, path, ctx, value } = props;
  const messages = messagesAt(ctx, path);
  const help = field.help ? localize(field.help, ctx.locale) : undefined;
  const invalid = messages.length > 0;
  return (
    <FieldShell field={field} path={path} ctx={ctx} invalid={invalid}>
      <fieldset class="fieldset" aria-describedby={describedBy(path, Boolean(help), invalid)}>
        <legend class="legend">
          {labelOf(field, ctx)} <RequiredTag required={field.required} ctx={ctx} />
        </legend>
        <Hint path={path} lines={[help]} />
        <ErrorMessage path={path} messages={messages} ctx={ctx} />
        <div class={`parts parts--${field.type.replace('_', '-')}`}>
          {partInputs(field, props.inGroup, ctx).map((input) => {
            const partPath = [...path, input.part];
            const partInvalid = ctx.errors.has(pathKey(partPath)) || ctx.errors.has(pathKey(path));
            const ids = [
              input.hint ? `${inputId(partPath)}-hint` : '',
              invalid ? `${inputId(path)}-error` : '',
            ].filter(Boolean);
            const common = {
              id: inputId(partPath),
              name: inputName(partPath),
              'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
              'aria-invalid': partInvalid ? ('true' as const) : undefined,
              required: field.required && !input.optional,
            };
            const current = text(part(value, input.part));
            const locked = ctx.locked.has(pathKey(partPath));
            if (locked) {
              // From the card: shown as it is, read-only (a select cannot be read-only).
              const hintId = `${inputId(partPath)}-hint`;
              return (
                <div class="part">
                  <label class="label label--part" for={common.id}>
                    {input.label}
                  </label>
                  <p class="hint" id={hintId}>
                    {ctx.m.cardLocked}
                  </p>
                  <input
                    class={`input ${input.width}`}
                    type="text"
                    {...common}
                    aria-describedby={[hintId, ...ids].join(' ')}
                    value={current}
                    readonly
                    spellcheck={false}
                  />
                </div>
              );
            }
            if (input.part === 'prefecture') {
              return (
                <div class="part">
                  <label class="label label--part" for={common.id}>
                    {input.label}
                  </label>
                  <select
                    class="select"
                    {...common}
                    autocomplete={props.inGroup ? 'off' : 'address-level1'}
                  >
                    <option value="">{ctx.m.prefecturePlaceholder}</option>
                    {PREFECTURES.map((prefecture) => (
                      <option value={prefecture.ja} selected={prefecture.ja === current}>
                        {ctx.locale === 'en'
                          ? `${prefecture.en} (${prefecture.ja})`
                          : prefecture.ja}
                      </option>
                    ))}
                  </select>
                </div>
              );
            }
            if (input.part === 'accountType' && field.type === 'bank_account') {
              return (
                <fieldset class="fieldset fieldset--part">
                  <legend class="label label--part">{input.label}</legend>
                  <div class="radios radios--inline">
                    {field.accountTypes.map((type, index) => {
                      const id = index === 0 ? common.id : inputId([...partPath, index]);
                      return (
                        <div class="choice">
                          <input
                            class="choice__input"
                            type="radio"
                            id={id}
                            name={common.name}
                            value={type}
                            checked={current === type}
                            required={common.required}
                            aria-invalid={common['aria-invalid']}
                          />
                          <label class="choice__label" for={id}>
                            {ctx.m.accountTypes[type]}
                          </label>
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
              );
            }
            return (
              <div class="part">
                <label class="label label--part" for={common.id}>
                  {input.label}
                  {input.optional && field.required ? (
                    <span class="tag tag--optional">{ctx.m.optional}</span>
                  ) : null}
                </label>
                {input.hint ? (
                  <p class="hint" id={`${inputId(partPath)}-hint`}>
                    {input.hint}
                  </p>
                ) : null}
                <input
                  class={`input ${input.width}`}
                  type="text"
                  {...common}
                  value={current}
                  autocomplete={input.autocomplete}
                  inputmode={input.inputmode}
                  spellcheck={false}
                  data-hook={input.hook}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </FieldShell>
  );
}
