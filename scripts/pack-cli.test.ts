// Runtime: Node (Vitest). The pack command-line tools and the folder reader they share.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveError, contentHash, readArchive } from '../renderer/src/core/pack/archive';
import { createInstance } from 'i18next';
import { formatDiagnosticAs } from '../renderer/src/core/pack/diagnostics';
import type { Translate } from '../renderer/src/i18n/grading-message';
import { renderDiagnostic } from '../renderer/src/i18n/pack-diagnostic-message';
import { allResources as resources } from '../renderer/src/i18n/all-resources';
import { addStudioResources } from '../renderer/src/i18n/studio-resources';
import { checkPackFiles } from '../renderer/src/studio/check-protocol';
import { MINIMAL_PACK_DIR, readFolder } from '../renderer/src/test/packs';
import { PackInputError, findPackFiles, readFoundFiles, readPackFolder, readPackSource } from './lib/pack-files';

const root = path.resolve(import.meta.dirname, '..');
const i18n = createInstance();
await i18n.init({ lng: 'en', fallbackLng: 'en', resources, interpolation: { escapeValue: false }, returnNull: false });
addStudioResources(i18n);
const translate = i18n.t as unknown as Translate;
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
    expect(run.stdout).toMatch(
      new RegExp(
        `scenarios/hotline\\.yaml:${line}:\\d+ {2}tasks\\[0\\]\\.modelAnswer\\.en {2}the English model answer fails its own task on policy: Wrong number\\.`,
      ),
    );
    expect(run.stdout).toContain('1 model answer fails its own task');
  });

  it('prints the very words of the studio’s problems panel in English: the same diagnostics through the same catalogue', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'attache-pack-'));
    cpSync(MINIMAL_PACK_DIR, dir, { recursive: true });
    const file = path.join(dir, 'scenarios', 'hotline.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('platform: x', 'platform: twitter')
        .replace('title: { en: Hotline, ru: Горячая линия }', 'title: { en: Hotline, call now, ru: Горячая линия }'),
    );
    const run = cli('pack-check.ts', dir);
    expect(run.status).toBe(1);
    const { diagnostics } = checkPackFiles(readFolder(dir), '0.1.0');
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of diagnostics)
      expect(run.stdout).toContain(`${dir}/${formatDiagnosticAs(diagnostic, renderDiagnostic(translate, 'en', diagnostic))}`);
    expect(run.stdout).toContain('the comma in "Hotline, call now" ends the text');
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

describe('the pack folder reader', { timeout: 30_000 }, () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh copy of the minimal pack, removed after the tests. */
  function packCopy(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'attache-folder-'));
    made.push(dir);
    cpSync(MINIMAL_PACK_DIR, path.join(dir, 'pack'), { recursive: true });
    return path.join(dir, 'pack');
  }

  function refusal(action: () => unknown): PackInputError {
    try {
      action();
    } catch (error) {
      if (error instanceof PackInputError) return error;
      throw error;
    }
    throw new Error('expected a PackInputError, but the folder was read');
  }

  it('reads a pack folder as the loader expects it, leaving dot-files out', () => {
    const dir = packCopy();
    mkdirSync(path.join(dir, '.git', 'objects'), { recursive: true });
    writeFileSync(path.join(dir, '.git', 'objects', 'x'), 'not part of the pack');
    writeFileSync(path.join(dir, '.DS_Store'), 'finder');
    const files = readPackFolder(dir);
    expect([...files.keys()].sort()).toEqual([...readFolder(MINIMAL_PACK_DIR).keys()].sort());
    expect(contentHash(files)).toBe(contentHash(readFolder(MINIMAL_PACK_DIR)));
  });

  it('refuses a symbolic link given as the pack folder, without following it', () => {
    const dir = packCopy();
    const link = `${dir}-link`;
    symlinkSync(dir, link);
    for (const read of [() => readPackFolder(link), () => readPackSource(link)]) {
      const error = refusal(read);
      expect(error.path).toBe(link);
      expect(error.message).toContain(`${link} is a symbolic link (it points to "${dir}")`);
      expect(error.message).toContain('give the path of the pack');
    }
  });

  it('refuses symbolic links inside the folder, loops and links to outside files included', () => {
    for (const [name, target] of [
      ['scenarios/link.yaml', 'hotline.yaml'],
      ['media', '.'],
      ['passwd.yaml', '/etc/passwd'],
      ['gone.yaml', 'nowhere.yaml'],
    ] as const) {
      const dir = packCopy();
      symlinkSync(target, path.join(dir, name));
      const error = refusal(() => readPackFolder(dir));
      expect(error.message).toContain(`${path.join(dir, name)} is a symbolic link`);
      expect(error.message).toContain('Replace the link with a copy');
    }
  });

  it('refuses a name that is not UTF-8, showing its stray bytes', () => {
    const dir = packCopy();
    writeFileSync(
      Buffer.concat([Buffer.from(path.join(dir, 'scenarios'), 'utf8'), Buffer.from([0x2f, 0x63, 0x61, 0x66, 0xe9, 0x2e, 0x79, 0x61, 0x6d, 0x6c])]),
      'id: x\n',
    );
    const error = refusal(() => readPackFolder(dir));
    expect(error.message).toContain(`${path.join(dir, 'scenarios')}/caf\\xE9.yaml: the name is not valid UTF-8 text`);
    expect(error.message).toContain('Rename it');
  });

  it('refuses a 3 GiB sparse file from its size, without reading it', () => {
    const dir = packCopy();
    const film = path.join(dir, 'media', 'film.mp4');
    mkdirSync(path.dirname(film));
    writeFileSync(film, '');
    truncateSync(film, 3 * 1024 ** 3);
    // Reading it would fail otherwise: Node refuses to read a file over 2 GiB into one buffer.
    const error = refusal(() => readPackFolder(dir));
    expect(error.path).toBe(film);
    expect(error.message).toBe(`${film} is 3.0 GiB: a file in a pack may be at most 32.0 MiB. Make it smaller (compress the image or video) or remove it.`);
  });

  it('refuses files that add up to more than a pack holds, before reading any', () => {
    const dir = packCopy();
    // Sparse, like the media they stand for; they come first in name order.
    for (const name of ['a.png', 'b.png']) {
      writeFileSync(path.join(dir, name), '');
      truncateSync(path.join(dir, name), 600);
    }
    expect(refusal(() => readPackFolder(dir, { maxTotalBytes: 1000 })).message).toMatch(/the files add up to more than .* \(passed at b\.png\)/);
    expect(readPackFolder(dir, { maxTotalBytes: 100_000 }).get('b.png')?.length).toBe(600);
  });

  it('refuses an oversized archive from its size, without reading it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'attache-folder-'));
    made.push(dir);
    const archive = path.join(dir, 'huge.attache');
    writeFileSync(archive, '');
    truncateSync(archive, 200 * 1024 * 1024);
    expect(() => readPackSource(archive)).toThrow(ArchiveError);
    expect(() => readPackSource(archive)).toThrow('The archive is 200.0 MiB; an archive may be at most 128.0 MiB.');
  });

  it('refuses a named pipe instead of waiting on it', () => {
    const dir = packCopy();
    const pipe = path.join(dir, 'scenarios', 'pipe.yaml');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    expect(refusal(() => readPackFolder(dir)).message).toBe(`${pipe} is a named pipe: a pack holds plain files only. Remove it from the pack folder.`);
    expect(refusal(() => readPackSource(pipe)).message).toContain('is a named pipe, not a pack folder');
  });

  it('refuses more files than a pack holds, and a huge tree before listing it whole', () => {
    const dir = packCopy();
    mkdirSync(path.join(dir, 'media'));
    for (let i = 0; i < 20; i += 1) writeFileSync(path.join(dir, 'media', `m${i}.png`), 'x');
    expect(refusal(() => readPackFolder(dir, { maxFiles: 10 })).message).toContain('holds more than 10 files');
    const huge = refusal(() => readPackFolder(dir, { maxEntries: 12 }));
    expect(huge.message).toContain(`${dir} holds more than 12 files and folders in all (passed while listing ${path.join(dir, 'media')})`);
    expect(huge.path).toBe(path.join(dir, 'media'));
    expect(readPackFolder(dir, { maxFiles: 24, maxEntries: 26 }).size).toBe(24);
  });

  it('refuses a tree nested deeper than a pack may be, at the first level too deep', () => {
    const dir = packCopy();
    const deep = path.join(dir, ...Array.from({ length: 40 }, (_, i) => `d${i}`));
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(deep, 'x.yaml'), 'x');
    const error = refusal(() => readPackFolder(dir));
    expect(error.path).toBe(path.join(dir, 'd0/d1/d2/d3/d4/d5/d6/d7/d8'));
    expect(error.message).toContain('is nested deeper than 8 levels');
  });

  it('holds names to the same path policy as archives', () => {
    const caseTwins = packCopy();
    writeFileSync(path.join(caseTwins, 'Pack.yaml'), 'x');
    expect(refusal(() => readPackFolder(caseTwins)).message).toContain('differ only in letter case');
    const windows = packCopy();
    writeFileSync(path.join(windows, 'scenarios', 'what?.yaml'), 'x');
    expect(refusal(() => readPackFolder(windows)).message).toContain('"scenarios/what?.yaml", contains a character that Windows does not allow');
  });

  it('reads each file as it was checked, refusing one changed or replaced by a link since', () => {
    const grown = packCopy();
    const found = findPackFiles(grown);
    appendFileSync(path.join(grown, 'pack.yaml'), '# added after the check\n');
    expect(refusal(() => readFoundFiles(found)).message).toBe(
      `${path.join(grown, 'pack.yaml')} changed while the pack was read. Run the command again once nothing is writing to the pack folder.`,
    );
    const linked = packCopy();
    const foundBeforeLink = findPackFiles(linked);
    unlinkSync(path.join(linked, 'pack.yaml'));
    symlinkSync('/etc/passwd', path.join(linked, 'pack.yaml'));
    expect(refusal(() => readFoundFiles(foundBeforeLink)).message).toContain('it was removed or replaced by a link while the pack was read');
  });

  it('makes the command exit 2 with the reason', () => {
    const dir = packCopy();
    symlinkSync(dir, `${dir}-cli-link`);
    const check = cli('pack-check.ts', `${dir}-cli-link`);
    expect(check.status).toBe(2);
    expect(check.stderr).toContain(`${dir}-cli-link is a symbolic link`);
    const build = cli('pack-build.ts', `${dir}-cli-link`, '--out', path.join(dir, 'never.attache'));
    expect(build.status).toBe(2);
    expect(build.stderr).toContain(`${dir}-cli-link is a symbolic link`);
  });
});
