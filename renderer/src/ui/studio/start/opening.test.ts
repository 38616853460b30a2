// Runtime: Node (Vitest, happy-dom). Where a studio session comes from: the template, a copy of a
// library scenario (installed or built in), an installed pack, an .attache file; each a new draft.
import { describe, expect, it } from 'vitest';
import { ArchiveError, buildArchive } from '../../../core/pack/archive';
import { packFilesOf, readAt } from '../../../core/studio/document';
import { installPack } from '../../../db/repositories/packs';
import { createTestDatabase } from '../../../test/database';
import { archiveSession, copySession, installedSession, libraryPackFiles, newPackSession } from './opening';

const form = {
  packId: 'embassy-drills',
  scenarioId: 'airport-closed',
  languages: ['en', 'ru'],
  title: { en: 'Embassy drills', ru: 'Учения посольства' },
  author: { name: 'Training unit' },
};

describe('opening a pack in the studio', () => {
  it('makes a new pack from the template as a new draft each time', () => {
    const first = newPackSession(form, Date.UTC(2026, 11, 6));
    const second = newPackSession(form, Date.UTC(2026, 11, 6));
    expect(first.source).toEqual({ kind: 'new' });
    expect(readAt(first.document, 'pack.yaml', ['id'])).toBe('embassy-drills');
    expect(readAt(first.document, 'pack.yaml', ['title'])).toEqual(form.title);
    expect(first.document.texts.has('scenarios/airport-closed.yaml')).toBe(true);
    expect(first.draftId).not.toBe(second.draftId);
  });

  it('opens an .attache file as it was exported, and refuses one that is not a pack archive, saying why', () => {
    const made = newPackSession(form, 0).document;
    const bytes = buildArchive(packFilesOf(made), { packId: 'embassy-drills', packVersion: '0.1.0' });
    const opened = archiveSession('drills.attache', bytes);
    expect(opened.source).toEqual({ kind: 'archive', name: 'drills.attache' });
    expect([...opened.document.texts]).toEqual([...made.texts]);
    let refusal: unknown = null;
    try {
      archiveSession('notes.attache', new TextEncoder().encode('not a zip'));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ArchiveError);
    expect((refusal as ArchiveError).hint).not.toBe('');
  });

  it('opens an installed pack from its archive in the database, and copies one of its scenarios under new ids', async () => {
    const db = createTestDatabase();
    const made = newPackSession(form, 0).document;
    const archive = buildArchive(packFilesOf(made), { packId: 'embassy-drills', packVersion: '0.1.0' });
    await installPack(db, { packId: 'embassy-drills', version: '0.1.0', archive });

    const installed = await installedSession(db, 'embassy-drills');
    expect(installed?.source).toEqual({ kind: 'installed', packId: 'embassy-drills', version: '0.1.0' });
    expect(installed?.document.texts.get('pack.yaml')).toBe(made.texts.get('pack.yaml'));
    expect(await installedSession(db, 'not-installed')).toBeNull();

    const files = await libraryPackFiles(db, 'embassy-drills');
    const copy = copySession(files!, 'airport-closed', { newPackId: 'drills-two', newScenarioId: 'port-closed' });
    expect(readAt(copy.document, 'pack.yaml', ['id'])).toBe('drills-two');
    expect(readAt(copy.document, 'scenarios/port-closed.yaml', ['id'])).toBe('port-closed');
    db.close();
  });

  it('finds the built-in library pack for a copy when it is not installed', async () => {
    const db = createTestDatabase();
    const files = await libraryPackFiles(db, 'core-library');
    expect(files?.has('pack.yaml')).toBe(true);
    expect(await libraryPackFiles(db, 'nowhere')).toBeNull();
    db.close();
  });
});
