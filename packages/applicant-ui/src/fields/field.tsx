/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type Field, type GroupField, localize, type NestedField } from '@madoguchi/shared';
import { MultilineText } from '../document';
import { type RawAnswers, rowCount } from '../form-data';
import { type AnswerPath, actionValue, inputId, inputName } from '../names';
import {
  ConsentField,
  MultipleChoiceField,
  ReservationSlotField,
  SingleChoiceField,
  YesNoField,
} from './choices';
import { CompositeField } from './composites';
import { describedBy, type FieldContext, messagesAt, part, text } from './context';
import { FileField, LongTextField, TextField } from './inputs';
import { ErrorMessage, FieldShell, Hint, labelOf, RequiredTag } from './parts';

/** A fee line: the unit price, and the amount as soon as the quantity is known. */
function FeeField(props: {
  field: Extract<Field, { type: 'fee' }>;
  path: AnswerPath;
  value: unknown;
  ctx: FieldContext;
}) {
  const { field, path, ctx } = props;
  const messages = messagesAt(ctx, path);
  const help = field.help ? localize(field.help, ctx.locale) : undefined;
  const unit = ctx.m.feeUnit(ctx.m.yen(field.unitPrice));
  const known = ctx.fees.get(field.id);
  const amount = known
    ? ctx.m.feeAmount(ctx.m.yen(field.unitPrice), known.quantity, ctx.m.yen(known.amount))
    : ctx.m.feeLater;
  if (field.quantity.source !== 'input') {
    return (
      <FieldShell field={field} path={path} ctx={ctx} invalid={false}>
        <div class="fee" id={inputId(path)} data-unit-price={field.unitPrice}>
          <p class="label">{labelOf(field, ctx)}</p>
          <Hint path={path} lines={[help, unit]} />
          <p class="fee__amount" data-fee-for={field.id}>
            {amount}
          </p>
        </div>
      </FieldShell>
    );
  }
  const invalid = messages.length > 0;
  return (
    <FieldShell field={field} path={path} ctx={ctx} invalid={invalid}>
      <label class="label" for={inputId(path)}>
        {labelOf(field, ctx)}（{ctx.m.feeQuantityLabel}）{' '}
        <RequiredTag required={field.required} ctx={ctx} />
      </label>
      <Hint
        path={path}
        lines={[help, unit, ctx.m.numberRange(field.quantity.min, field.quantity.max)]}
      />
      <ErrorMessage path={path} messages={messages} ctx={ctx} />
      <input
        class="input input--w10"
        type="text"
        inputmode="numeric"
        id={inputId(path)}
        name={inputName(path)}
        value={text(props.value)}
        required={field.required}
        aria-describedby={describedBy(path, true, invalid)}
        aria-invalid={invalid ? 'true' : undefined}
        data-unit-price={field.unitPrice}
      />
      <p class="fee__amount" data-fee-for={field.id}>
        {amount}
      </p>
    </FieldShell>
  );
}

/** A heading or a paragraph of the form's own text. */
function StaticField(props: {
  field: Extract<Field | NestedField, { type: 'heading' | 'paragraph' }>;
  path: AnswerPath;
  ctx: FieldContext;
  inGroup: boolean;
}) {
  const { field, path, ctx } = props;
  const content = localize(field.text, ctx.locale);
  return (
    <FieldShell field={field} path={path} ctx={ctx} invalid={false}>
      {field.type === 'heading' ? (
        props.inGroup ? (
          <h4 class="heading-s">{content}</h4>
        ) : (
          <h2 class="heading-m">{content}</h2>
        )
      ) : (
        <MultilineText text={content} />
      )}
    </FieldShell>
  );
}

/**
 * A repeatable group: one fieldset per row, with buttons to add and remove rows that are plain
 * submit buttons, so they work without JavaScript; each lands back at the rows it changed.
 */
function GroupFieldView(props: {
  field: GroupField;
  path: AnswerPath;
  value: unknown;
  ctx: FieldContext;
}) {
  const { field, path, ctx } = props;
  const messages = messagesAt(ctx, path, true);
  const rows = rowCount(field, { [field.id]: props.value });
  const rowValues = Array.isArray(props.value) ? props.value : [];
  const rowLabel = localize(field.rowLabel ?? field.label, ctx.locale);
  const help = field.help ? localize(field.help, ctx.locale) : undefined;
  const limits = ctx.m.rowsLimit(Math.max(field.minRows, field.required ? 1 : 0), field.maxRows);
  const invalid = messages.length > 0;
  const canRemove = rows > Math.max(1, field.minRows);
  return (
    <FieldShell field={field} path={path} ctx={ctx} invalid={invalid}>
      <fieldset
        class="fieldset group"
        id={inputId(path)}
        tabindex={-1}
        aria-describedby={describedBy(path, true, invalid)}
      >
        <legend class="legend legend--group">
          {labelOf(field, ctx)} <RequiredTag required={field.required} ctx={ctx} />
        </legend>
        <Hint path={path} lines={[help, limits]} />
        <ErrorMessage path={path} messages={messages} ctx={ctx} />
        {Array.from({ length: rows }, (_, row) => (
          <fieldset class="group__row" id={inputId([...path, row])} tabindex={-1}>
            <legend class="group__legend">{ctx.m.rowLegend(rowLabel, row + 1)}</legend>
            {field.fields.map((nested) => (
              <FieldView
                field={nested}
                path={[...path, row, nested.id]}
                value={part(rowValues[row], nested.id)}
                ctx={ctx}
                inGroup
              />
            ))}
            {canRemove ? (
              <button
                type="submit"
                class="button button--secondary button--small"
                name="_action"
                value={actionValue({ kind: 'remove_row', groupId: field.id, row })}
                formAction={`${ctx.action}#${inputId(path)}`}
              >
                {ctx.m.removeRow(rowLabel, row + 1)}
              </button>
            ) : null}
          </fieldset>
        ))}
        {rows < field.maxRows ? (
          <button
            type="submit"
            class="button button--secondary"
            name="_action"
            value={actionValue({ kind: 'add_row', groupId: field.id })}
            formAction={`${ctx.action}#${inputId([...path, rows])}`}
          >
            {ctx.m.addRow(rowLabel)}
          </button>
        ) : null}
      </fieldset>
    </FieldShell>
  );
}

/** Any field of the form language, at a path, with its raw answer. */
export function FieldView(props: {
  field: Field | NestedField;
  path: AnswerPath;
  value: unknown;
  ctx: FieldContext;
  inGroup?: boolean;
}) {
  const { field, path, value, ctx } = props;
  const inGroup = props.inGroup ?? false;
  switch (field.type) {
    case 'heading':
    case 'paragraph':
      return <StaticField field={field} path={path} ctx={ctx} inGroup={inGroup} />;
    case 'short_text':
    case 'number':
    case 'email':
    case 'phone':
    case 'date':
    case 'birth_date':
    case 'time':
    case 'my_number':
      return <TextField field={field} path={path} value={value} ctx={ctx} inGroup={inGroup} />;
    case 'long_text':
      return <LongTextField field={field} path={path} value={value} ctx={ctx} />;
    case 'single_choice':
      return <SingleChoiceField field={field} path={path} value={value} ctx={ctx} />;
    case 'multiple_choice':
      return <MultipleChoiceField field={field} path={path} value={value} ctx={ctx} />;
    case 'yes_no':
      return <YesNoField field={field} path={path} value={value} ctx={ctx} />;
    case 'consent':
      return <ConsentField field={field} path={path} value={value} ctx={ctx} />;
    case 'name':
    case 'address':
    case 'bank_account':
      return <CompositeField field={field} path={path} value={value} ctx={ctx} inGroup={inGroup} />;
    case 'file':
      return <FileField field={field} path={path} value={value} ctx={ctx} />;
    case 'reservation_slot':
      return <ReservationSlotField field={field} path={path} value={value} ctx={ctx} />;
    case 'fee':
      return <FeeField field={field} path={path} value={value} ctx={ctx} />;
    case 'group':
      return <GroupFieldView field={field} path={path} value={value} ctx={ctx} />;
    case 'hidden':
      // Fixed or taken from the link: nothing to type, nothing to show.
      return null;
  }
}

/** The fields of a page, top level, with their raw answers. */
export function PageFields(props: {
  fields: readonly Field[];
  answers: RawAnswers;
  ctx: FieldContext;
}) {
  return (
    <>
      {props.fields.map((field) => (
        <FieldView
          field={field}
          path={[field.id]}
          value={Object.hasOwn(props.answers, field.id) ? props.answers[field.id] : undefined}
          ctx={props.ctx}
        />
      ))}
    </>
  );
}

/** Whether a page has a file field, so its form must be sent as multipart. */
export function hasFileField(fields: readonly Field[]): boolean {
  return fields.some(
    (field) =>
      field.type === 'file' ||
      (field.type === 'group' && field.fields.some((nested) => nested.type === 'file')),
  );
}
