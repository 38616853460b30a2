import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK_DIR } from '../renderer/src/test/packs';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function run(script: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const base = ['--pack', MINIMAL_PACK_DIR, '--scenario', 'hotline', '--task', 'publish-hotline'];
const WRONG_DIGIT = 'We understand your worry. Stay calm: our hotline +99 123 456 780 is open around the clock.';

describe('npm run grade', { timeout: 30_000 }, () => {
  it('prints the draft with the costly span marked, the findings and the scores', () => {
    const result = run('grade.ts', [...base, '--text', WRONG_DIGIT]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    const draftLine = lines.findIndex((line) => line.includes('+99 123 456 780'));
    const marks = lines[draftLine + 1]!;
    const caret = marks.indexOf('^');
    expect(lines[draftLine]!.slice(caret, caret + 15)).toBe('+99 123 456 780');
    expect(result.stdout).toContain('policy.fact-mismatch');
    expect(result.stdout).toContain('+99 123 456 789');
    expect(result.stdout).toMatch(/policy \d+\/70 FAIL/);
  });

  it('names the platform as the app does, not by its id', () => {
    const hashtags = 'Our hotline +99 123 456 789 is open around the clock. #Coral #Bay #Help #Hotline #Embassy #Now';
    const result = run('grade.ts', [...base, '--text', hashtags]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Draft — X, /m);
    expect(result.stdout).toContain('where X norms allow');
    expect(result.stdout).not.toMatch(/\bx norms|— x,/);
  });

  it('prints the Grade as JSON with --json, reading the draft from a file or standard input', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'attache-grade-')), 'draft.txt');
    writeFileSync(file, WRONG_DIGIT);
    const fromFile = JSON.parse(run('grade.ts', [...base, '--file', file, '--json']).stdout);
    const fromStdin = JSON.parse(run('grade.ts', [...base, '--json'], WRONG_DIGIT).stdout);
    expect(fromFile).toEqual(fromStdin);
    expect(fromFile.axes.policy.passed).toBe(false);
  });

  it('prints its usage on --help and exits 0', () => {
    const result = run('grade.ts', ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run grade -- --pack/);
    expect(result.stderr).toBe('');
  });

  it('exits 2 with a clear error on an unknown scenario, task or language, and on bad arguments', () => {
    const unknownScenario = run('grade.ts', ['--pack', MINIMAL_PACK_DIR, '--scenario', 'nope', '--task', 'x', '--text', 'a']);
    expect(unknownScenario.status).toBe(2);
    expect(unknownScenario.stderr).toContain('no scenario "nope"');
    expect(unknownScenario.stderr).toContain('hotline');
    const unknownTask = run('grade.ts', ['--pack', MINIMAL_PACK_DIR, '--scenario', 'hotline', '--task', 'nope', '--text', 'a']);
    expect(unknownTask.status).toBe(2);
    expect(unknownTask.stderr).toContain('publish-hotline');
    expect(run('grade.ts', [...base, '--language', 'de', '--text', 'a']).status).toBe(2);
    expect(run('grade.ts', ['--scenario', 'hotline']).status).toBe(2);
    expect(run('grade.ts', [...base, '--bogus']).status).toBe(2);
    expect(run('grade.ts', ['--pack', '/no/such/pack', '--scenario', 'a', '--task', 'b', '--text', 'c']).status).toBe(2);
  });
});

describe('npm run calibrate', { timeout: 30_000 }, () => {
  it('reports agreement per axis for a pack', () => {
    const result = run('calibrate.ts', [MINIMAL_PACK_DIR]);
    expect(result.stdout).toMatch(/tone +0\/0 +100\.0% +n\/a/);
    expect(result.stdout).toContain('every pack reaches its required agreement');
    expect(result.status).toBe(0);
  });

  it('lists the rules no calibration draft makes fire with --coverage', () => {
    const result = run('calibrate.ts', ['--summary', '--coverage', MINIMAL_PACK_DIR]);
    expect(result.stdout).toMatch(/Rules no calibration draft makes fire \(\d+\):\n {2}tone\.insult/);
  });

  it('exits 2 when the pack cannot be read', () => {
    expect(run('calibrate.ts', ['/no/such/pack']).status).toBe(2);
  });

  it('prints its usage on --help and exits 0', () => {
    const result = run('calibrate.ts', ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run calibrate/);
  });

  it('exits 2 with its usage on an unknown option, rather than taking it for a pack', () => {
    const result = run('calibrate.ts', ['--bogus', MINIMAL_PACK_DIR]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("calibrate: Unknown option '--bogus'");
    expect(result.stderr).toContain('usage: npm run calibrate');
    expect(result.stdout).toBe('');
  });
});
