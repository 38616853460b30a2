// Runtime: any (pure core). Undo and redo over a mix of form and text edits, typing coalesced.
import { describe, expect, it } from 'vitest';
import type { DocumentEdit, PackDocument } from './document';
import { DocumentEditError, documentFromFiles, readAt } from './document';
import { canRedo, canUndo, createHistory, record, redo, redoLabel, undo, undoLabel } from './history';

const FILE = 'scenarios/demo.yaml';
const TEXT = 'id: demo # the id\ntitle:\n  en: Demo\n';

function start(): PackDocument {
  return documentFromFiles(new Map([[FILE, new TextEncoder().encode(TEXT)]]));
}

const setTitle = (value: string): DocumentEdit => ({ kind: 'set', file: FILE, path: ['title', 'en'], value });

describe('the history', () => {
  it('undoes and redoes a mix of form and text edits, in order', () => {
    let history = createHistory(start());
    expect(canUndo(history)).toBe(false);
    history = record(history, setTitle('Form'), { label: 'title', at: 0 });
    history = record(history, { kind: 'text', file: FILE, text: 'id: typed\ntitle:\n  en: Form\n' }, { label: 'text', at: 10_000 });
    history = record(history, { kind: 'set', file: FILE, path: ['id'], value: 'again' }, { label: 'id', at: 20_000 });
    expect(readAt(history.document, FILE, [])).toEqual({ id: 'again', title: { en: 'Form' } });
    expect(undoLabel(history)).toBe('id');

    history = undo(history);
    expect(readAt(history.document, FILE, ['id'])).toBe('typed');
    history = undo(history);
    expect(history.document.texts.get(FILE)).toContain('# the id');
    expect(readAt(history.document, FILE, [])).toEqual({ id: 'demo', title: { en: 'Form' } });
    history = undo(history);
    expect(history.document.texts.get(FILE)).toBe(TEXT);
    expect(canUndo(history)).toBe(false);
    expect(undo(history)).toBe(history);

    expect(redoLabel(history)).toBe('title');
    history = redo(redo(history));
    expect(readAt(history.document, FILE, ['id'])).toBe('typed');
    expect(canRedo(history)).toBe(true);
    history = redo(history);
    expect(readAt(history.document, FILE, ['id'])).toBe('again');
    expect(canRedo(history)).toBe(false);
    expect(redo(history)).toBe(history);
  });

  it('drops what could be redone when a new edit is made', () => {
    let history = createHistory(start());
    history = record(history, setTitle('One'), { label: 'one', at: 0 });
    history = undo(history);
    history = record(history, setTitle('Two'), { label: 'two', at: 5_000 });
    expect(canRedo(history)).toBe(false);
    expect(readAt(history.document, FILE, ['title', 'en'])).toBe('Two');
  });

  it('makes typing in one field one step, within the window after each keystroke', () => {
    let history = createHistory(start(), { coalesceWindowMs: 1000 });
    for (const [index, value] of ['D', 'De', 'Dem', 'Demo!'].entries()) {
      history = record(history, setTitle(value), { label: 'title', coalesceKey: 'title.en', at: index * 600 });
    }
    expect(history.past).toHaveLength(1);
    history = record(history, setTitle('Later'), { label: 'title', coalesceKey: 'title.en', at: 1800 + 1001 });
    expect(history.past).toHaveLength(2);
    history = undo(history);
    expect(readAt(history.document, FILE, ['title', 'en'])).toBe('Demo!');
    history = undo(history);
    expect(readAt(history.document, FILE, ['title', 'en'])).toBe('Demo');
  });

  it('does not join edits of another field, edits without a key, or an edit after an undo', () => {
    let history = createHistory(start());
    history = record(history, setTitle('A'), { label: 'title', coalesceKey: 'title.en', at: 0 });
    history = record(history, { kind: 'set', file: FILE, path: ['id'], value: 'b' }, { label: 'id', coalesceKey: 'id', at: 10 });
    history = record(history, { kind: 'set', file: FILE, path: ['id'], value: 'c' }, { label: 'id', at: 20 });
    expect(history.past).toHaveLength(3);
    history = undo(history);
    history = record(history, { kind: 'set', file: FILE, path: ['id'], value: 'd' }, { label: 'id', coalesceKey: 'id', at: 30 });
    expect(history.past).toHaveLength(3);
  });

  it('keeps at most its limit of steps, forgetting the oldest', () => {
    let history = createHistory(start(), { limit: 3 });
    for (let index = 0; index < 5; index += 1) history = record(history, setTitle(`v${index}`), { label: `v${index}`, at: index * 10_000 });
    expect(history.past.map((step) => step.label)).toEqual(['v2', 'v3', 'v4']);
    while (canUndo(history)) history = undo(history);
    expect(readAt(history.document, FILE, ['title', 'en'])).toBe('v1');
  });

  it('records nothing for an edit that changes nothing, and nothing for one that is refused', () => {
    const history = createHistory(start());
    expect(record(history, setTitle('Demo'), { label: 'same', at: 0 })).toBe(history);
    expect(() => record(history, { kind: 'set', file: FILE, path: ['id', 'x'], value: 1 }, { label: 'bad', at: 0 })).toThrow(DocumentEditError);
    expect(history.past).toHaveLength(0);
  });
});
