import path from 'node:path';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES, MAX_OPEN_FILES, MAX_OPEN_TOTAL_BYTES } from '../contract/validation';
import type { AcademyKeyStore } from './academy-key';
import { createIpcHandlers, type HandlerDependencies } from './handlers';
import { createLrsService } from './lrs';

const event = { sender: {} } as IpcMainInvokeEvent;
const window = { id: 1 } as unknown as BrowserWindow;

function setUp(overrides: Partial<HandlerDependencies> = {}) {
  const files = {
    size: vi.fn(async (_filePath: string) => 3),
    read: vi.fn(async (_filePath: string) => new Uint8Array([1, 2, 3])),
    write: vi.fn(async () => undefined),
  };
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/ana/packs/crisis.attache'] })),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/ana/Documents/records.json' })),
  };
  const app = {
    getName: vi.fn(() => 'Attaché'),
    getVersion: vi.fn(() => '0.1.0'),
    getPreferredSystemLanguages: vi.fn(() => ['ru-RU', 'en-US']),
    getLocale: vi.fn(() => 'en-US'),
    getPath: vi.fn(() => '/home/ana/Documents'),
  };
  const menu = { apply: vi.fn() };
  const setNativeTheme = vi.fn();
  const printToPdf = vi.fn(async () => new Uint8Array([0x25, 0x50, 0x44, 0x46]));
  const deviceKey = {
    get: vi.fn(async () => ({ publicKey: 'ab'.repeat(32), storage: 'os-encrypted' as const })),
    sign: vi.fn(async () => ({ publicKey: 'ab'.repeat(32), signature: new Uint8Array(64) })),
  };
  const stored = new Map<string, Uint8Array>();
  const lrs = createLrsService({
    filePath: '/home/ana/.config/Attaché/lrs-connection.json',
    files: {
      read: async (filePath: string) => stored.get(filePath) ?? null,
      writePrivate: async (filePath: string, bytes: Uint8Array) => void stored.set(filePath, bytes),
      remove: async (filePath: string) => void stored.delete(filePath),
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => Buffer.from(`sealed:${[...plain].reverse().join('')}`),
      decryptString: (sealed: Buffer) => [...sealed.toString().slice('sealed:'.length)].reverse().join(''),
    },
    platform: 'win32',
    fetch: vi.fn(async () => {
      throw new Error('no request is expected in these tests');
    }),
  });
  const deps = {
    app,
    dialog,
    files,
    platform: 'linux',
    versions: { electron: '45.4.1', chrome: '146.0.0.0', node: '22.20.0', v8: '14.6', uv: '1.51.0' },
    windowOf: () => window,
    menu,
    setNativeTheme,
    printToPdf,
    deviceKey,
    lrs,
    ...overrides,
  } as unknown as HandlerDependencies;
  return { handlers: createIpcHandlers(deps), files, dialog, app, menu, setNativeTheme, printToPdf, deviceKey, stored };
}

describe('app handlers', () => {
  it('describe the app and its runtime', async () => {
    const { handlers } = setUp();
    expect(await handlers['app:get-info'](event)).toEqual({
      name: 'Attaché',
      version: '0.1.0',
      runtime: 'electron',
      os: 'linux',
      versions: { electron: '45.4.1', chrome: '146.0.0.0', node: '22.20.0' },
    });
  });

  it('report the first preferred system language, or the app locale when there is none', async () => {
    const { handlers, app } = setUp();
    expect(await handlers['app:get-system-locale'](event)).toBe('ru-RU');
    app.getPreferredSystemLanguages.mockReturnValue([]);
    expect(await handlers['app:get-system-locale'](event)).toBe('en-US');
  });
});

describe('file:open', () => {
  it('reads the chosen file and returns its name and bytes', async () => {
    const { handlers, dialog, files } = setUp();
    const opened = await handlers['file:open'](event, { title: 'Open a pack', filters: [{ name: 'Pack', extensions: ['attache'] }] });
    expect(opened).toEqual({ name: 'crisis.attache', bytes: new Uint8Array([1, 2, 3]) });
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(window, {
      title: 'Open a pack',
      filters: [{ name: 'Pack', extensions: ['attache'] }],
      properties: ['openFile'],
    });
    expect(files.read).toHaveBeenCalledExactlyOnceWith('/home/ana/packs/crisis.attache');
  });

  it('returns null when the user cancels', async () => {
    const { handlers, dialog, files } = setUp();
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await handlers['file:open'](event, {})).toBeNull();
    expect(files.read).not.toHaveBeenCalled();
  });

  it('refuses files over the size limit without reading them', async () => {
    const { handlers, files } = setUp();
    files.size.mockResolvedValue(MAX_FILE_BYTES + 1);
    await expect(handlers['file:open'](event, {})).rejects.toThrow('"crisis.attache" cannot be opened: it is larger than 256 MiB.');
    expect(files.read).not.toHaveBeenCalled();
  });

  it('opens a free-standing dialog when the asking page has no window', async () => {
    const { handlers, dialog } = setUp({ windowOf: () => null });
    await handlers['file:open'](event, {});
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith({ properties: ['openFile'] });
  });
});

describe('file:open-many', () => {
  const chosen = ['/home/ana/inbox/Anna 2026-03-14.attache-progress', '/home/ana/inbox/Boris 2026-03-15.attache-progress'];

  it('reads every chosen file, in the order chosen', async () => {
    const { handlers, dialog, files } = setUp();
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: chosen });
    files.read.mockImplementation(async (filePath: string) => new Uint8Array([chosen.indexOf(filePath)]));
    const request = { title: 'Import progress files', filters: [{ name: 'Progress file', extensions: ['attache-progress'] }] };
    expect(await handlers['file:open-many'](event, request)).toEqual([
      { name: 'Anna 2026-03-14.attache-progress', bytes: new Uint8Array([0]) },
      { name: 'Boris 2026-03-15.attache-progress', bytes: new Uint8Array([1]) },
    ]);
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(window, { ...request, properties: ['openFile', 'multiSelections'] });
  });

  it('returns no files when the user cancels', async () => {
    const { handlers, dialog, files } = setUp();
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await handlers['file:open-many'](event, {})).toEqual([]);
    expect(files.read).not.toHaveBeenCalled();
  });

  it('checks every size before reading any file, one by one and together', async () => {
    const { handlers, dialog, files } = setUp();
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: chosen });
    files.size.mockImplementation(async (filePath: string) => (filePath === chosen[1] ? MAX_FILE_BYTES + 1 : 3));
    await expect(handlers['file:open-many'](event, {})).rejects.toThrow('"Boris 2026-03-15.attache-progress" cannot be opened: it is larger than 256 MiB.');
    const five = Array.from({ length: 5 }, (_, i) => `/inbox/${i}.attache-progress`);
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: five });
    files.size.mockResolvedValue(MAX_FILE_BYTES);
    expect(five.length * MAX_FILE_BYTES).toBeGreaterThan(MAX_OPEN_TOTAL_BYTES);
    await expect(handlers['file:open-many'](event, {})).rejects.toThrow('Choose them in smaller groups.');
    dialog.showOpenDialog.mockResolvedValue({
      canceled: false,
      filePaths: Array.from({ length: MAX_OPEN_FILES + 1 }, (_, i) => `/inbox/${i}.attache-progress`),
    });
    await expect(handlers['file:open-many'](event, {})).rejects.toThrow(`at most ${MAX_OPEN_FILES} are opened at once`);
    expect(files.read).not.toHaveBeenCalled();
  });
});

describe('device key', () => {
  it('answers the public key and signatures from the store, never the private key', async () => {
    const { handlers, deviceKey } = setUp();
    expect(await handlers['device-key:get'](event, { create: false })).toEqual({ publicKey: 'ab'.repeat(32), storage: 'os-encrypted' });
    expect(deviceKey.get).toHaveBeenCalledExactlyOnceWith({ create: false });
    const bytes = new Uint8Array([1, 2]);
    expect(await handlers['device-key:sign'](event, { bytes })).toEqual({ publicKey: 'ab'.repeat(32), signature: new Uint8Array(64) });
    expect(deviceKey.sign).toHaveBeenCalledExactlyOnceWith(bytes);
  });
});

describe('file:save', () => {
  const bytes = new Uint8Array([4, 5, 6]);

  it('writes the bytes where the user chose, suggesting the documents folder', async () => {
    const { handlers, dialog, files } = setUp();
    const result = await handlers['file:save'](event, { suggestedName: 'records.json', bytes, title: 'Export records' });
    expect(result).toEqual({ saved: true, name: 'records.json' });
    expect(dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(window, {
      title: 'Export records',
      defaultPath: path.join('/home/ana/Documents', 'records.json'),
    });
    expect(files.write).toHaveBeenCalledExactlyOnceWith('/home/ana/Documents/records.json', bytes);
  });

  it('writes nothing when the user cancels', async () => {
    const { handlers, dialog, files } = setUp();
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await handlers['file:save'](event, { suggestedName: 'records.json', bytes })).toEqual({ saved: false });
    expect(files.write).not.toHaveBeenCalled();
  });

  it('suggests the bare name when the system has no documents folder', async () => {
    const { handlers, dialog, app } = setUp();
    app.getPath.mockImplementation(() => {
      throw new Error("Failed to get 'documents' path");
    });
    await handlers['file:save'](event, { suggestedName: 'records.json', bytes });
    expect(dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(window, { defaultPath: 'records.json' });
  });
});

describe('print:to-pdf', () => {
  it('returns the PDF of the document and writes nothing itself (the renderer saves it through file:save)', async () => {
    const { handlers, printToPdf, files, dialog } = setUp();
    const request = { html: '<p>Выписка</p>', pageSize: 'A4' as const };
    expect(await handlers['print:to-pdf'](event, request)).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect(printToPdf).toHaveBeenCalledExactlyOnceWith(request);
    expect(files.write).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('menu:set-state', () => {
  it('rebuilds the menu and lets native parts follow the theme', async () => {
    const { handlers, menu, setNativeTheme } = setUp();
    await handlers['menu:set-state'](event, { language: 'ru', theme: 'dark' });
    expect(menu.apply).toHaveBeenCalledExactlyOnceWith({ language: 'ru', theme: 'dark' });
    expect(setNativeTheme).toHaveBeenCalledExactlyOnceWith('dark');
  });
});

describe('LRS connection', () => {
  it('is kept with its secret encrypted, and answers the page with the endpoint, the key and how the secret is kept, never the secret', async () => {
    const { handlers, stored } = setUp();
    expect(await handlers['lrs:get-connection'](event)).toBeNull();
    expect(await handlers['lrs:post-statements'](event, { statements: ['{"id":"x"}'] })).toEqual({ kind: 'not-configured' });
    expect(await handlers['lrs:test-connection'](event, null)).toEqual({ reply: { kind: 'not-configured' }, versions: [] });

    const input = { endpoint: 'https://lrs.academy.example/xapi/', key: 'academy', secret: 'correct horse' };
    const expected = { endpoint: input.endpoint, key: 'academy', storage: 'os-encrypted' };
    expect(await handlers['lrs:set-connection'](event, input)).toEqual(expected);
    expect(await handlers['lrs:get-connection'](event)).toEqual(expected);
    const file = new TextDecoder().decode([...stored.values()][0]);
    expect(file).not.toContain('correct horse');

    expect(await handlers['lrs:set-connection'](event, null)).toBeNull();
    expect(await handlers['lrs:get-connection'](event)).toBeNull();
    expect(stored.size).toBe(0);
  });
});

describe('academy key and badges', () => {
  it('hands each request to the academy key store and answers what it says, nothing more', async () => {
    const key = {
      publicKeyMultibase: 'z6Mk',
      didKey: 'did:key:z6Mk',
      domain: null,
      didWeb: null,
      created: '2026-12-06T09:00:00.000Z',
      storage: 'user-data-file' as const,
    };
    const academyKey: AcademyKeyStore = {
      get: vi.fn(async () => key),
      create: vi.fn(async () => ({ ok: true as const, key })),
      exportFile: vi.fn(async () => new Uint8Array([0x7b, 0x7d])),
      import: vi.fn(async () => ({ ok: false as const, problem: 'wrong-passphrase' as const, message: 'The passphrase does not open the academy key.' })),
      rewrap: vi.fn(async () => ({ ok: true as const, key })),
      setDomain: vi.fn(async () => ({ ok: true as const, key: { ...key, domain: 'academy.example', didWeb: 'did:web:academy.example' } })),
      sign: vi.fn(async () => ({ ok: true as const, credential: '{"proof":{}}' })),
    };
    const { handlers } = setUp({ academyKey });
    expect(await handlers['academy-key:get'](event)).toEqual(key);
    expect(await handlers['academy-key:create'](event, { passphrase: 'correct horse battery' })).toEqual({ ok: true, key });
    expect(academyKey.create).toHaveBeenCalledExactlyOnceWith('correct horse battery');
    expect(await handlers['academy-key:export'](event)).toEqual(new Uint8Array([0x7b, 0x7d]));
    const importRequest = { bytes: new Uint8Array([1]), passphrase: 'a', newPassphrase: 'b', replace: true };
    expect(await handlers['academy-key:import'](event, importRequest)).toMatchObject({ ok: false, problem: 'wrong-passphrase' });
    expect(academyKey.import).toHaveBeenCalledExactlyOnceWith(importRequest);
    await handlers['academy-key:rewrap'](event, { passphrase: 'old passphrase', newPassphrase: 'new passphrase' });
    expect(academyKey.rewrap).toHaveBeenCalledExactlyOnceWith('old passphrase', 'new passphrase');
    await handlers['academy-key:set-domain'](event, { domain: 'academy.example' });
    expect(academyKey.setDomain).toHaveBeenCalledExactlyOnceWith('academy.example');
    const signRequest = { credential: '{}', passphrase: 'p', did: 'did:key:z6Mk' };
    expect(await handlers['badge:sign'](event, signRequest)).toEqual({ ok: true, credential: '{"proof":{}}' });
    expect(academyKey.sign).toHaveBeenCalledExactlyOnceWith(signRequest);
  });
});

describe('studio folders', () => {
  it('hands opening and saving a pack folder to the studio folders, with the window that asked', async () => {
    const studioFolders = {
      open: vi.fn(async () => ({ kind: 'cancelled' as const })),
      save: vi.fn(async () => ({ kind: 'saved' as const, written: 1, removed: 0 })),
    };
    const { handlers } = setUp({ studioFolders });
    expect(await handlers['studio:open-folder'](event, { title: 'Open' })).toEqual({ kind: 'cancelled' });
    expect(studioFolders.open).toHaveBeenCalledExactlyOnceWith(event, { title: 'Open' });
    const request = { folder: '/home/ana/packs/storm', files: [], remove: [] };
    expect(await handlers['studio:save-folder'](event, request)).toEqual({ kind: 'saved', written: 1, removed: 0 });
    expect(studioFolders.save).toHaveBeenCalledExactlyOnceWith(request);
  });
});
