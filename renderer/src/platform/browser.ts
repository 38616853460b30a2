// Runtime: renderer in a browser tab (the web build). The same contract as the desktop bridge, built
// from what a web page may do: a file input to open, a download to save, a shortcut for the menu.
import { productName, version } from '../../../package.json';
import type {
  AppInfo,
  AttacheApi,
  FileFilter,
  MenuCommand,
  OpenFileRequest,
  OpenedFile,
  SaveFileRequest,
  SaveFileResult,
} from '../../../electron/contract/api';

/** How long a saved file's object URL lives: long enough for the browser to start the download. */
const DOWNLOAD_URL_LIFETIME_MS = 60_000;

interface UserAgentBrand {
  brand: string;
  version: string;
}

/** `navigator.userAgentData` (Chromium only) names the platform and engine without parsing the user agent. */
function userAgentData(): { platform?: string; brands?: UserAgentBrand[] } | undefined {
  const data: unknown = Reflect.get(navigator, 'userAgentData');
  return typeof data === 'object' && data !== null ? (data as { platform?: string; brands?: UserAgentBrand[] }) : undefined;
}

function browserVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const { brand, version: brandVersion } of userAgentData()?.brands ?? []) {
    // Chromium lists decoy brands such as "Not A;Brand" to discourage sniffing.
    if (!/not.a.brand/i.test(brand)) versions[brand.toLowerCase()] = brandVersion;
  }
  return versions;
}

/** The `accept` attribute for the filters, e.g. `.attache,.yaml`; empty when any file will do. */
export function acceptAttribute(filters: FileFilter[] | undefined): string {
  const extensions = (filters ?? []).flatMap((filter) => filter.extensions).filter((extension) => extension !== '*');
  return [...new Set(extensions.map((extension) => `.${extension.replace(/^\./, '')}`))].join(',');
}

function openFile(request: OpenFileRequest): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    const accept = acceptAttribute(request.filters);
    if (accept) input.accept = accept;

    const settle = (): void => {
      input.removeEventListener('change', onChange);
      input.removeEventListener('cancel', onCancel);
      input.remove();
    };
    const onCancel = (): void => {
      settle();
      resolve(null);
    };
    const onChange = (): void => {
      const file = input.files?.[0];
      settle();
      if (!file) {
        resolve(null);
        return;
      }
      file.arrayBuffer().then(
        (buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }),
        (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      );
    };

    input.addEventListener('change', onChange);
    input.addEventListener('cancel', onCancel);
    document.body.append(input);
    input.click();
  });
}

function saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
  // Copying gives the Blob an ArrayBuffer-backed view even when the caller's bytes sit on shared memory.
  const blob = new Blob([new Uint8Array(request.bytes)], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
  // A browser does not say where, or whether, the user kept the download: the name is all it knows.
  return Promise.resolve({ saved: true, name: request.suggestedName });
}

/** Ctrl+, (Cmd+, on macOS) opens Settings, as the desktop app's menu accelerator does. */
function isSettingsShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key === ',';
}

function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (!isSettingsShortcut(event)) return;
    event.preventDefault();
    listener({ type: 'open-settings' });
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}

export function createPlatform(): AttacheApi {
  return {
    getAppInfo: (): Promise<AppInfo> =>
      Promise.resolve({
        name: productName,
        version,
        runtime: 'web',
        os: userAgentData()?.platform || navigator.platform || 'unknown',
        versions: browserVersions(),
      }),
    getSystemLocale: () => Promise.resolve(navigator.languages?.[0] ?? navigator.language ?? ''),
    openFile,
    saveFile,
    // A page cannot make a PDF itself: the screen prints with the browser's dialog (Save as PDF) instead.
    printToPdf: () => Promise.resolve(null),
    // A browser tab has no application menu to keep in step.
    setMenuState: () => Promise.resolve(),
    onMenuCommand,
  };
}
