// Runtime: Electron main process. What the main process does for each IPC channel. Arguments
// arrive already validated by ipc.ts; Electron and the file system are injected so that each
// answer can be tested without either.
import path from 'node:path';
import type { App, BrowserWindow, Dialog, FileFilter as ElectronFileFilter, IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { AppInfo, FileFilter, PrintToPdfRequest, ThemePreference } from '../contract/api';
import { MAX_FILE_BYTES, MAX_OPEN_FILES, MAX_OPEN_TOTAL_BYTES } from '../contract/validation';
import type { AcademyKeyStore } from './academy-key';
import type { DeviceKeyStore } from './device-key';
import type { IpcHandlers } from './ipc';
import type { LrsService } from './lrs';
import type { MenuController } from './menu';
import type { StudioFolders } from './studio-folder';

export interface FileAccess {
  size(filePath: string): Promise<number>;
  read(filePath: string): Promise<Uint8Array>;
  write(filePath: string, bytes: Uint8Array): Promise<void>;
}

export interface HandlerDependencies {
  app: Pick<App, 'getName' | 'getVersion' | 'getPreferredSystemLanguages' | 'getLocale' | 'getPath'>;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  files: FileAccess;
  platform: string;
  versions: Readonly<Record<string, string | undefined>>;
  /** The window a dialog belongs to: the one whose page asked for it. */
  windowOf(event: IpcMainInvokeEvent): BrowserWindow | null;
  menu: Pick<MenuController, 'apply'>;
  /** Native parts of the window (scrollbars, dialogs, title bar) follow the chosen theme. */
  setNativeTheme(theme: ThemePreference): void;
  /** Prints a self-contained HTML document to PDF in a hidden window without scripts (see print.ts). */
  printToPdf(request: PrintToPdfRequest): Promise<Uint8Array>;
  /** This device's signing key for progress files (see device-key.ts). */
  deviceKey: DeviceKeyStore;
  /** The academy's signing key for Open Badges, encrypted under the administrator passphrase (see academy-key.ts). */
  academyKey: AcademyKeyStore;
  /** The academy's LRS: its connection, kept with the secret encrypted, and the requests to it (see lrs.ts). */
  lrs: LrsService;
  /** Pack folders the studio opens and saves back to (see studio-folder.ts). */
  studioFolders: StudioFolders;
}

const REPORTED_VERSIONS = ['electron', 'chrome', 'node'] as const;

function toDialogFilters(filters: FileFilter[] | undefined): ElectronFileFilter[] | undefined {
  return filters?.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
}

function formatMebibytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

export function createIpcHandlers(deps: HandlerDependencies): IpcHandlers {
  const showOpenDialog = (event: IpcMainInvokeEvent, options: OpenDialogOptions) => {
    const window = deps.windowOf(event);
    return window ? deps.dialog.showOpenDialog(window, options) : deps.dialog.showOpenDialog(options);
  };
  const showSaveDialog = (event: IpcMainInvokeEvent, options: SaveDialogOptions) => {
    const window = deps.windowOf(event);
    return window ? deps.dialog.showSaveDialog(window, options) : deps.dialog.showSaveDialog(options);
  };
  const suggestedPath = (name: string) => {
    try {
      return path.join(deps.app.getPath('documents'), name);
    } catch {
      // Some Linux desktops define no documents folder: the dialog then starts where it likes.
      return name;
    }
  };

  return {
    'app:get-info': (): AppInfo => {
      const versions: Record<string, string> = {};
      for (const part of REPORTED_VERSIONS) {
        const version = deps.versions[part];
        if (version) versions[part] = version;
      }
      return {
        name: deps.app.getName(),
        version: deps.app.getVersion(),
        runtime: 'electron',
        os: deps.platform,
        versions,
      };
    },

    'app:get-system-locale': () => deps.app.getPreferredSystemLanguages()[0] ?? deps.app.getLocale(),

    'file:open': async (event, request) => {
      const result = await showOpenDialog(event, {
        ...(request.title ? { title: request.title } : {}),
        ...(request.filters ? { filters: toDialogFilters(request.filters) } : {}),
        properties: ['openFile'],
      });
      const filePath = result.filePaths[0];
      if (result.canceled || !filePath) return null;
      const name = path.basename(filePath);
      const size = await deps.files.size(filePath);
      if (size > MAX_FILE_BYTES) {
        throw new Error(`"${name}" cannot be opened: it is larger than ${formatMebibytes(MAX_FILE_BYTES)}.`);
      }
      return { name, bytes: await deps.files.read(filePath) };
    },

    'file:open-many': async (event, request) => {
      const result = await showOpenDialog(event, {
        ...(request.title ? { title: request.title } : {}),
        ...(request.filters ? { filters: toDialogFilters(request.filters) } : {}),
        properties: ['openFile', 'multiSelections'],
      });
      if (result.canceled || result.filePaths.length === 0) return [];
      if (result.filePaths.length > MAX_OPEN_FILES) {
        throw new Error(`${result.filePaths.length} files were chosen; at most ${MAX_OPEN_FILES} are opened at once. Choose them in smaller groups.`);
      }
      // Every size is checked before any file is read.
      let total = 0;
      for (const filePath of result.filePaths) {
        const size = await deps.files.size(filePath);
        if (size > MAX_FILE_BYTES) {
          throw new Error(`"${path.basename(filePath)}" cannot be opened: it is larger than ${formatMebibytes(MAX_FILE_BYTES)}.`);
        }
        total += size;
      }
      if (total > MAX_OPEN_TOTAL_BYTES) {
        throw new Error(`The chosen files add up to more than ${formatMebibytes(MAX_OPEN_TOTAL_BYTES)}. Choose them in smaller groups.`);
      }
      const opened = [];
      for (const filePath of result.filePaths) opened.push({ name: path.basename(filePath), bytes: await deps.files.read(filePath) });
      return opened;
    },

    'device-key:get': (_event, request) => deps.deviceKey.get(request),

    'device-key:sign': (_event, request) => deps.deviceKey.sign(request.bytes),

    'file:save': async (event, request) => {
      const result = await showSaveDialog(event, {
        ...(request.title ? { title: request.title } : {}),
        ...(request.filters ? { filters: toDialogFilters(request.filters) } : {}),
        defaultPath: suggestedPath(request.suggestedName),
      });
      if (result.canceled || !result.filePath) return { saved: false };
      await deps.files.write(result.filePath, request.bytes);
      return { saved: true, name: path.basename(result.filePath) };
    },

    // The renderer saves the bytes through file:save, so the user picks where, as for any export.
    'print:to-pdf': (_event, request) => deps.printToPdf(request),

    // The secret stays here: the page sees the endpoint, the key and how the secret is kept.
    'lrs:get-connection': () => deps.lrs.getConnection(),
    'lrs:set-connection': (_event, input) => deps.lrs.setConnection(input),
    'lrs:test-connection': (_event, input) => deps.lrs.testConnection(input),
    'lrs:post-statements': (_event, request) => deps.lrs.postStatements(request),

    // The private key and the passphrase stay here: the page gets the public key and signed credentials.
    'academy-key:get': () => deps.academyKey.get(),
    'academy-key:create': (_event, request) => deps.academyKey.create(request.passphrase),
    'academy-key:export': () => deps.academyKey.exportFile(),
    'academy-key:import': (_event, request) => deps.academyKey.import(request),
    'academy-key:rewrap': (_event, request) => deps.academyKey.rewrap(request.passphrase, request.newPassphrase),
    'academy-key:set-domain': (_event, request) => deps.academyKey.setDomain(request.domain),
    'badge:sign': (_event, request) => deps.academyKey.sign(request),

    'menu:set-state': (_event, state) => {
      deps.menu.apply(state);
      deps.setNativeTheme(state.theme);
    },

    'studio:open-folder': (event, request) => deps.studioFolders.open(event, request),
    'studio:save-folder': (_event, request) => deps.studioFolders.save(request),
  };
}
