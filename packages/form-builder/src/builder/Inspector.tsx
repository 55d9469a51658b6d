import { type DefinitionProblem, piiCategories } from '@madoguchi/shared';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { CheckboxField, SelectField, TextArea, TextField } from '../ui/fields';
import { ConditionEditor } from './ConditionEditor';
import type { ConditionSource } from './logic/conditions';
import type { FieldIdProblem } from './logic/ids';
import type { DraftField, DraftNestedField, DraftPage } from './logic/palette';
import { fieldTypeNames, isPlaceholder } from './logic/palette';
import { problemPlace } from './logic/problems';
import { type FieldChoice, patch, TypeSettings } from './TypeSettings';
import { piiWord, useBuilderText } from './text';

type AnyField = DraftField | DraftNestedField;

/** Types whose personal-data category the form language fixes. */
const fixedPii = new Set(['bank_account', 'birth_date', 'my_number', 'fee', 'group']);

/** The message of the first problem at a part of the field (e.g. `label.ja`), for inline display. */
function problemFor(problems: DefinitionProblem[], prefix: string): string | undefined {
  return problems.find((problem) => problemPlace(problem.path).rest.startsWith(prefix))?.message;
}

/** Parts of a field the inspector shows its problems beside; others go in a box on top. */
const inline = [
  'id',
  'label',
  'text',
  'help',
  'options',
  'min',
  'max',
  'quantity',
  'unitPrice',
  'terms',
  'csvColumn',
  'rows',
  'placeholder',
  'accept',
  'accountTypes',
  'ageOn',
  'stepMinutes',
  'slots',
  'value',
  'fromQuery',
  'unit',
  'agreeLabel',
];

/** A localized text with one language changed; undefined when both are empty (optional texts). */
function setText(
  text: { ja: string; en?: string } | undefined,
  locale: 'ja' | 'en',
  value: string,
): { ja: string; en?: string } | undefined {
  const next = patch(text ?? { ja: '' }, locale, value);
  if (locale === 'ja' && value === '') next.ja = '';
  return next.ja === '' && !next.en ? undefined : next;
}

/**
 * The label with a new Japanese text. The English one a new field got from its type's name
 * ("Short text") is dropped then, so English readers see the Japanese label rather than a
 * wrong word, until the designer writes one.
 */
function renamedLabel(field: Exclude<AnyField, { type: 'heading' | 'paragraph' }>, ja: string) {
  const { en, ...rest } = field.label;
  const stale = en === fieldTypeNames[field.type].en;
  return stale || en === undefined ? { ...rest, ja } : { ...rest, ja, en };
}

/**
 * The field's id, applied when the designer leaves the input (or presses Enter) and only when
 * it is valid: renaming follows the field's references, so half-typed ids must not be applied.
 */
function IdEditor({
  id,
  idProblem,
  onRename,
}: {
  id: string;
  idProblem: (next: string) => FieldIdProblem | null;
  onRename: (next: string) => void;
}) {
  const bt = useBuilderText();
  const [value, setValue] = useState(id);
  const problem = idProblem(value);
  const apply = () => {
    if (value !== id && problem === null) onRename(value);
  };
  return (
    <TextField
      label={bt('id')}
      help={bt('idHelp')}
      value={value}
      spellCheck={false}
      autoCapitalize="off"
      {...(problem ? { error: bt(`idProblem.${problem}`) } : {})}
      onChange={(event) => setValue(event.target.value.trim())}
      onBlur={apply}
      onKeyDown={(event) => {
        if (event.key === 'Enter') apply();
        if (event.key === 'Escape') setValue(id);
      }}
    />
  );
}

/** Edits the selected field: texts, required, limits, choices, PII, CSV column and condition. */
export function Inspector({
  field,
  problems,
  sources,
  fields,
  idProblem,
  onRenameId,
  onChange,
}: {
  field: AnyField;
  problems: DefinitionProblem[];
  sources: ConditionSource[];
  /** The form's top-level fields, for settings that point at one (a fee's quantity). */
  fields: FieldChoice[];
  /** Why a new id would not do, or null. */
  idProblem: (next: string) => FieldIdProblem | null;
  /** Gives the field a new id, following its references. */
  onRenameId: (next: string) => void;
  onChange: (field: AnyField) => void;
}) {
  const bt = useBuilderText();
  const { locale } = useI18n();
  const set = (key: string, value: unknown) => onChange(patch(field, key, value));
  const err = (prefix: string) => problemFor(problems, prefix);
  const optional = (error: string | undefined) => (error ? { error } : {});
  const other = problems.filter((problem) => {
    const rest = problemPlace(problem.path).rest;
    return !inline.some((p) => rest.startsWith(p));
  });
  return (
    <section aria-labelledby="inspector-title" className="builder-inspector">
      <h2 id="inspector-title">
        {bt('inspector')}: {fieldTypeNames[field.type][locale]}
      </h2>
      {(field.type === 'group' && field.fields.length === 1 && isPlaceholder(field.fields[0])) ||
      isPlaceholder(field as DraftNestedField) ? (
        <p className="help placeholder-hint">{bt('placeholderHint')}</p>
      ) : null}
      {other.length > 0 ? (
        <ul className="error-box">
          {other.map((problem) => (
            <li key={problem.path + problem.code}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
      <IdEditor key={field.id} id={field.id} idProblem={idProblem} onRename={onRenameId} />
      {err('id') ? <p className="field-error">{err('id')}</p> : null}
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
            onChange={(event) => set('label', renamedLabel(field, event.target.value))}
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
            {...optional(err('help'))}
            onChange={(event) => set('help', setText(field.help, 'ja', event.target.value))}
          />
          <TextArea
            label={bt('helpEn')}
            rows={2}
            value={field.help?.en ?? ''}
            onChange={(event) => set('help', setText(field.help, 'en', event.target.value))}
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
                  {piiWord(locale, category)}
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
      <TypeSettings field={field} fields={fields} set={set} err={err} />
      <ConditionEditor
        condition={field.showIf}
        sources={sources}
        onChange={(condition) => set('showIf', condition)}
      />
    </section>
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
  const descriptionError = problems.find((problem) =>
    problem.path.includes('description'),
  )?.message;
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
      <TextArea
        label={bt('pageDescriptionJa')}
        rows={2}
        value={page.description?.ja ?? ''}
        {...(descriptionError ? { error: descriptionError } : {})}
        onChange={(event) =>
          onChange(patch(page, 'description', setText(page.description, 'ja', event.target.value)))
        }
      />
      <TextArea
        label={bt('pageDescriptionEn')}
        rows={2}
        value={page.description?.en ?? ''}
        onChange={(event) =>
          onChange(patch(page, 'description', setText(page.description, 'en', event.target.value)))
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
