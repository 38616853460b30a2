import type { Event as ElectronEvent, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  buildContentSecurityPolicy,
  createWindowOptions,
  hardenSession,
  hardenWebContents,
  isTrustedUrl,
  trustedOrigins,
  urlOrigin,
} from './security';

type Listener = (...args: unknown[]) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  const contents = {
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => unknown) => {
      windowOpenHandler = handler;
    }),
  };
  return {
    contents: contents as unknown as WebContents,
    openWindow: (url: string) => windowOpenHandler?.({ url }),
    /** Emits a navigation-like event and tells whether the app let it happen. */
    emit(event: string, url: string): { prevented: boolean } {
      const listener = listeners.get(event);
      if (!listener) throw new Error(`no listener for ${event}`);
      const navigation = { url, preventDefault: vi.fn() } as unknown as ElectronEvent & { preventDefault: ReturnType<typeof vi.fn> };
      listener(navigation, {}, {});
      return { prevented: navigation.preventDefault.mock.calls.length > 0 };
    },
  };
}

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preload: '/app/out/preload/index.cjs' }, { devTools: false });

  it('isolates and sandboxes the page, with no Node in it', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });

  it('offers developer tools only when asked to', () => {
    expect(createWindowOptions({ preload: 'p' }, { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('keeps the window hidden until its first frame is painted', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Attaché');
  });
});

describe('buildContentSecurityPolicy', () => {
  const directives = (policy: string) =>
    new Map(
      policy.split('; ').map((directive) => {
        const [name = '', ...sources] = directive.split(' ');
        return [name, sources] as const;
      }),
    );

  it('is strict for the built app', () => {
    const policy = directives(buildContentSecurityPolicy());
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('media-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('font-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(buildContentSecurityPolicy()).not.toContain('unsafe-eval');
  });

  it('lets the dev server serve scripts and hot reloads while developing', () => {
    const policy = directives(buildContentSecurityPolicy('http://localhost:5173/'));
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'", 'http://localhost:5173']);
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });
});

describe('origins', () => {
  it('compares custom-scheme URLs by scheme and host', () => {
    expect(urlOrigin('app://attache/index.html')).toBe(APP_ORIGIN);
    expect(urlOrigin('not a url')).toBeNull();
    expect(isTrustedUrl('app://attache/assets/x.js', trustedOrigins())).toBe(true);
    expect(isTrustedUrl('app://other/index.html', trustedOrigins())).toBe(false);
    expect(isTrustedUrl('file:///etc/passwd', trustedOrigins())).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', trustedOrigins())).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', trustedOrigins('http://localhost:5173'))).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', trustedOrigins('http://localhost:5173'))).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it('denies every window.open', () => {
    const page = fakeWebContents();
    hardenWebContents(page.contents, trustedOrigins());
    expect(page.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(page.openWindow('app://attache/index.html')).toEqual({ action: 'deny' });
  });

  it('blocks navigation and redirects away from the app', () => {
    const page = fakeWebContents();
    hardenWebContents(page.contents, trustedOrigins());
    expect(page.emit('will-navigate', 'https://example.com/').prevented).toBe(true);
    expect(page.emit('will-navigate', 'file:///etc/passwd').prevented).toBe(true);
    expect(page.emit('will-navigate', 'app://evil/index.html').prevented).toBe(true);
    expect(page.emit('will-redirect', 'https://example.com/').prevented).toBe(true);
  });

  it('lets the app navigate within its own origin', () => {
    const page = fakeWebContents();
    hardenWebContents(page.contents, trustedOrigins());
    expect(page.emit('will-navigate', 'app://attache/index.html').prevented).toBe(false);
    expect(page.emit('will-redirect', 'app://attache/index.html').prevented).toBe(false);
  });

  it('allows the dev server only while developing', () => {
    const page = fakeWebContents();
    hardenWebContents(page.contents, trustedOrigins('http://localhost:5173'));
    expect(page.emit('will-navigate', 'http://localhost:5173/').prevented).toBe(false);
    expect(page.emit('will-navigate', 'http://localhost:8080/').prevented).toBe(true);
  });

  it('refuses to attach <webview>s', () => {
    const page = fakeWebContents();
    hardenWebContents(page.contents, trustedOrigins());
    expect(page.emit('will-attach-webview', 'app://attache/index.html').prevented).toBe(true);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
    return session;
  }

  it('denies every permission request and check', () => {
    const session = fakeSession();
    hardenSession(session as unknown as Session, {});
    const requestHandler = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    const checkHandler = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(checkHandler(null, 'media', 'app://attache', {})).toBe(false);
    const deviceHandler = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(deviceHandler({ deviceType: 'usb' })).toBe(false);
  });

  it('adds no header rewriting to the built app', () => {
    const session = fakeSession();
    hardenSession(session as unknown as Session, {});
    expect(session.webRequest.onHeadersReceived).not.toHaveBeenCalled();
  });

  it('puts the CSP on the dev server responses', () => {
    const session = fakeSession();
    hardenSession(session as unknown as Session, { devServerUrl: 'http://localhost:5173/' });
    const [filter, listener] = session.webRequest.onHeadersReceived.mock.calls[0] as [
      { urls: string[] },
      (details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void,
    ];
    expect(filter.urls).toEqual(['http://localhost:5173/*']);
    const callback = vi.fn();
    listener({ responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ['default-src *'] } }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: {
        'content-type': ['text/html'],
        'Content-Security-Policy': [buildContentSecurityPolicy('http://localhost:5173/')],
      },
    });
  });
});
