import { describe, expect, test } from 'vitest';
import { amend, record, redo, startHistory, undo } from './history';

describe('undo and redo', () => {
  test('steps back and forward, and a new change drops the redo steps', () => {
    let history = startHistory('a');
    history = record(history, 'b');
    history = record(history, 'c');
    history = undo(history);
    expect(history.present).toBe('b');
    history = redo(history);
    expect(history.present).toBe('c');
    history = undo(undo(history));
    expect(history.present).toBe('a');
    history = record(history, 'x');
    expect(history.future).toEqual([]);
    expect(redo(history)).toBe(history);
    expect(undo(undo(history)).present).toBe('a');
  });

  test('is bounded: the oldest steps fall off', () => {
    let history = startHistory(0);
    for (let n = 1; n <= 10; n++) history = record(history, n, 3);
    expect(history.past).toEqual([7, 8, 9]);
    history = undo(undo(undo(undo(history))));
    expect(history.present).toBe(7);
  });

  test('recording the same value is not a step', () => {
    const history = startHistory({ a: 1 });
    expect(record(history, history.present)).toBe(history);
  });

  test('amending the present (typing) is no new step', () => {
    let history = record(startHistory(''), '区');
    history = amend(amend(history, '区分'), '区分2');
    expect(history.present).toBe('区分2');
    expect(undo(history).present).toBe('');
  });
});
