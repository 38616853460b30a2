// Runtime: Node (Vitest). Opening a pack folder and saving it back through the platform.
import { describe, expect, it, vi } from 'vitest';
import type { StudioFolderOpened, StudioFolderSaveRequest, StudioFolderSaved } from '../../../electron/contract/api';
import { applyEdit, documentFromFiles, readAt } from '../core/studio/document';
import { openFolderSource, removedFiles, saveFolderSource, type StudioFolderPlatform } from './sources';

const encoder = new TextEncoder();

function platformWith(opened: StudioFolderOpened, saved: StudioFolderSaved = { kind: 'saved', written: 1, removed: 0 }) {
  const platform = {
    openStudioFolder: vi.fn(async () => opened),
    saveStudioFolder: vi.fn(async (_request: StudioFolderSaveRequest) => saved),
  } satisfies StudioFolderPlatform;
  return platform;
}

const files = [
  { path: 'pack.yaml', bytes: encoder.encode('id: storm\n') },
  { path: 'scenarios/storm.yaml', bytes: encoder.encode('id: storm\n') },
  { path: 'media/logo.png', bytes: new Uint8Array([1, 2]) },
];

describe('a pack folder as a source', () => {
  it('opens the folder the author picked as a document, remembering where it came from', async () => {
    const platform = platformWith({ kind: 'opened', folder: '/packs/storm', files });
    const opened = await openFolderSource(platform, { title: 'Open a pack folder' });
    expect(platform.openStudioFolder).toHaveBeenCalledWith({ title: 'Open a pack folder' });
    expect(opened && 'source' in opened && opened.source).toEqual({ kind: 'folder', path: '/packs/storm' });
    if (!opened || !('document' in opened)) throw new Error('not opened');
    expect(readAt(opened.document, 'scenarios/storm.yaml', ['id'])).toBe('storm');
    expect(opened.document.media.get('media/logo.png')).toEqual(new Uint8Array([1, 2]));
  });

  it('gives nothing when the author cancels, and says why when the folder is refused or the build has none', async () => {
    expect(await openFolderSource(platformWith({ kind: 'cancelled' }))).toBeNull();
    expect(await openFolderSource(platformWith({ kind: 'refused', folder: '/x', message: '/x/a is a symbolic link' }))).toEqual({
      problem: '/x/a is a symbolic link',
      code: 'refused',
    });
    expect(await openFolderSource(platformWith({ kind: 'unsupported' }))).toMatchObject({ code: 'unsupported' });
  });

  it('saves every file back, and removes the files renamed away since the last save', async () => {
    const before = documentFromFiles(new Map(files.map((file) => [file.path, file.bytes])));
    const renamed = applyEdit(before, { kind: 'rename-id', target: { kind: 'scenario', id: 'storm' }, to: 'storm-2' });
    expect(removedFiles(before, renamed)).toEqual(['scenarios/storm.yaml']);
    const platform = platformWith({ kind: 'cancelled' });
    expect(await saveFolderSource(platform, '/packs/storm', renamed, before)).toBe('saved');
    const request = platform.saveStudioFolder.mock.calls[0]![0];
    expect(request.folder).toBe('/packs/storm');
    expect(request.files.map((file) => file.path).sort()).toEqual(['media/logo.png', 'pack.yaml', 'scenarios/storm-2.yaml']);
    expect(request.remove).toEqual(['scenarios/storm.yaml']);
    await saveFolderSource(platform, '/packs/storm', renamed);
    expect(platform.saveStudioFolder.mock.calls[1]![0].remove).toEqual([]);
  });

  it('passes on why a save was refused', async () => {
    const doc = documentFromFiles(new Map(files.map((file) => [file.path, file.bytes])));
    expect(await saveFolderSource(platformWith({ kind: 'cancelled' }, { kind: 'refused', message: 'the folder is gone' }), '/p', doc)).toEqual({
      problem: 'the folder is gone',
      code: 'refused',
    });
  });
});
