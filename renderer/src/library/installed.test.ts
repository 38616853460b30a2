// Runtime: Node (Vitest). Installing a pack from an archive: what is accepted, what is refused and why.
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../core/pack/archive';
import { MINIMAL_PACK_DIR, readFolder, withEdit } from '../test/packs';
import { checkArchive, PackInstallError, withInstalled } from './installed';
import { createLibrary } from './library';

const files = readFolder(MINIMAL_PACK_DIR);
const archive = buildArchive(files, { packId: 'minimal', packVersion: '1.0.0' });

function refusal(run: () => unknown): PackInstallError {
  try {
    run();
  } catch (error) {
    if (error instanceof PackInstallError) return error;
    throw error;
  }
  throw new Error('the archive was accepted');
}

describe('installing a pack', () => {
  it('accepts a valid archive and returns its pack', () => {
    const pack = checkArchive(archive, '0.1.0', ['core-library']);
    expect(pack.manifest.id).toBe('minimal');
    expect(pack.scenarios.map((scenario) => scenario.id)).toEqual(['hotline']);
  });

  it('refuses what is not an archive, with the archive reader’s reason', () => {
    expect(refusal(() => checkArchive(new TextEncoder().encode('not a zip'), '0.1.0', [])).problem).toMatchObject({ kind: 'archive', code: 'not-zip' });
  });

  it('refuses an archive changed after export', () => {
    const tampered = archive.slice();
    const at = tampered.indexOf('H'.charCodeAt(0), 200);
    tampered[at] = 'J'.charCodeAt(0);
    expect(refusal(() => checkArchive(tampered, '0.1.0', [])).problem.kind).toBe('archive');
  });

  it('refuses an invalid pack with its diagnostics', () => {
    const broken = withEdit(files, 'scenarios/hotline.yaml', (text) => text.replace('account: embassy-x\n    opensAt', 'account: nowhere\n    opensAt'));
    const problem = refusal(() => checkArchive(buildArchive(broken, { packId: 'minimal', packVersion: '1.0.0' }), '0.1.0', [])).problem;
    expect(problem.kind).toBe('invalid');
    expect(problem.kind === 'invalid' && problem.diagnostics.some((diagnostic) => diagnostic.message.includes('nowhere'))).toBe(true);
  });

  it('refuses a pack that would replace a built-in one', () => {
    expect(refusal(() => checkArchive(archive, '0.1.0', ['minimal'])).problem).toEqual({ kind: 'built-in', packId: 'minimal' });
  });

  it('checks an installation once, though each read of the table brings new bytes', () => {
    const first = withInstalled(createLibrary([]), [{ packId: 'minimal', version: '1.0.0', archive: archive.slice(), installedAt: 5 }], '0.1.0');
    const again = withInstalled(createLibrary([]), [{ packId: 'minimal', version: '1.0.0', archive: archive.slice(), installedAt: 5 }], '0.1.0');
    expect(again.packs[0]).toBe(first.packs[0]);
    const reinstalled = withInstalled(createLibrary([]), [{ packId: 'minimal', version: '1.0.0', archive: archive.slice(), installedAt: 6 }], '0.1.0');
    expect(reinstalled.packs[0]).not.toBe(first.packs[0]);
  });

  it('adds installed packs to the library, and lists one that no longer loads as a problem', () => {
    const library = withInstalled(createLibrary([]), [{ packId: 'minimal', version: '1.0.0', archive, installedAt: 1 }, { packId: 'broken', version: '1.0.0', archive: new Uint8Array([1, 2, 3]), installedAt: 2 }], '0.1.0');
    expect(library.packs.map((pack) => pack.manifest.id)).toEqual(['minimal']);
    expect(library.problems.map((problem) => problem.source)).toEqual(['broken']);
  });
});
