// Runtime: Node (tests only). The loader's checks of clearance by headquarters: who answers, and
// whether a cleared publication can ever be in time.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder, withEdit } from '../../test/packs';
import type { PackFiles } from './archive';
import { formatDiagnostic } from './diagnostics';
import { loadPack } from './load';

const DIR = path.resolve(import.meta.dirname, '..', 'engine', '__fixtures__', 'clearance');
const SCENARIO = 'scenarios/cleared-statement.yaml';
const fixture = readFolder(DIR);
const problems = (files: PackFiles) => loadPack(files, { appVersion: '0.1.0' }).diagnostics.map(formatDiagnostic);

describe('clearance in a pack', () => {
  it('the fixture is valid and carries its settings', () => {
    const { pack, diagnostics } = loadPack(fixture, { appVersion: '0.1.0' });
    expect(diagnostics).toEqual([]);
    const scenario = pack!.scenarios[0]!;
    expect(scenario.clearance).toMatchObject({ reviewer: 'hq-press', delay: '0:05', extra: '0:05' });
    expect(scenario.accounts.map((account) => account.clearance ?? false)).toEqual([true, false]);
    expect(scenario.tasks.map((task) => task.clearance ?? false)).toEqual([false, true, false]);
  });

  it('a requirement without the clearance block says where and how to fix it', () => {
    const files = withEdit(fixture, SCENARIO, (text) => text.replace(/^clearance:\n(?: {2}.*\n| {4}.*\n)+/m, ''));
    const found = problems(files);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/accounts\[0\]\.clearance/);
    expect(found[0]).toMatch(/no "clearance" block saying who answers/);
    expect(found[0]).toMatch(/add to the scenario: clearance: \{ reviewer:/);
  });

  it('an unknown reviewer is named, with the persona probably meant', () => {
    const found = problems(withEdit(fixture, SCENARIO, (text) => text.replace('reviewer: hq-press', 'reviewer: hq-pres')));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/clearance\.reviewer/);
    expect(found[0]).toMatch(/no persona has the id "hq-pres"/);
    expect(found[0]).toMatch(/hq-press/);
  });

  it('the reviewer must speak for headquarters', () => {
    const found = problems(withEdit(fixture, SCENARIO, (text) => text.replace('reviewer: hq-press', 'reviewer: reporter')));
    expect(found).toEqual([expect.stringMatching(/the reviewer "reporter" is not a headquarters persona/)]);
  });

  it('a zero delay, and an answer that could come only after the end, are refused', () => {
    expect(problems(withEdit(fixture, SCENARIO, (text) => text.replace('delay: "0:05"', 'delay: "0:00"')))).toEqual([
      expect.stringMatching(/clearance\.delay.*cannot answer the moment a draft is sent/),
    ]);
    expect(problems(withEdit(fixture, SCENARIO, (text) => text.replace('extra: "0:05"', 'extra: "1:25"')))).toEqual([
      expect.stringMatching(/clearance\.extra.*only after the scenario has ended/),
    ]);
  });

  it('a task whose window is shorter than the delay can never be cleared in time', () => {
    const found = problems(withEdit(fixture, SCENARIO, (text) => text.replace('delay: "0:05"', 'delay: "0:36"')));
    // statement (0:05–0:40) and answer (0:05–0:45) need clearance; update (0:10–0:50) does not.
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/tasks\[0\]\.due.*a cleared publication can never be in time/);
  });
});
