// Runtime: Node (tests only). `npm run play` with clearance by headquarters: the model answers are
// sent for clearance first and published once cleared; a script sends drafts with `clear:`; the
// timeline names each request and answer, and the outcome whether each task was cleared.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const PACK = path.join(root, 'renderer', 'src', 'core', 'engine', '__fixtures__', 'clearance');
const play = (...args: string[]) => {
  const result = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', 'play.ts'), '--pack', PACK, '--scenario', 'cleared-statement', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const scriptFile = (text: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'attache-play-')), 'answers.yaml');
  writeFileSync(file, text);
  return file;
};
const GOOD = 'Stay calm. Our hotline +99 123 456 789 is open around the clock.';
const POOR = 'Flights resume tomorrow, do not bother us.';

describe('npm run play with clearance by headquarters', { timeout: 30_000 }, () => {
  it('sends the model answers for clearance, prints each answer, and publishes them once cleared', () => {
    const result = play();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/0:05 +for clearance +statement on embassy-fb: Stay calm\./);
    expect(result.stdout).toMatch(/0:05 +for clearance +answer on embassy-x: Please stay calm/);
    const cleared = /(\d:\d\d) +cleared +statement by hq-press/.exec(result.stdout);
    expect(cleared).not.toBeNull();
    expect(result.stdout).toMatch(new RegExp(`${cleared![1]} +published +statement on embassy-fb: .*→ passed`));
    expect(result.stdout).toMatch(/statement +passed, \d+ min to spare, cleared by headquarters \(round trips: 1, \d+ min waiting\)/);
    expect(result.stdout).toContain('Outcome: PASSED');
  });

  it('plays a script that sends for clearance; a returned draft comes back with the grader’s comments, and published anyway it fails', () => {
    const script = scriptFile(
      [
        'actions:',
        '  - at: "0:06"',
        '    clear: statement',
        `    text: ${POOR}`,
        '  - at: "0:20"',
        '    task: statement',
        `    text: ${POOR}`,
        '  - at: "0:20"',
        '    clear: answer',
        `    text: Please stay calm and call our hotline +99 123 456 789.`,
        '',
      ].join('\n'),
    );
    const result = play('--script', script);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/0:06 +for clearance +statement on embassy-fb: Flights resume tomorrow/);
    expect(result.stdout).toMatch(/\d:\d\d +returned +statement by hq-press/);
    // The comments are the grader's own messages, worded as the app words them.
    expect(result.stdout).toMatch(/returned +statement by hq-press.*\n +– \S/);
    expect(result.stdout).toMatch(/0:20 +published +statement on embassy-fb: .*→ failed/);
    expect(result.stdout).toMatch(/statement +failed, \d+ min to spare, not cleared by headquarters \(round trips: 1, \d+ min waiting\)/);
    expect(result.stdout).toContain('Outcome: FAILED');
    const json = JSON.parse(play('--script', script, '--json').stdout);
    expect(json.events.filter((event: { type: string }) => event.type === 'CLEARANCE.REQUEST')).toHaveLength(2);
    expect(json.outcome.clearances.map((trip: { taskId: string; verdict: string }) => [trip.taskId, trip.verdict])).toEqual([
      ['statement', 'returned'],
      ['answer', 'cleared'],
    ]);
  });

  it('prints why a request is refused, and refuses a script that names no task', () => {
    const twice = play(
      '--script',
      scriptFile(`actions:\n  - at: "0:06"\n    clear: statement\n    text: ${GOOD}\n  - at: "0:07"\n    clear: statement\n    text: ${GOOD}\n`),
    );
    expect(twice.stdout).toMatch(/refused +0:07: a draft of the task "statement" is already with headquarters \(sent at 0:06\): wait for its answer/);
    const unknown = play('--script', scriptFile(`actions:\n  - at: "0:06"\n    clear: statment\n    text: ${GOOD}\n`));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no task "statment"');
  });
});
