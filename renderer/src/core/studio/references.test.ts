// Runtime: any (pure core). Renaming an id renames every reference to it, and the pack loads as before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { formatDiagnostic } from '../pack/diagnostics';
import type { PackFiles } from '../pack/archive';
import { loadPack } from '../pack/load';
import type { IdTarget, PackDocument } from './document';
import { applyEdit, declarationsOf, documentFromFiles, DocumentEditError, packFilesOf, readAt, referencesTo } from './document';

const files = readFolder(CORE_LIBRARY_DIR);
const library = documentFromFiles(files);
const FLIGHTS = 'scenarios/flights-suspended.yaml';

function problems(packFiles: PackFiles): string[] {
  return loadPack(packFiles, { appVersion: '0.1.0' }).diagnostics.map(formatDiagnostic);
}
const before = problems(files);

function rename(doc: PackDocument, target: IdTarget, to: string): PackDocument {
  return applyEdit(doc, { kind: 'rename-id', target, to });
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DocumentEditError) return error.code;
    throw error;
  }
  return 'none';
}

/** Every string value anywhere in the document's YAML files. */
function allStrings(doc: PackDocument): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const file of doc.texts.keys()) walk(readAt(doc, file, []));
  return out;
}

describe('the references to an id', () => {
  it("lists a task's branch conditions, the branches that open it and the audience replies tied to it", () => {
    const places = referencesTo(library, { kind: 'task', id: 'mass-notification', file: FLIGHTS });
    expect(places.length).toBeGreaterThanOrEqual(2);
    for (const place of places) {
      expect(place.file).toBe(FLIGHTS);
      expect(['branches', 'audience']).toContain(place.path[0]);
      expect(readAt(library, place.file, place.path)).toBe('mass-notification');
    }
    expect(places.some((place) => place.path[0] === 'audience')).toBe(true);
    expect(declarationsOf(library, { kind: 'task', id: 'mass-notification', file: FLIGHTS })).toHaveLength(1);
  });

  it('lists the courses that name a scenario', () => {
    expect(referencesTo(library, { kind: 'scenario', id: 'flights-suspended' })).toEqual([{ file: 'courses.yaml', path: ['courses', 0, 'scenarios', 0] }]);
  });

  it('finds every account, fact and inject reference the loader checks', () => {
    const account = referencesTo(library, { kind: 'account', id: 'embassy-x', file: FLIGHTS });
    expect(account.some((place) => place.path[0] === 'timeline' && place.path[2] === 'account')).toBe(true);
    expect(account.some((place) => place.path[0] === 'tasks' && place.path[2] === 'account')).toBe(true);
    const fact = referencesTo(library, { kind: 'fact', id: 'hotline', file: FLIGHTS });
    expect(fact.some((place) => place.path.join('.').includes('requires.facts'))).toBe(true);
    for (const place of [...account, ...fact]) expect(readAt(library, place.file, place.path)).toBeTypeOf('string');
  });
});

describe('renaming an id', () => {
  it('renames a task referenced by branches and audience replies, and the pack loads with no new problem', () => {
    const next = rename(library, { kind: 'task', id: 'mass-notification', file: FLIGHTS }, 'first-notification');
    expect(problems(packFilesOf(next))).toEqual(before);
    // "mass-notification" is also a task kind; as an id (its declaration and every reference) it is gone.
    const named = 1 + referencesTo(library, { kind: 'task', id: 'mass-notification', file: FLIGHTS }).length;
    expect(named).toBeGreaterThanOrEqual(4);
    expect(allStrings(next).filter((value) => value === 'mass-notification')).toHaveLength(
      allStrings(library).filter((value) => value === 'mass-notification').length - named,
    );
    expect(declarationsOf(next, { kind: 'task', id: 'mass-notification', file: FLIGHTS })).toEqual([]);
    expect(referencesTo(next, { kind: 'task', id: 'first-notification', file: FLIGHTS })).toHaveLength(
      referencesTo(library, { kind: 'task', id: 'mass-notification', file: FLIGHTS }).length,
    );
  });

  it('renames a scenario: its id, its file and the courses that list it', () => {
    const next = rename(library, { kind: 'scenario', id: 'flights-suspended' }, 'coral-bay-flights');
    expect(next.texts.has(FLIGHTS)).toBe(false);
    expect(readAt(next, 'scenarios/coral-bay-flights.yaml', ['id'])).toBe('coral-bay-flights');
    expect(readAt(next, 'courses.yaml', ['courses', 0, 'scenarios', 0])).toBe('coral-bay-flights');
    expect(next.texts.get('scenarios/coral-bay-flights.yaml')).toContain('# yaml-language-server');
    expect(problems(packFilesOf(next))).toEqual(before);
  });

  it('renames an account, a fact, a key message and an inject everywhere in their scenario', () => {
    let next = rename(library, { kind: 'account', id: 'embassy-x', file: FLIGHTS }, 'embassy-x-main');
    next = rename(next, { kind: 'fact', id: 'hotline', file: FLIGHTS }, 'hotline-number');
    next = rename(next, { kind: 'key-message', id: 'register', file: FLIGHTS }, 'register-online');
    next = rename(next, { kind: 'inject', id: 'airport-closed', file: FLIGHTS }, 'airport-shut');
    expect(problems(packFilesOf(next))).toEqual(before);
    const inOtherScenario = readAt(next, 'scenarios/visa-free-launch.yaml', []);
    expect(inOtherScenario).toEqual(readAt(library, 'scenarios/visa-free-launch.yaml', []));
  });

  it("renames a pack persona in every scenario that names it, but not where a scenario's own persona hides it", () => {
    const personas = readAt(library, 'personas.yaml', ['personas']) as Array<{ id: string }>;
    const used = personas.find((persona) => referencesTo(library, { kind: 'persona', id: persona.id }).length > 0)!;
    const next = rename(library, { kind: 'persona', id: used.id }, 'renamed-persona');
    expect(problems(packFilesOf(next))).toEqual(before);
    expect(referencesTo(next, { kind: 'persona', id: used.id })).toEqual([]);
  });

  it('renames a calibration draft within its task only', () => {
    const doc = documentFromFiles(
      new Map([
        [
          FLIGHTS,
          new TextEncoder().encode(
            'id: s\ntasks:\n  - id: a\n    calibration:\n      - id: good\n  - id: b\n    calibration:\n      - id: good\n      - id: poor\n',
          ),
        ],
      ]),
    );
    const next = rename(doc, { kind: 'calibration', id: 'good', file: FLIGHTS, task: 'b' }, 'fine');
    expect(readAt(next, FLIGHTS, ['tasks', 0, 'calibration', 0, 'id'])).toBe('good');
    expect(readAt(next, FLIGHTS, ['tasks', 1, 'calibration', 0, 'id'])).toBe('fine');
    expect(codeOf(() => rename(doc, { kind: 'calibration', id: 'good', file: FLIGHTS, task: 'b' }, 'poor'))).toBe('id-exists');
  });

  it('refuses an id that is taken, an invalid id, or an id nothing has', () => {
    expect(codeOf(() => rename(library, { kind: 'task', id: 'mass-notification', file: FLIGHTS }, 'reply-pavel'))).toBe('id-exists');
    expect(codeOf(() => rename(library, { kind: 'scenario', id: 'flights-suspended' }, 'visa-free-launch'))).toBe('id-exists');
    expect(codeOf(() => rename(library, { kind: 'task', id: 'mass-notification', file: FLIGHTS }, 'Has Spaces'))).toBe('invalid-id');
    expect(codeOf(() => rename(library, { kind: 'task', id: 'no-such-task', file: FLIGHTS }, 'fine'))).toBe('unknown-id');
  });

  it('refuses while a file it must read does not parse, and changes nothing', () => {
    const broken = applyEdit(library, { kind: 'text', file: 'courses.yaml', text: 'courses: [' });
    expect(codeOf(() => rename(broken, { kind: 'scenario', id: 'flights-suspended' }, 'coral-bay'))).toBe('unparsable');
  });

  it('changes nothing when renamed to the same id', () => {
    expect(rename(library, { kind: 'task', id: 'mass-notification', file: FLIGHTS }, 'mass-notification')).toBe(library);
  });
});

describe('renaming any id to any free id', () => {
  const targets: IdTarget[] = [
    { kind: 'task', id: 'mass-notification', file: FLIGHTS },
    { kind: 'account', id: 'embassy-x', file: FLIGHTS },
    { kind: 'fact', id: 'hotline', file: FLIGHTS },
    { kind: 'key-message', id: 'register', file: FLIGHTS },
    { kind: 'inject', id: 'airport-closed', file: FLIGHTS },
    { kind: 'branch', id: (readAt(library, FLIGHTS, ['branches', 0, 'id']) as string) ?? 'none', file: FLIGHTS },
    { kind: 'course', id: readAt(library, 'courses.yaml', ['courses', 0, 'id']) as string },
  ];

  it('leaves the pack loading with the same problems, and the old id declared nowhere', () => {
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/), (target, to) => {
        fc.pre(!to.includes('--') && to !== target.id);
        let next: PackDocument;
        try {
          next = rename(library, target, to);
        } catch (error) {
          // A name another thing of the same kind has already is refused; nothing else is.
          expect(error).toBeInstanceOf(DocumentEditError);
          expect((error as DocumentEditError).code).toBe('id-exists');
          return;
        }
        expect(problems(packFilesOf(next))).toEqual(before);
        expect(declarationsOf(next, target)).toEqual([]);
        expect(declarationsOf(next, { ...target, id: to })).toHaveLength(1);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
