// Runtime: any (pure core). The studio's document: forms and the text view edit one document, a
// form's edit changes only the lines it concerns and keeps comments, and edits that cannot apply
// are refused with the file named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { formatDiagnostic } from '../pack/diagnostics';
import { loadPack } from '../pack/load';
import type { DocumentEdit, PackDocument } from './document';
import { applyEdit, documentFromFiles, DocumentEditError, isEditable, locate, packFilesOf, readAt } from './document';

const encoder = new TextEncoder();
const FILE = 'scenarios/demo.yaml';

function docOf(texts: Record<string, string>): PackDocument {
  return documentFromFiles(new Map(Object.entries(texts).map(([path, text]) => [path, encoder.encode(text)])));
}

function textOf(doc: PackDocument, file = FILE): string {
  return doc.texts.get(file)!;
}

/** The lines of `before` and `after` that differ, compared line by line after the common head and tail. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

function commentsOf(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const match = /(^|\s)(#.*)$/.exec(line);
    return match && !/^\s*-?\s*["']/.test(line) ? [match[2]!] : [];
  });
}

function errorOf(run: () => unknown): DocumentEditError {
  try {
    run();
  } catch (error) {
    if (error instanceof DocumentEditError) return error;
    throw error;
  }
  throw new Error('no error was thrown');
}

const SCENARIO = `# The scenario's header
id: demo # stays lower-case
languages: [en, ru]
title:
  en: "Demo: a title"
  ru: Демо
summary:
  en: >-
    A folded paragraph the author wrapped
    by hand, at their own width.

accounts:
  # The embassy's own account
  - id: embassy-x
    platform: x
  - id: embassy-fb
    platform: facebook
tasks:
  - id: first-post
    account: embassy-x
    requires:
      keyMessages: [register]
`;

describe('reading the document', () => {
  it('sorts YAML files into texts and everything else into media, and gives the same files back', () => {
    const files = new Map([
      [FILE, encoder.encode(SCENARIO)],
      ['media/a.png', new Uint8Array([1, 2, 3])],
      ['pack.yaml', new Uint8Array([0xff, 0xfe])],
    ]);
    const doc = documentFromFiles(files);
    expect([...doc.texts.keys()]).toEqual([FILE]);
    expect([...doc.media.keys()].sort()).toEqual(['media/a.png', 'pack.yaml']);
    expect(packFilesOf(doc)).toEqual(files);
  });

  it('reads plain values at a path, and nothing where there is nothing', () => {
    const doc = docOf({ [FILE]: SCENARIO });
    expect(readAt(doc, FILE, ['accounts', 1, 'platform'])).toBe('facebook');
    expect(readAt(doc, FILE, ['languages'])).toEqual(['en', 'ru']);
    expect(readAt(doc, FILE, ['accounts', 5])).toBeUndefined();
    expect(readAt(doc, FILE, ['id', 'deeper'])).toBeUndefined();
    expect(readAt(doc, 'missing.yaml', [])).toBeUndefined();
    expect(readAt(docOf({ [FILE]: 'id: [' }), FILE, ['id'])).toBeUndefined();
  });

  it('locates a path, 1-based, or the nearest part of it that exists', () => {
    const doc = docOf({ [FILE]: SCENARIO });
    expect(locate(doc, FILE, ['tasks', 0, 'account'])).toEqual({ line: 20, column: 14 });
    expect(locate(doc, FILE, ['tasks', 0, 'opensAt'])).toEqual({ line: 19, column: 5 });
    expect(locate(doc, FILE, ['id'])).toEqual({ line: 2, column: 5 });
    expect(locate(doc, 'missing.yaml', [])).toBeNull();
    expect(locate(docOf({ [FILE]: 'id: [' }), FILE, ['id'])).toBeNull();
  });
});

describe('a form edit', () => {
  const doc = docOf({ [FILE]: SCENARIO });

  it('quotes a text with ": " and ", " so the file still reads as that text', () => {
    const next = applyEdit(doc, { kind: 'set', file: FILE, path: ['title', 'ru'], value: 'Ответ: да, нет' });
    expect(readAt(next, FILE, ['title', 'ru'])).toBe('Ответ: да, нет');
    expect(changedLines(SCENARIO, textOf(next))).toEqual({ removed: ['  ru: Демо'], added: ['  ru: "Ответ: да, нет"'] });
    expect(textOf(doc)).toBe(SCENARIO);
  });

  it('keeps a trailing comment on the line it changes', () => {
    const next = applyEdit(doc, { kind: 'set', file: FILE, path: ['id'], value: 'renamed' });
    expect(changedLines(SCENARIO, textOf(next))).toEqual({ removed: ['id: demo # stays lower-case'], added: ['id: renamed # stays lower-case'] });
  });

  it('keeps a string that reads like a number a string', () => {
    const next = applyEdit(doc, { kind: 'set', file: FILE, path: ['title', 'en'], value: '12' });
    expect(readAt(next, FILE, ['title', 'en'])).toBe('12');
  });

  it('rewrites a folded paragraph without touching the rest of the file', () => {
    const next = applyEdit(doc, { kind: 'set', file: FILE, path: ['summary', 'en'], value: 'A new paragraph.\n\nAnd a second one.' });
    expect(readAt(next, FILE, ['summary', 'en'])).toBe('A new paragraph.\n\nAnd a second one.');
    const { removed, added } = changedLines(SCENARIO, textOf(next));
    expect(removed.join('\n')).toContain('by hand');
    expect(added.join('\n')).not.toContain('accounts');
    expect(commentsOf(textOf(next))).toEqual(commentsOf(SCENARIO));
  });

  it('adds a missing key, and the mappings on the way, at the end of the mapping', () => {
    const next = applyEdit(doc, { kind: 'set', file: FILE, path: ['tasks', 0, 'brief', 'en'], value: 'Post it.' });
    expect(readAt(next, FILE, ['tasks', 0, 'brief'])).toEqual({ en: 'Post it.' });
    expect(changedLines(SCENARIO, textOf(next)).removed).toEqual([]);
    expect(changedLines(SCENARIO, textOf(next)).added).toEqual(['    brief:', '      en: Post it.']);
  });

  it('adds to and removes from a list written [a, b], keeping it on one line', () => {
    const added = applyEdit(doc, { kind: 'insert', file: FILE, path: ['languages'], value: 'uk' });
    expect(changedLines(SCENARIO, textOf(added))).toEqual({ removed: ['languages: [en, ru]'], added: ['languages: [en, ru, uk]'] });
    const removed = applyEdit(added, { kind: 'delete', file: FILE, path: ['languages', 0] });
    expect(readAt(removed, FILE, ['languages'])).toEqual(['ru', 'uk']);
    expect(changedLines(SCENARIO, textOf(removed)).added).toEqual(['languages: [ru, uk]']);
  });

  it('keeps a mapping written on one line on one line, spaced as it was', () => {
    const flow = docOf({ [FILE]: 'title: { en: Hotline, ru: Горячая линия }\nlanguages: [en, ru]\n' });
    const next = applyEdit(flow, { kind: 'set', file: FILE, path: ['title', 'en'], value: 'Hotline: call us' });
    expect(textOf(next, FILE)).toBe('title: { en: "Hotline: call us", ru: Горячая линия }\nlanguages: [en, ru]\n');
  });

  it('writes `[]` filled with a mapping as a block list, and keeps a list of words on one line', () => {
    const empty = applyEdit(doc, { kind: 'set', file: FILE, path: ['branches'], value: [] });
    expect(textOf(empty)).toContain('branches: []\n');
    const filled = applyEdit(empty, { kind: 'insert', file: FILE, path: ['branches'], value: { id: 'late', then: { openTasks: ['first-post'] } } });
    expect(readAt(filled, FILE, ['branches'])).toEqual([{ id: 'late', then: { openTasks: ['first-post'] } }]);
    expect(changedLines(textOf(empty), textOf(filled))).toEqual({
      removed: ['branches: []'],
      added: ['branches:', '  - id: late', '    then:', '      openTasks:', '        - first-post'],
    });
    const words = applyEdit(doc, { kind: 'set', file: FILE, path: ['languages'], value: ['en', 'ru', 'uk'] });
    expect(changedLines(SCENARIO, textOf(words)).added).toEqual(['languages: [en, ru, uk]']);
  });

  it('inserts a list item where asked, and removes one with its lines only', () => {
    const account = { id: 'embassy-tg', platform: 'telegram' };
    const first = applyEdit(doc, { kind: 'insert', file: FILE, path: ['accounts'], index: 1, value: account });
    expect(readAt(first, FILE, ['accounts', 1])).toEqual(account);
    expect(changedLines(SCENARIO, textOf(first))).toEqual({ removed: [], added: ['  - id: embassy-tg', '    platform: telegram'] });
    const gone = applyEdit(doc, { kind: 'delete', file: FILE, path: ['accounts', 1] });
    expect(changedLines(SCENARIO, textOf(gone))).toEqual({ removed: ['  - id: embassy-fb', '    platform: facebook'], added: [] });
    expect(commentsOf(textOf(gone))).toEqual(commentsOf(SCENARIO));
  });

  it('sets a whole mapping by changing only what differs, keeping its comments', () => {
    const next = applyEdit(doc, { kind: 'set', file: FILE, path: ['accounts', 0], value: { id: 'embassy-x', platform: 'mastodon' } });
    expect(readAt(next, FILE, ['accounts', 0])).toEqual({ id: 'embassy-x', platform: 'mastodon' });
    expect(textOf(next)).toContain("# The embassy's own account");
    expect(changedLines(SCENARIO, textOf(next))).toEqual({ removed: ['    platform: x'], added: ['    platform: mastodon'] });
  });

  it('removes the last key of a mapping and leaves an empty mapping', () => {
    const next = applyEdit(doc, { kind: 'delete', file: FILE, path: ['tasks', 0, 'requires', 'keyMessages'] });
    expect(readAt(next, FILE, ['tasks', 0, 'requires'])).toEqual({});
  });

  it('changes nothing when the value is already there, or the key already missing', () => {
    expect(applyEdit(doc, { kind: 'set', file: FILE, path: ['id'], value: 'demo' })).toBe(doc);
    expect(applyEdit(doc, { kind: 'delete', file: FILE, path: ['nothing', 'here'] })).toBe(doc);
    expect(applyEdit(doc, { kind: 'set', file: FILE, path: ['nothing'], value: undefined })).toBe(doc);
  });

  it('refuses a path through a text, past the end of a list, or an insert into a mapping', () => {
    expect(errorOf(() => applyEdit(doc, { kind: 'set', file: FILE, path: ['id', 'deeper'], value: 1 }))).toMatchObject({ code: 'bad-path', file: FILE });
    expect(errorOf(() => applyEdit(doc, { kind: 'set', file: FILE, path: ['accounts', 7], value: {} })).code).toBe('bad-path');
    expect(errorOf(() => applyEdit(doc, { kind: 'insert', file: FILE, path: ['title'], value: 'x' })).code).toBe('not-a-list');
    expect(errorOf(() => applyEdit(doc, { kind: 'set', file: 'nope.yaml', path: ['id'], value: 'x' })).code).toBe('no-such-file');
  });

  it('treats a file of aliases that expand too far, or nesting too deep, as one it cannot edit, without failing', () => {
    // Each list names the one before nine times: 9^9 items once expanded.
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level += 1)
      lines.push(
        `l${level}: &l${level} [${Array(9)
          .fill(`*l${level - 1}`)
          .join(', ')}]`,
      );
    const bomb = lines.join('\n');
    const aliases = docOf({ [FILE]: bomb });
    expect(readAt(aliases, FILE, ['l0'])).toBeUndefined();
    expect(errorOf(() => applyEdit(aliases, { kind: 'set', file: FILE, path: ['l0'], value: 1 })).code).toBe('unparsable');
    const deep = docOf({ [FILE]: `${'['.repeat(20_000)}${']'.repeat(20_000)}` });
    expect(isEditable(deep, FILE)).toBe(false);
  });

  it('refuses to edit a file whose YAML does not parse, naming the file, and leaves it as typed', () => {
    const broken = docOf({ [FILE]: 'id: [demo' });
    const error = errorOf(() => applyEdit(broken, { kind: 'set', file: FILE, path: ['id'], value: 'x' }));
    expect(error).toMatchObject({ code: 'unparsable', file: FILE, messageKey: 'editError.unparsable' });
    expect(isEditable(broken, FILE)).toBe(false);
    expect(textOf(broken)).toBe('id: [demo');
  });
});

describe('forms and the text view on one document', () => {
  const doc = docOf({ [FILE]: SCENARIO });

  it('a form set after a text edit keeps the text edit and its comments', () => {
    const typed = applyEdit(doc, { kind: 'text', file: FILE, text: SCENARIO.replace('  ru: Демо\n', '  ru: Демо\n  uk: Демо # to check\n') });
    const next = applyEdit(typed, { kind: 'set', file: FILE, path: ['accounts', 1, 'platform'], value: 'vk' });
    expect(readAt(next, FILE, ['title'])).toEqual({ en: 'Demo: a title', ru: 'Демо', uk: 'Демо' });
    expect(textOf(next)).toContain('  uk: Демо # to check\n');
    expect(readAt(next, FILE, ['accounts', 1, 'platform'])).toBe('vk');
  });

  it('a text edit after a form set replaces the file as typed', () => {
    const set = applyEdit(doc, { kind: 'set', file: FILE, path: ['id'], value: 'other' });
    const typed = applyEdit(set, { kind: 'text', file: FILE, text: 'id: typed\n' });
    expect(textOf(typed)).toBe('id: typed\n');
    expect(readAt(typed, FILE, ['id'])).toBe('typed');
  });

  it('a batch applies all its edits or none', () => {
    const batch: DocumentEdit = {
      kind: 'batch',
      edits: [
        { kind: 'set', file: FILE, path: ['id'], value: 'first' },
        { kind: 'set', file: FILE, path: ['id', 'x'], value: 'refused' },
      ],
    };
    expect(errorOf(() => applyEdit(doc, batch)).code).toBe('bad-path');
    expect(textOf(doc)).toBe(SCENARIO);
  });

  it('adds and removes files, refusing names no pack may hold', () => {
    const added = applyEdit(doc, { kind: 'add-file', file: 'scenarios/second.yaml', text: 'id: second\n' });
    expect(readAt(added, 'scenarios/second.yaml', ['id'])).toBe('second');
    expect(errorOf(() => applyEdit(added, { kind: 'add-file', file: 'scenarios/second.yaml', text: '' })).code).toBe('file-exists');
    expect(errorOf(() => applyEdit(doc, { kind: 'add-file', file: '../outside.yaml', text: '' })).code).toBe('bad-file-name');
    expect(errorOf(() => applyEdit(doc, { kind: 'add-file', file: 'attache-archive.json', text: '' })).code).toBe('bad-file-name');
    const removed = applyEdit(added, { kind: 'remove-file', file: FILE });
    expect([...removed.texts.keys()]).toEqual(['scenarios/second.yaml']);
    expect(errorOf(() => applyEdit(removed, { kind: 'remove-file', file: FILE })).code).toBe('no-such-file');
  });
});

describe('edits on the built-in library', () => {
  const files = readFolder(CORE_LIBRARY_DIR);
  const library = documentFromFiles(files);
  const file = 'scenarios/flights-suspended.yaml';
  const original = library.texts.get(file)!;

  const cases: Array<[string, DocumentEdit, number]> = [
    ['a missing key', { kind: 'set', file, path: ['accounts', 0, 'audienceLanguage'], value: 'ru' }, 1],
    ['a title', { kind: 'set', file, path: ['title', 'en'], value: 'Flights suspended: Coral Bay, again' }, 1],
    ['a number in a nested mapping', { kind: 'set', file, path: ['accounts', 0, 'audience', 'followers'], value: 1234 }, 1],
    ['a fact with a comment on its line', { kind: 'set', file, path: ['facts', 0, 'severity'], value: 'major' }, 1],
    ['an approved hashtag', { kind: 'insert', file, path: ['policy', 'hashtags', 'approved'], value: '#Новый' }, 1],
    ['a key message, removed', { kind: 'delete', file, path: ['policy', 'keyMessages', 3] }, 7],
    ['a whole inject, removed', { kind: 'delete', file, path: ['timeline', 2] }, 22],
  ];
  it.each(cases)('changes %s on its own lines only, and the pack still loads', (_, edit, maxLines) => {
    const next = applyEdit(library, edit);
    const text = next.texts.get(file)!;
    const { removed, added } = changedLines(original, text);
    expect(removed.length + added.length).toBeGreaterThan(0);
    expect(Math.max(removed.length, added.length)).toBeLessThanOrEqual(maxLines);
    expect(commentsOf(text).length).toBeGreaterThanOrEqual(commentsOf(original).length - 1);
    expect(parseDocument(text).errors).toEqual([]);
  });

  it('loads as before after a form edit: no new problem', () => {
    const next = applyEdit(library, { kind: 'set', file, path: ['summary', 'ru'], value: 'Новое описание: коротко, ясно.' });
    const problems = (files: Map<string, Uint8Array>) => loadPack(files, { appVersion: '0.1.0' }).diagnostics.map(formatDiagnostic);
    expect(problems(packFilesOf(next))).toEqual(problems(files));
  });
});

describe('any value a form sets', () => {
  const doc = docOf({ [FILE]: SCENARIO });
  const paths = fc.constantFrom<readonly (string | number)[]>(
    ['title', 'ru'],
    ['summary', 'en'],
    ['id'],
    ['accounts', 0, 'platform'],
    ['tasks', 0, 'requires', 'keyMessages', 0],
    ['new', 'key'],
  );

  it('reads back equal, and the file still parses', () => {
    fc.assert(
      fc.property(paths, fc.string({ unit: 'binary', maxLength: 40 }), (path, value) => {
        const next = applyEdit(doc, { kind: 'set', file: FILE, path, value });
        expect(readAt(next, FILE, path)).toBe(value);
        expect(parseDocument(textOf(next)).errors).toEqual([]);
        expect(readAt(next, FILE, ['accounts', 1])).toEqual({ id: 'embassy-fb', platform: 'facebook' });
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('of any plain shape reads back equal', () => {
    const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
    const plain = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('value'), { maxKeys: 3 }),
      ),
    })).value;
    fc.assert(
      fc.property(paths, plain, (path, value) => {
        const next = applyEdit(doc, { kind: 'set', file: FILE, path, value });
        expect(readAt(next, FILE, path)).toEqual(value);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('any sequence of form edits', () => {
  type Model = Record<string, unknown>;
  const keys = fc.constantFrom('title', 'accounts', 'tasks', 'note', 'extra');
  const scalar = fc.oneof(fc.string({ maxLength: 10 }), fc.integer({ min: -5, max: 5 }), fc.boolean());
  const value = fc.oneof(scalar, fc.dictionary(fc.constantFrom('id', 'en', 'ru'), scalar, { maxKeys: 2 }), fc.array(scalar, { maxLength: 2 }));
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key: keys, sub: fc.option(fc.constantFrom('en', 'ru', 'id'), { nil: undefined }), value }),
    fc.record({ kind: fc.constant('delete' as const), key: keys, sub: fc.option(fc.constantFrom('en', 'ru', 'id'), { nil: undefined }) }),
    fc.record({ kind: fc.constant('insert' as const), key: keys, index: fc.nat({ max: 3 }), value }),
    fc.record({ kind: fc.constant('delete-item' as const), key: keys, index: fc.nat({ max: 3 }) }),
  );

  /** The same edit on plain data, as the form means it; false when the document must refuse it. */
  function applyToModel(model: Model, step: Record<string, unknown>): boolean {
    const key = step.key as string;
    const current = model[key];
    switch (step.kind) {
      case 'set':
        if (step.sub === undefined) model[key] = step.value;
        else if (current === undefined) model[key] = { [step.sub as string]: step.value };
        else if (current !== null && typeof current === 'object' && !Array.isArray(current)) (current as Model)[step.sub as string] = step.value;
        else return false;
        return true;
      case 'delete':
        if (step.sub === undefined) delete model[key];
        else if (current !== null && typeof current === 'object' && !Array.isArray(current)) delete (current as Model)[step.sub as string];
        return true;
      case 'insert': {
        const index = step.index as number;
        if (current === undefined && index === 0) model[key] = [step.value];
        else if (Array.isArray(current) && index <= current.length) current.splice(index, 0, step.value);
        else return false;
        return true;
      }
      default: {
        const index = step.index as number;
        if (Array.isArray(current) && index < current.length) current.splice(index, 1);
        return true;
      }
    }
  }

  function toEdit(step: Record<string, unknown>): DocumentEdit {
    const key = step.key as string;
    switch (step.kind) {
      case 'set':
        return { kind: 'set', file: FILE, path: step.sub === undefined ? [key] : [key, step.sub as string], value: step.value };
      case 'delete':
        return { kind: 'delete', file: FILE, path: step.sub === undefined ? [key] : [key, step.sub as string] };
      case 'insert':
        return { kind: 'insert', file: FILE, path: [key], index: step.index as number, value: step.value };
      default:
        return { kind: 'delete', file: FILE, path: [key, step.index as number] };
    }
  }

  it('leave the file reading exactly as the same edits on plain data, comments kept', () => {
    const start = '# top\ntitle: # the title\n  en: Demo\naccounts:\n  - id: a # first\n  - id: b\nnote: plain\n';
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), (steps) => {
        let doc = docOf({ [FILE]: start });
        const model = structuredClone(readAt(doc, FILE, []) as Model);
        for (const step of steps as Record<string, unknown>[]) {
          const expected = structuredClone(model);
          if (applyToModel(expected, step)) {
            doc = applyEdit(doc, toEdit(step));
            Object.keys(model).forEach((key) => delete model[key]);
            Object.assign(model, expected);
          } else {
            expect(() => applyEdit(doc, toEdit(step))).toThrow(DocumentEditError);
          }
          expect(readAt(doc, FILE, [])).toEqual(model);
        }
        expect(textOf(doc)).toContain('# top');
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});
