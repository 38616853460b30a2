// Runtime: renderer in a browser tab (the web build). The same contract as the desktop bridge, built
// from what a web page may do: a file input to open, a download to save, a shortcut for the menu.
import { productName, version } from '../../../package.json';
import type {
  AppInfo,
  AttacheApi,
  DeviceKeyInfo,
  DeviceKeyRequest,
  DeviceSignature,
  SignRequest,
  FileFilter,
  MenuCommand,
  OpenFileRequest,
  OpenedFile,
  SaveFileRequest,
  SaveFileResult,
} from '../../../electron/contract/api';
import type { AcademyKeyStorage, AcademyKeyStore } from '../../../electron/main/academy-key';

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

/** The files the user picks in a file input (`multiple`: several at once); none when they cancel. */
function pickFiles(request: OpenFileRequest, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    input.multiple = multiple;
    const accept = acceptAttribute(request.filters);
    if (accept) input.accept = accept;

    const settle = (files: File[]): void => {
      input.removeEventListener('change', onChange);
      input.removeEventListener('cancel', onCancel);
      input.remove();
      resolve(files);
    };
    const onCancel = (): void => settle([]);
    const onChange = (): void => settle([...(input.files ?? [])]);

    input.addEventListener('change', onChange);
    input.addEventListener('cancel', onCancel);
    document.body.append(input);
    input.click();
  });
}

async function readPicked(file: File): Promise<OpenedFile> {
  try {
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch (error) {
    throw error instanceof Error ? error : new Error(String(error));
  }
}

async function openFile(request: OpenFileRequest): Promise<OpenedFile | null> {
  const [file] = await pickFiles(request, false);
  return file ? readPicked(file) : null;
}

async function openFiles(request: OpenFileRequest): Promise<OpenedFile[]> {
  const opened: OpenedFile[] = [];
  // One after another: a cohort's files are read without holding every buffer's promise at once.
  for (const file of await pickFiles(request, true)) opened.push(await readPicked(file));
  return opened;
}

/**
 * The web build keeps the device's signing key in the browser's storage for this site (localStorage):
 * it never leaves the browser, but anyone who can use this browser profile (or read its files) can
 * copy it. The library that signs is loaded only when a key is first needed.
 */
const DEVICE_KEY_STORAGE = 'attache:device-key';

interface StoredDeviceKey {
  format: 1;
  publicKey: string;
  secretKey: string;
}

async function loadDeviceKey(create: boolean): Promise<{ publicKey: string; secretKey: Uint8Array } | null> {
  const [{ ed25519 }, { bytesToHex, hexToBytes }] = await Promise.all([import('@noble/curves/ed25519.js'), import('@noble/hashes/utils.js')]);
  // From here on nothing awaits: reading and writing the stored key happen in one turn, so two first
  // exports at once cannot make two keys.
  const stored = localStorage.getItem(DEVICE_KEY_STORAGE);
  if (stored !== null) {
    try {
      const parsed = JSON.parse(stored) as StoredDeviceKey;
      const secretKey = hexToBytes(parsed.secretKey);
      if (parsed.format === 1 && bytesToHex(ed25519.getPublicKey(secretKey)) === parsed.publicKey) return { publicKey: parsed.publicKey, secretKey };
    } catch {
      // Reported below.
    }
    throw new Error(
      "This browser's signing key for progress files is damaged. Clear this site's stored data for the key (attache:device-key) to make a new one; the academy will then see your next progress file as signed by another device.",
    );
  }
  if (!create) return null;
  const { secretKey, publicKey } = ed25519.keygen();
  const key: StoredDeviceKey = { format: 1, publicKey: bytesToHex(publicKey), secretKey: bytesToHex(secretKey) };
  localStorage.setItem(DEVICE_KEY_STORAGE, JSON.stringify(key));
  return { publicKey: key.publicKey, secretKey };
}

async function getDeviceKey(request: DeviceKeyRequest): Promise<DeviceKeyInfo | null> {
  const key = await loadDeviceKey(request.create);
  return key ? { publicKey: key.publicKey, storage: 'browser-storage' } : null;
}

async function signWithDeviceKey(request: SignRequest): Promise<DeviceSignature> {
  const key = (await loadDeviceKey(true))!;
  const { ed25519 } = await import('@noble/curves/ed25519.js');
  return { publicKey: key.publicKey, signature: ed25519.sign(request.bytes, key.secretKey) };
}

/**
 * The web build keeps the academy's signing key encrypted under the administrator passphrase in the
 * browser's storage for this site, and signs in the page: the key is unlocked there for one signature.
 * Anyone who can use this browser profile can copy the encrypted key (not use it without the passphrase).
 * The same store as the desktop's main process, with localStorage in place of the user-data folder.
 */
const ACADEMY_KEY_STORAGE = 'attache:academy-key';
const ACADEMY_DOMAIN_STORAGE = 'attache:academy-key-domain';

const browserAcademyKeyStorage: AcademyKeyStorage = {
  kind: 'browser-storage',
  readKey: () => {
    const stored = localStorage.getItem(ACADEMY_KEY_STORAGE);
    return Promise.resolve(stored === null ? null : new TextEncoder().encode(stored));
  },
  writeKey: (bytes) => {
    localStorage.setItem(ACADEMY_KEY_STORAGE, new TextDecoder().decode(bytes));
    return Promise.resolve();
  },
  readDomain: () => Promise.resolve(localStorage.getItem(ACADEMY_DOMAIN_STORAGE)),
  writeDomain: (domain) => {
    if (domain === null) localStorage.removeItem(ACADEMY_DOMAIN_STORAGE);
    else localStorage.setItem(ACADEMY_DOMAIN_STORAGE, domain);
    return Promise.resolve();
  },
};

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
  // The key's store, and the signing library behind it, load only when the academy's key is first asked for.
  let academyKeyStore: Promise<AcademyKeyStore> | null = null;
  const academyKey = (): Promise<AcademyKeyStore> =>
    (academyKeyStore ??= import('../../../electron/main/academy-key').then(({ createAcademyKeyStore, loadCredentialsKeyCrypto }) =>
      createAcademyKeyStore({ storage: browserAcademyKeyStorage, crypto: loadCredentialsKeyCrypto, now: Date.now }),
    ));
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
    openFiles,
    getDeviceKey,
    signWithDeviceKey,
    // A page cannot make a PDF itself: the screen prints with the browser's dialog (Save as PDF) instead.
    printToPdf: () => Promise.resolve(null),
    // A page may only talk to where it came from (connect-src 'self'): reaching an LRS needs the desktop
    // app, whose main process sends the statements; here they are saved to a file instead.
    getLrsConnection: () => Promise.resolve(null),
    setLrsConnection: () => Promise.reject(new Error('Sending records to an LRS needs the desktop app; the web build saves them to a file instead.')),
    testLrsConnection: () => Promise.resolve({ reply: { kind: 'unsupported' }, versions: [] }),
    postStatements: () => Promise.resolve({ kind: 'unsupported' }),
    getAcademyKey: () => academyKey().then((store) => store.get()),
    createAcademyKey: (request) => academyKey().then((store) => store.create(request.passphrase)),
    exportAcademyKey: () => academyKey().then((store) => store.exportFile()),
    importAcademyKey: (request) => academyKey().then((store) => store.import(request)),
    rewrapAcademyKey: (request) => academyKey().then((store) => store.rewrap(request.passphrase, request.newPassphrase)),
    setAcademyDomain: (request) => academyKey().then((store) => store.setDomain(request.domain)),
    signBadge: (request) => academyKey().then((store) => store.sign(request)),
    // A browser tab has no application menu to keep in step.
    setMenuState: () => Promise.resolve(),
    // A page cannot read or write a folder on disk: the studio keeps its packs in the database instead.
    openStudioFolder: () => Promise.resolve({ kind: 'unsupported' }),
    saveStudioFolder: () => Promise.resolve({ kind: 'unsupported' }),
    onMenuCommand,
  };
}
