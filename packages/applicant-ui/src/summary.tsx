/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import {
  type Answers,
  type AnswerValue,
  computeFee,
  type Field,
  type FormDefinition,
  formatPostalCode,
  type Locale,
  localize,
  maskMyNumber,
  type NestedField,
  type Page,
  parsePhoneNumber,
  type ShownParts,
} from '@madoguchi/shared';
import type { Child } from 'hono/jsx';
import { formatBytes, formatCalendarDate, formatDateWithWareki } from './format';
import { type Messages, messagesFor } from './messages';
import { actionValue } from './names';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function Lines({ lines }: { lines: string[] }) {
  const shown = lines.filter((line) => line !== '');
  return (
    <>
      {shown.map((line, index) => (
        <>
          {index > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  );
}

/**
 * An answer as the resident reads it back: labels of choices, 和暦 beside dates, the postal
 * mark, the amount of a fee. A My Number shows its last four digits only.
 */
export function formatAnswer(
  field: Field | NestedField,
  value: AnswerValue,
  locale: Locale,
  m: Messages,
): Child {
  switch (field.type) {
    case 'heading':
    case 'paragraph':
    case 'group':
      return null;
    case 'long_text':
      return <span class="pre-wrap">{str(value)}</span>;
    case 'number': {
      const unit = field.unit ? localize(field.unit, locale) : '';
      return `${str(value)}${locale === 'en' && unit ? ' ' : ''}${unit}`;
    }
    case 'phone':
      return parsePhoneNumber(str(value))?.formatted ?? str(value);
    case 'date':
    case 'birth_date':
      return formatDateWithWareki(str(value), locale);
    case 'single_choice': {
      const option = field.options.find((candidate) => candidate.value === value);
      return option ? localize(option.label, locale) : str(value);
    }
    case 'multiple_choice': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <ul class="summary__list">
          {field.options
            .filter((option) => chosen.some((item) => item === option.value))
            .map((option) => (
              <li>{localize(option.label, locale)}</li>
            ))}
        </ul>
      );
    }
    case 'yes_no':
      return value === true ? m.yes : m.no;
    case 'consent':
      return m.agree;
    case 'name': {
      const name = record(value);
      const kana = [str(name.familyKana), str(name.givenKana)].filter(Boolean).join(' ');
      return <Lines lines={[`${str(name.family)} ${str(name.given)}`, kana]} />;
    }
    case 'address': {
      const address = record(value);
      const postal = formatPostalCode(str(address.postalCode));
      return (
        <Lines
          lines={[
            postal ? `〒${postal}` : '',
            `${str(address.prefecture)}${str(address.city)}${str(address.town)}`,
            str(address.building),
          ]}
        />
      );
    }
    case 'my_number':
      return <span class="masked">{maskMyNumber(str(value), 4)}</span>;
    case 'bank_account': {
      const bank = record(value);
      const type = str(bank.accountType);
      const typeLabel = type in m.accountTypes ? m.accountTypes[type as 'ordinary'] : type;
      return (
        <Lines
          lines={[
            `${str(bank.bankCode)} ${str(bank.bankName)}`.trim(),
            `${str(bank.branchCode)} ${str(bank.branchName)}`.trim(),
            `${typeLabel} ${str(bank.accountNumber)}`,
            str(bank.holderKana),
          ]}
        />
      );
    }
    case 'file': {
      const files = Array.isArray(value) ? value.map(record) : [];
      return (
        <ul class="summary__list">
          {files.map((file) => (
            <li>
              {str(file.name)}（{formatBytes(Number(file.size) || 0)}）
            </li>
          ))}
        </ul>
      );
    }
    case 'reservation_slot': {
      const slot = field.slots.find((candidate) => candidate.id === value);
      if (!slot) return str(value);
      const when = `${formatCalendarDate(slot.date, locale)} ${slot.start}–${slot.end}`;
      return slot.label ? `${when} ${localize(slot.label, locale)}` : when;
    }
    case 'fee': {
      const quantity = typeof value === 'number' ? value : 0;
      return m.feeAmount(m.yen(field.unitPrice), quantity, m.yen(field.unitPrice * quantity));
    }
    default:
      return str(value);
  }
}

/** Where the "change" button of a page's answers takes the resident. */
export interface ChangeTarget {
  action: string;
  /** Pages that may be changed (a correction may allow only some). */
  pages: ReadonlySet<string>;
}

function SummaryRow(props: {
  field: Field | NestedField;
  value: AnswerValue | undefined;
  locale: Locale;
  m: Messages;
  page?: Page;
  change?: ChangeTarget;
  anchor: string;
}) {
  const { field, m } = props;
  const label = 'label' in field ? localize(field.label, props.locale) : '';
  const canChange = props.change && props.page && props.change.pages.has(props.page.id);
  return (
    <div class="summary__row">
      <dt class="summary__key">{label}</dt>
      <dd class="summary__value">
        {props.value === undefined ? (
          <span class="summary__empty">{m.notAnswered}</span>
        ) : (
          formatAnswer(field, props.value, props.locale, m)
        )}
      </dd>
      {canChange && props.change && props.page ? (
        <dd class="summary__actions">
          <button
            type="submit"
            class="link-button"
            name="_action"
            value={actionValue({ kind: 'goto', pageId: props.page.id })}
            formAction={`${props.change.action}#${props.anchor}`}
          >
            {m.change}
            <span class="visually-hidden">（{label}）</span>
          </button>
        </dd>
      ) : null}
    </div>
  );
}

function GroupRows(props: {
  field: Extract<Field, { type: 'group' }>;
  rows: unknown;
  locale: Locale;
  m: Messages;
}) {
  const { field, locale, m } = props;
  const rows = Array.isArray(props.rows) ? props.rows.map(record) : [];
  const rowLabel = localize(field.rowLabel ?? field.label, locale);
  return (
    <>
      {rows.map((row, index) => (
        <div class="summary__group-row">
          <p class="summary__row-heading">{m.rowHeading(rowLabel, index + 1)}</p>
          <dl class="summary summary--nested">
            {field.fields
              .filter((nested) => Object.hasOwn(row, nested.id) && nested.type !== 'hidden')
              .map((nested) => (
                <div class="summary__row">
                  <dt class="summary__key">
                    {'label' in nested ? localize(nested.label, locale) : ''}
                  </dt>
                  <dd class="summary__value">
                    {formatAnswer(nested, row[nested.id] as AnswerValue, locale, m)}
                  </dd>
                </div>
              ))}
          </dl>
        </div>
      ))}
    </>
  );
}

/**
 * Every answer of an application, page by page: on the confirmation page with a "change"
 * button per answer, on the status page without. Fields shown but left empty say so; fields
 * hidden by their conditions are left out, as they are not stored.
 */
export function AnswerSummary(props: {
  definition: FormDefinition;
  answers: Answers;
  locale: Locale;
  /** What was shown to the resident; without it, only answered fields are listed. */
  shown?: ShownParts;
  change?: ChangeTarget;
  /** Heading level of the page titles. */
  headingLevel?: 2 | 3;
  /** The fee is settled (paid or refunded): name it the fee, not an amount still to pay. */
  feeSettled?: boolean;
}) {
  const { definition, answers, locale } = props;
  const m = messagesFor(locale);
  const fee = computeFee(definition, answers);
  const pages = definition.pages.filter((page) =>
    props.shown ? props.shown.pages.has(page.id) : true,
  );
  return (
    <div class="answers">
      {pages.map((page) => {
        const fields = page.fields.filter((field) => {
          if (field.type === 'heading' || field.type === 'paragraph' || field.type === 'hidden')
            return false;
          if (Object.hasOwn(answers, field.id)) return true;
          return props.shown?.fields.has(field.id) === true && field.type !== 'fee';
        });
        if (fields.length === 0) return null;
        const title = localize(page.title, locale);
        return (
          <section class="answers__page" aria-label={title}>
            {props.headingLevel === 3 ? (
              <h3 class="heading-s">{title}</h3>
            ) : (
              <h2 class="heading-m">{title}</h2>
            )}
            <dl class="summary">
              {fields.map((field) => {
                const value = Object.hasOwn(answers, field.id) ? answers[field.id] : undefined;
                if (field.type === 'group') {
                  return (
                    <div class="summary__row summary__row--group">
                      <dt class="summary__key">{localize(field.label, locale)}</dt>
                      <dd class="summary__value">
                        {value === undefined ? (
                          <span class="summary__empty">{m.notAnswered}</span>
                        ) : (
                          <GroupRows field={field} rows={value} locale={locale} m={m} />
                        )}
                      </dd>
                      {props.change?.pages.has(page.id) ? (
                        <dd class="summary__actions">
                          <button
                            type="submit"
                            class="link-button"
                            name="_action"
                            value={actionValue({ kind: 'goto', pageId: page.id })}
                            formAction={`${props.change.action}#f-${field.id}`}
                          >
                            {m.change}
                            <span class="visually-hidden">（{localize(field.label, locale)}）</span>
                          </button>
                        </dd>
                      ) : null}
                    </div>
                  );
                }
                return (
                  <SummaryRow
                    field={field}
                    value={value}
                    locale={locale}
                    m={m}
                    page={page}
                    {...(props.change ? { change: props.change } : {})}
                    anchor={`f-${field.id}-field`}
                  />
                );
              })}
            </dl>
          </section>
        );
      })}
      {fee.total > 0 ? (
        <section class="answers__fee" aria-labelledby="fee-total">
          <h2 class="heading-m" id="fee-total">
            {props.feeSettled ? m.feeSettled : m.feeTotal}
          </h2>
          <dl class="summary">
            {fee.lines.map((line) => (
              <div class="summary__row">
                <dt class="summary__key">{localize(line.label, locale)}</dt>
                <dd class="summary__value">
                  {m.feeAmount(m.yen(line.unitPrice), line.quantity, m.yen(line.amount))}
                </dd>
              </div>
            ))}
            <div class="summary__row summary__row--total">
              <dt class="summary__key">{props.feeSettled ? m.feeSettled : m.feeTotal}</dt>
              <dd class="summary__value">
                <strong>{m.yen(fee.total)}</strong>
              </dd>
            </div>
          </dl>
        </section>
      ) : null}
    </div>
  );
}
