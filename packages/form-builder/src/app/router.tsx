import {
  type AnchorHTMLAttributes,
  type MouseEvent,
  useCallback,
  useEffect,
  useSyncExternalStore,
} from 'react';

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

let leaveGuard: (() => boolean) | null = null;

/**
 * Installs a check asked before each in-app move (a screen with unsaved work asks to confirm);
 * returns the function that removes it.
 */
export function guardNavigation(mayLeave: () => boolean): () => void {
  leaveGuard = mayLeave;
  return () => {
    if (leaveGuard === mayLeave) leaveGuard = null;
  };
}

/** Moves to a console path without reloading (history entry unless `replace`). */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (leaveGuard && !leaveGuard()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

/** The current path and query; re-renders on every move. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot, () => '/');
  const [path = '/', query = ''] = current.split('?');
  return { path, search: new URLSearchParams(query) };
}

/**
 * Matches a path against a pattern with `:name` parts.
 * @example matchPath('/submissions/:id', '/submissions/sub_1') // { id: 'sub_1' }
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

/** A link inside the console: a real <a href> (open in a new tab works), moved in-page on click. */
export function Link({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      onClick?.(event);
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      event.preventDefault();
      navigate(href);
    },
    [href, onClick],
  );
  return <a href={href} onClick={handle} {...rest} />;
}

/** Sets the document title for a screen, so each screen is announced and tabs are told apart. */
export function useTitle(title: string, appName: string): void {
  useEffect(() => {
    document.title = title ? `${title} | ${appName}` : appName;
  }, [title, appName]);
}
