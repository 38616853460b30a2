// Runtime: Node (Vitest). Pack folders for the studio: read with the CLI's limits, written back
// atomically into the folder the author opened and nowhere else.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent, OpenDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStudioFolders } from './studio-folder';

const event = { sender: {} } as IpcMainInvokeEvent;
const encoder = new TextEncoder();
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'attache-studio-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function packFolder(name = 'pack'): string {
  const folder = path.join(root, name);
  mkdirSync(path.join(folder, 'scenarios'), { recursive: true });
  writeFileSync(path.join(folder, 'pack.yaml'), 'id: demo\n');
  writeFileSync(path.join(folder, 'scenarios', 'storm.yaml'), 'id: storm\n');
  writeFileSync(path.join(folder, '.hidden'), 'not part of the pack');
  return folder;
}

function setUp(chosen: string | null) {
  const showOpenDialog = vi.fn(async (_event: IpcMainInvokeEvent, _options: OpenDialogOptions) =>
    chosen === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [chosen] },
  );
  return { folders: createStudioFolders({ showOpenDialog }), showOpenDialog };
}

const file = (filePath: string, text: string) => ({ path: filePath, bytes: encoder.encode(text) });

describe('opening a pack folder', () => {
  it('reads every pack file (dot-files left out) after the author picks the folder', async () => {
    const folder = packFolder();
    const { folders, showOpenDialog } = setUp(folder);
    const opened = await folders.open(event, { title: 'Open a pack folder' });
    expect(showOpenDialog.mock.calls[0]?.[1]).toMatchObject({ title: 'Open a pack folder', properties: ['openDirectory', 'createDirectory'] });
    expect(opened.kind).toBe('opened');
    if (opened.kind !== 'opened') return;
    expect(opened.folder).toBe(folder);
    expect(opened.files.map((each) => [each.path, new TextDecoder().decode(each.bytes)])).toEqual([
      ['pack.yaml', 'id: demo\n'],
      ['scenarios/storm.yaml', 'id: storm\n'],
    ]);
  });

  it('says nothing was opened when the author cancels', async () => {
    expect(await setUp(null).folders.open(event, {})).toEqual({ kind: 'cancelled' });
  });

  it('refuses a folder the CLI would refuse, naming the path at fault', async () => {
    const folder = packFolder();
    symlinkSync(path.join(folder, 'pack.yaml'), path.join(folder, 'scenarios', 'linked.yaml'));
    const opened = await setUp(folder).folders.open(event, {});
    expect(opened).toMatchObject({ kind: 'refused', folder, refusal: { key: 'unreadable', path: folder } });
    if (opened.kind === 'refused') expect(opened.message).toContain('symbolic link');
  });
});

describe('saving to a pack folder', () => {
  it('writes changed files, leaves unchanged ones, creates folders and removes what the studio removed', async () => {
    const folder = packFolder();
    const { folders } = setUp(folder);
    await folders.open(event, {});
    const saved = await folders.save({
      folder,
      files: [file('pack.yaml', 'id: demo\n'), file('scenarios/storm-2.yaml', 'id: storm-2\n'), file('media/logo.svg', '<svg/>')],
      remove: ['scenarios/storm.yaml'],
    });
    expect(saved).toEqual({ kind: 'saved', written: 2, removed: 1 });
    expect(readFileSync(path.join(folder, 'scenarios', 'storm-2.yaml'), 'utf8')).toBe('id: storm-2\n');
    expect(readFileSync(path.join(folder, 'media', 'logo.svg'), 'utf8')).toBe('<svg/>');
    expect(readdirSync(path.join(folder, 'scenarios'))).toEqual(['storm-2.yaml']);
    // No temporary file is left behind.
    expect(readdirSync(folder).sort()).toEqual(['.hidden', 'media', 'pack.yaml', 'scenarios']);
  });

  it('replaces a file whole: the new text, not a mix', async () => {
    const folder = packFolder();
    const { folders } = setUp(folder);
    await folders.open(event, {});
    await folders.save({ folder, files: [file('pack.yaml', 'id: changed\nversion: 1.0.1\n')], remove: [] });
    expect(readFileSync(path.join(folder, 'pack.yaml'), 'utf8')).toBe('id: changed\nversion: 1.0.1\n');
  });

  it('refuses a folder that was not opened through the dialog', async () => {
    const folder = packFolder();
    const other = packFolder('other');
    const { folders } = setUp(folder);
    await folders.open(event, {});
    const saved = await folders.save({ folder: other, files: [file('pack.yaml', 'id: x\n')], remove: [] });
    expect(saved).toMatchObject({ kind: 'refused', refusal: { key: 'not-opened', path: other } });
    expect(readFileSync(path.join(other, 'pack.yaml'), 'utf8')).toBe('id: demo\n');
  });

  it('refuses to write through a link or outside the folder, before writing anything', async () => {
    const folder = packFolder();
    const outside = path.join(root, 'outside');
    mkdirSync(outside);
    const { folders } = setUp(folder);
    await folders.open(event, {});
    symlinkSync(outside, path.join(folder, 'media'));
    const saved = await folders.save({ folder, files: [file('pack.yaml', 'id: first\n'), file('media/x.png', 'png')], remove: [] });
    expect(saved.kind).toBe('refused');
    if (saved.kind === 'refused') expect(saved.message).toContain('symbolic link');
    expect(saved).toMatchObject({ refusal: { key: 'folder-is-link', path: path.join(folder, 'media') } });
    expect(readdirSync(outside)).toEqual([]);
    expect(readFileSync(path.join(folder, 'pack.yaml'), 'utf8')).toBe('id: demo\n');
    expect(await folders.save({ folder, files: [file('../escape.yaml', 'x')], remove: [] })).toMatchObject({ kind: 'refused', refusal: { key: 'bad-name' } });
    expect(readdirSync(root).sort()).toEqual(['outside', 'pack']);
  });

  it('still saves to a folder chosen before the app was closed, remembered in the user-data folder', async () => {
    const folder = packFolder();
    const stored = new Map<string, Uint8Array>();
    const files = {
      read: async (filePath: string) => stored.get(filePath) ?? null,
      writePrivate: async (filePath: string, bytes: Uint8Array) => void stored.set(filePath, bytes),
    };
    const remembered = { file: '/user-data/studio-folders.json', files };
    const dialog = vi.fn(async () => ({ canceled: false, filePaths: [folder] }));
    await createStudioFolders({ showOpenDialog: dialog, remembered }).open(event, {});

    const afterRestart = createStudioFolders({ showOpenDialog: vi.fn(), remembered });
    expect(await afterRestart.save({ folder, files: [file('pack.yaml', 'id: recovered\n')], remove: [] })).toEqual({ kind: 'saved', written: 1, removed: 0 });
    expect(readFileSync(path.join(folder, 'pack.yaml'), 'utf8')).toBe('id: recovered\n');
    expect((await afterRestart.save({ folder: packFolder('other'), files: [], remove: [] })).kind).toBe('refused');

    stored.set(remembered.file, encoder.encode('{ not json'));
    const damaged = createStudioFolders({ showOpenDialog: vi.fn(), remembered });
    expect((await damaged.save({ folder, files: [], remove: [] })).kind).toBe('refused');
  });

  it('refuses when the folder was moved away since it was opened', async () => {
    const folder = packFolder();
    const { folders } = setUp(folder);
    await folders.open(event, {});
    rmSync(folder, { recursive: true });
    const saved = await folders.save({ folder, files: [file('pack.yaml', 'id: x\n')], remove: [] });
    expect(saved).toMatchObject({ kind: 'refused' });
    if (saved.kind === 'refused') expect(saved.message).toContain('no longer there');
    expect(saved).toMatchObject({ refusal: { key: 'gone', path: folder } });
  });

  it('saves one request after the other, so the last save is what stays', async () => {
    const folder = packFolder();
    const { folders } = setUp(folder);
    await folders.open(event, {});
    const first = folders.save({ folder, files: [file('pack.yaml', 'id: one\n')], remove: [] });
    const second = folders.save({ folder, files: [file('pack.yaml', 'id: two\n')], remove: [] });
    await Promise.all([first, second]);
    expect(readFileSync(path.join(folder, 'pack.yaml'), 'utf8')).toBe('id: two\n');
  });
});
