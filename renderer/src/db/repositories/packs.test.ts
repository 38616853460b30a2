// Runtime: Node (Vitest, fake-indexeddb). Installed packs: installing, replacing with another version,
// listing without archives, and uninstalling — which leaves every attempt's frozen outcome as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildArchive } from '../../core/pack/archive';
import { loadLibrary } from '../../library/load-library';
import { findScenario } from '../../library/library';
import { createTestDatabase } from '../../test/database';
import { MINIMAL_PACK_DIR, readFolder, withEdit } from '../../test/packs';
import { AttemptSession, loadAttempt, startAttempt, type LoadedAttempt } from '../../ui/player/session';
import type { AttacheDatabase } from '../database';
import { readAttempt, readFrozenOutcome } from './attempts';
import { installPack, listInstalledPackInfo, listInstalledPacks, uninstallPack } from './packs';
import { createProfile } from './profiles';

const APP_VERSION = '0.1.0';

function minimalArchive(version = '1.0.0'): Uint8Array {
  const files =
    version === '1.0.0'
      ? readFolder(MINIMAL_PACK_DIR)
      : withEdit(readFolder(MINIMAL_PACK_DIR), 'pack.yaml', (text) => text.replace('version: 1.0.0', `version: ${version}`));
  return buildArchive(files, { packId: 'minimal', packVersion: version });
}

let db: AttacheDatabase;
beforeEach(() => {
  db = createTestDatabase();
});
afterEach(async () => {
  await db.delete();
});

describe('installed packs', () => {
  it('lists installations without their archives, and replaces a pack installed again', async () => {
    await installPack(db, { packId: 'minimal', version: '1.0.0', archive: minimalArchive() }, () => 1_000);
    const newer = minimalArchive('1.1.0');
    await installPack(db, { packId: 'minimal', version: '1.1.0', archive: newer }, () => 2_000);
    expect(await listInstalledPackInfo(db)).toEqual([{ packId: 'minimal', version: '1.1.0', installedAt: 2_000, size: newer.byteLength }]);
  });

  it('uninstalls a pack, saying what it removed, and nothing when it is not installed', async () => {
    const archive = minimalArchive();
    await installPack(db, { packId: 'minimal', version: '1.0.0', archive }, () => 1_000);
    expect(await uninstallPack(db, 'minimal')).toEqual({ packId: 'minimal', version: '1.0.0', installedAt: 1_000, size: archive.byteLength });
    expect(await listInstalledPacks(db)).toEqual([]);
    expect(await uninstallPack(db, 'minimal')).toBeNull();
    const { library } = await loadLibrary(db, APP_VERSION);
    expect(library.packs.map((pack) => pack.manifest.id)).not.toContain('minimal');
    // The library forgets the check it remembered for the removed installation.
    expect(await db.checkedPacks.count()).toBe(0);
  });

  it('keeps the frozen outcome of an attempt on a pack that is uninstalled, with the scenario as played', async () => {
    await installPack(db, { packId: 'minimal', version: '1.0.0', archive: minimalArchive() });
    const { library } = await loadLibrary(db, APP_VERSION);
    const ref = findScenario(library, 'minimal', 'hotline')!;
    const profile = await createProfile(db, { name: 'Lena', academyId: '' });
    const attemptId = await startAttempt(db, profile.id, ref, 'en', 5);
    const session = new AttemptSession(db, (await loadAttempt(db, library, attemptId)) as LoadedAttempt, {
      appVersion: APP_VERSION,
      onSaveError: (error) => expect.fail(String(error)),
    });
    session.send({ type: 'FINISH' });
    await session.flush();
    const attempt = (await readAttempt(db, attemptId))!;
    const before = await readFrozenOutcome(db, attempt.uid);
    expect(before?.frozen.summary.packId).toBe('minimal');
    expect(before?.played?.scenario.id).toBe('hotline');

    await uninstallPack(db, 'minimal');
    await loadLibrary(db, APP_VERSION);

    expect(await readFrozenOutcome(db, attempt.uid)).toEqual(before);
    expect(await readAttempt(db, attemptId)).toEqual(attempt);
  });
});
