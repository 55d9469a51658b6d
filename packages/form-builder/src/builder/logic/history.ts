/** Undo/redo over immutable snapshots, bounded so a long session does not grow without end. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
}

/** How many steps back undo reaches. */
export const historyLimit = 100;

/** A history starting at one value. */
export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Records a new present; redo steps are dropped, the oldest past ones beyond the limit too. */
export function record<T>(history: History<T>, next: T, limit = historyLimit): History<T> {
  if (Object.is(next, history.present)) return history;
  const past = [...history.past, history.present];
  return { past: past.slice(Math.max(0, past.length - limit)), present: next, future: [] };
}

/**
 * Replaces the present without a new step: typing into one input is one undo step, not one per
 * character. Redo steps are dropped as for any change.
 */
export function amend<T>(history: History<T>, next: T): History<T> {
  if (Object.is(next, history.present)) return history;
  return { past: history.past, present: next, future: [] };
}

/** One step back; the same history when there is nothing to undo. */
export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (history.past.length === 0) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous as T,
    future: [history.present, ...history.future],
  };
}

/** One step forward again; the same history when there is nothing to redo. */
export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  const [next, ...future] = history.future;
  return { past: [...history.past, history.present], present: next as T, future };
}
