// Runtime: Node (Vitest, happy-dom). The web build's platform: file input, download, shortcut.
import { afterEach, describe, expect, it, vi } from 'vitest';
import packageJson from '../../../package.json';
import type { MenuCommand } from '../../../electron/contract/api';
import { acceptAttribute, createPlatform } from './browser';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Resolves with the file input the platform clicks, instead of opening a real picker. */
function captureFileInput(): Promise<HTMLInputElement> {
  return new Promise((resolve) => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      resolve(this);
    });
  });
}

function choose(input: HTMLInputElement, files: File[]): void {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
}

describe('browser platform: app info and locale', () => {
  it('reports the web runtime and the version from package.json', async () => {
    const info = await createPlatform().getAppInfo();
    expect(info).toMatchObject({ name: packageJson.productName, version: packageJson.version, runtime: 'web' });
    expect(info.os).not.toBe('');
  });

  it("takes the system locale from the browser's preferred languages", async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ru-RU', 'en-US']);
    await expect(createPlatform().getSystemLocale()).resolves.toBe('ru-RU');
  });

  it('accepts setting the menu state although a tab has no menu', async () => {
    await expect(createPlatform().setMenuState({ language: 'en', theme: 'auto' })).resolves.toBeUndefined();
  });
});

describe('browser platform: opening a file', () => {
  it('reads the file the user picks', async () => {
    const clicked = captureFileInput();
    const opened = createPlatform().openFile({ filters: [{ name: 'Scenario pack', extensions: ['attache', 'yaml'] }] });
    const input = await clicked;

    expect(input.type).toBe('file');
    expect(input.accept).toBe('.attache,.yaml');
    expect(input.isConnected).toBe(true);
    choose(input, [new File([new Uint8Array([1, 2, 3])], 'pack.attache')]);

    const file = await opened;
    expect(file?.name).toBe('pack.attache');
    expect(Array.from(file?.bytes ?? [])).toEqual([1, 2, 3]);
    expect(input.isConnected).toBe(false);
  });

  it('resolves null when the user cancels the picker', async () => {
    const clicked = captureFileInput();
    const opened = createPlatform().openFile({});
    const input = await clicked;

    expect(input.hasAttribute('accept')).toBe(false);
    input.dispatchEvent(new Event('cancel'));

    await expect(opened).resolves.toBeNull();
    expect(input.isConnected).toBe(false);
  });

  it('resolves null when the selection comes back empty', async () => {
    const clicked = captureFileInput();
    const opened = createPlatform().openFile({});
    choose(await clicked, []);
    await expect(opened).resolves.toBeNull();
  });
});

describe('acceptAttribute', () => {
  it('lists each extension once, with one dot', () => {
    expect(
      acceptAttribute([
        { name: 'A', extensions: ['yaml', '.yml'] },
        { name: 'B', extensions: ['yaml'] },
      ]),
    ).toBe('.yaml,.yml');
  });

  it('leaves the picker open to any file for a wildcard or no filters', () => {
    expect(acceptAttribute([{ name: 'All', extensions: ['*'] }])).toBe('');
    expect(acceptAttribute(undefined)).toBe('');
  });
});

describe('browser platform: saving a file', () => {
  it('downloads the bytes under the suggested name', async () => {
    vi.useFakeTimers();
    let savedBlob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      savedBlob = blob as Blob;
      return 'blob:attache/record';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clickedLinks: { href: string; download: string; connected: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clickedLinks.push({ href: this.href, download: this.download, connected: this.isConnected });
    });

    const result = await createPlatform().saveFile({ suggestedName: 'record.json', bytes: new TextEncoder().encode('{"ok":true}') });

    expect(result).toEqual({ saved: true, name: 'record.json' });
    expect(clickedLinks).toEqual([{ href: 'blob:attache/record', download: 'record.json', connected: true }]);
    expect(await savedBlob?.text()).toBe('{"ok":true}');
    expect(document.querySelector('a[download]')).toBeNull();

    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:attache/record');
  });
});

describe('browser platform: printing to PDF', () => {
  it('answers null, saving nothing: a tab cannot make a PDF, so the screen prints with the browser’s dialog instead', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    await expect(createPlatform().printToPdf({ html: '<p>Выписка</p>', pageSize: 'A4' })).resolves.toBeNull();
    expect(click).not.toHaveBeenCalled();
  });
});

describe('browser platform: menu commands', () => {
  function press(init: KeyboardEventInit): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    window.dispatchEvent(event);
    return event;
  }

  it('opens Settings on Ctrl+, and Cmd+,', () => {
    const commands: MenuCommand[] = [];
    const unsubscribe = createPlatform().onMenuCommand((command) => commands.push(command));

    const ctrl = press({ key: ',', ctrlKey: true });
    const meta = press({ key: ',', metaKey: true });
    unsubscribe();

    expect(commands).toEqual([{ type: 'open-settings' }, { type: 'open-settings' }]);
    expect(ctrl.defaultPrevented).toBe(true);
    expect(meta.defaultPrevented).toBe(true);
  });

  it('ignores other keys and stops listening after unsubscribing', () => {
    const listener = vi.fn();
    const unsubscribe = createPlatform().onMenuCommand(listener);

    const plain = press({ key: ',' });
    press({ key: ',', ctrlKey: true, shiftKey: true });
    press({ key: 's', ctrlKey: true });
    expect(listener).not.toHaveBeenCalled();
    expect(plain.defaultPrevented).toBe(false);

    unsubscribe();
    press({ key: ',', ctrlKey: true });
    expect(listener).not.toHaveBeenCalled();
  });
});
