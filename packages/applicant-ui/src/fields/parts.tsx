/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type Field, localize, type NestedField } from '@madoguchi/shared';
import type { Child } from 'hono/jsx';
import { type AnswerPath, errorId, hintId, inputId, pathKey } from '../names';
import type { FieldContext } from './context';

/** The 必須 / 任意 marker beside a label: in words, never by colour alone. */
export function RequiredTag({ required, ctx }: { required: boolean; ctx: FieldContext }) {
  return required ? (
    <span class="tag tag--required">{ctx.m.required}</span>
  ) : (
    <span class="tag tag--optional">{ctx.m.optional}</span>
  );
}

/** A field's help text and format hints, referenced by its inputs. */
export function Hint({ path, lines }: { path: AnswerPath; lines: (string | undefined)[] }) {
  const shown = lines.filter((line): line is string => Boolean(line));
  if (shown.length === 0) return null;
  return (
    <div class="hint" id={hintId(path)}>
      {shown.map((line) => (
        <p>{line}</p>
      ))}
    </div>
  );
}

/** The messages beside a field that failed validation. */
export function ErrorMessage({
  path,
  messages,
  ctx,
}: {
  path: AnswerPath;
  messages: string[];
  ctx: FieldContext;
}) {
  if (messages.length === 0) return null;
  return (
    <div class="error-message" id={errorId(path)}>
      {messages.map((message) => (
        <p>
          <span class="visually-hidden">{ctx.m.errorTitlePrefix}</span>
          {message}
        </p>
      ))}
    </div>
  );
}

/** The label text of an input field in the resident's language. */
export function labelOf(field: Field | NestedField, ctx: FieldContext): string {
  return 'label' in field ? localize(field.label, ctx.locale) : '';
}

/**
 * The wrapper of every field: hidden while its condition does not hold (the client script
 * shows it at once from `data-show-if`; without script the server shows it after a round trip),
 * marked when it has a problem, was just added, or is one staff asked to correct.
 */
export function FieldShell(props: {
  field: Field | NestedField;
  path: AnswerPath;
  ctx: FieldContext;
  invalid: boolean;
  children?: Child;
}) {
  const { field, path, ctx } = props;
  const key = pathKey(path);
  const classes = [
    'field',
    `field--${field.type.replace('_', '-')}`,
    props.invalid ? 'field--error' : '',
    ctx.added.has(key) ? 'field--added' : '',
    ctx.toFix.has(field.id) ? 'field--fix' : '',
  ].filter(Boolean);
  return (
    <div
      class={classes.join(' ')}
      id={`${inputId(path)}-field`}
      data-field={key}
      data-type={field.type}
      data-show-if={field.showIf ? JSON.stringify(field.showIf) : undefined}
      hidden={!ctx.shown.has(key)}
    >
      {ctx.toFix.has(field.id) ? <p class="fix-badge">{ctx.m.toFixBadge}</p> : null}
      {props.children}
    </div>
  );
}
