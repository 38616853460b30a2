// Runtime: Node (Vitest, happy-dom). The web build's platform: file input, download, shortcut.
import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/hashes/utils.js';
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

  it('has no folders for the studio: its packs live in the database', async () => {
    await expect(createPlatform().openStudioFolder({})).resolves.toEqual({ kind: 'unsupported' });
    await expect(createPlatform().saveStudioFolder({ folder: '/x', files: [], remove: [] })).resolves.toEqual({ kind: 'unsupported' });
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

describe('browser platform: opening several files', () => {
  it('lets the user pick many at once and reads them all, in order', async () => {
    const clicked = captureFileInput();
    const opened = createPlatform().openFiles({ filters: [{ name: 'Progress file', extensions: ['attache-progress'] }] });
    const input = await clicked;
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('.attache-progress');
    choose(input, [new File([new Uint8Array([1])], 'Anna.attache-progress'), new File([new Uint8Array([2, 3])], 'Boris.attache-progress')]);
    const files = await opened;
    expect(files.map((file) => [file.name, Array.from(file.bytes)])).toEqual([
      ['Anna.attache-progress', [1]],
      ['Boris.attache-progress', [2, 3]],
    ]);
    expect(input.isConnected).toBe(false);
  });

  it('resolves no files when the user cancels, and opens one file at a time for openFile', async () => {
    const clicked = captureFileInput();
    const opened = createPlatform().openFiles({});
    (await clicked).dispatchEvent(new Event('cancel'));
    await expect(opened).resolves.toEqual([]);

    const single = captureFileInput();
    const one = createPlatform().openFile({});
    const input = await single;
    expect(input.multiple).toBe(false);
    input.dispatchEvent(new Event('cancel'));
    await expect(one).resolves.toBeNull();
  });
});

describe('browser platform: the device key', () => {
  afterEach(() => localStorage.removeItem('attache:device-key'));

  it("is made on first use, kept in the browser's storage, and signs with the same key after a reload", async () => {
    const platform = createPlatform();
    expect(await platform.getDeviceKey({ create: false })).toBeNull();
    expect(localStorage.getItem('attache:device-key')).toBeNull();
    const message = new TextEncoder().encode('manifest');
    const { publicKey, signature } = await platform.signWithDeviceKey({ bytes: message });
    expect(ed25519.verify(signature, message, hexToBytes(publicKey))).toBe(true);
    const reloaded = createPlatform();
    expect(await reloaded.getDeviceKey({ create: false })).toEqual({ publicKey, storage: 'browser-storage' });
    expect((await reloaded.signWithDeviceKey({ bytes: message })).signature).toEqual(signature);
  });

  it('makes one key when two first exports ask at once', async () => {
    const platform = createPlatform();
    const [a, b] = await Promise.all([platform.getDeviceKey({ create: true }), platform.signWithDeviceKey({ bytes: new Uint8Array([1]) })]);
    expect(a?.publicKey).toBe(b.publicKey);
  });

  it('refuses a damaged stored key, saying how to make a new one, and does not replace it by itself', async () => {
    localStorage.setItem('attache:device-key', '{"format":1,"publicKey":"00","secretKey":"11"}');
    await expect(createPlatform().signWithDeviceKey({ bytes: new Uint8Array([1]) })).rejects.toThrow(/damaged.*attache:device-key/);
    expect(localStorage.getItem('attache:device-key')).toBe('{"format":1,"publicKey":"00","secretKey":"11"}');
  });
});

describe('browser platform: the academy key', { timeout: 120_000 }, () => {
  afterEach(() => {
    localStorage.removeItem('attache:academy-key');
    localStorage.removeItem('attache:academy-key-domain');
  });

  it("keeps the key encrypted in the browser's storage for the site, with its did:web domain, and exports it as stored", async () => {
    const platform = createPlatform();
    expect(await platform.getAcademyKey()).toBeNull();
    const created = await platform.createAcademyKey({ passphrase: 'correct horse battery' });
    const key = created.ok ? created.key! : expect.unreachable();
    expect(key.storage).toBe('browser-storage');
    const stored = localStorage.getItem('attache:academy-key')!;
    expect(JSON.parse(stored)).toMatchObject({ kind: 'attache-academy-key', publicKeyMultibase: key.publicKeyMultibase });
    expect(stored).not.toContain('correct horse battery');
    expect(new TextDecoder().decode((await platform.exportAcademyKey())!)).toBe(stored);
    await platform.setAcademyDomain({ domain: 'academy.example' });
    // A reload: a new platform over the same storage.
    expect(await createPlatform().getAcademyKey()).toEqual({ ...key, domain: 'academy.example', didWeb: 'did:web:academy.example' });
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
