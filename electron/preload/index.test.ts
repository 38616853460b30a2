import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_GLOBAL, type AttacheApi, INVOKE_CHANNELS, MENU_COMMAND_CHANNEL, type MenuCommand } from '../contract/api';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string) => `answer from ${channel}`),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

vi.mock('electron', () => electron);

let api: AttacheApi;

beforeAll(async () => {
  await import('./index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, AttacheApi];
  expect(name).toBe(API_GLOBAL);
  api = exposed;
});

describe('preload', () => {
  it('exposes exactly the AttacheApi methods, all functions', () => {
    const expected = [...Object.keys(INVOKE_CHANNELS), 'onMenuCommand'].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('routes each request to its contract channel with its arguments', async () => {
    const bytes = new Uint8Array([1]);
    const calls: Array<[Promise<unknown>, string, unknown[]]> = [
      [api.getAppInfo(), 'app:get-info', []],
      [api.getSystemLocale(), 'app:get-system-locale', []],
      [api.openFile({ title: 'Open' }), 'file:open', [{ title: 'Open' }]],
      [api.saveFile({ suggestedName: 'a.json', bytes }), 'file:save', [{ suggestedName: 'a.json', bytes }]],
      [api.openFiles({ title: 'Import' }), 'file:open-many', [{ title: 'Import' }]],
      [api.getDeviceKey({ create: false }), 'device-key:get', [{ create: false }]],
      [api.signWithDeviceKey({ bytes }), 'device-key:sign', [{ bytes }]],
      [api.printToPdf({ html: '<p>x</p>', pageSize: 'A4' }), 'print:to-pdf', [{ html: '<p>x</p>', pageSize: 'A4' }]],
      [api.getAcademyKey(), 'academy-key:get', []],
      [api.createAcademyKey({ passphrase: 'p' }), 'academy-key:create', [{ passphrase: 'p' }]],
      [api.exportAcademyKey(), 'academy-key:export', []],
      [
        api.importAcademyKey({ bytes, passphrase: 'p', newPassphrase: null, replace: false }),
        'academy-key:import',
        [{ bytes, passphrase: 'p', newPassphrase: null, replace: false }],
      ],
      [api.rewrapAcademyKey({ passphrase: 'p', newPassphrase: 'q' }), 'academy-key:rewrap', [{ passphrase: 'p', newPassphrase: 'q' }]],
      [api.setAcademyDomain({ domain: 'academy.example' }), 'academy-key:set-domain', [{ domain: 'academy.example' }]],
      [api.signBadge({ credential: '{}', passphrase: 'p', did: 'did:key:z6Mk' }), 'badge:sign', [{ credential: '{}', passphrase: 'p', did: 'did:key:z6Mk' }]],
      [api.setMenuState({ language: 'ru', theme: 'dark' }), 'menu:set-state', [{ language: 'ru', theme: 'dark' }]],
      [api.openStudioFolder({ title: 'Open a pack folder' }), 'studio:open-folder', [{ title: 'Open a pack folder' }]],
      [
        api.saveStudioFolder({ folder: '/packs/demo', files: [{ path: 'pack.yaml', bytes }], remove: [] }),
        'studio:save-folder',
        [{ folder: '/packs/demo', files: [{ path: 'pack.yaml', bytes }], remove: [] }],
      ],
    ];
    for (const [answer, channel, args] of calls) {
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, ...args);
      await expect(answer).resolves.toBe(`answer from ${channel}`);
    }
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(calls.length);
  });

  it('delivers menu commands without the IPC event, until unsubscribed', () => {
    const listener = vi.fn<(command: MenuCommand) => void>();
    const unsubscribe = api.onMenuCommand(listener);
    expect(electron.ipcRenderer.on).toHaveBeenCalledTimes(1);
    const [channel, forward] = electron.ipcRenderer.on.mock.calls[0] as [string, (...args: unknown[]) => void];
    expect(channel).toBe(MENU_COMMAND_CHANNEL);

    forward({ sender: electron.ipcRenderer }, { type: 'set-theme', theme: 'dark' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ type: 'set-theme', theme: 'dark' });

    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(MENU_COMMAND_CHANNEL, forward);
  });
});
