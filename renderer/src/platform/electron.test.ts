// Runtime: Node (Vitest, happy-dom). The desktop bridge hands over what the preload exposed, or says why not.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_GLOBAL, type AttacheApi } from '../../../electron/contract/api';
import { createPlatform } from './electron';

function fakeBridge(): AttacheApi {
  return {
    getAppInfo: vi.fn(() => Promise.resolve({ name: 'Attaché', version: '1.2.3', runtime: 'electron' as const, os: 'linux', versions: {} })),
    getSystemLocale: vi.fn(() => Promise.resolve('ru-RU')),
    openFile: vi.fn(() => Promise.resolve(null)),
    saveFile: vi.fn(() => Promise.resolve({ saved: false as const })),
    openFiles: vi.fn(() => Promise.resolve([])),
    getDeviceKey: vi.fn(() => Promise.resolve(null)),
    signWithDeviceKey: vi.fn(() => Promise.resolve({ publicKey: '', signature: new Uint8Array() })),
    printToPdf: vi.fn(() => Promise.resolve(new Uint8Array())),
    getLrsConnection: vi.fn(() => Promise.resolve(null)),
    setLrsConnection: vi.fn(() => Promise.resolve(null)),
    testLrsConnection: vi.fn(() => Promise.resolve({ reply: { kind: 'not-configured' as const }, versions: [] })),
    postStatements: vi.fn(() => Promise.resolve({ kind: 'not-configured' as const })),
    getAcademyKey: vi.fn(() => Promise.resolve(null)),
    createAcademyKey: vi.fn(() => Promise.resolve({ ok: false as const, problem: 'key-exists' as const, message: '' })),
    exportAcademyKey: vi.fn(() => Promise.resolve(null)),
    importAcademyKey: vi.fn(() => Promise.resolve({ ok: true as const, key: null })),
    rewrapAcademyKey: vi.fn(() => Promise.resolve({ ok: true as const, key: null })),
    setAcademyDomain: vi.fn(() => Promise.resolve({ ok: true as const, key: null })),
    signBadge: vi.fn(() => Promise.resolve({ ok: false as const, problem: 'no-key' as const, message: '' })),
    setMenuState: vi.fn(() => Promise.resolve()),
    openStudioFolder: vi.fn(() => Promise.resolve({ kind: 'cancelled' as const })),
    saveStudioFolder: vi.fn(() => Promise.resolve({ kind: 'saved' as const, written: 0, removed: 0 })),
    onMenuCommand: vi.fn(() => () => undefined),
  };
}

afterEach(() => {
  Reflect.deleteProperty(window, API_GLOBAL);
});

describe('electron platform', () => {
  it('returns the API the preload exposed on window.attache', async () => {
    const bridge = fakeBridge();
    Reflect.set(window, API_GLOBAL, bridge);

    const platform = createPlatform();

    expect(platform).toBe(bridge);
    await expect(platform.getSystemLocale()).resolves.toBe('ru-RU');
    await platform.setMenuState({ language: 'ru', theme: 'dark' });
    expect(bridge.setMenuState).toHaveBeenCalledWith({ language: 'ru', theme: 'dark' });
  });

  it('fails clearly when the preload did not expose the API', () => {
    expect(() => createPlatform()).toThrow(/window\.attache.*missing.*preload/);
  });

  it('names the methods a stale preload lacks', () => {
    const { onMenuCommand: _onMenuCommand, saveFile: _saveFile, ...partial } = fakeBridge();
    Reflect.set(window, API_GLOBAL, partial);
    expect(() => createPlatform()).toThrow(/lacks saveFile, onMenuCommand/);
  });
});
