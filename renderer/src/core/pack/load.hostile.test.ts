// Runtime: Node (tests). Hostile packs are refused with clear, bounded diagnostics, and the work
// done to refuse them is bounded: limits are checked before parsing, positions and "did you mean"
// hints are worked out only for the problems that are listed. Work is counted, never timed.
import type * as Levenshtein from 'fastest-levenshtein';
import { stringify } from 'yaml';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MINIMAL_PACK_DIR, readFolder, withEdit } from '../../test/packs';
import { HOSTILE_SHAPES } from './__fixtures__/hostile';
import type { PackFiles } from './archive';
import type { Diagnostic } from './diagnostics';
import { countProblems, DIAGNOSTIC_TEXT_LIMITS, formatDiagnostic } from './diagnostics';
import { DIAGNOSTIC_LIMITS, PACK_LIMITS, YAML_LIMITS } from './limits';
import { loadPack } from './load';
import type * as SchemaModule from './schema';
import type * as YamlModule from './yaml';

const work = vi.hoisted(() => ({ closest: [] as number[], distance: 0, parseYaml: 0, positionOf: 0, schemas: 0 }));

vi.mock('fastest-levenshtein', async (importOriginal) => {
  const original = await importOriginal<typeof Levenshtein>();
  return {
    ...original,
    closest: (word: string, candidates: readonly string[]) => {
      work.closest.push(candidates.length);
      return original.closest(word, candidates as string[]);
    },
    distance: (a: string, b: string) => {
      work.distance += 1;
      return original.distance(a, b);
    },
  };
});

vi.mock('./yaml', async (importOriginal) => {
  const original = await importOriginal<typeof YamlModule>();
  return {
    ...original,
    parseYaml: (...args: Parameters<typeof original.parseYaml>) => {
      work.parseYaml += 1;
      return original.parseYaml(...args);
    },
    positionOf: (...args: Parameters<typeof original.positionOf>) => {
      work.positionOf += 1;
      return original.positionOf(...args);
    },
  };
});

vi.mock('./schema', async (importOriginal) => {
  const original = await importOriginal<typeof SchemaModule>();
  return {
    ...original,
    createPackSchemas: (...args: Parameters<typeof original.createPackSchemas>) => {
      work.schemas += 1;
      return original.createPackSchemas(...args);
    },
  };
});

beforeEach(() => {
  work.closest = [];
  work.distance = 0;
  work.parseYaml = 0;
  work.positionOf = 0;
  work.schemas = 0;
});

const minimal = readFolder(MINIMAL_PACK_DIR);
/** Room for the largest inputs on a slow, shared machine; the tests count work, they do not time it. */
const HEAVY = 120_000;
const SCENARIO = 'scenarios/hotline.yaml';
const load = (files: PackFiles) => loadPack(files, { appVersion: '0.1.0' });
const shape = (name: string) => {
  const found = HOSTILE_SHAPES.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no hostile shape "${name}"`);
  return found;
};

/** Every diagnostic reads as a sentence of bounded length, with no rendering accident in it. */
function expectWellWorded(diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) {
    const text = formatDiagnostic(diagnostic);
    expect(text, text).not.toMatch(/undefined|NaN|\[object Object\]|null/);
    expect(text.length, text).toBeLessThanOrEqual(DIAGNOSTIC_TEXT_LIMITS.formatted);
    expect(diagnostic.message.length, text).toBeLessThanOrEqual(DIAGNOSTIC_TEXT_LIMITS.message);
    expect(diagnostic.message.trim(), text).not.toBe('');
    expect(Number.isInteger(diagnostic.line) && Number.isInteger(diagnostic.column), text).toBe(true);
  }
  expect(diagnostics.length).toBeLessThanOrEqual(DIAGNOSTIC_LIMITS.total + PACK_LIMITS.maxFiles);
}

function refusal(files: PackFiles, file: string, message: RegExp): Diagnostic {
  const { pack, diagnostics } = load(files);
  expect(pack).toBeNull();
  expectWellWorded(diagnostics);
  const found = diagnostics.find((d) => d.severity === 'error' && d.file === file && message.test(d.message));
  if (!found) throw new Error(`expected ${String(message)} in ${file} among:\n${diagnostics.slice(0, 10).map(formatDiagnostic).join('\n')}`);
  expect(found.hint, formatDiagnostic(found)).toBeTruthy();
  return found;
}

describe('hostile shapes are refused with a clear diagnostic: what, where, how to fix', () => {
  it(
    'a 200,000-item list (10× the limit), at the list, before it is composed or validated',
    () => {
      const problem = refusal(shape('a sequence with a huge number of items').build(minimal, 200_000), SCENARIO, /a list with more than 20,000 items/);
      expect(problem.line).toBeGreaterThan(1);
      expect(problem.hint).toMatch(/split it/);
    },
    HEAVY,
  );

  it(
    '14,000 lines of YAML errors: the first ones listed, the rest counted in one line',
    () => {
      const { pack, diagnostics } = load(shape('a YAML error on every line').build(minimal, 14_000));
      expect(pack).toBeNull();
      expectWellWorded(diagnostics);
      const inFile = diagnostics.filter((d) => d.file === SCENARIO);
      expect(inFile.length).toBe(DIAGNOSTIC_LIMITS.perFile + 1);
      expect(inFile.every((d) => d.omitted !== undefined || d.line > 0)).toBe(true);
      const summary = inFile[inFile.length - 1]!;
      expect(summary.message).toMatch(/^and [\d,]+ more problems in this file, not listed$/);
      expect(summary.omitted).toBeGreaterThan(10_000);
      expect(countProblems(inFile)).toBe(DIAGNOSTIC_LIMITS.perFile + summary.omitted!);
    },
    HEAVY,
  );

  it(
    '140,000 stray closing brackets: refused at the first, the rest not read',
    () => {
      const problem = refusal(
        shape('a stray closing bracket on every line').build(minimal, 140_000),
        SCENARIO,
        /not valid YAML: over 500 syntax errors, the first here/,
      );
      expect(problem.line).toBe(new TextDecoder().decode(minimal.get(SCENARIO)).split('\n').length);
      expect(load(shape('a stray closing bracket on every line').build(minimal, 140_000)).diagnostics.filter((d) => d.file === SCENARIO)).toHaveLength(1);
    },
    HEAVY,
  );

  it(
    '200,000 repeated keys, and 100,000 different ones: one mapping too large, refused while it is read',
    () => {
      refusal(shape('the same key over and over').build(minimal, 200_000), SCENARIO, /a mapping with more than 20,000 keys/);
      refusal(shape('many different keys').build(minimal, 98_000), SCENARIO, /a mapping with more than 20,000 keys/);
    },
    HEAVY,
  );

  it('a key written twice, within the limits: named at its second line', () => {
    const files = withEdit(minimal, SCENARIO, (t) => `${t}kind: outreach\n`);
    const problem = refusal(files, SCENARIO, /duplicate key "kind"/);
    expect(problem.line).toBe(new TextDecoder().decode(files.get(SCENARIO)).split('\n').length - 1);
  });

  it(
    '100,000 nested brackets and 1,300 levels of indentation: refused at the line where it gets too deep',
    () => {
      const brackets = refusal(shape('deeply nested brackets').build(minimal, 100_000), SCENARIO, /nests deeper than 32 levels/);
      expect(brackets.line).toBeGreaterThan(1);
      const indentation = refusal(shape('deeply nested indentation').build(minimal, 1_300), SCENARIO, /nests deeper than 32 levels/);
      expect(indentation.line).toBeGreaterThan(1);
    },
    HEAVY,
  );

  it(
    '100,000 aliases: refused at the first alias over the limit, none expanded',
    () => {
      const problem = refusal(shape('many aliases').build(minimal, 100_000), SCENARIO, /more than 50 aliases; at most 50/);
      expect(problem.line).toBeGreaterThan(1);
    },
    HEAVY,
  );

  it('a file of more values than the limit allows, refused before it is composed', () => {
    const text = `${new TextDecoder().decode(minimal.get(SCENARIO))}extra:\n${Array.from({ length: 100 }, () => `  - [${Array(100).fill('1').join(',')}]`).join('\n')}\n`;
    const { pack, diagnostics } = loadPack(new Map(minimal).set(SCENARIO, new TextEncoder().encode(text)), {
      appVersion: '0.1.0',
      limits: { yaml: { maxNodes: 1_000 } },
    });
    expect(pack).toBeNull();
    expectWellWorded(diagnostics);
    expect(diagnostics.find((d) => d.file === SCENARIO)?.message).toBe('the file holds more than 1,000 values');
  });

  it('values that once rendered as "NaN", "undefined" or "[object Object]", and very long names', () => {
    const { pack, diagnostics } = load(shape('odd values: not-a-number, infinity, empty documents, long texts and keys').build(minimal, 1_000));
    expect(pack).toBeNull();
    expectWellWorded(diagnostics);
    const texts = diagnostics.map(formatDiagnostic).join('\n');
    expect(texts).toMatch(/not a number \(\.nan\)/);
    expect(texts).toMatch(/infinite number/);
    expect(texts).toMatch(/hhhh…/);
    expect(texts).toMatch(/personas\.yaml:1:1 {2}expected a mapping \(key: value lines\), found an empty value/);
    expect(texts).toMatch(/complex-key\.yaml:\d+:\d+ {2}.*keys must be strings/);
    expect(texts).toMatch(/media\/m+…m+\.exe {2}the file.s name is longer than 240 characters/);
  });
});

describe('the work done on a hostile pack is bounded', () => {
  it('2,000 scenario files (10× the limit) are refused before any file is parsed', () => {
    const problem = refusal(shape('many scenario files').build(minimal, 1_990), 'scenarios/', /1,991 scenario files; at most 200 are read/);
    expect(problem.hint).toMatch(/split the pack/);
    expect(work.parseYaml).toBe(0);
  });

  it(
    'a different list of languages in each of 150 scenarios: the format is compiled for 16 lists at most',
    () => {
      const { pack, diagnostics } = load(shape('a different list of languages in each scenario').build(minimal, 150));
      expect(pack).toBeNull();
      expectWellWorded(diagnostics);
      const refused = diagnostics.filter((d) => /declare more than 16 different lists of languages/.test(d.message));
      expect(countProblems(refused)).toBeGreaterThan(0);
      expect(refused[0]).toMatchObject({ path: 'languages' });
      expect(refused[0]!.line).toBeGreaterThan(0);
      expect(work.schemas).toBeLessThanOrEqual(PACK_LIMITS.maxLanguageLists);
    },
    HEAVY,
  );

  it('more languages than the limit: refused at the list, before a schema is built for them', () => {
    const codes = Array.from({ length: 40 }, (_, index) => String.fromCharCode(97 + Math.floor(index / 26), 97 + (index % 26)));
    const files = withEdit(minimal, 'pack.yaml', (t) => t.replace('languages: [en, ru]', `languages: [${codes.join(', ')}]`));
    const problem = refusal(files, 'pack.yaml', /40 languages are declared; at most 32 are read/);
    expect(problem.path).toBe('languages');
  });

  it(
    'past 500 problems, the remaining scenario files are not parsed, and one line says how many',
    () => {
      const files = new Map(minimal);
      const text = new TextDecoder()
        .decode(minimal.get(SCENARIO))
        .replace('kind: crisis\n', `kind: crisis\n${Array.from({ length: 20 }, (_, index) => `stray${index}: 1\n`).join('')}`);
      for (let index = 0; index < 150; index += 1)
        files.set(`scenarios/s${String(index).padStart(3, '0')}.yaml`, new TextEncoder().encode(text.replace('id: hotline', `id: s${index}`)));
      const { diagnostics } = load(files);
      expectWellWorded(diagnostics);
      const notChecked = diagnostics.find((d) => /scenario files were not checked: the pack has over 500 errors already/.test(d.message));
      expect(notChecked?.file).toBe('scenarios/');
      expect(work.parseYaml).toBeLessThan(40);
    },
    HEAVY,
  );

  it('600 warnings (files the format ignores) do not stop the checks: the pack still loads', () => {
    const files = new Map(minimal);
    for (let index = 0; index < 600; index += 1) files.set(`notes/${index}.doc`, new Uint8Array(1));
    const { pack, diagnostics } = load(files);
    expect(pack?.scenarios).toHaveLength(1);
    expectWellWorded(diagnostics);
    expect(countProblems(diagnostics)).toBe(600);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('YAML over the whole-pack limit is refused before any file is parsed', () => {
    const files = new Map(minimal);
    const big = new TextEncoder().encode(`# ${'x'.repeat(YAML_LIMITS.maxFileBytes - 100)}\n`);
    for (let index = 0; index < 10; index += 1) files.set(`scenarios/filler-${index}.yaml`, big);
    refusal(files, '.', /YAML files hold [\d,]+ bytes; at most 8,388,608 are read/);
    expect(work.parseYaml).toBe(0);
  });

  it('a file over the size limit is not decoded or parsed', () => {
    const files = new Map(minimal).set(SCENARIO, new Uint8Array(YAML_LIMITS.maxFileBytes * 3).fill(0x61));
    refusal(files, SCENARIO, /6,291,456 bytes; at most 2,097,152 are read/);
    expect(work.parseYaml).toBe(3); // pack.yaml, personas.yaml, courses.yaml: not the scenario
  });

  it(
    '19,000 unknown fields: positions and hints are worked out only for the problems listed',
    () => {
      const { diagnostics } = load(shape('many unknown fields').build(minimal, 19_000));
      expectWellWorded(diagnostics);
      expect(countProblems(diagnostics.filter((d) => d.file === SCENARIO))).toBe(19_000);
      expect(work.positionOf).toBeLessThanOrEqual(DIAGNOSTIC_LIMITS.perFile);
      expect(work.closest.length).toBeLessThanOrEqual(DIAGNOSTIC_LIMITS.hints);
    },
    HEAVY,
  );

  it(
    '19,000 unknown grader rules: the same bound',
    () => {
      const { diagnostics } = load(shape('many unknown grader rules').build(minimal, 19_000));
      expectWellWorded(diagnostics);
      expect(diagnostics.some((d) => /the grader has no rule "tone\.no-such-rule-0"/.test(d.message))).toBe(true);
      expect(countProblems(diagnostics.filter((d) => d.file === SCENARIO))).toBe(19_000);
      expect(work.positionOf).toBeLessThanOrEqual(DIAGNOSTIC_LIMITS.perFile);
      expect(work.closest.length).toBeLessThanOrEqual(DIAGNOSTIC_LIMITS.hints);
    },
    HEAVY,
  );

  it(
    '6,000 dangling references among 3,000 ids: each hint compares against a bounded set of ids',
    () => {
      const { diagnostics } = load(shape('many dangling references').build(minimal, 3_000));
      expectWellWorded(diagnostics);
      const dangling = diagnostics.filter((d) => /^no (persona|account) has the id/.test(d.message));
      expect(dangling.length).toBeGreaterThan(10);
      expect(countProblems(diagnostics.filter((d) => d.file === SCENARIO))).toBeGreaterThanOrEqual(6_000);
      expect(work.closest.length).toBeLessThanOrEqual(DIAGNOSTIC_LIMITS.hints);
      expect(Math.max(...work.closest)).toBeLessThanOrEqual(DIAGNOSTIC_LIMITS.hintCandidates);
      expect(work.distance).toBeLessThanOrEqual(DIAGNOSTIC_LIMITS.hints);
      expect(work.positionOf).toBeLessThanOrEqual(DIAGNOSTIC_LIMITS.perFile);
    },
    HEAVY,
  );
});

describe('real packs keep loading', () => {
  it(
    'a 5,000-post feed, the largest pack the app is tested with',
    () => {
      const text = new TextDecoder().decode(minimal.get(SCENARIO));
      const posts = Array.from({ length: 5000 }, (_, index) => ({
        id: `post-${index + 1}`,
        at: index < 2500 ? '0:01' : '0:02',
        type: 'post',
        persona: 'reporter',
        account: 'embassy-x',
        text: { en: `Post number ${index + 1}`, ru: `Запись номер ${index + 1}` },
      }));
      const feed = text.replace(
        /\ntimeline:\n[\s\S]*?\ntasks:\n/,
        `\ntimeline:\n${stringify(posts, { lineWidth: 0 }).trimEnd().replace(/^/gm, '  ')}\ntasks:\n`,
      );
      const { pack, diagnostics } = load(new Map(minimal).set(SCENARIO, new TextEncoder().encode(feed)));
      expect(diagnostics).toEqual([]);
      expect(pack?.scenarios[0]?.timeline).toHaveLength(5000);
    },
    HEAVY,
  );
});
