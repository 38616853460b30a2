import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeedPublication } from '../renderer/src/core/engine/timeline';
import { buildProgressFile, readProgressFile } from '../renderer/src/core/records/progress-file';
import { deviceKey, progressContent, trainee } from '../renderer/src/test/progress-files';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const records = (...args: string[]) => {
  const result = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', 'records.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const folder = () => mkdtempSync(path.join(tmpdir(), 'attache-records-'));
const filesIn = (dir: string) => readdirSync(dir).sort();

describe('npm run records -- demo', { timeout: 120_000 }, () => {
  it('writes one signed progress file per trainee, the same bytes for the same seed, some completing every course and some none', () => {
    const [first, second] = [folder(), folder()];
    const run = records('demo', '--trainees', '4', '--seed', '5', '--out', first);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Wrote 4 progress files \(\d+ attempts, [\d.]+ MiB\) to .*: [1-3] trainees? completed every course \(2\), [1-3] none\.$/m);
    expect(records('demo', '--trainees', '4', '--seed', '5', '--out', second).status).toBe(0);
    expect(filesIn(first)).toEqual(filesIn(second));
    expect(filesIn(first)).toHaveLength(4);
    for (const name of filesIn(first)) {
      expect(name).toMatch(/^\d \S.* \d{4}-\d{2}-\d{2}\.attache-progress$/);
      expect(readFileSync(path.join(first, name))).toEqual(readFileSync(path.join(second, name)));
    }
    const cohort = filesIn(first).map((name) => readProgressFile(new Uint8Array(readFileSync(path.join(first, name)))));
    expect(new Set(cohort.map((file) => file.deviceKey)).size).toBe(4);
    // The first trainee drafts like the model answers, the second like the poorest calibration drafts.
    expect(cohort[0]!.outcomes.every((outcome) => outcome.summary.passed)).toBe(true);
    expect(cohort[1]!.outcomes.some((outcome) => !outcome.summary.passed)).toBe(true);

    const other = folder();
    records('demo', '--trainees', '4', '--seed', '6', '--out', other);
    expect(readFileSync(path.join(other, filesIn(other)[0]!))).not.toEqual(readFileSync(path.join(first, filesIn(first)[0]!)));
  });

  it('refuses bad input with exit 2 and the usage', () => {
    for (const args of [
      ['demo', '--seed', '1', '--out', folder()],
      ['demo', '--trainees', '0', '--seed', '1', '--out', folder()],
      ['demo', '--trainees', '3', '--seed', 'abc', '--out', folder()],
      ['demo', '--trainees', '3', '--seed', '1'],
      ['demo', '--trainees', '3', '--seed', '1', '--out', folder(), '--colour'],
    ]) {
      const result = records(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('usage: npm run records -- demo');
    }
    const used = folder();
    writeFileSync(path.join(used, 'old.attache-progress'), 'x');
    expect(records('demo', '--trainees', '1', '--seed', '1', '--out', used).stderr).toContain('already holds progress files');
  });
});

describe('npm run records -- verify', { timeout: 120_000 }, () => {
  const anna = trainee('Anna');

  it('prints the trainee and counts for good files, from files and folders, exit 0', async () => {
    const dir = folder();
    const content = progressContent(anna, [{ uid: 'a-1', drafts: 'poor' }, { uid: 'a-2' }]);
    writeFileSync(path.join(dir, 'Anna.attache-progress'), await buildProgressFile(content, deviceKey('anna').signer));
    const result = records('verify', dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`✓ ${path.join(dir, 'Anna.attache-progress')}: Anna (ACD-ANNA, anna@example.org): 2 attempts (1 passed) of 1 scenario`);
    expect(result.stdout).toContain('2 graded again, as played');
    expect(result.stdout).toContain('1 file: 1 good, 0 bad');
  });

  it('exits 1 naming each bad file and why: damaged, missing, not a progress file, an edited grade', async () => {
    const dir = folder();
    const good = await buildProgressFile(progressContent(anna, [{ uid: 'a-1' }]), deviceKey('anna').signer);
    const damaged = good.slice();
    damaged[damaged.length - 400]! ^= 0xff;
    const edited = progressContent(trainee('Boris'), [{ uid: 'b-1', drafts: 'poor' }]);
    const publication = edited.outcomes[0]!.detail.timeline.feed.find((item): item is FeedPublication => item.source === 'trainee')!;
    publication.grade.passed = true;
    const files = {
      good: path.join(dir, 'good.attache-progress'),
      damaged: path.join(dir, 'damaged.attache-progress'),
      text: path.join(dir, 'notes.attache-progress'),
      edited: path.join(dir, 'edited.attache-progress'),
      missing: path.join(dir, 'missing.attache-progress'),
    };
    writeFileSync(files.good, good);
    writeFileSync(files.damaged, damaged);
    writeFileSync(files.text, 'these are my notes');
    writeFileSync(files.edited, await buildProgressFile(edited, deviceKey('boris').signer));

    const result = records('verify', files.good, files.damaged, files.text, files.edited, files.missing);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`✓ ${files.good}: Anna`);
    expect(result.stderr).toContain(`✗ ${files.damaged}: `);
    expect(result.stderr).toContain(`✗ ${files.text}: The file is not a readable progress file`);
    expect(result.stderr).toMatch(
      new RegExp(`✗ ${files.edited.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Boris .*1 of 1 attempts were changed after they were graded`),
    );
    expect(result.stderr).toContain("is not the grader's");
    expect(result.stderr).toContain(`✗ ${files.missing}: cannot be read: there is no such file.`);
    expect(result.stdout).toContain('5 files: 1 good, 4 bad');
  });

  it('refuses bad input with exit 2; --help and the command list answer', () => {
    expect(records('verify').status).toBe(2);
    expect(records('verify', folder()).stderr).toContain('holds no .attache-progress files');
    expect(records().status).toBe(2);
    const unknown = records('publish');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no command "publish"');
    const help = records('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/verify .*\n.*demo /);
    expect(records('verify', '--help')).toMatchObject({ status: 0, stdout: expect.stringContaining('usage: npm run records -- verify') });
  });
});
