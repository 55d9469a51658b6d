import type { ClientPageData } from '../client-data';
import { issueAnchor } from '../fields/context';
import { liveName } from '../names';
import { focusFromSummary, renderField, renderSummary } from './messages-view';
import { type PageWalk, walkDefinition, walkPage } from './page-walk';

/** The field an element belongs to: the innermost `data-field` wrapper (a row's field in a group). */
function shellOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('[data-field]') : null;
}

function shells(form: HTMLFormElement): HTMLElement[] {
  return [...form.querySelectorAll<HTMLElement>('[data-field]')];
}

/**
 * Live validation and instant conditions on a form page, with the shared walk the server runs:
 * a question shows or hides as soon as an answer changes; a field's problems show when the
 * resident leaves it after changing it (and go as soon as they are fixed); continuing with
 * problems shows them all and the error summary without a round trip. Everything else — rows,
 * files, going back, the language switch — posts as it does without JavaScript.
 */
export function startLiveForm(form: HTMLFormElement, data: ClientPageData): void {
  const touched = new Set<string>();
  let walk: PageWalk = walkPage(form, data);

  const showFields = () => {
    for (const shell of shells(form)) {
      const hidden = !walk.shown.has(shell.dataset.field ?? '');
      if (shell.hidden === hidden) continue;
      shell.hidden = hidden;
      if (hidden) {
        touched.delete(shell.dataset.field ?? '');
        renderField(shell, new Map(), data.text);
      }
    }
  };
  const refresh = () => {
    walk = walkPage(form, data);
    showFields();
  };
  const judge = (shell: HTMLElement) => {
    if (touched.has(shell.dataset.field ?? '')) renderField(shell, walk.issues, data.text);
  };

  let pending = 0;
  const onEdit = (event: Event) => {
    const shell = shellOf(event.target);
    if (shell) touched.add(shell.dataset.field ?? '');
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      refresh();
      // A field showing a problem is judged as the resident types, so the message goes once fixed.
      if (shell?.classList.contains('field--error')) judge(shell);
    });
  };
  form.addEventListener('input', onEdit);
  form.addEventListener('change', (event) => {
    onEdit(event);
    const shell = shellOf(event.target);
    const control = event.target;
    // A choice is made at once; a text box is judged when the resident leaves the field.
    if (
      shell &&
      control instanceof HTMLElement &&
      (control instanceof HTMLSelectElement ||
        (control instanceof HTMLInputElement && ['radio', 'checkbox'].includes(control.type)))
    ) {
      refresh();
      judge(shell);
    }
  });
  form.addEventListener('focusout', (event) => {
    const shell = shellOf(event.target);
    // Moving between the parts of a name or an address is not leaving the question.
    if (!shell || shell.contains(event.relatedTarget as Node | null)) return;
    refresh();
    judge(shell);
  });
  form.addEventListener('submit', (event) => {
    const button = event.submitter;
    if (!form.elements.namedItem(liveName)) {
      const live = document.createElement('input');
      live.type = 'hidden';
      live.name = liveName;
      live.value = '1';
      form.append(live);
    }
    if (!(button instanceof HTMLButtonElement) || button.value !== 'next') return;
    refresh();
    const definition = walkDefinition(data);
    const entries: { target: string; message: string }[] = [];
    for (const [key, messages] of walk.issues) {
      const path = key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      for (const message of messages)
        entries.push({ target: issueAnchor(definition, path), message });
    }
    if (entries.length === 0) return;
    event.preventDefault();
    for (const shell of shells(form)) {
      if (shell.hidden) continue;
      touched.add(shell.dataset.field ?? '');
      renderField(shell, walk.issues, data.text);
    }
    renderSummary(form, entries, data.text);
  });
  document.addEventListener('click', focusFromSummary);
  showFields();
}
