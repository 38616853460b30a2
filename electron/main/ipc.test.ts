import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../contract/api';
import { createTrustedSenderCheck, type IpcHandlers, registerIpcHandlers } from './ipc';
import { trustedOrigins } from './security';

type Invoke = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const appContents = { id: 1 } as unknown as WebContents;
const otherContents = { id: 2 } as unknown as WebContents;

function senderEvent(options: { url?: string; contents?: WebContents; subframe?: boolean; noFrame?: boolean } = {}): IpcMainInvokeEvent {
  const mainFrame = { url: options.url ?? 'app://attache/index.html', parent: null };
  const frame = options.subframe ? { url: mainFrame.url, parent: mainFrame } : mainFrame;
  return { sender: options.contents ?? appContents, senderFrame: options.noFrame ? null : frame } as unknown as IpcMainInvokeEvent;
}

function fakeHandlers() {
  return {
    'app:get-info': vi.fn(() => ({ name: 'Attaché', version: '0.1.0', runtime: 'electron' as const, os: 'linux', versions: {} })),
    'app:get-system-locale': vi.fn(() => 'ru-RU'),
    'file:open': vi.fn(async () => null),
    'file:save': vi.fn(async () => ({ saved: true as const, name: 'records.json' })),
    'file:open-many': vi.fn(async () => []),
    'device-key:get': vi.fn(async () => null),
    'device-key:sign': vi.fn(async () => ({ publicKey: 'ab'.repeat(32), signature: new Uint8Array(64) })),
    'print:to-pdf': vi.fn(async () => new Uint8Array([0x25, 0x50, 0x44, 0x46])),
    'lrs:get-connection': vi.fn(async () => null),
    'lrs:set-connection': vi.fn(async () => null),
    'lrs:test-connection': vi.fn(async () => ({ reply: { kind: 'not-configured' as const }, versions: [] })),
    'lrs:post-statements': vi.fn(async () => ({ kind: 'answered' as const, status: 200, body: '["x"]', retryAfter: null })),
    'academy-key:get': vi.fn(async () => null),
    'academy-key:create': vi.fn(async () => ({ ok: true as const, key: null })),
    'academy-key:export': vi.fn(async () => null),
    'academy-key:import': vi.fn(async () => ({ ok: true as const, key: null })),
    'academy-key:rewrap': vi.fn(async () => ({ ok: true as const, key: null })),
    'academy-key:set-domain': vi.fn(async () => ({ ok: true as const, key: null })),
    'badge:sign': vi.fn(async () => ({ ok: false as const, problem: 'no-key' as const, message: 'There is no academy signing key here yet.' })),
    'menu:set-state': vi.fn(),
    'studio:open-folder': vi.fn(async () => ({ kind: 'cancelled' as const })),
    'studio:save-folder': vi.fn(async () => ({ kind: 'saved' as const, written: 0, removed: 0 })),
  } satisfies IpcHandlers;
}

function setUp(devServerUrl?: string) {
  const registered = new Map<string, Invoke>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Invoke) => {
      registered.set(channel, listener);
    }),
  };
  const handlers = fakeHandlers();
  const isTrustedSender = createTrustedSenderCheck({
    origins: trustedOrigins(devServerUrl),
    isAppWebContents: (contents) => contents === appContents,
  });
  registerIpcHandlers(ipcMain as unknown as Pick<IpcMain, 'handle'>, handlers, isTrustedSender);
  const invoke = (channel: InvokeChannel, event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const listener = registered.get(channel);
    if (!listener) throw new Error(`${channel} is not registered`);
    return listener(event, ...args);
  };
  return { registered, handlers, invoke };
}

describe('registerIpcHandlers', () => {
  it('answers every channel of the contract', () => {
    const { registered } = setUp();
    expect([...registered.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it('passes a trusted request with valid arguments to its handler and returns its answer', async () => {
    const { handlers, invoke } = setUp();
    const event = senderEvent();
    await expect(invoke('app:get-system-locale', event)).resolves.toBe('ru-RU');
    await expect(invoke('menu:set-state', event, { language: 'ru', theme: 'dark' })).resolves.toBeUndefined();
    expect(handlers['menu:set-state']).toHaveBeenCalledExactlyOnceWith(event, { language: 'ru', theme: 'dark' });
    const bytes = new Uint8Array([7, 8]);
    await expect(invoke('file:save', event, { suggestedName: 'records.json', bytes })).resolves.toEqual({ saved: true, name: 'records.json' });
    expect(handlers['file:save']).toHaveBeenCalledExactlyOnceWith(event, { suggestedName: 'records.json', bytes });
  });

  it('passes valid LRS requests: an http(s) endpoint ending in "/", a kept secret (null), a full batch of statement objects', async () => {
    const { handlers, invoke } = setUp();
    const event = senderEvent();
    const input = { endpoint: 'http://127.0.0.1:18081/xAPI/', key: 'academy', secret: null };
    await invoke('lrs:set-connection', event, input);
    expect(handlers['lrs:set-connection']).toHaveBeenCalledExactlyOnceWith(event, input);
    await invoke('lrs:set-connection', event, null);
    expect(handlers['lrs:set-connection']).toHaveBeenLastCalledWith(event, null);
    await invoke('lrs:test-connection', event, { endpoint: 'https://lrs.academy.example/data/xAPI/', key: 'k', secret: 'pa:ss word' });
    expect(handlers['lrs:test-connection']).toHaveBeenCalledTimes(1);
    const statements = Array.from({ length: 100 }, (_, index) => `{"id":"${index}","verb":{"id":"http://adlnet.gov/expapi/verbs/passed"}}`);
    await expect(invoke('lrs:post-statements', event, { statements })).resolves.toMatchObject({ kind: 'answered', status: 200 });
    expect(handlers['lrs:post-statements']).toHaveBeenCalledExactlyOnceWith(event, { statements });
  });

  it.each([
    ['another origin', senderEvent({ url: 'https://example.com/' })],
    ['another app:// host', senderEvent({ url: 'app://evil/index.html' })],
    ['a file:// page', senderEvent({ url: 'file:///tmp/index.html' })],
    ['the dev server when not developing', senderEvent({ url: 'http://localhost:5173/' })],
    ['a subframe of the app page', senderEvent({ subframe: true })],
    ['a destroyed frame', senderEvent({ noFrame: true })],
    ['web contents of another window', senderEvent({ contents: otherContents })],
  ])('refuses a request from %s without calling the handler', async (_case, event) => {
    const { handlers, invoke } = setUp();
    for (const channel of Object.values(INVOKE_CHANNELS)) {
      await expect(invoke(channel, event, { language: 'en', theme: 'auto' })).rejects.toThrow(
        `IPC request "${channel}" refused: the sender is not the Attaché window.`,
      );
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('trusts the dev server while developing', async () => {
    const { handlers, invoke } = setUp('http://localhost:5173');
    await expect(invoke('app:get-info', senderEvent({ url: 'http://localhost:5173/' }))).resolves.toMatchObject({ name: 'Attaché' });
    expect(handlers['app:get-info']).toHaveBeenCalledTimes(1);
    await expect(invoke('app:get-info', senderEvent({ url: 'http://localhost:5174/' }))).rejects.toThrow('refused');
  });

  it.each([
    ['file:open', [{ filters: [{ name: 'Pack', extensions: ['../../x'] }] }]],
    ['file:open', []],
    ['file:save', [{ suggestedName: '../../.bashrc', bytes: new Uint8Array() }]],
    ['file:save', [{ suggestedName: 'records.json', bytes: 'not bytes' }]],
    ['menu:set-state', [{ language: 'de', theme: 'dark' }]],
    ['menu:set-state', [{ language: 'en', theme: 'dark', extra: true }]],
    ['app:get-info', ['unexpected']],
    ['lrs:set-connection', [{ endpoint: 'https://lrs.academy.example/xapi', key: 'k', secret: 's' }]],
    ['lrs:set-connection', [{ endpoint: 'ftp://lrs.academy.example/xapi/', key: 'k', secret: 's' }]],
    ['lrs:set-connection', [{ endpoint: 'xapi/', key: 'k', secret: 's' }]],
    ['lrs:set-connection', [{ endpoint: 'https://user:pass@lrs.academy.example/xapi/', key: 'k', secret: 's' }]],
    ['lrs:set-connection', [{ endpoint: 'https://lrs.academy.example/xapi/?x=1', key: 'k', secret: 's' }]],
    ['lrs:set-connection', [{ endpoint: 'https://lrs.academy.example/xapi/', key: 'k:1', secret: 's' }]],
    ['lrs:set-connection', [{ endpoint: 'https://lrs.academy.example/xapi/', key: '', secret: 's' }]],
    ['lrs:set-connection', [{ endpoint: 'https://lrs.academy.example/xapi/', key: 'k', secret: 'line\nbreak' }]],
    ['lrs:set-connection', [{ endpoint: 'https://lrs.academy.example/xapi/', key: 'k', secret: 's', extra: 1 }]],
    ['lrs:test-connection', [{ endpoint: 'https://lrs.academy.example/xapi/', key: 'k', secret: 'x'.repeat(1025) }]],
    ['lrs:get-connection', ['secret please']],
    ['lrs:post-statements', [{ statements: [] }]],
    ['lrs:post-statements', [{ statements: ['{"id":"a"}', '1]'] }]],
    ['lrs:post-statements', [{ statements: ['{"id":"a"}],[{"id":"b"}'] }]],
    ['lrs:post-statements', [{ statements: ['["not an object"]'] }]],
    ['lrs:post-statements', [{ statements: Array.from({ length: 101 }, (_, index) => `{"n":${index}}`) }]],
    ['lrs:post-statements', [{ statements: Array.from({ length: 5 }, () => `{"text":"${'x'.repeat(1024 * 1024 - 20)}"}`) }]],
  ] as const)('refuses %s with bad arguments %j without calling the handler', async (channel, args) => {
    const { handlers, invoke } = setUp();
    await expect(invoke(channel, senderEvent(), ...args)).rejects.toThrow(`IPC request "${channel}" refused: invalid arguments.`);
    expect(handlers[channel]).not.toHaveBeenCalled();
  });
});
