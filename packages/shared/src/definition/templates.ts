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
  const parts = compiled(template);
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    if (Object.hasOwn(values, name)) out += values[name as TemplatePlaceholder] ?? '';
    out += parts[i + 1] ?? '';
  }
  return out;
}

// A template split once into text and placeholder names (text, name, text, …): every mail of
// every submit renders the same few templates, and scanning them again each time showed in the
// submit profile. Bounded, since forms bring templates of their own.
const compiledTemplates = new Map<string, string[]>();

function compiled(template: string): string[] {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{\{\s*([^{}]*?)\s*\}\}/);
    if (compiledTemplates.size >= 500) compiledTemplates.clear();
    compiledTemplates.set(template, parts);
  }
  return parts;
}
