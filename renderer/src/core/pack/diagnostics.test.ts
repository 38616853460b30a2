// Runtime: Node (tests). Typed message parts, bounded diagnostics, the capped list and its
// "and N more" lines, and hints at a bounded cost.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostics';
import {
  compareDiagnostics,
  countProblems,
  diagnostic,
  DIAGNOSTIC_TEXT_LIMITS,
  DiagnosticList,
  firstProblems,
  formatDiagnostic,
  formatPath,
} from './diagnostics';
import { Hints, KnownNames } from './hints';
import { amount, clip, clipMiddle, count, counted, kindOf, list, name, quote, say, verbatim } from './message';

const RENDERING_ACCIDENT = /undefined|NaN|\[object Object\]/;

describe('message parts render any value bounded, never as "undefined", "NaN" or "[object Object]"', () => {
  it('quotes a value, cut with an ellipsis, one line', () => {
    expect(quote('hotline').en).toBe('"hotline"');
    expect(quote('x'.repeat(500)).en).toBe(`"${'x'.repeat(47)}…"`);
    expect(quote('two\nlines\u0007').en).toBe('"two\\nlines\\u0007"');
    expect(clip('a😀b', 2)).toBe('a…');
  });

  it('names a value of the wrong kind by its kind, whatever reaches it at run time', () => {
    const hostile: unknown[] = [undefined, null, Number.NaN, Infinity, {}, [], 5n, Symbol('s'), () => 1, true];
    for (const value of hostile) {
      for (const part of [
        quote(value as string),
        name(value as string),
        count(value as number),
        amount(value as number),
        kindOf(value),
        verbatim(value as string),
      ]) {
        expect(part.en, String(typeof value)).not.toMatch(RENDERING_ACCIDENT);
        expect(part.en.length).toBeGreaterThan(0);
      }
    }
    expect(kindOf(Number.NaN).en).toBe('a value that is not a number (.nan)');
    expect(kindOf(-Infinity).en).toBe('an infinite number');
    expect(kindOf({}).en).toBe('a mapping');
  });

  it('groups thousands and agrees the noun with the number', () => {
    expect(count(139_000).en).toBe('139,000');
    expect(count(-1234567).en).toBe('-1,234,567');
    expect(counted(1, 'file').en).toBe('1 file');
    expect(counted(2_000, 'file').en).toBe('2,000 files');
    expect(counted(3, 'alias', 'aliases').en).toBe('3 aliases');
    expect(amount(0.5).en).toBe('0.5');
  });

  it('lists a few names and counts the rest', () => {
    expect(list(['en', 'ru']).en).toBe('en, ru');
    const long = list(Array.from({ length: 20_000 }, (_, index) => `rule-${index}`));
    expect(long.en).toBe('rule-0, rule-1, rule-2, rule-3, rule-4, rule-5, … (19,994 more)');
    expect(list(['x'.repeat(1000)], { maxItems: 3 }).en.length).toBeLessThanOrEqual(32);
  });

  it('keeps both ends of a long file name', () => {
    expect(clipMiddle(`scenarios/${'n'.repeat(500)}.yaml`, 30)).toMatch(/^scenarios\/n+…n+\.yaml$/);
    expect(clipMiddle(`scenarios/${'n'.repeat(500)}.yaml`, 30)).toHaveLength(30);
  });

  it('says a sentence from literal text and parts, and keys it by its English template', () => {
    expect(say`no ${say`persona`} has the id ${quote('reportr')}`.words).toEqual({
      key: 'no {{0}} has the id {{1}}',
      parts: [{ key: 'persona' }, { text: '"reportr"' }],
    });
    expect(counted(3, 'alias', 'aliases').words).toEqual({ key: '{{n}} alias', count: 3 });
    expect(count(139_000).words).toEqual({ number: 139_000 });
    expect(say`no persona has the id ${quote('reportr')}`.en).toBe('no persona has the id "reportr"');
  });
});

describe('diagnostic() bounds every part; formatDiagnostic() the whole line', () => {
  it('cuts long files, paths, messages and hints, and zeroes positions that are not numbers', () => {
    const made = diagnostic({
      file: `scenarios/${'f'.repeat(1000)}.yaml`,
      line: Number.NaN,
      column: 5,
      path: formatPath(['tasks', 0, 'k'.repeat(1000), Number.POSITIVE_INFINITY]),
      message: say`unknown field ${quote('k'.repeat(1000), 1000)}`,
      hint: say`did you mean ${quote('x'.repeat(1000), 1000)}?`,
    });
    expect(made.file.length).toBeLessThanOrEqual(DIAGNOSTIC_TEXT_LIMITS.file);
    expect(made.path.length).toBeLessThanOrEqual(DIAGNOSTIC_TEXT_LIMITS.path);
    expect(made.message.length).toBeLessThanOrEqual(DIAGNOSTIC_TEXT_LIMITS.message);
    expect(made.hint!.length).toBeLessThanOrEqual(DIAGNOSTIC_TEXT_LIMITS.hint);
    expect([made.line, made.column]).toEqual([0, 0]);
    const line = formatDiagnostic(made);
    expect(line.length).toBeLessThanOrEqual(DIAGNOSTIC_TEXT_LIMITS.formatted);
    expect(line).not.toMatch(RENDERING_ACCIDENT);
    expect(made.path).toMatch(/^tasks\[0\]\.k+…/);
  });
});

describe('DiagnosticList lists a fixed number of problems and counts the rest', () => {
  const problem = (file: string, line: number, severity: Diagnostic['severity'] = 'error') =>
    diagnostic({ severity, file, line, column: 1, message: say`problem ${count(line)}` });

  it('lists at most perFile problems of a file, then one "and N more" line after them', () => {
    const list = new DiagnosticList({ perFile: 3, total: 100 });
    for (let line = 1; line <= 139_003; line += 1) list.report('a.yaml', () => problem('a.yaml', line));
    list.add(problem('b.yaml', 1));
    const listed = list.list();
    expect(listed.map((d) => d.file)).toEqual(['a.yaml', 'a.yaml', 'a.yaml', 'a.yaml', 'b.yaml']);
    expect(listed[3]).toMatchObject({ message: 'and 139,000 more problems in this file, not listed', omitted: 139_000, severity: 'error', line: 0 });
    expect(countProblems(listed)).toBe(139_004);
  });

  it('builds a problem only when it will be listed', () => {
    const list = new DiagnosticList({ perFile: 2, total: 100 });
    let built = 0;
    for (let line = 1; line <= 1000; line += 1) {
      list.report('a.yaml', () => {
        built += 1;
        return problem('a.yaml', line);
      });
    }
    expect(built).toBe(2);
  });

  it('past the total, files with nothing listed share one closing line; one problem is "1 more problem"', () => {
    const list = new DiagnosticList({ perFile: 10, total: 2 });
    list.add(problem('a.yaml', 1));
    list.add(problem('a.yaml', 2));
    list.add(problem('a.yaml', 3));
    list.add(problem('b.yaml', 1, 'warning'));
    list.add(problem('c.yaml', 1, 'warning'));
    const listed = list.list();
    expect(listed.map(formatDiagnostic)).toEqual([
      'a.yaml:1:1  problem 1',
      'a.yaml:2:1  problem 2',
      'a.yaml  and 1 more problem in this file, not listed  fix the ones listed and check again',
      '.  warning: and 2 more problems in 2 other files, not listed  fix the ones listed and check again',
    ]);
    expect([...listed].sort(compareDiagnostics)).toEqual(listed);
  });

  it('gives a screen the first problems to show and how many more there are, "and N more" lines counted', () => {
    const list = new DiagnosticList({ perFile: 2, total: 100 });
    for (let line = 1; line <= 10; line += 1) list.add(problem('a.yaml', line));
    list.add(problem('b.yaml', 1));
    const { shown, more } = firstProblems(list.list(), 3);
    expect(shown.map(formatDiagnostic)).toEqual(['a.yaml:1:1  problem 1', 'a.yaml:2:1  problem 2', 'b.yaml:1:1  problem 1']);
    expect(more).toBe(8);
  });

  it('takes in another list with its "and N more" lines counted, not listed', () => {
    const inner = new DiagnosticList({ perFile: 1, total: 1 });
    for (let line = 1; line <= 50; line += 1) inner.add(problem('a.yaml', line));
    const outer = new DiagnosticList({ perFile: 100, total: 100 });
    outer.addAll(inner.list());
    expect(outer.errorsFound).toBe(50);
    expect(outer.list()).toHaveLength(2);
    expect(countProblems(outer.list())).toBe(50);
    expect(outer.hasErrors()).toBe(true);
  });
});

describe('Hints cost a bounded amount of work', () => {
  const ids = new KnownNames(Array.from({ length: 10_000 }, (_, index) => `persona-${index}`));

  it('finds the id probably meant among its neighbours in sorted order', () => {
    const hints = new Hints({ hints: 10, hintCandidates: 50 });
    expect(ids.neighbours('persona-5000', 50)).toHaveLength(50);
    expect(hints.forReference('persona-7321x', ids, say`persona`).en).toBe('did you mean "persona-7321"?');
    expect(hints.forReference('zzz', new KnownNames(['a', 'b']), say`persona`).en).toBe('known: a, b');
    expect(hints.forReference('x', new KnownNames([]), say`persona`).en).toBe('no persona is defined yet');
  });

  it('stops computing after its budget and gives a plain hint instead', () => {
    const hints = new Hints({ hints: 3, hintCandidates: 50 });
    const said = Array.from({ length: 20 }, (_, index) => hints.forReference(`persona-${index}x`, ids, say`persona`));
    expect(hints.computed).toBe(3);
    expect(said[19]!.en).toBe('use the id of a persona defined in the pack');
  });

  it('offers the nearest choice of a fixed set, or the set itself', () => {
    const hints = new Hints();
    expect(hints.forChoice('posst', ['post', 'reply']).en).toBe('did you mean "post"?');
    expect(hints.forChoice({}, ['post', 'reply']).en).toBe('write one of: post, reply');
  });
});
