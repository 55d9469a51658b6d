import type { ClientText } from '../client-data';

// The markup the server's views give a field with a problem (fields/parts.tsx, document.tsx),
// made in the browser: the message after the hint, aria-invalid on the inputs and the message's
// id in their aria-describedby, and the error summary at the top of the page.

/** The element id the server gives the things of a field: `f-children-0-child_name`. */
export function idOf(key: string): string {
  return `f-${key.split('.').join('-')}`;
}

/** The messages the server shows beside a field: its own, and its parts' unless it is a group. */
export function messagesFor(issues: Map<string, string[]>, key: string, group: boolean): string[] {
  const found: string[] = [];
  for (const [at, messages] of issues)
    if (at === key || (!group && at.startsWith(`${key}.`))) found.push(...messages);
  return [...new Set(found)];
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

/** Elements of a field itself, not of the fields in its rows. */
function own(shell: HTMLElement, selector: string): HTMLElement[] {
  return [...shell.querySelectorAll<HTMLElement>(selector)].filter(
    (found) => found.closest('[data-field]') === shell,
  );
}

function setToken(target: HTMLElement, attribute: string, token: string, present: boolean): void {
  const tokens = (target.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean);
  const kept = tokens.filter((existing) => existing !== token);
  if (present) kept.push(token);
  if (kept.length > 0) target.setAttribute(attribute, kept.join(' '));
  else target.removeAttribute(attribute);
}

/** Shows (or clears) the messages of one field where the server would put them. */
export function renderField(
  shell: HTMLElement,
  issues: Map<string, string[]>,
  text: ClientText,
): void {
  const key = shell.dataset.field ?? '';
  const group = shell.dataset.type === 'group';
  const messages = messagesFor(issues, key, group);
  const invalid = messages.length > 0;
  const errorId = `${idOf(key)}-error`;
  document.getElementById(errorId)?.remove();
  shell.classList.toggle('field--error', invalid);
  if (invalid) {
    const box = own(shell, 'fieldset')[0] ?? shell;
    const anchor =
      document.getElementById(`${idOf(key)}-hint`) ??
      box.querySelector(':scope > .terms') ??
      box.querySelector(':scope > legend, :scope > label, :scope > p.label');
    const message = element(
      'div',
      { class: 'error-message', id: errorId },
      ...messages.map((line) =>
        element('p', {}, element('span', { class: 'visually-hidden' }, text.errorPrefix), line),
      ),
    );
    if (anchor) anchor.after(message);
    else box.prepend(message);
  }
  // The group's rows and a bank account's type are fieldsets of their own, not of the question.
  for (const target of own(
    shell,
    'fieldset:not(.group__row):not(.fieldset--part), input:not([type=radio]):not([type=checkbox]):not([type=hidden]), select, textarea',
  ))
    setToken(target, 'aria-describedby', errorId, invalid);
  for (const control of own(shell, 'input, select, textarea')) {
    const name = control.getAttribute('name') ?? '';
    const at = name.slice(2);
    const partInvalid = at === key ? invalid : issues.has(at) || issues.has(key);
    if (partInvalid) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
}

/**
 * The error summary at the top of the page, linking to each problem, as the server renders it
 * after a failed post; focused so that screen readers read it first.
 */
export function renderSummary(
  form: HTMLFormElement,
  entries: { target: string; message: string }[],
  text: ClientText,
): void {
  document.getElementById('error-summary')?.remove();
  if (entries.length === 0) return;
  const summary = element(
    'div',
    {
      class: 'error-summary',
      id: 'error-summary',
      role: 'alert',
      'aria-labelledby': 'error-summary-title',
      tabindex: '-1',
    },
    element(
      'h2',
      { class: 'error-summary__title', id: 'error-summary-title' },
      text.errorSummaryTitle,
    ),
    element(
      'ul',
      { class: 'error-summary__list' },
      ...entries.map((entry) =>
        element('li', {}, element('a', { href: `#${entry.target}` }, entry.message)),
      ),
    ),
  );
  (document.getElementById('main') ?? form.parentElement ?? form).prepend(summary);
  if (!document.title.startsWith(text.errorPrefix))
    document.title = `${text.errorPrefix}${document.title}`;
  summary.focus();
}

/** A summary link moves the focus to its field, not only the view (as GOV.UK's pages do). */
export function focusFromSummary(event: MouseEvent): void {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link?.closest('#error-summary')) return;
  const target = document.getElementById((link.getAttribute('href') ?? '').slice(1));
  if (!target) return;
  event.preventDefault();
  const legend = target.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${target.id}"]`);
  (label ?? legend ?? target).scrollIntoView();
  target.focus({ preventScroll: true });
}
