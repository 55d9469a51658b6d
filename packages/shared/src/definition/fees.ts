import type { Answers } from '../answers/validate-answers';
import type { LocalizedText } from '../i18n/locale';
import type { FormDefinition } from './schema';

/** One line of the amount to pay. */
export interface FeeLine {
  fieldId: string | null;
  label: LocalizedText;
  unitPrice: number;
  quantity: number;
  amount: number;
}

/** What a submission costs, in yen (JPY has no minor unit). */
export interface FeeTotal {
  lines: FeeLine[];
  total: number;
}

/**
 * Computes the fee of a validated submission: each shown fee field's unit price × the quantity
 * recorded in the answers, plus the form's fixed fee. Run on the server; the browser only shows it.
 */
export function computeFee(definition: FormDefinition, answers: Answers): FeeTotal {
  const lines: FeeLine[] = [];
  for (const page of definition.pages) {
    for (const field of page.fields) {
      if (field.type !== 'fee') continue;
      const quantity = Object.hasOwn(answers, field.id) ? answers[field.id] : undefined;
      if (typeof quantity !== 'number' || quantity <= 0) continue;
      lines.push({
        fieldId: field.id,
        label: field.label,
        unitPrice: field.unitPrice,
        quantity,
        amount: field.unitPrice * quantity,
      });
    }
  }
  const fixed = definition.options.payment.fixedFee;
  if (fixed > 0) {
    lines.push({
      fieldId: null,
      label: { ja: '手数料', en: 'Fee' },
      unitPrice: fixed,
      quantity: 1,
      amount: fixed,
    });
  }
  return { lines, total: lines.reduce((sum, line) => sum + line.amount, 0) };
}
