// Runtime: Electron main process. The app's security boundary: what a window may do, which
// content it may load, where it may navigate, and which permissions a page may hold.
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'attache';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null when it cannot be parsed. The WHATWG `origin` of a
 * custom scheme is opaque ("null"), so origins are compared by protocol and host instead.
 */
export function urlOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** The origins the app's own pages come from: app://attache, and the dev server while developing. */
export function trustedOrigins(devServerUrl?: string): string[] {
  const devOrigin = devServerUrl ? urlOrigin(devServerUrl) : null;
  return devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
}

export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  const origin = urlOrigin(url);
  return origin !== null && origins.includes(origin);
}

export interface WindowPaths {
  preload: string;
  icon?: string;
}

/**
 * The web preferences every window of the app shares (the Electron security checklist): sandboxed,
 * isolated, no Node anywhere, no webviews, no insecure content, no network spell-check. Windows add
 * only what is theirs (a preload, a session, devtools, scripts off).
 */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  // Spell-check dictionaries are downloaded from the network; the app works offline.
  spellcheck: false,
} as const satisfies NonNullable<BrowserWindowConstructorOptions['webPreferences']>;

export function createWindowOptions(paths: WindowPaths, options: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    title: 'Attaché',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Shown once the first frame is painted, so the user never sees an empty window.
    show: false,
    ...(paths.icon ? { icon: paths.icon } : {}),
    webPreferences: { ...HARDENED_WEB_PREFERENCES, preload: paths.preload, devTools: options.devTools },
  };
}

const PRODUCTION_CSP_DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Mantine writes style attributes and <style> elements at run time.
  ['style-src', "'self'", "'unsafe-inline'"],
  // A pack's pictures and clips are shown from blob: URLs made of the pack's own bytes.
  ['img-src', "'self'", 'data:', 'blob:'],
  ['media-src', "'self'", 'blob:'],
  ['font-src', "'self'", 'data:'],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/**
 * The Content-Security-Policy of the app's pages. With a dev server, scripts and hot-reload
 * connections from that server are allowed too; its React refresh preamble is an inline script.
 */
export function buildContentSecurityPolicy(devServerUrl?: string): string {
  const devOrigin = devServerUrl ? urlOrigin(devServerUrl) : null;
  const directives = PRODUCTION_CSP_DIRECTIVES.map(([name, ...sources]) => {
    if (!devOrigin) return [name, ...sources];
    if (name === 'script-src') return [name, ...sources, "'unsafe-inline'", devOrigin];
    if (name === 'connect-src') return [name, ...sources, devOrigin, devOrigin.replace(/^http/, 'ws')];
    return [name, ...sources];
  });
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/** Pages may not open windows, navigate away from the app, or embed <webview>s. */
export function hardenWebContents(contents: WebContents, origins: readonly string[]): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isTrustedUrl(event.url, origins)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url, origins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** The app needs no camera, microphone, location, notifications or other permission. */
export function hardenSession(session: Session, options: { devServerUrl?: string }): void {
  session.setPermissionRequestHandler((_contents, _permission, grant) => {
    grant(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  // Pages from app:// carry the policy set by the protocol handler; the dev server sets none.
  const devOrigin = options.devServerUrl ? urlOrigin(options.devServerUrl) : null;
  if (devOrigin) {
    const policy = buildContentSecurityPolicy(options.devServerUrl);
    session.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
      const headers = Object.fromEntries(Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
      callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
    });
  }
}
