import {
  type Answers,
  computeFee,
  type FeeTotal,
  type FormDefinition,
  type Locale,
} from '@madoguchi/shared';

/** The fee of one application as the detail view shows it. */
export interface FeeView {
  /** Fee field id → its line in words, e.g. 「2 × 300円 = 600円」. */
  byField: Map<string, string>;
  /** Every line in words, fixed fee included (手数料 300円). */
  lines: { label: string; text: string }[];
  total: number;
}

/** Yen without decimals, the way each language writes it: 「1,200円」 / "¥1,200". */
export function formatYen(amount: number, locale: Locale): string {
  const digits = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 }).format(amount);
  return locale === 'ja' ? `${digits}円` : `¥${digits}`;
}

/**
 * The fee of these answers, through the shared computeFee (the server's own arithmetic), as
 * text: each fee field's quantity × unit price = amount, and the total. Undefined when the form
 * charges nothing for these answers.
 * @example feeView(definition, { copies: 2 }, 'ja')?.byField.get('copies') // '2 × 300円 = 600円'
 */
export function feeView(
  definition: FormDefinition,
  answers: unknown,
  locale: Locale,
): FeeView | undefined {
  let fee: FeeTotal;
  try {
    fee = computeFee(definition, (answers ?? {}) as Answers);
  } catch {
    // A definition without options (an old or partial one): nothing to compute.
    return undefined;
  }
  if (fee.lines.length === 0) return undefined;
  const lineText = (line: FeeTotal['lines'][number]) =>
    line.quantity === 1 && line.fieldId === null
      ? formatYen(line.amount, locale)
      : `${line.quantity} × ${formatYen(line.unitPrice, locale)} = ${formatYen(line.amount, locale)}`;
  return {
    byField: new Map(
      fee.lines.flatMap((line) => (line.fieldId ? [[line.fieldId, lineText(line)] as const] : [])),
    ),
    lines: fee.lines.map((line) => ({
      label: (locale === 'en' ? line.label.en : undefined) ?? line.label.ja,
      text: lineText(line),
    })),
    total: fee.total,
  };
}
