import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK_DIR } from '../renderer/src/test/packs';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const play = (...args: string[]) => {
  const result = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', 'play.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const scriptFile = (text: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'attache-play-')), 'answers.yaml');
  writeFileSync(file, text);
  return file;
};
const base = ['--pack', MINIMAL_PACK_DIR, '--scenario', 'hotline'];

describe('npm run play', { timeout: 30_000 }, () => {
  it('plays the model answers to the debrief and prints the timeline and the outcome', () => {
    const result = play(...base);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/0:05 +published +publish-hotline on embassy-x: tone \d+, policy \d+, platform \d+ → passed/);
    expect(result.stdout).toContain('Outcome: PASSED');
    expect(result.stdout).toContain('Numbers first.');
  });

  it('plays scripted answers at their times; a poor one fails, and a missed task takes its branch', () => {
    const poor = play(...base, '--script', scriptFile('actions:\n  - at: "0:10"\n    task: publish-hotline\n    text: CALL US!!! Hotline +99 123 456 780.\n'));
    expect(poor.status).toBe(0);
    expect(poor.stdout).toMatch(/0:10 +published .*→ failed/);
    expect(poor.stdout).toContain('Outcome: FAILED');
    const none = play(...base, '--script', scriptFile('actions: []\n'));
    expect(none.stdout).toMatch(/0:30 +branch +missed-hotline/);
    expect(none.stdout).toContain('Outcome: FAILED');
  });

  it("prints each reach target's result after the outcome", () => {
    const pack = path.join(mkdtempSync(path.join(tmpdir(), 'attache-play-')), 'minimal');
    cpSync(MINIMAL_PACK_DIR, pack, { recursive: true });
    const file = path.join(pack, 'scenarios', 'hotline.yaml');
    const targets =
      'targets:\n  - { account: embassy-x, metric: reach, value: 1, by: "0:20" }\n  - { account: embassy-x, metric: engagement, value: 1000000000 }\n';
    writeFileSync(file, readFileSync(file, 'utf8').replace('passRule:', `${targets}passRule:`));
    const result = play('--pack', pack, '--scenario', 'hotline');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Targets \(shown beside the grade, never part of it\):\n +embassy-x reach +\d+ of 1 by 0:20 — met at 0:06/);
    expect(result.stdout).toMatch(/embassy-x engagement +\d+ of 1000000000 by 1:00 — not met\n/);
  });

  it('prints the events and the outcome as JSON, the same every time', () => {
    const once = JSON.parse(play(...base, '--json').stdout);
    const again = JSON.parse(play(...base, '--json').stdout);
    expect(once).toEqual(again);
    expect(once.events[0]).toEqual({ type: 'START' });
    expect(once.outcome.passed).toBe(true);
  });

  it('draws the audience from the seed: the same seed gives the same feed, another seed another', () => {
    const audience = (seed: string) => {
      const result = JSON.parse(play(...base, '--json', '--seed', seed).stdout);
      return { seed: result.seed, replies: result.outcome.timeline.filter((entry: { type: string }) => entry.type === 'reply'), totals: result.audience };
    };
    const once = audience('5');
    expect(once.seed).toBe(5);
    expect(once.totals['pub-1'].reach).toBeGreaterThan(0);
    expect(audience('5')).toEqual(once);
    const others = ['6', '7', '8'].map((seed) => audience(seed).totals['pub-1']);
    expect(others.some((totals) => JSON.stringify(totals) !== JSON.stringify(once.totals['pub-1']))).toBe(true);
    const text = play(...base, '--seed', '5').stdout;
    expect(text).toContain('seed 5');
    expect(text).toMatch(/reached \d+, \d+ likes, \d+ shares, \d+ replies by 1:00/);
  });

  it('exits 2 with a clear error on bad input', () => {
    expect(play(...base, '--seed', 'abc').stderr).toContain('--seed takes a whole number');
    expect(play(...base, '--seed', '-1').status).toBe(2);
    const badScript = play(...base, '--script', scriptFile('actions:\n  - at: "0:10"\n    tsk: publish-hotline\n    text: hi\n'));
    expect(badScript.status).toBe(2);
    expect(badScript.stderr).toMatch(/answers\.yaml:\d+:\d+/);
    expect(play(...base, '--script', scriptFile('actions:\n  - at: "0:10"\n    task: nope\n    text: hi\n')).stderr).toContain('no task "nope"');
    expect(play('--pack', MINIMAL_PACK_DIR, '--scenario', 'nope').status).toBe(2);
    expect(play(...base, '--bogus').status).toBe(2);
    expect(play(...base, '--language', 'de').status).toBe(2);
    expect(play('--scenario', 'hotline').status).toBe(2);
  });
});
