import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { contentHash, readArchive } from '../renderer/src/core/pack/archive';
import { MINIMAL_PACK_DIR, readFolder } from '../renderer/src/test/packs';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function cli(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function brokenCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'attache-pack-'));
  cpSync(MINIMAL_PACK_DIR, dir, { recursive: true });
  const file = path.join(dir, 'scenarios', 'hotline.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('persona: reporter', 'persona: nobody').replace('followers: 12000', 'followers: -5'));
  return dir;
}

describe('npm run pack:check', { timeout: 30_000 }, () => {
  it('grades every model answer against its own task: a wrong digit is an error at its line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'attache-pack-'));
    cpSync(MINIMAL_PACK_DIR, dir, { recursive: true });
    const file = path.join(dir, 'scenarios', 'hotline.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('en: Stay calm. Our hotline +99 123 456 789', 'en: Stay calm. Our hotline +99 123 456 780'));
    const line = text.split('\n').findIndex((l) => l.includes('en: Stay calm. Our hotline')) + 1;
    const run = cli('pack-check.ts', dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`scenarios/hotline\\.yaml:${line}:\\d+ {2}tasks\\[0\\]\\.modelAnswer\\.en {2}the model answer fails its own task on policy: Wrong number\\.`));
    expect(run.stdout).toContain('1 model answer fails its own task');
  });

  it('prints a summary and exits 0 for a valid pack', () => {
    const run = cli('pack-check.ts', MINIMAL_PACK_DIR);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('minimal 1.0.0 is valid');
    expect(run.stdout).toContain('1 scenarios, 1 tasks, 1 injects');
    expect(run.stdout).toContain('languages: en, ru');
  });

  it('prints every error as file:line:col  path  message  hint and exits 1', () => {
    const dir = brokenCopy();
    const run = cli('pack-check.ts', dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/scenarios\/hotline\.yaml:\d+:\d+ {2}accounts\[0\]\.audience\.followers {2}must have at least 0/);
    expect(run.stdout).toContain('1 error');
  });

  it('exits 2 with a clear message when the path does not exist', () => {
    const run = cli('pack-check.ts', path.join(tmpdir(), 'no-such-pack-here'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no such file or folder');
  });

  it('refuses a hostile archive with the reason and what to do', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'attache-pack-')), 'evil.attache');
    writeFileSync(file, zipSync({ '../../etc/passwd': new Uint8Array([1]) }));
    const run = cli('pack-check.ts', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/evil\.attache {2}.*\.\.\/\.\.\/etc\/passwd/);
  });
});

describe('npm run pack:build', { timeout: 30_000 }, () => {
  it('writes an archive that imports back to the same files and hash', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'attache-pack-')), 'minimal.attache');
    const run = cli('pack-build.ts', MINIMAL_PACK_DIR, '--out', out);
    expect(run.status).toBe(0);
    const folder = readFolder(MINIMAL_PACK_DIR);
    const { files, manifest } = readArchive(new Uint8Array(readFileSync(out)));
    expect(manifest.contentHash).toBe(contentHash(folder));
    expect(run.stdout).toContain(`sha256:${contentHash(folder)}`);
    expect([...files.keys()]).toEqual([...folder.keys()].sort());
    for (const [name, bytes] of folder) expect(Buffer.from(files.get(name)!).equals(Buffer.from(bytes))).toBe(true);
    expect(cli('pack-check.ts', out).status).toBe(0);
  });

  it('refuses to build a pack with errors', () => {
    const run = cli('pack-build.ts', brokenCopy(), '--out', path.join(tmpdir(), 'never.attache'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no archive was written');
  });

  it('exits 2 on bad arguments', () => {
    expect(cli('pack-build.ts').status).toBe(2);
    expect(cli('pack-build.ts', MINIMAL_PACK_DIR, '--bogus').status).toBe(2);
  });
});
