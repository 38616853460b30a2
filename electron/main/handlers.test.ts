import path from 'node:path';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES } from '../contract/validation';
import { createIpcHandlers, type HandlerDependencies } from './handlers';

const event = { sender: {} } as IpcMainInvokeEvent;
const window = { id: 1 } as unknown as BrowserWindow;

function setUp(overrides: Partial<HandlerDependencies> = {}) {
  const files = {
    size: vi.fn(async () => 3),
    read: vi.fn(async () => new Uint8Array([1, 2, 3])),
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
    ...overrides,
  } as unknown as HandlerDependencies;
  return { handlers: createIpcHandlers(deps), files, dialog, app, menu, setNativeTheme, printToPdf };
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
