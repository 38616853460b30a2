// Runtime: Electron main process (entry point). The app's lifecycle: one instance at a time, the
// app:// scheme, a hardened session, the IPC handlers, the menu and the window.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, net, protocol, safeStorage, session } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../contract/api';
import { createAcademyKeyStore, loadCredentialsKeyCrypto } from './academy-key';
import { academyKeyFiles } from './academy-key-files';
import { createDeviceKeyStore, nodeKeyFiles } from './device-key';
import { createIpcHandlers } from './handlers';
import { createTrustedSenderCheck, registerIpcHandlers } from './ipc';
import { createLrsService, nodeSecretFiles } from './lrs';
import { createMenuController, menuLanguageFor } from './menu';
import { printHtmlToPdf } from './print';
import { createAppProtocolHandler } from './protocol';
import { createStudioFolders } from './studio-folder';
import { APP_ENTRY_URL, APP_SCHEME, buildContentSecurityPolicy, createWindowOptions, hardenSession, hardenWebContents, trustedOrigins } from './security';

/** Set by `electron-vite dev` to the renderer's dev server; absent in a built app. */
const devServerUrl = process.env.ELECTRON_RENDERER_URL || undefined;
const isDevelopment = devServerUrl !== undefined;
const origins = trustedOrigins(devServerUrl);

// The bundle runs from out/main; the renderer and the preload are built next to it.
const builtDir = import.meta.dirname;
const paths = {
  renderer: path.join(builtDir, '../renderer'),
  preload: path.join(builtDir, '../preload/index.cjs'),
  icon: path.join(builtDir, '../../resources/icon.png'),
};

// Only possible before `ready`: a standard, secure scheme gets a real origin, so IndexedDB,
// fetch and the rest of the web platform work for app:// pages as they do for https.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Attaché is running; it brings its window forward (see `second-instance`).
  app.quit();
} else {
  startApp();
}

function startApp(): void {
  let mainWindow: BrowserWindow | null = null;

  const sendMenuCommand = (command: MenuCommand) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(MENU_COMMAND_CHANNEL, command);
  };

  const createMainWindow = (): BrowserWindow => {
    const window = new BrowserWindow(createWindowOptions(paths, { devTools: isDevelopment }));
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
      console.error('The Attaché window could not load its page:', error);
    });
    return window;
  };

  const focusMainWindow = () => {
    if (!mainWindow) {
      if (app.isReady()) createMainWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origins));
  app.on('window-all-closed', () => {
    // macOS apps stay active without windows until the user quits them.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: paths.renderer, contentSecurityPolicy: buildContentSecurityPolicy() }));
      hardenSession(session.defaultSession, { devServerUrl });

      const systemLocale = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
      const menu = createMenuController({
        Menu,
        platform: process.platform,
        devTools: isDevelopment,
        send: sendMenuCommand,
        // The renderer sends its own language and theme as soon as it has loaded its settings.
        initialState: { language: menuLanguageFor(systemLocale), theme: 'auto' },
      });

      registerIpcHandlers(
        ipcMain,
        createIpcHandlers({
          app,
          dialog,
          files: {
            size: async (filePath) => (await stat(filePath)).size,
            read: async (filePath) => {
              const buffer = await readFile(filePath);
              return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
            },
            write: (filePath, bytes) => writeFile(filePath, bytes),
          },
          platform: process.platform,
          versions: process.versions,
          windowOf: (event) => BrowserWindow.fromWebContents(event.sender),
          menu,
          setNativeTheme: (theme) => {
            nativeTheme.themeSource = theme === 'auto' ? 'system' : theme;
          },
          printToPdf: printHtmlToPdf,
          deviceKey: createDeviceKeyStore({
            filePath: path.join(app.getPath('userData'), 'device-key.json'),
            files: nodeKeyFiles,
            safeStorage,
            platform: process.platform,
          }),
          academyKey: createAcademyKeyStore({
            storage: academyKeyFiles(app.getPath('userData'), nodeKeyFiles),
            crypto: loadCredentialsKeyCrypto,
            now: Date.now,
          }),
          lrs: createLrsService({
            filePath: path.join(app.getPath('userData'), 'lrs-connection.json'),
            files: nodeSecretFiles,
            safeStorage,
            platform: process.platform,
            // net.fetch goes through Chromium's network stack: the system's proxy settings apply.
            fetch: (url, init) => net.fetch(url, init),
          }),
          studioFolders: createStudioFolders({
            showOpenDialog: (event, options) => {
              const window = BrowserWindow.fromWebContents(event.sender);
              return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
            },
            remembered: { file: path.join(app.getPath('userData'), 'studio-folders.json'), files: nodeKeyFiles },
          }),
        }),
        createTrustedSenderCheck({
          origins,
          isAppWebContents: (contents) => mainWindow !== null && contents === mainWindow.webContents,
        }),
      );

      createMainWindow();
    })
    .catch((error: unknown) => {
      console.error('Attaché could not start:', error);
      app.exit(1);
    });
}
