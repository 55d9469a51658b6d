import type { Condition, ConditionOperator, FieldCondition } from '@madoguchi/shared';
import { useI18n } from '../i18n/i18n';
import {
  type ConditionSource,
  defaultCondition,
  joinCondition,
  splitCondition,
  withOperator,
} from './logic/conditions';
import { useBuilderText } from './text';

const isLeaf = (condition: Condition): condition is FieldCondition => 'field' in condition;

/**
 * Edits a "show when" condition: leaf conditions joined by all/any, each on an earlier field
 * (the sources), with the operators and values that field takes.
 */
export function ConditionEditor({
  condition,
  sources,
  onChange,
}: {
  condition: Condition | undefined;
  sources: ConditionSource[];
  onChange: (condition: Condition | undefined) => void;
}) {
  const bt = useBuilderText();
  const { text } = useI18n();
  const { join, parts } = splitCondition(condition);
  const set = (index: number, part: Condition | null) => {
    const next = [...parts];
    if (part === null) next.splice(index, 1);
    else next[index] = part;
    onChange(joinCondition(join, next));
  };
  const first = sources[0];
  return (
    <fieldset className="condition-editor">
      <legend>{bt('condition')}</legend>
      {parts.length === 0 ? <p className="help">{bt('conditionNone')}</p> : null}
      {parts.length > 1 ? (
        <label>
          {bt('conditionJoin')}{' '}
          <select
            value={join}
            onChange={(event) =>
              onChange(joinCondition(event.target.value as 'all' | 'any', parts))
            }
          >
            <option value="all">{bt('joinAll')}</option>
            <option value="any">{bt('joinAny')}</option>
          </select>
        </label>
      ) : null}
      <ol>
        {parts.map((part, index) => {
          const n = index + 1;
          if (!isLeaf(part)) return <li key={n}>{JSON.stringify(part)}</li>;
          const source = sources.find((s) => s.id === part.field);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id; position is their identity
            <li key={index} className="condition-row">
              <select
                aria-label={`${bt('conditionField')} ${n}`}
                value={part.field}
                onChange={(event) => {
                  const next = sources.find((s) => s.id === event.target.value);
                  if (next) set(index, defaultCondition(next));
                }}
              >
                {source ? null : <option value={part.field}>{part.field}</option>}
                {sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {text(s.label) || s.id}
                  </option>
                ))}
              </select>
              {source ? (
                <select
                  aria-label={`${bt('conditionOp')} ${n}`}
                  value={part.op}
                  onChange={(event) =>
                    set(index, withOperator(part, event.target.value as ConditionOperator, source))
                  }
                >
                  {source.operators.map((op) => (
                    <option key={op} value={op}>
                      {bt(`op.${op}`)}
                    </option>
                  ))}
                </select>
              ) : null}
              {source ? (
                <ValueInput
                  part={part}
                  source={source}
                  n={n}
                  onChange={(next) => set(index, next)}
                />
              ) : null}
              <button type="button" className="danger" onClick={() => set(index, null)}>
                {bt('removeCondition', { n })}
              </button>
            </li>
          );
        })}
      </ol>
      {first ? (
        <button
          type="button"
          onClick={() => onChange(joinCondition(join, [...parts, defaultCondition(first)]))}
        >
          ＋ {bt('addCondition')}
        </button>
      ) : (
        <p className="help">{bt('conditionNoSources')}</p>
      )}
    </fieldset>
  );
}

function ValueInput({
  part,
  source,
  n,
  onChange,
}: {
  part: FieldCondition;
  source: ConditionSource;
  n: number;
  onChange: (next: FieldCondition) => void;
}) {
  const bt = useBuilderText();
  const { text } = useI18n();
  const label = `${bt('conditionValue')} ${n}`;
  if (part.op === 'answered') return null;
  if (part.op === 'one_of') {
    if (source.value.kind !== 'choices') return null;
    return (
      <fieldset className="checks">
        <legend>{label}</legend>
        {source.value.options.map((option) => (
          <label key={option.value} className="check">
            <input
              type="checkbox"
              checked={part.values.includes(option.value)}
              onChange={(event) => {
                const values = event.target.checked
                  ? [...part.values, option.value]
                  : part.values.filter((v) => v !== option.value);
                if (values.length > 0) onChange({ ...part, values });
              }}
            />
            {text(option.label)}
          </label>
        ))}
      </fieldset>
    );
  }
  const value = part.value;
  switch (source.value.kind) {
    case 'choices':
      return (
        <select
          aria-label={label}
          value={String(value)}
          onChange={(event) => onChange({ ...part, value: event.target.value } as FieldCondition)}
        >
          {source.value.options.map((option) => (
            <option key={option.value} value={option.value}>
              {text(option.label)}
            </option>
          ))}
        </select>
      );
    case 'boolean':
      return (
        <select
          aria-label={label}
          value={String(value)}
          onChange={(event) =>
            onChange({ ...part, value: event.target.value === 'true' } as FieldCondition)
          }
        >
          <option value="true">{bt('yes')}</option>
          <option value="false">{bt('no')}</option>
        </select>
      );
    case 'number':
      return (
        <input
          aria-label={label}
          type="number"
          value={typeof value === 'number' ? value : 0}
          onChange={(event) =>
            onChange({ ...part, value: Number(event.target.value) } as FieldCondition)
          }
        />
      );
    case 'date':
      return (
        <input
          aria-label={label}
          type="date"
          value={String(value)}
          onChange={(event) => onChange({ ...part, value: event.target.value } as FieldCondition)}
        />
      );
    default:
      return (
        <input
          aria-label={label}
          value={String(value)}
          onChange={(event) => onChange({ ...part, value: event.target.value } as FieldCondition)}
        />
      );
  }
}
