// Runtime: Node (Vitest, happy-dom). The YAML editor's link to the document: the smallest change for
// text changed elsewhere (so the cursor stays), problems placed as marks, the schema per file.
import { EditorSelection, EditorState, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { schemaForFile } from './schemas';
import { lintDiagnostics, minimalChange, offsetOf } from './sync';

describe('minimalChange', () => {
  it('replaces only the part that differs', () => {
    expect(minimalChange('title: Fire\nkind: crisis\n', 'title: Big Fire\nkind: crisis\n')).toEqual({ from: 7, to: 7, insert: 'Big ' });
    expect(minimalChange('a: 1\nb: 2\n', 'a: 1\n')).toEqual({ from: 5, to: 10, insert: '' });
    expect(minimalChange('same', 'same')).toBeNull();
  });

  it('keeps a cursor after the change where it was in the text', () => {
    const before = 'id: fire\ntitle:\n  en: Fire\n';
    const after = 'id: fire\ntitle:\n  en: Fire\n  ru: Пожар\n';
    const cursorAt = before.indexOf('Fire');
    const state = EditorState.create({ doc: before, selection: EditorSelection.cursor(cursorAt) });
    const next = state.update({ changes: minimalChange(before, after)! }).state;
    expect(next.doc.toString()).toBe(after);
    expect(next.selection.main.head).toBe(cursorAt);
  });

  it('never splits a character written as two UTF-16 units', () => {
    const before = 'emoji: 😀\n';
    const after = 'emoji: 😃\n';
    const change = minimalChange(before, after) as { from: number; to: number; insert: string };
    expect(before.slice(0, change.from) + change.insert + before.slice(change.to)).toBe(after);
    expect(change.insert).toBe('😃');
  });

  it('gives the same text back for any pair of texts', () => {
    const texts = ['', 'a', 'ab', 'abc\n', 'xabcx', 'aaaa', 'a\nb\nc', 'b\nc'];
    for (const before of texts) {
      for (const after of texts) {
        const change = minimalChange(before, after) as { from: number; to: number; insert: string } | null;
        const result = change ? before.slice(0, change.from) + change.insert + before.slice(change.to) : before;
        expect(result, `${JSON.stringify(before)} → ${JSON.stringify(after)}`).toBe(after);
      }
    }
  });
});

describe('problems as marks', () => {
  const doc = Text.of(['id: fire', 'title:', '  en: Fire, flood', '']);

  it('marks the word at the line and column, and a whole-file problem on the first line', () => {
    const [word, file] = lintDiagnostics(doc, [
      { severity: 'error', line: 3, column: 7, message: 'Quote it' },
      { severity: 'warning', line: 0, column: 0, message: 'Whole file' },
    ]);
    expect(doc.sliceString(word!.from, word!.to)).toBe('Fire,');
    expect(word!.severity).toBe('error');
    expect(file!.from).toBe(0);
    expect(doc.sliceString(file!.from, file!.to)).toBe('id:');
  });

  it('keeps a place from an older text inside this one', () => {
    expect(offsetOf(doc, 99, 99)).toBe(doc.length);
    expect(offsetOf(doc, 1, 99)).toBe('id: fire'.length);
    const [past] = lintDiagnostics(doc, [{ severity: 'error', line: 40, column: 3, message: 'gone' }]);
    expect(past!.from).toBeLessThanOrEqual(doc.length);
    expect(past!.to).toBeLessThanOrEqual(doc.length);
  });
});

describe('schemaForFile', () => {
  it('chooses the format schema by file', () => {
    expect(schemaForFile('pack.yaml')?.properties).toHaveProperty('languages');
    expect(schemaForFile('personas.yaml')).not.toBeNull();
    expect(schemaForFile('courses.yaml')).not.toBeNull();
    expect(schemaForFile('scenarios/fire.yaml')?.properties).toHaveProperty('tasks');
    expect(schemaForFile('media/logo.yaml')).toBeNull();
  });
});
