import type { TemplatePlaceholder } from './schema';

/**
 * Fills {{placeholders}} in a mail template. Unknown or missing placeholders become empty:
 * the definition checks refuse unknown ones before a form is published.
 * @example renderTemplate('受付番号：{{referenceNumber}}', { referenceNumber: 'A7K-4829' })
 */
export function renderTemplate(
  template: string,
  values: Partial<Record<TemplatePlaceholder, string>>,
): string {
  return template.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_, name: string) =>
    Object.hasOwn(values, name) ? (values[name as TemplatePlaceholder] ?? '') : '',
  );
}
