import { type HTMLElement, parse } from 'node-html-parser';

/** What the in-process browser got back. */
export interface Visit {
  status: number;
  headers: Headers;
  html: string;
  doc: HTMLElement;
  path: string;
}

/** What to change before submitting a form, by input name. */
export interface FormChanges {
  /** Text values, a radio's or select's value, or the ticked values of checkboxes. */
  values?: Record<string, string | string[]>;
  files?: Record<string, File[]>;
}

interface Cookie {
  value: string;
  path: string;
}

/**
 * A browser without JavaScript for tests: it keeps cookies (by path), and submits a page's
 * form the way a browser does — the controls' current values, the clicked button's name and
 * value, its formaction, multipart when the form says so.
 */
export class ResidentBrowser {
  readonly cookies = new Map<string, Cookie>();

  constructor(
    private readonly app: {
      request: (input: string, init?: RequestInit) => Response | Promise<Response>;
    },
    readonly origin = 'http://127.0.0.1:3000',
  ) {}

  private cookieHeader(path: string): string {
    return [...this.cookies]
      .filter(([, cookie]) => path.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired =
        attributes.some((a) => /^max-age=0$/i.test(a)) ||
        attributes.some((a) => /^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }

  /** Sends a request with the cookies that apply, and keeps the ones it sets. */
  async request(method: string, path: string, init: RequestInit = {}): Promise<Visit> {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(new URL(path, this.origin).pathname);
    if (cookie) headers.set('cookie', cookie);
    if (method === 'POST' && !headers.has('origin')) headers.set('origin', this.origin);
    const response = await this.app.request(new URL(path, this.origin).toString(), {
      ...init,
      method,
      headers,
    });
    this.remember(response);
    const html = await response.text();
    return { status: response.status, headers: response.headers, html, doc: parse(html), path };
  }

  /** Opens a page. */
  get(path: string): Promise<Visit> {
    return this.request('GET', path);
  }

  /**
   * Submits the page's main form with a button: by its `_action` value or its text. Controls
   * keep the values the page gave them unless `changes` says otherwise.
   */
  submit(page: Visit, button: string, changes: FormChanges = {}, init: RequestInit = {}) {
    return this.submitIn(page, '#resident-form', button, changes, init);
  }

  /** Submits another form of the page (the pay button's `#pay-form`) the same way. */
  submitIn(
    page: Visit,
    selector: string,
    button: string,
    changes: FormChanges = {},
    init: RequestInit = {},
  ) {
    const form = page.doc.querySelector(selector);
    const formId = form?.getAttribute('id') ?? '';
    if (!form) throw new Error(`no form on ${page.path} (${page.status})`);
    const buttons = page.doc
      .querySelectorAll('button[type=submit]')
      .filter((b) => (formId !== '' && b.getAttribute('form') === formId) || isInside(b, form));
    const clicked =
      buttons.find(
        (b) => b.getAttribute('value') === button && !b.classList.contains('default-action'),
      ) ?? buttons.find((b) => b.text.trim() === button);
    if (!clicked) throw new Error(`no button ${button} on ${page.path}`);
    const data = formData(form, changes);
    const name = clicked.getAttribute('name');
    if (name) data.push([name, clicked.getAttribute('value') ?? '']);
    const action =
      (clicked.getAttribute('formaction') ?? form.getAttribute('action') ?? page.path).split(
        '#',
      )[0] ?? '';
    const multipart = form.getAttribute('enctype') === 'multipart/form-data';
    let body: FormData | URLSearchParams;
    if (multipart) {
      const multi = new FormData();
      for (const [key, value] of data) multi.append(key, value);
      for (const [key, files] of Object.entries(changes.files ?? {}))
        for (const file of files) multi.append(key, file);
      body = multi;
    } else {
      body = new URLSearchParams(
        data.filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
    }
    return this.request('POST', action, { ...init, body });
  }
}

function isInside(element: HTMLElement, ancestor: HTMLElement): boolean {
  for (let node = element.parentNode; node; node = node.parentNode)
    if (node === ancestor) return true;
  return false;
}

/** The successful controls of a form, as a browser would send them. */
function formData(form: HTMLElement, changes: FormChanges): [string, string | File][] {
  const values = changes.values ?? {};
  const out: [string, string | File][] = [];
  const seen = new Set<string>();
  for (const control of form.querySelectorAll('input, select, textarea')) {
    const name = control.getAttribute('name');
    if (!name || control.hasAttribute('disabled')) continue;
    const tag = control.tagName.toLowerCase();
    const type = (control.getAttribute('type') ?? 'text').toLowerCase();
    const changed = Object.hasOwn(values, name) ? values[name] : undefined;
    if (type === 'file' || type === 'submit') continue;
    if (type === 'checkbox' || type === 'radio') {
      const value = control.getAttribute('value') ?? 'on';
      const checked =
        changed === undefined
          ? control.hasAttribute('checked')
          : Array.isArray(changed)
            ? changed.includes(value)
            : changed === value;
      if (checked) out.push([name, value]);
      continue;
    }
    if (changed !== undefined && seen.has(name)) continue;
    seen.add(name);
    if (changed !== undefined) {
      for (const value of Array.isArray(changed) ? changed : [changed]) out.push([name, value]);
      continue;
    }
    if (tag === 'select') {
      const options = control.querySelectorAll('option');
      const selected = options.find((o) => o.hasAttribute('selected')) ?? options[0];
      out.push([name, selected?.getAttribute('value') ?? '']);
    } else if (tag === 'textarea') {
      out.push([name, control.text]);
    } else {
      out.push([name, control.getAttribute('value') ?? '']);
    }
  }
  return out;
}
