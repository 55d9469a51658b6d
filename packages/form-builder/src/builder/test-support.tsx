import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { BuilderScreen } from './BuilderScreen';

// The builder screen's tests: a draft form frm_1 answered by a fake fetch that records every
// request, a fresh React root per test, and the few ways a test clicks and waits.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const draft = {
  schemaVersion: 1,
  title: { ja: '児童手当' },
  purposeOfUse: { ja: '受付に利用します。' },
  category: 'application',
  yearlyVolume: 10,
  retentionDays: 365,
  pages: [{ id: 'page1', title: { ja: '申請者' }, fields: [] }],
};
const form = {
  id: 'frm_1',
  departmentId: 'dep_1',
  title: '児童手当',
  status: 'draft',
  publishedVersion: null,
  updatedAt: 1,
  access: 'public',
  createdAt: 1,
  createdBy: 'stf_1',
  publicUrl: null,
  draft,
  versions: [],
  problems: [],
  councilReview: null,
  personalDataInventory: null,
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The root of the test that runs (a new one per test). */
export let root: Root;
/** The element the test renders into (a new one per test). */
export let container: HTMLElement;
/** Every request the screen made in the test that runs, in order. */
export const requests: { method: string; path: string; body: unknown }[] = [];

/**
 * Registers the set-up of every test in the calling file: the fake fetch (saving the draft
 * answers with the saved definition, anything else with the form) and a fresh root, unmounted
 * and removed after the test.
 */
export function setUpBuilderTests(): void {
  beforeEach(() => {
    requests.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const path = new URL(String(input), 'http://console.test').pathname;
        const body = init?.body ? JSON.parse(String(init.body)) : undefined;
        requests.push({ method: init?.method ?? 'GET', path, body });
        if (path === '/api/forms/frm_1/draft')
          return json(200, { form: { ...form, draft: body.definition, updatedAt: 2 } });
        return json(200, { form });
      }),
    );
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.unstubAllGlobals();
  });
}

/** Lets pending requests and effects finish. */
export const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

/** The button whose text contains `text`; throws when there is none. */
export const button = (text: string) => {
  const found = [...container.querySelectorAll('button')].find((b) =>
    b.textContent?.includes(text),
  );
  if (!found) throw new Error(`no button ${text}`);
  return found;
};

/** Clicks the button whose text contains `text`. */
export const click = (text: string) => act(() => button(text).click());

/** Renders `node` in the console's language provider. */
export function render(node: ReactNode): void {
  act(() => root.render(<I18nProvider>{node}</I18nProvider>));
}

/** Renders the builder of frm_1 and waits for the form to load. */
export async function openBuilder(): Promise<void> {
  render(<BuilderScreen formId="frm_1" />);
  await flush();
}
