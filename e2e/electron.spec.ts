// Runtime: Node (Playwright). The desktop app itself: the built main process, preload and
// renderer launched in Electron. Skipped, with the reason, where Electron cannot run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, expect, type Locator, type Page, test } from '@playwright/test';
import { API_GLOBAL, INVOKE_CHANNELS } from '../electron/contract/api';
import { electronExecutablePath, electronLaunchProblem } from './electron-binary';

const launchProblem = electronLaunchProblem();
test.skip(launchProblem !== null, launchProblem ?? '');

/** The Attaché desktop window, as the user and the page's scripts see it. */
class DesktopApp {
  readonly appShell: Locator;
  readonly consoleErrors: string[] = [];

  private constructor(
    readonly application: ElectronApplication,
    readonly window: Page,
  ) {
    this.appShell = window.getByTestId('app-shell');
    window.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    window.on('pageerror', (error) => this.consoleErrors.push(error.message));
  }

  static async launch(): Promise<DesktopApp> {
    const executablePath = electronExecutablePath();
    if (!executablePath) throw new Error('Electron binary not installed');
    const env = Object.fromEntries(
      Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL'),
    );
    // A fresh profile per run: no saved settings, and no lock shared with an Attaché already open.
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'attache-e2e-'));
    const application = await electron.launch({
      executablePath,
      args: [path.join('out', 'main', 'index.js'), `--user-data-dir=${userDataDir}`],
      env,
    });
    return new DesktopApp(application, await application.firstWindow());
  }

  globalType(name: string): Promise<string> {
    return this.window.evaluate((global) => typeof Reflect.get(globalThis, global), name);
  }

  apiMethods(): Promise<Array<[string, string]>> {
    return this.window.evaluate((global) => {
      const api: object = Reflect.get(window, global) ?? {};
      return Object.entries(api)
        .map(([key, value]): [string, string] => [key, typeof value])
        .sort(([a], [b]) => a.localeCompare(b));
    }, API_GLOBAL);
  }

  async close(): Promise<void> {
    await this.application.close();
  }
}

test.describe('Attaché desktop app', () => {
  let app: DesktopApp;

  test.beforeEach(async () => {
    app = await DesktopApp.launch();
  });

  test.afterEach(async () => {
    await app.close();
  });

  test('opens its window on the app shell, served from app://', async () => {
    await expect(app.window).toHaveTitle('Attaché');
    await expect(app.appShell).toBeVisible();
    expect(app.window.url()).toBe('app://attache/index.html');
    await test.info().attach('electron-window', { body: await app.window.screenshot(), contentType: 'image/png' });
    expect(app.consoleErrors).toEqual([]);
  });

  test('gives the page exactly the typed API, and no Node', async () => {
    await expect(app.appShell).toBeVisible();
    const expectedMethods = [...Object.keys(INVOKE_CHANNELS), 'onMenuCommand']
      .sort((a, b) => a.localeCompare(b))
      .map((name): [string, string] => [name, 'function']);
    expect(await app.apiMethods()).toEqual(expectedMethods);
    expect(await app.globalType('require')).toBe('undefined');
    expect(await app.globalType('process')).toBe('undefined');
    expect(await app.globalType('module')).toBe('undefined');
  });

  test('answers the API from the main process', async () => {
    const info = await app.window.evaluate((global) => {
      const api = Reflect.get(window, global) as { getAppInfo(): Promise<{ name: string; runtime: string }> };
      return api.getAppInfo();
    }, API_GLOBAL);
    expect(info).toMatchObject({ name: 'Attaché', runtime: 'electron' });
  });

  test('refuses to open new windows', async () => {
    await expect(app.appShell).toBeVisible();
    const blocked = await app.window.evaluate(() => window.open('https://example.com/') === null);
    expect(blocked).toBe(true);
    expect(app.application.windows()).toHaveLength(1);
  });
});
