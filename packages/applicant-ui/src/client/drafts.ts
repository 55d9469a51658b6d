import type { ClientPageData } from '../client-data';
import { postedValues } from './page-walk';

// Draft saving (docs/adr/0014-postal-codes-and-drafts.md). The device keeps:
// - in localStorage, per form, only the sealed `_state` of the last page the server sent: the
//   answers so far, encrypted under a key only the server has, refused by it after 24 hours;
// - in sessionStorage (this tab only, gone when it closes), what was typed on the current page
//   and not sent yet, never for My Number, bank, health or other sensitive questions.
// Both go when the application is sent or the resident starts again.

const lifetimeMs = 24 * 60 * 60_000; // the server's draft lifetime (ADR 0010)
const draftPrefix = 'madoguchi:draft:';
const typedPrefix = 'madoguchi:typed:';
const resumeFlag = 'madoguchi:resume';
const sensitivePii = new Set(['my_number', 'bank', 'health', 'other_sensitive']);
const sensitiveTypes = new Set(['my_number', 'bank_account', 'file']);

/** A saved draft: the sealed state and when the device saved it. */
export interface SavedDraft {
  state: string;
  savedAt: number;
}

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return window[kind];
  } catch {
    return undefined;
  }
}

function write(store: Storage | undefined, key: string, value: string | undefined): void {
  try {
    if (value === undefined) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // Storage full or turned off: the pages work without it.
  }
}

/** The draft saved for a form's address, if it is still young enough for the server to take. */
export function savedDraft(key: string, now = Date.now()): SavedDraft | undefined {
  const store = storage('localStorage');
  try {
    const saved = JSON.parse(store?.getItem(draftPrefix + key) ?? 'null') as SavedDraft | null;
    if (saved && typeof saved.state === 'string' && now - saved.savedAt < lifetimeMs) return saved;
  } catch {
    // Unreadable: treated as none, and removed.
  }
  write(store, draftPrefix + key, undefined);
  return undefined;
}

/** Forgets everything saved for a form: its draft and what was typed on its pages. */
export function forgetDraft(key: string): void {
  write(storage('localStorage'), draftPrefix + key, undefined);
  const session = storage('sessionStorage');
  for (let index = (session?.length ?? 0) - 1; index >= 0; index--) {
    const name = session?.key(index);
    if (name?.startsWith(`${typedPrefix}${key}:`)) write(session, name, undefined);
  }
}

/** Whether a posted name belongs to a question whose answer is never kept on the device. */
function isSensitive(data: ClientPageData, name: string): boolean {
  const [id, row, nestedId] = name.slice(2).split('.');
  const field = data.pages.find((page) => page.id === data.pageId)?.fields.find((f) => f.id === id);
  const asked =
    field?.type === 'group' && row !== undefined
      ? field.fields.find((nested) => nested.id === nestedId)
      : field;
  if (!asked) return true;
  return sensitiveTypes.has(asked.type) || ('pii' in asked && sensitivePii.has(asked.pii));
}

function typedValues(form: HTMLFormElement, data: ClientPageData): [string, readonly string[]][] {
  return [...postedValues(form)].filter(
    ([name]) => name.startsWith('a.') && !isSensitive(data, name),
  );
}

function restoreTyped(form: HTMLFormElement, typed: [string, readonly string[]][]): void {
  const values = new Map(typed);
  const controls = [...form.elements].filter(
    (control): control is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
      (control instanceof HTMLInputElement ||
        control instanceof HTMLSelectElement ||
        control instanceof HTMLTextAreaElement) &&
      values.has(control.name),
  );
  const chosen = new Set(
    controls
      .filter((control) => control instanceof HTMLInputElement && control.checked)
      .map((control) => control.name),
  );
  for (const control of controls) {
    const saved = values.get(control.name) ?? [];
    if (control instanceof HTMLInputElement && ['radio', 'checkbox'].includes(control.type)) {
      // What the server sent wins: a choice already made there is left as it is.
      if (!chosen.has(control.name)) control.checked = saved.includes(control.value);
    } else if (control.value === '' && saved[0] !== undefined) {
      control.value = saved[0];
    }
  }
  form.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The start page: offers to continue a saved draft, or to start again. */
function offerResume(root: HTMLElement): void {
  const form = root.closest('form') ?? document.querySelector('form');
  if (!form) return;
  const key = new URL(form.action).pathname;
  const saved = savedDraft(key);
  if (!saved) return;
  root.hidden = false;
  root.querySelector('[data-resume-continue]')?.addEventListener('click', () => {
    const state = document.createElement('input');
    state.type = 'hidden';
    state.name = '_state';
    state.value = saved.state;
    form.append(state);
    write(storage('sessionStorage'), resumeFlag, key);
  });
  root.querySelector('[data-resume-discard]')?.addEventListener('click', () => {
    forgetDraft(key);
    root.hidden = true;
  });
}

/**
 * Saves and restores drafts, and warns before leaving a page with changes not yet sent.
 * `data` is present on form pages; the confirmation page only saves its sealed state.
 */
export function startDrafts(form: HTMLFormElement | null, data: ClientPageData | undefined): void {
  if (document.querySelector('[data-draft-done]')) forgetDraft(location.pathname);
  const resume = document.querySelector<HTMLElement>('[data-resume]');
  if (resume) offerResume(resume);
  if (!form) return;
  const key = new URL(form.action).pathname;
  const state = form.querySelector<HTMLInputElement>('input[name="_state"]')?.value;
  if (form.hasAttribute('data-draft') && state)
    write(
      storage('localStorage'),
      draftPrefix + key,
      JSON.stringify({ state, savedAt: Date.now() } satisfies SavedDraft),
    );
  if (!data) return;
  const session = storage('sessionStorage');
  const typedKey = `${typedPrefix}${key}:${data.pageId}`;
  if (form.hasAttribute('data-draft') && session?.getItem(resumeFlag) === key) {
    write(session, resumeFlag, undefined);
    try {
      restoreTyped(form, JSON.parse(session.getItem(typedKey) ?? '[]') as [string, string[]][]);
    } catch {
      write(session, typedKey, undefined);
    }
  }
  let changed = false;
  let timer = 0;
  const keep = () => {
    if (changed && form.hasAttribute('data-draft'))
      write(session, typedKey, JSON.stringify(typedValues(form, data)));
  };
  const onEdit = (event: Event) => {
    if (!event.isTrusted) return;
    changed = true;
    clearTimeout(timer);
    timer = window.setTimeout(keep, 500);
  };
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);
  addEventListener('pagehide', keep);
  form.addEventListener('submit', (event) => {
    if (event.defaultPrevented) return;
    // Sent: the server's next page carries it, sealed.
    changed = false;
    clearTimeout(timer);
    write(session, typedKey, undefined);
  });
  addEventListener('beforeunload', (event) => {
    if (!changed) return;
    event.preventDefault();
    // Older browsers show the warning only when a value is set.
    event.returnValue = '';
  });
}
