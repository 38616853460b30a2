// Runtime: any (pure core). The studio's document: forms and the text view editing one document.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { applyEdit, documentFromFiles, DocumentEditError, locate, packFilesOf, readAt } from './document';
import type { PackDocument } from './document';

const encoder = new TextEncoder();

function docOf(texts: Record<string, string>): PackDocument {
  return documentFromFiles(new Map(Object.entries(texts).map(([path, text]) => [path, encoder.encode(text)])));
}

const SCENARIO = `# The scenario's header
id: demo # stays lower-case
title:
  en: "Demo: a title"
  ru: Демо
accounts:
  - id: embassy-x
    platform: x
tasks:
  - id: first-post
    account: embassy-x
`;

describe('the document', () => {
  it('sorts YAML files into texts and everything else into media, and gives the same files back', () => {
    const files = new Map([
      ['scenarios/demo.yaml', encoder.encode(SCENARIO)],
      ['media/a.png', new Uint8Array([1, 2, 3])],
      ['pack.yaml', new Uint8Array([0xff, 0xfe])],
    ]);
    const doc = documentFromFiles(files);
    expect([...doc.texts.keys()]).toEqual(['scenarios/demo.yaml']);
    expect([...doc.media.keys()].sort()).toEqual(['media/a.png', 'pack.yaml']);
    expect(packFilesOf(doc)).toEqual(files);
  });

  it('a form set keeps the comments and quotes what needs quoting', () => {
    const doc = docOf({ 'scenarios/demo.yaml': SCENARIO });
    const next = applyEdit(doc, { kind: 'set', file: 'scenarios/demo.yaml', path: ['title', 'ru'], value: 'Ответ: да, нет' });
    const text = next.texts.get('scenarios/demo.yaml')!;
    expect(text).toContain('# The scenario');
    expect(text).toContain('# stays lower-case');
    expect(parseDocument(text).errors).toEqual([]);
    expect(readAt(next, 'scenarios/demo.yaml', ['title', 'ru'])).toBe('Ответ: да, нет');
    expect(doc.texts.get('scenarios/demo.yaml')).toBe(SCENARIO);
  });

  it('refuses to edit a file whose YAML does not parse, naming the file', () => {
    const doc = docOf({ 'scenarios/demo.yaml': 'id: [demo' });
    const edit = () => applyEdit(doc, { kind: 'set', file: 'scenarios/demo.yaml', path: ['id'], value: 'x' });
    expect(edit).toThrow(DocumentEditError);
    try {
      edit();
    } catch (error) {
      expect((error as DocumentEditError).code).toBe('unparsable');
      expect((error as DocumentEditError).file).toBe('scenarios/demo.yaml');
    }
  });

  it('locates a path, 1-based', () => {
    const doc = docOf({ 'scenarios/demo.yaml': SCENARIO });
    expect(locate(doc, 'scenarios/demo.yaml', ['tasks', 0, 'account'])).toEqual({ line: 11, column: 14 });
  });
});
