// Runtime: Node (Vitest, happy-dom for the database). Publishing: each checklist item's verdict (and
// "not yet known" while the check or calibration runs), the version bump written into pack.yaml, an
// exported archive that the loader accepts with the same content hash as the files, and installing
// into the library only when every item passed, after the checks any archive gets.
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash, readArchive } from '../core/pack/archive';
import { loadPack } from '../core/pack/load';
import { applyEdit, documentFromFiles, packFilesOf, readAt, type PackDocument } from '../core/studio/document';
import type { AttacheDatabase } from '../db/database';
import { listInstalledPacks } from '../db/repositories/packs';
import { checkArchiveWithHash, PackInstallError } from '../library/installed';
import { createTestDatabase } from '../test/database';
import { MINIMAL_PACK_DIR, readFolder } from '../test/packs';
import { calibrationSummary } from './calibration';
import { checkPackFiles } from './check-protocol';
import type { StudioCheck } from './checker';
import {
  archiveFileName,
  buildPackArchive,
  bumpedVersion,
  installIntoLibrary,
  missingTexts,
  publishChecklist,
  PublishRefusedError,
  versionBumpEdit,
  type ChecklistItem,
  type PublishChecklist,
} from './publish';

const APP_VERSION = '0.1.0';
const SCENARIO = 'scenarios/hotline.yaml';
const MODEL_EN = 'Stay calm. Our hotline +99 123 456 789 is open around the clock.';
const MODEL_RU = 'Сохраняйте спокойствие. Горячая линия +99 123 456 789 работает круглосуточно.';
const ALL_PASS = { tone: 'pass', policy: 'pass', platform: 'pass' } as const;

/** The minimal pack with calibration drafts on its task that the grader agrees with. */
function calibratedDocument(): PackDocument {
  return applyEdit(documentFromFiles(readFolder(MINIMAL_PACK_DIR)), {
    kind: 'set',
    file: SCENARIO,
    path: ['tasks', 0, 'calibration'],
    value: [
      { id: 'good-en', language: 'en', text: MODEL_EN, expect: ALL_PASS, why: 'The model answer itself.' },
      { id: 'good-ru', language: 'ru', text: MODEL_RU, expect: ALL_PASS, why: 'The model answer itself.' },
    ],
  });
}

function checked(document: PackDocument): StudioCheck {
  return { ...checkPackFiles(packFilesOf(document), APP_VERSION), checkedAt: 1 };
}

function checklistOf(document: PackDocument): PublishChecklist {
  const check = checked(document);
  return publishChecklist({ document, check, checking: false, calibration: check.pack ? calibrationSummary(check.pack) : null });
}

const item = <Id extends ChecklistItem['id']>(list: PublishChecklist, id: Id) =>
  list.items.find((each) => each.id === id) as Extract<ChecklistItem, { id: Id }>;
const states = (list: PublishChecklist) => Object.fromEntries(list.items.map((each) => [each.id, each.state]));

describe('the publish checklist', () => {
  it('passes every item for a calibrated pack without problems, and says it is ready', () => {
    const list = checklistOf(calibratedDocument());
    expect(states(list)).toEqual({ errors: 'passed', 'model-answers': 'passed', calibration: 'passed', languages: 'passed' });
    expect(list.ready).toBe(true);
    expect(item(list, 'calibration').summary?.drafts).toBe(2);
  });

  it('knows nothing of errors, model answers or calibration before a check has finished, or while a newer one runs', () => {
    const document = calibratedDocument();
    const before = publishChecklist({ document, check: null, checking: true, calibration: null });
    expect(states(before)).toEqual({ errors: 'unchecked', 'model-answers': 'unchecked', calibration: 'unchecked', languages: 'passed' });
    expect(before.ready).toBe(false);
    const check = checked(document);
    const stale = publishChecklist({ document, check, checking: true, calibration: calibrationSummary(check.pack!) });
    expect(item(stale, 'errors').state).toBe('unchecked');
    // Calibration still being graded: that item alone waits.
    expect(item(publishChecklist({ document, check, checking: false, calibration: null }), 'calibration').state).toBe('unchecked');
  });

  it('fails on errors, counting them, and then cannot vouch for model answers or calibration', () => {
    const broken = applyEdit(calibratedDocument(), { kind: 'set', file: SCENARIO, path: ['duration'], value: 'soon' });
    const list = checklistOf(broken);
    expect(item(list, 'errors')).toMatchObject({ state: 'failed' });
    expect(item(list, 'errors').errors).toBeGreaterThan(0);
    expect(item(list, 'model-answers').state).toBe('failed');
    expect(item(list, 'calibration').state).toBe('failed');
    expect(list.ready).toBe(false);
  });

  it('fails a model answer that fails its own task', () => {
    const wrong = applyEdit(calibratedDocument(), { kind: 'set', file: SCENARIO, path: ['tasks', 0, 'modelAnswer', 'en'], value: 'Stay calm.' });
    const list = checklistOf(wrong);
    expect(item(list, 'errors').state).toBe('passed');
    expect(item(list, 'model-answers')).toMatchObject({ state: 'failed', failing: 1 });
  });

  it('fails calibration without drafts (nothing measured) and below the threshold, naming the axes', () => {
    const none = applyEdit(calibratedDocument(), { kind: 'delete', file: SCENARIO, path: ['tasks', 0, 'calibration'] });
    expect(item(checklistOf(none), 'calibration')).toMatchObject({ state: 'failed', summary: { drafts: 0 } });
    // The author says the model answer fails on tone; the grader passes it: agreement 50 % on tone.
    const disagreeing = applyEdit(calibratedDocument(), {
      kind: 'set',
      file: SCENARIO,
      path: ['tasks', 0, 'calibration', 0, 'expect', 'tone'],
      value: 'fail',
    });
    const calibration = item(checklistOf(disagreeing), 'calibration');
    expect(calibration.state).toBe('failed');
    expect(calibration.summary?.below).toEqual(['tone']);
  });

  it('fails a text that lacks a language of its scenario, saying where and which', () => {
    const untranslated = applyEdit(calibratedDocument(), { kind: 'delete', file: SCENARIO, path: ['tasks', 0, 'title', 'ru'] });
    const languages = item(checklistOf(untranslated), 'languages');
    expect(languages.state).toBe('failed');
    expect(languages.missing).toEqual([{ file: SCENARIO, path: ['tasks', 0, 'title'], missing: ['ru'] }]);
  });

  it('asks of a scenario only its own languages when it lists them', () => {
    let document = applyEdit(calibratedDocument(), { kind: 'set', file: SCENARIO, path: ['languages'], value: ['en'] });
    document = applyEdit(document, { kind: 'delete', file: SCENARIO, path: ['tasks', 0, 'title', 'ru'] });
    expect(missingTexts(document)).toEqual([]);
  });
});

describe('the version bump', () => {
  it('follows semantic versioning', () => {
    expect(bumpedVersion('1.2.3', 'patch')).toBe('1.2.4');
    expect(bumpedVersion('1.2.3', 'minor')).toBe('1.3.0');
    expect(bumpedVersion('1.2.3', 'major')).toBe('2.0.0');
    expect(bumpedVersion('1.3.0-rc.1', 'minor')).toBe('1.3.0');
    expect(bumpedVersion('one', 'patch')).toBeNull();
  });

  it('is one edit of pack.yaml that keeps its comments', () => {
    const document = calibratedDocument();
    const commented = applyEdit(document, { kind: 'text', file: 'pack.yaml', text: `# Reviewed by the academy.\n${document.texts.get('pack.yaml')!}` });
    const edit = versionBumpEdit(commented, 'minor')!;
    expect(edit).toEqual({ kind: 'set', file: 'pack.yaml', path: ['version'], value: '1.1.0' });
    const bumped = applyEdit(commented, edit);
    expect(readAt(bumped, 'pack.yaml', ['version'])).toBe('1.1.0');
    expect(bumped.texts.get('pack.yaml')).toContain('# Reviewed by the academy.');
    expect(versionBumpEdit(applyEdit(document, { kind: 'set', file: 'pack.yaml', path: ['version'], value: 'latest' }), 'patch')).toBeNull();
  });
});

describe('exporting an archive', () => {
  it('writes bytes the loader accepts, with the files’ content hash, the same every time', () => {
    const document = calibratedDocument();
    const archive = buildPackArchive(document, { draft: false });
    expect(archive.fileName).toBe('minimal-1.0.0.attache');
    const read = readArchive(archive.bytes);
    expect(read.manifest).toMatchObject({ packId: 'minimal', packVersion: '1.0.0' });
    expect([...read.files.keys()].sort()).toEqual([...packFilesOf(document).keys()].sort());
    const loaded = loadPack(read.files, { appVersion: APP_VERSION });
    expect(loaded.pack).not.toBeNull();
    expect(read.manifest.contentHash).toBe(contentHash(packFilesOf(document)));
    expect(loaded.pack!.contentHash).toBe(archive.contentHash);
    expect(buildPackArchive(document, { draft: false }).bytes).toEqual(archive.bytes);
  });

  it('names a draft as one, and file names carry nothing a file system refuses', () => {
    expect(buildPackArchive(calibratedDocument(), { draft: true }).fileName).toBe('minimal-1.0.0-draft.attache');
    expect(archiveFileName('a/b', '1:0', false)).toBe('a_b-1_0.attache');
  });
});

describe('installing into the library', () => {
  let db: AttacheDatabase | null = null;
  afterEach(async () => {
    db?.close();
    await db?.delete();
    db = null;
  });
  const checkArchive = (builtIn: string[]) => (bytes: Uint8Array) => Promise.resolve(checkArchiveWithHash(bytes, APP_VERSION, builtIn).pack);

  it('installs a ready pack as the archive an export would write', async () => {
    db = createTestDatabase();
    const document = calibratedDocument();
    const { pack, archive } = await installIntoLibrary(db, checkArchive(['core-library']), document, checklistOf(document), () => 42);
    expect(pack.manifest.id).toBe('minimal');
    const installed = await listInstalledPacks(db);
    expect(installed).toEqual([{ packId: 'minimal', version: '1.0.0', archive: archive.bytes, installedAt: 42 }]);
  });

  it('refuses a pack whose checklist failed, naming the items, and writes nothing', async () => {
    db = createTestDatabase();
    const document = applyEdit(calibratedDocument(), { kind: 'set', file: SCENARIO, path: ['tasks', 0, 'calibration', 0, 'expect', 'tone'], value: 'fail' });
    const refused = installIntoLibrary(db, checkArchive([]), document, checklistOf(document));
    await expect(refused).rejects.toBeInstanceOf(PublishRefusedError);
    await expect(refused).rejects.toMatchObject({ failed: ['calibration'] });
    expect(await listInstalledPacks(db)).toEqual([]);
  });

  it('refuses to replace a built-in pack', async () => {
    db = createTestDatabase();
    const document = calibratedDocument();
    const refused = installIntoLibrary(db, checkArchive(['minimal']), document, checklistOf(document));
    await expect(refused).rejects.toBeInstanceOf(PackInstallError);
    await expect(refused).rejects.toMatchObject({ problem: { kind: 'built-in', packId: 'minimal' } });
    expect(await listInstalledPacks(db)).toEqual([]);
  });
});
