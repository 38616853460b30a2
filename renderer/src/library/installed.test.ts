// Runtime: Node (Vitest). Installing a pack from an archive: what is accepted, what is refused and why.
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../core/pack/archive';
import { MINIMAL_PACK_DIR, readFolder, withEdit } from '../test/packs';
import { checkArchive, checkArchiveWithHash, PackInstallError } from './installed';

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

  it('gives the content hash the archive states, which reading it verified', () => {
    const { pack, contentHash } = checkArchiveWithHash(archive, '0.1.0', []);
    expect(pack.manifest.id).toBe('minimal');
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkArchiveWithHash(archive.slice(), '0.1.0', []).contentHash).toBe(contentHash);
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
});
