// Runtime: Node (Vitest, happy-dom, fake-indexeddb). The library as a start builds it: the built-in
// packs, the installed archives checked once per installation and remembered, and what the worker
// hands across (plain data that survives structured cloning).
import { afterEach, describe, expect, it } from 'vitest';
import { buildArchive } from '../core/pack/archive';
import { PACK_FORMAT } from '../core/pack/schema';
import type { AttacheDatabase } from '../db/database';
import { installPack } from '../db/repositories/packs';
import { createTestDatabase } from '../test/database';
import { MINIMAL_PACK_DIR, readFolder } from '../test/packs';
import { answerLibraryRequest } from './library-service';
import { CHECK_FORMAT, installationKey, isTrusted, loadLibrary } from './load-library';

const archive = buildArchive(readFolder(MINIMAL_PACK_DIR), { packId: 'minimal', packVersion: '1.0.0' });
const opened: AttacheDatabase[] = [];

function database(): AttacheDatabase {
  const db = createTestDatabase();
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const clock = (start: number) => {
  let now = start;
  return () => (now += 1);
};

describe('loading the library', () => {
  it('holds the built-in packs and the installed ones, and lists an archive that does not load as a problem', async () => {
    const db = database();
    await installPack(db, { packId: 'minimal', version: '1.0.0', archive }, clock(1));
    await installPack(db, { packId: 'broken', version: '1.0.0', archive: new Uint8Array([1, 2, 3]) }, clock(10));
    const { library, checked } = await loadLibrary(db, '0.1.0');
    expect(library.packs.map((pack) => pack.manifest.id)).toEqual(['core-library', 'minimal']);
    expect(library.problems.map((problem) => problem.source)).toEqual(['broken']);
    expect(library.problems[0]!.diagnostics[0]!.message).not.toBe('');
    expect(checked).toBe(2);
  });

  it('checks an installed archive once: a later start reuses the check, without inflating it again', async () => {
    const db = database();
    await installPack(db, { packId: 'minimal', version: '1.0.0', archive }, clock(1));
    const first = await loadLibrary(db, '0.1.0');
    const again = await loadLibrary(db, '0.1.0');
    expect([first.checked, first.reused]).toEqual([1, 0]);
    expect([again.checked, again.reused]).toEqual([0, 1]);
    expect(again.library.packs[1]).toEqual(first.library.packs[1]);
    const row = (await db.checkedPacks.toArray())[0]!;
    expect(row).toMatchObject({ appVersion: '0.1.0', packFormat: PACK_FORMAT, checkFormat: CHECK_FORMAT, outcome: { kind: 'valid' } });
    expect(row.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('remembers a refusal too, so a broken archive is not inflated at every start', async () => {
    const db = database();
    await installPack(db, { packId: 'broken', version: '1.0.0', archive: new Uint8Array([1, 2, 3]) }, clock(1));
    await loadLibrary(db, '0.1.0');
    const again = await loadLibrary(db, '0.1.0');
    expect(again.checked).toBe(0);
    expect(again.library.problems.map((problem) => problem.source)).toEqual(['broken']);
  });

  it('checks again after a reinstall or under another app version, and forgets checks of packs that are gone', async () => {
    const db = database();
    const now = clock(1);
    await installPack(db, { packId: 'minimal', version: '1.0.0', archive }, now);
    await loadLibrary(db, '0.1.0');
    expect((await loadLibrary(db, '0.2.0')).checked).toBe(1);
    expect((await loadLibrary(db, '0.2.0')).checked).toBe(0);
    await installPack(db, { packId: 'minimal', version: '1.0.0', archive }, now);
    expect((await loadLibrary(db, '0.2.0')).checked).toBe(1);
    expect(await db.checkedPacks.count()).toBe(1);
    await db.packs.clear();
    const emptied = await loadLibrary(db, '0.2.0');
    expect(emptied.library.packs.map((pack) => pack.manifest.id)).toEqual(['core-library']);
    expect(await db.checkedPacks.count()).toBe(0);
  });

  it('hands over plain data: the library survives structured cloning, as it crosses from the worker', async () => {
    const db = database();
    await installPack(db, { packId: 'minimal', version: '1.0.0', archive }, clock(1));
    const { library } = await loadLibrary(db, '0.1.0');
    const copy = structuredClone(library);
    expect(copy).toEqual(library);
    expect(copy.packs[0]!.media).toBeInstanceOf(Map);
  });
});

describe('installing', () => {
  it('does not check an archive again after installing it: the check made before the install is stored for it', async () => {
    const db = database();
    const offered = await answerLibraryRequest({ kind: 'check-archive', bytes: archive.slice(), appVersion: '0.1.0' }, () => db);
    expect(offered.kind).toBe('checked');
    await installPack(db, { packId: 'minimal', version: '1.0.0', archive: archive.slice() }, clock(1));
    const afterInstall = await loadLibrary(db, '0.1.0');
    expect([afterInstall.checked, afterInstall.reused]).toEqual([0, 1]);
    expect(afterInstall.library.packs.map((pack) => pack.manifest.id)).toEqual(['core-library', 'minimal']);
    expect((await db.checkedPacks.toArray())[0]).toMatchObject({ outcome: { kind: 'valid' } });
    // Other bytes are checked: what was noted before the install stands only for those very bytes.
    await installPack(db, { packId: 'broken', version: '1.0.0', archive: archive.subarray(1) }, clock(10));
    expect((await loadLibrary(db, '0.1.0')).checked).toBe(1);
  });
});

describe('trusting a stored check', () => {
  const row = {
    installation: installationKey({ packId: 'minimal', installedAt: 1, archive }),
    contentHash: 'a'.repeat(64),
    appVersion: '0.1.0',
    packFormat: PACK_FORMAT,
    checkFormat: CHECK_FORMAT,
    outcome: { kind: 'invalid' as const, diagnostics: [] },
    checkedAt: 1,
  };

  it('trusts only a check made under this app version, pack format and check format', () => {
    expect(isTrusted(row, '0.1.0')).toBe(true);
    expect(isTrusted(undefined, '0.1.0')).toBe(false);
    expect(isTrusted(row, '0.1.1')).toBe(false);
    expect(isTrusted({ ...row, packFormat: PACK_FORMAT + 1 }, '0.1.0')).toBe(false);
    expect(isTrusted({ ...row, checkFormat: CHECK_FORMAT + 1 }, '0.1.0')).toBe(false);
  });

  it('knows an installation by its pack, when it was installed and its size', () => {
    const key = installationKey({ packId: 'minimal', installedAt: 1, archive });
    expect(installationKey({ packId: 'minimal', installedAt: 1, archive: archive.slice() })).toBe(key);
    expect(installationKey({ packId: 'minimal', installedAt: 2, archive })).not.toBe(key);
    expect(installationKey({ packId: 'minimal', installedAt: 1, archive: archive.subarray(1) })).not.toBe(key);
  });
});
