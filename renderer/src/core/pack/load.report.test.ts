// Runtime: node (Vitest). The loader's checks of a report to headquarters: the kind and its "report" block.
import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK_DIR, readFolder, withEdit } from '../../test/packs';
import type { PackFiles } from './archive';
import { loadPack } from './load';

const minimal = readFolder(MINIMAL_PACK_DIR);
const SCENARIO = 'scenarios/hotline.yaml';
const load = (files: PackFiles) => loadPack(files, { appVersion: '0.1.0' });
const errors = (files: PackFiles) => load(files).diagnostics.filter((d) => d.severity === 'error');
/** The minimal pack with a second task, a report, given by its extra YAML lines. */
const withReport = (lines: string) =>
  withEdit(minimal, SCENARIO, (t) =>
    t.replace(
      'branches:',
      [
        '  - id: mood-report',
        '    kind: report',
        '    account: embassy-x',
        '    opensAt: "0:35"',
        '    due: "0:50"',
        '    title: { en: Report to headquarters, ru: Доложите в центр }',
        '    brief: { en: Tell headquarters what the public says., ru: Сообщите центру о настроениях публики. }',
        '    passMark: { tone: 70, policy: 70, platform: 70 }',
        '    modelAnswer: { en: There were few replies., ru: Откликов было мало. }',
        lines,
        'branches:',
      ].join('\n'),
    ),
  );

describe('loadPack checks a report to headquarters', () => {
  it('accepts a report without a "report" block and fills the defaults', () => {
    const files = withReport('');
    expect(errors(files)).toEqual([]);
    const task = load(files).pack!.scenarios[0]!.tasks[1]!;
    expect(task.kind).toBe('report');
    expect(task.report).toBeUndefined();
    const given = load(withReport('    report: { asks: [replies, most-shared] }')).pack!.scenarios[0]!.tasks[1]!;
    expect(given.report).toEqual({ asks: ['replies', 'most-shared'], words: { min: 40, max: 250 } });
  });

  it('an unknown ask, with the one probably meant', () => {
    const problem = errors(withReport('    report: { asks: [replise] }')).find((d) => d.path === 'tasks[1].report.asks[0]');
    expect(problem?.hint).toBe('did you mean "replies"?');
  });

  it('a report that answers an inject or goes to a persona', () => {
    const replying = errors(withReport('    replyTo: question'));
    expect(replying.map((d) => [d.path, d.message])).toContainEqual(['tasks[1].replyTo', 'a report goes to headquarters, not in reply to an inject']);
    const messaging = errors(withReport('    recipient: reporter'));
    expect(messaging.find((d) => d.path === 'tasks[1].recipient')?.hint).toMatch(/headquarters conversation of the task's account/);
  });

  it('a "report" block on a task that is not a report', () => {
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('    kind: post\n', '    kind: post\n    report: { asks: [replies] }\n'));
    const problem = errors(files).find((d) => d.path === 'tasks[0].report');
    expect(problem?.message).toBe('only a report task takes "report"');
    expect(problem?.hint).toBe('remove "report", or make the task kind: report');
  });

  it('a least length above the greatest', () => {
    const problem = errors(withReport('    report: { words: { min: 300, max: 100 } }')).find((d) => d.path === 'tasks[1].report.words');
    expect(problem?.message).toBe("the report's words.min (300) is more than its words.max (100)");
  });
});
