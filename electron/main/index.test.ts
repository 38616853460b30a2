import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent, MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, MENU_COMMAND_CHANNEL } from '../contract/api';

type Invoke = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeElectron(options: { lock: boolean }) {
  let markReady = () => {};
  let isReady = false;
  const ready = new Promise<void>((resolve) => {
    markReady = () => {
      isReady = true;
      resolve();
    };
  });

  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => options.lock),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => ready),
    isReady: vi.fn(() => isReady),
    getName: vi.fn(() => 'Attaché'),
    getVersion: vi.fn(() => '0.1.0'),
    getPreferredSystemLanguages: vi.fn(() => ['ru-RU']),
    getLocale: vi.fn(() => 'ru'),
    getPath: vi.fn(() => '/home/ana/Documents'),
  });

  class BrowserWindow extends EventEmitter {
    static readonly instances: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.instances.filter((window) => !window.closed);
    static fromWebContents = (contents: unknown) => BrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
    closed = false;
    readonly webContents = { send: vi.fn() };
    readonly loadURL = vi.fn(async () => undefined);
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => false);
    readonly isDestroyed = () => this.closed;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      BrowserWindow.instances.push(this);
    }
  }

  const handlers = new Map<string, Invoke>();
  const builtTemplates: MenuItemConstructorOptions[][] = [];
  return {
    markReady,
    handlers,
    builtTemplates,
    module: {
      app,
      BrowserWindow,
      dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
      ipcMain: { handle: vi.fn((channel: string, listener: Invoke) => handlers.set(channel, listener)) },
      Menu: {
        buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => {
          builtTemplates.push(template);
          return { template };
        }),
        setApplicationMenu: vi.fn(),
      },
      nativeTheme: { themeSource: 'system' },
      safeStorage: { isEncryptionAvailable: vi.fn(() => true), encryptString: vi.fn(), decryptString: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
          webRequest: { onHeadersReceived: vi.fn() },
        },
      },
    },
  };
}

type FakeElectron = ReturnType<typeof fakeElectron>;

/** Everything queued on the microtask queue (the `whenReady` continuation) runs before this resolves. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function launch(options: { lock?: boolean } = {}): Promise<FakeElectron> {
  const electron = fakeElectron({ lock: options.lock ?? true });
  vi.doMock('electron', () => electron.module);
  await import('./index');
  return electron;
}

async function launchReady(): Promise<FakeElectron> {
  const electron = await launch();
  electron.markReady();
  await settle();
  return electron;
}

const realPlatform = process.platform;

beforeEach(() => {
  vi.resetModules();
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
});

afterEach(() => {
  vi.doUnmock('electron');
  vi.unstubAllEnvs();
  Object.defineProperty(process, 'platform', { value: realPlatform });
});

describe('main process lifecycle', () => {
  it('registers app:// as a privileged scheme and enables the sandbox before ready', async () => {
    const electron = await launch();
    expect(electron.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(electron.module.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(electron.module.protocol.handle).not.toHaveBeenCalled();
    expect(electron.module.BrowserWindow.instances).toHaveLength(0);
  });

  it('quits at once, opening nothing, when another instance holds the lock', async () => {
    const electron = await launch({ lock: false });
    electron.markReady();
    await settle();
    expect(electron.module.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.module.app.whenReady).not.toHaveBeenCalled();
    expect(electron.module.app.listenerCount('second-instance')).toBe(0);
    expect(electron.module.BrowserWindow.instances).toHaveLength(0);
    expect(electron.module.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('on ready serves app://, hardens the session, answers IPC, sets the menu and opens the app page', async () => {
    const electron = await launchReady();
    const { module } = electron;
    expect(module.protocol.handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
    expect(module.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(module.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect([...electron.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    expect(module.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    // The system speaks Russian, so the menu does too until the renderer says otherwise.
    expect(electron.builtTemplates[0]?.[0]?.label).toBe('Файл');

    expect(module.BrowserWindow.instances).toHaveLength(1);
    const [window] = module.BrowserWindow.instances;
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect(window?.options.webPreferences?.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(window?.loadURL).toHaveBeenCalledExactlyOnceWith('app://attache/index.html');
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalledTimes(1);
  });

  it('serves the built renderer with the strict CSP', async () => {
    const electron = await launchReady();
    const handler = electron.module.protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    const refused = await handler(new Request('app://attache/assets%2f..%2f..%2fmain%2findex.js'));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-security-policy')).toContain("script-src 'self';");
    const missing = await handler(new Request('app://attache/no-such-file.js'));
    expect(missing.status).toBe(404);
  });

  it('brings the existing window forward when a second instance starts', async () => {
    const electron = await launchReady();
    const [window] = electron.module.BrowserWindow.instances;
    window?.isMinimized.mockReturnValue(true);
    electron.module.app.emit('second-instance', {}, [], '/');
    expect(window?.restore).toHaveBeenCalledTimes(1);
    expect(window?.focus).toHaveBeenCalledTimes(1);
    expect(electron.module.BrowserWindow.instances).toHaveLength(1);
  });

  it('quits when the last window closes, except on macOS', async () => {
    Object.defineProperty(process, 'platform', { value: 'linux' });
    const electron = await launchReady();
    electron.module.app.emit('window-all-closed');
    expect(electron.module.app.quit).toHaveBeenCalledTimes(1);

    Object.defineProperty(process, 'platform', { value: 'darwin' });
    electron.module.app.quit.mockClear();
    electron.module.app.emit('window-all-closed');
    expect(electron.module.app.quit).not.toHaveBeenCalled();
  });

  it('hardens every web contents the app creates', async () => {
    const electron = await launchReady();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    electron.module.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(contents.on.mock.calls.map(([event]) => event)).toEqual(['will-navigate', 'will-redirect', 'will-attach-webview']);
  });

  it('sends menu commands to the window', async () => {
    const electron = await launchReady();
    const [window] = electron.module.BrowserWindow.instances;
    const fileMenu = electron.builtTemplates[0]?.[0]?.submenu as MenuItemConstructorOptions[];
    const settings = fileMenu.find((item) => item.id === 'settings');
    settings?.click?.({} as never, undefined, {} as never);
    expect(window?.webContents.send).toHaveBeenCalledExactlyOnceWith(MENU_COMMAND_CHANNEL, { type: 'open-settings' });
  });

  it('answers IPC from its own window only', async () => {
    const electron = await launchReady();
    const [window] = electron.module.BrowserWindow.instances;
    const getInfo = electron.handlers.get('app:get-info');
    const frame = { url: 'app://attache/index.html', parent: null };
    const fromWindow = { sender: window?.webContents, senderFrame: frame } as unknown as IpcMainInvokeEvent;
    await expect(getInfo?.(fromWindow)).resolves.toMatchObject({ name: 'Attaché', runtime: 'electron' });
    const fromElsewhere = { sender: { send: vi.fn() }, senderFrame: frame } as unknown as IpcMainInvokeEvent;
    await expect(getInfo?.(fromElsewhere)).rejects.toThrow('refused');
  });

  it('loads the dev server, with developer tools, while developing', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const electron = await launchReady();
    const [window] = electron.module.BrowserWindow.instances;
    expect(window?.loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173');
    expect(window?.options.webPreferences?.devTools).toBe(true);
    expect(electron.module.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
  });
});
