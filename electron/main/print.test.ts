// Runtime: Node (Vitest, `electron` mocked). Printing a document to PDF: a hidden, sandboxed window with
// scripts off and no preload, in a session of its own whose every request but the document is
// cancelled; the window and the temporary document are gone afterwards, whether printing worked or not.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type RequestListener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

const electron = vi.hoisted(() => {
  const state = {
    windows: [] as FakeWindowShape[],
    onBeforeRequest: null as RequestListener | null,
    permissionRequest: null as ((contents: unknown, permission: string, grant: (allowed: boolean) => void) => void) | null,
    permissionCheck: null as (() => boolean) | null,
    partitions: [] as { name: string; options: unknown }[],
    loadFailure: null as Error | null,
  };
  interface FakeWindowShape {
    options: unknown;
    loaded: { file: string; html: string } | null;
    destroyed: boolean;
    printOptions: unknown;
  }
  const fakeSession = {
    setPermissionRequestHandler: (handler: typeof state.permissionRequest) => {
      state.permissionRequest = handler;
    },
    setPermissionCheckHandler: (handler: typeof state.permissionCheck) => {
      state.permissionCheck = handler;
    },
    webRequest: {
      onBeforeRequest: (listener: RequestListener) => {
        state.onBeforeRequest = listener;
      },
    },
  };
  class BrowserWindow {
    record: FakeWindowShape;
    webContents: { printToPDF: (options: unknown) => Promise<Buffer> };
    constructor(options: unknown) {
      this.record = { options, loaded: null, destroyed: false, printOptions: null };
      state.windows.push(this.record);
      this.webContents = {
        printToPDF: async (printOptions: unknown) => {
          this.record.printOptions = printOptions;
          return Buffer.from(`%PDF-1.7 ${this.record.loaded?.html.length ?? 0}`);
        },
      };
    }
    async loadFile(file: string) {
      const { readFileSync: read } = await import('node:fs');
      if (state.loadFailure) throw state.loadFailure;
      this.record.loaded = { file, html: read(file, 'utf8') };
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return {
    state,
    module: {
      BrowserWindow,
      session: {
        fromPartition: (name: string, options: unknown) => {
          state.partitions.push({ name, options });
          return fakeSession;
        },
      },
    },
  };
});

vi.mock('electron', () => electron.module);

const { printHtmlToPdf, PRINT_PARTITION } = await import('./print');

function requestCancelled(url: string): boolean {
  let cancelled: boolean | undefined;
  electron.state.onBeforeRequest!({ url }, (response) => {
    cancelled = response.cancel;
  });
  return cancelled!;
}

beforeEach(() => {
  electron.state.windows.length = 0;
  electron.state.loadFailure = null;
});

describe('printHtmlToPdf', () => {
  it('prints the document in a hidden, sandboxed window without scripts or preload, and returns the PDF', async () => {
    const html = '<!doctype html><html lang="ru"><body><h1>Выписка об обучении</h1></body></html>';
    const pdf = await printHtmlToPdf({ html, pageSize: 'A4' });

    expect(new TextDecoder().decode(pdf)).toBe(`%PDF-1.7 ${html.length}`);
    const [window] = electron.state.windows;
    const options = window!.options as BrowserWindowConstructorOptions;
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(electron.state.partitions).toEqual([{ name: PRINT_PARTITION, options: { cache: false } }]);
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
    expect(window!.loaded!.html).toBe(html);
    expect(window!.printOptions).toMatchObject({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  });

  it('closes the window and removes the temporary document afterwards', async () => {
    await printHtmlToPdf({ html: '<p>x</p>', pageSize: 'Letter' });
    const [window] = electron.state.windows;
    expect(window!.destroyed).toBe(true);
    expect(existsSync(window!.loaded!.file)).toBe(false);
    expect(existsSync(path.dirname(window!.loaded!.file))).toBe(false);
  });

  it('cancels every request of its session except the document being printed, and grants no permission', async () => {
    let documentUrl = '';
    let allowedWhilePrinting: boolean | null = null;
    let foreignWhilePrinting: boolean | null = null;
    electron.state.windows.length = 0;
    const original = electron.module.BrowserWindow.prototype.loadFile;
    electron.module.BrowserWindow.prototype.loadFile = async function (this: InstanceType<typeof electron.module.BrowserWindow>, file: string) {
      documentUrl = pathToFileURL(file).href;
      allowedWhilePrinting = !requestCancelled(documentUrl);
      foreignWhilePrinting = !requestCancelled('https://tracker.example/pixel.png');
      this.record.loaded = { file, html: readFileSync(file, 'utf8') };
    };
    try {
      await printHtmlToPdf({ html: '<p>x</p>', pageSize: 'A4' });
    } finally {
      electron.module.BrowserWindow.prototype.loadFile = original;
    }
    expect(allowedWhilePrinting).toBe(true);
    expect(foreignWhilePrinting).toBe(false);
    expect(requestCancelled(documentUrl)).toBe(true);
    expect(requestCancelled('file:///etc/passwd')).toBe(true);
    expect(requestCancelled('data:text/html,<p>x</p>')).toBe(true);

    let granted: boolean | undefined;
    electron.state.permissionRequest!(null, 'media', (allowed) => {
      granted = allowed;
    });
    expect(granted).toBe(false);
    expect(electron.state.permissionCheck!()).toBe(false);
  });

  it('fails with the reason when the document does not load, and still cleans up', async () => {
    electron.state.loadFailure = new Error('ERR_FAILED');
    await expect(printHtmlToPdf({ html: '<p>x</p>', pageSize: 'A4' })).rejects.toThrow('ERR_FAILED');
    const [window] = electron.state.windows;
    expect(window!.destroyed).toBe(true);
  });
});
