import { type DefinitionProblem, piiCategories } from '@madoguchi/shared';
import { useI18n } from '../i18n/i18n';
import { CheckboxField, SelectField, TextArea, TextField } from '../ui/fields';
import { ConditionEditor } from './ConditionEditor';
import type { ConditionSource } from './logic/conditions';
import type { DraftField, DraftNestedField, DraftPage } from './logic/palette';
import { fieldTypeNames } from './logic/palette';
import { problemPlace } from './logic/problems';
import { useBuilderText } from './text';

type AnyField = DraftField | DraftNestedField;

/** Types whose personal-data category the form language fixes. */
const fixedPii = new Set(['bank_account', 'birth_date', 'my_number', 'fee', 'group']);

/** The message of the first problem at a part of the field (e.g. `label.ja`), for inline display. */
function problemFor(problems: DefinitionProblem[], prefix: string): string | undefined {
  return problems.find((problem) => problemPlace(problem.path).rest.startsWith(prefix))?.message;
}

/** A whole number input that leaves the property out when emptied. */
function NumberInput({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: number | undefined;
  error?: string | undefined;
  onChange: (value: number | undefined) => void;
}) {
  return (
    <TextField
      label={label}
      type="number"
      value={value ?? ''}
      {...(error ? { error } : {})}
      onChange={(event) =>
        onChange(event.target.value === '' ? undefined : Number(event.target.value))
      }
    />
  );
}

/** Sets or, for undefined, removes one property of a field. */
function patch<T extends object>(field: T, key: string, value: unknown): T {
  const next = { ...field } as Record<string, unknown>;
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next as T;
}

/** Edits the selected field: texts, required, limits, choices, PII, CSV column and condition. */
export function Inspector({
  field,
  problems,
  sources,
  onChange,
}: {
  field: AnyField;
  problems: DefinitionProblem[];
  sources: ConditionSource[];
  onChange: (field: AnyField) => void;
}) {
  const bt = useBuilderText();
  const { locale } = useI18n();
  const set = (key: string, value: unknown) => onChange(patch(field, key, value));
  const err = (prefix: string) => problemFor(problems, prefix);
  const optional = (error: string | undefined) => (error ? { error } : {});
  const other = problems.filter((problem) => {
    const rest = problemPlace(problem.path).rest;
    return !['id', 'label', 'text', 'options', 'min', 'quantity', 'terms', 'csvColumn'].some((p) =>
      rest.startsWith(p),
    );
  });
  return (
    <section aria-labelledby="inspector-title" className="builder-inspector">
      <h2 id="inspector-title">
        {bt('inspector')}: {fieldTypeNames[field.type][locale]}
      </h2>
      {other.length > 0 ? (
        <ul className="error-box">
          {other.map((problem) => (
            <li key={problem.path + problem.code}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
      <TextField
        label={bt('id')}
        value={field.id}
        {...optional(err('id'))}
        onChange={(event) => set('id', event.target.value)}
      />
      {field.type === 'heading' || field.type === 'paragraph' ? (
        <>
          <TextArea
            label={bt('textJa')}
            value={field.text.ja}
            {...optional(err('text'))}
            onChange={(event) => set('text', { ...field.text, ja: event.target.value })}
          />
          <TextArea
            label={bt('textEn')}
            value={field.text.en ?? ''}
            onChange={(event) => set('text', patch(field.text, 'en', event.target.value))}
          />
        </>
      ) : (
        <>
          <TextField
            label={bt('labelJa')}
            value={field.label.ja}
            required
            {...optional(err('label'))}
            onChange={(event) => set('label', { ...field.label, ja: event.target.value })}
          />
          <TextField
            label={bt('labelEn')}
            value={field.label.en ?? ''}
            onChange={(event) => set('label', patch(field.label, 'en', event.target.value))}
          />
          <TextArea
            label={bt('helpJa')}
            rows={2}
            value={field.help?.ja ?? ''}
            onChange={(event) =>
              set(
                'help',
                event.target.value === '' && !field.help?.en
                  ? undefined
                  : { ...field.help, ja: event.target.value },
              )
            }
          />
          {field.type !== 'consent' ? (
            <CheckboxField
              label={bt('required')}
              checked={field.required === true}
              onChange={(event) => set('required', event.target.checked)}
            />
          ) : null}
          {field.type !== 'group' ? (
            <SelectField
              label={bt('pii')}
              value={'pii' in field ? (field.pii ?? 'none') : 'none'}
              disabled={fixedPii.has(field.type)}
              onChange={(event) => set('pii', event.target.value)}
            >
              {piiCategories.map((category) => (
                <option key={category} value={category}>
                  {category}
                </option>
              ))}
            </SelectField>
          ) : null}
          {field.type !== 'group' ? (
            <TextField
              label={bt('csvColumn')}
              value={field.csvColumn ?? ''}
              {...optional(err('csvColumn'))}
              onChange={(event) => set('csvColumn', event.target.value)}
            />
          ) : null}
        </>
      )}
      <TypeSettings field={field} set={set} err={err} />
      <ConditionEditor
        condition={field.showIf}
        sources={sources}
        onChange={(condition) => set('showIf', condition)}
      />
    </section>
  );
}

function TypeSettings({
  field,
  set,
  err,
}: {
  field: AnyField;
  set: (key: string, value: unknown) => void;
  err: (prefix: string) => string | undefined;
}) {
  const bt = useBuilderText();
  switch (field.type) {
    case 'short_text':
    case 'long_text':
      return (
        <div className="row">
          <NumberInput
            label={bt('minLength')}
            value={field.minLength}
            error={err('minLength')}
            onChange={(v) => set('minLength', v)}
          />
          <NumberInput
            label={bt('maxLength')}
            value={field.maxLength}
            onChange={(v) => set('maxLength', v)}
          />
        </div>
      );
    case 'number':
      return (
        <div className="row">
          <NumberInput
            label={bt('min')}
            value={field.min}
            error={err('min')}
            onChange={(v) => set('min', v)}
          />
          <NumberInput label={bt('max')} value={field.max} onChange={(v) => set('max', v)} />
        </div>
      );
    case 'group':
      return (
        <div className="row">
          <TextField
            label={bt('rowLabel')}
            value={field.rowLabel?.ja ?? ''}
            onChange={(event) =>
              set('rowLabel', event.target.value === '' ? undefined : { ja: event.target.value })
            }
          />
          <NumberInput
            label={bt('minRows')}
            value={field.minRows}
            error={err('minRows')}
            onChange={(v) => set('minRows', v)}
          />
          <NumberInput
            label={bt('maxRows')}
            value={field.maxRows}
            onChange={(v) => set('maxRows', v)}
          />
        </div>
      );
    case 'fee':
      return (
        <div className="row">
          <NumberInput
            label={bt('unitPrice')}
            value={field.unitPrice}
            onChange={(v) => set('unitPrice', v ?? 0)}
          />
          {field.quantity.source === 'input' ? (
            <NumberInput
              label={bt('quantityMax')}
              value={field.quantity.max}
              error={err('quantity')}
              onChange={(v) => set('quantity', patch(field.quantity, 'max', v))}
            />
          ) : null}
        </div>
      );
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
        <TextField
          label={bt('hiddenValue')}
          value={field.value ?? ''}
          onChange={(event) => set('value', event.target.value)}
        />
      );
    case 'consent':
      return (
        <TextArea
          label={bt('terms')}
          value={field.terms.ja}
          error={err('terms')}
          onChange={(event) => set('terms', { ...field.terms, ja: event.target.value })}
        />
      );
    case 'single_choice':
    case 'multiple_choice':
      return (
        <Choices
          options={field.options}
          err={err}
          onChange={(options) => set('options', options)}
        />
      );
    default:
      return null;
  }
}

type Option = { value: string; label: { ja: string; en?: string } };

function Choices({
  options,
  err,
  onChange,
}: {
  options: Option[];
  err: (prefix: string) => string | undefined;
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
    <fieldset>
      <legend>{bt('choices')}</legend>
      {options.map((option, index) => {
        const n = index + 1;
        const error = err(`options[${index}]`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a value being edited cannot be the key
          <div key={index} className="row">
            <TextField
              label={`${bt('choiceLabel')} ${n}`}
              value={option.label.ja}
              {...(error ? { error } : {})}
              onChange={(event) =>
                update(index, { ...option, label: { ...option.label, ja: event.target.value } })
              }
            />
            <TextField
              label={`${bt('choiceValue')} ${n}`}
              value={option.value}
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
          onChange([
            ...options,
            { value: `o${options.length + 1}`, label: { ja: `選択肢${options.length + 1}` } },
          ])
        }
      >
        ＋ {bt('addChoice')}
      </button>
    </fieldset>
  );
}

/** Edits a page: its heading in both languages and its condition. */
export function PageInspector({
  page,
  problems,
  sources,
  onChange,
}: {
  page: DraftPage;
  problems: DefinitionProblem[];
  sources: ConditionSource[];
  onChange: (page: DraftPage) => void;
}) {
  const bt = useBuilderText();
  const error = problems.find((problem) => problem.path.includes('title'))?.message;
  return (
    <section aria-labelledby="page-inspector-title" className="builder-inspector">
      <h2 id="page-inspector-title">{bt('page')}</h2>
      <TextField
        label={bt('pageTitle')}
        value={page.title.ja}
        required
        {...(error ? { error } : {})}
        onChange={(event) =>
          onChange({ ...page, title: { ...page.title, ja: event.target.value } })
        }
      />
      <TextField
        label={bt('pageTitleEn')}
        value={page.title.en ?? ''}
        onChange={(event) =>
          onChange({ ...page, title: patch(page.title, 'en', event.target.value) })
        }
      />
      <ConditionEditor
        condition={page.showIf}
        sources={sources}
        onChange={(showIf) => onChange(patch(page, 'showIf', showIf))}
      />
    </section>
  );
}
