// Runtime: any (types and constants only). The one contract between the renderer, the preload
// and the main process. The preload implements `AttacheApi` over IPC, the main process answers
// every `InvokeContract` channel, and the browser build implements `AttacheApi` with web APIs.

import type { Language } from '../../renderer/src/core/locale';

// The languages the UI speaks are a fact of the pure core (lemmas, number words and message
// catalogues follow them); the contract only carries them across processes.
export { SUPPORTED_LANGUAGES, type Language } from '../../renderer/src/core/locale';

export const THEME_PREFERENCES = ['light', 'dark', 'auto'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export interface AppInfo {
  name: string;
  version: string;
  /** Where the renderer runs: inside Electron, or as a plain web bundle in a browser. */
  runtime: 'electron' | 'web';
  /** Operating system as reported by the runtime, e.g. `linux`, `darwin`, `win32`, or the browser's platform. */
  os: string;
  /** Versions of the runtime's parts (electron, chrome, node) where known. */
  versions: Record<string, string>;
}

export interface FileFilter {
  /** Shown to the user, e.g. "Scenario pack". */
  name: string;
  /** Extensions without the dot, e.g. `["attache"]`. */
  extensions: string[];
}

export interface OpenFileRequest {
  title?: string;
  filters?: FileFilter[];
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface SaveFileRequest {
  title?: string;
  suggestedName: string;
  bytes: Uint8Array;
  filters?: FileFilter[];
}

export type SaveFileResult = { saved: true; name: string } | { saved: false };

/**
 * This device's key for signing progress files: made on the device on first use, never leaving it;
 * only the public key and signatures do. `storage` says how the private key is kept: encrypted by the
 * operating system's secret store, in an unencrypted file readable by this user only (a system without
 * a secret store), or in the browser's storage (the web build).
 */
export interface DeviceKeyInfo {
  /** Hex of the 32-byte Ed25519 public key. */
  publicKey: string;
  storage: 'os-encrypted' | 'unencrypted-file' | 'browser-storage';
}

export interface DeviceKeyRequest {
  /** Make the key when there is none yet (false: answer null instead). */
  create: boolean;
}

export interface SignRequest {
  bytes: Uint8Array;
}

export interface DeviceSignature {
  publicKey: string;
  /** The 64-byte Ed25519 signature. */
  signature: Uint8Array;
}

export const PDF_PAGE_SIZES = ['A4', 'Letter'] as const;
export type PdfPageSize = (typeof PDF_PAGE_SIZES)[number];

/**
 * A self-contained HTML document (no script runs, nothing outside it loads) to print to PDF, e.g. a
 * trainee's transcript. The main process prints it in a hidden window and returns the PDF's bytes.
 */
export interface PrintToPdfRequest {
  html: string;
  pageSize: PdfPageSize;
}

/**
 * The academy's learning record store as this device knows it. The secret is kept by the main process
 * (encrypted by the operating system's secret store where there is one) and never crosses to the renderer.
 */
export interface LrsConnection {
  /** The xAPI endpoint, ending in `/` (e.g. `https://lrs.academy.example/xapi/`); statements go to `<endpoint>statements`. */
  endpoint: string;
  /** The key (HTTP Basic user name) the LRS gave the academy. */
  key: string;
  /** How the secret is kept: see DeviceKeyInfo's storage. */
  storage: 'os-encrypted' | 'unencrypted-file';
}

export interface LrsConnectionInput {
  endpoint: string;
  key: string;
  /** The secret; null keeps the one stored (changing the endpoint or key without typing it again). */
  secret: string | null;
}

/** What the LRS answered, or why there was no answer; the sync decides what each means. */
export type LrsReply =
  | { kind: 'answered'; status: number; body: string; retryAfter: string | null }
  | { kind: 'no-answer'; reason: 'timeout' | 'network'; message: string }
  /** No connection is set up on this device. */
  | { kind: 'not-configured' }
  /** This build cannot reach an LRS (the web build: its pages may only talk to where they came from). */
  | { kind: 'unsupported' };

export interface LrsPostRequest {
  /** The statements' JSON texts, each exactly as the outbox keeps it, sent as one JSON array. */
  statements: string[];
}

export interface LrsTestResult {
  reply: LrsReply;
  /** The xAPI versions the LRS's `about` resource lists, when it answered. */
  versions: string[];
  /**
   * Which request `reply` answers: `about` (whether an xAPI LRS is there; the test stops there when it
   * failed or listed no version) or `statements` (reading one statement, which needs the key and secret).
   * Absent when no request was made (nothing set up, or a build that cannot sync).
   */
  step?: 'about' | 'statements';
}

/**
 * The academy's signing key for Open Badges: an Ed25519 key made in the app and kept encrypted under the
 * administrator passphrase (scrypt + AES-GCM). Only its public part crosses to the page in the desktop
 * app, where the main process keeps the encrypted file in the user-data folder and signs; the web build
 * keeps the encrypted key in the browser's storage for the site and signs in the page.
 */
export interface AcademyKeyInfo {
  /** The Ed25519 public key as a multibase string (z6Mk…). */
  publicKeyMultibase: string;
  /** The key as a DID: integrity (the badge was not changed), not identity. */
  didKey: string;
  /** Where the academy publishes its DID document (`https://domain/.well-known/did.json`); null when none is given. */
  domain: string | null;
  /** `did:web:domain` when a domain is given, else null. */
  didWeb: string | null;
  /** When the key was made (ISO 8601). */
  created: string;
  storage: 'user-data-file' | 'browser-storage';
}

export interface AcademyKeyCreateRequest {
  /** The administrator passphrase the key is encrypted under. */
  passphrase: string;
}

export interface AcademyKeyImportRequest {
  /** An encrypted academy key file, as exported (here or by `npm run records -- academy-key new`). */
  bytes: Uint8Array;
  /** The passphrase the file is encrypted under. */
  passphrase: string;
  /** The passphrase to keep it under from now on (this computer's administrator passphrase); null keeps `passphrase`. */
  newPassphrase: string | null;
  /** Replace the key this computer has (badges it signed still verify; new ones name the imported key). */
  replace: boolean;
}

export interface AcademyKeyRewrapRequest {
  passphrase: string;
  newPassphrase: string;
}

export interface AcademyKeyDomainRequest {
  /** A host name such as `academy.example` (a port and a path may follow: `academy.example:8443/attache`); null forgets it (badges then name the key as did:key). */
  domain: string | null;
}

/**
 * Why a key operation did not go through, for the screen to say: the passphrase does not open the key
 * (or is too short to keep it under); the key file is damaged; there is no key (or already one); the file is not an academy key; the DID asked for is not this key's;
 * the credential to sign is not an unsigned Open Badge issued by that DID.
 */
export type AcademyKeyProblem =
  'wrong-passphrase' | 'weak-passphrase' | 'damaged' | 'no-key' | 'key-exists' | 'not-a-key-file' | 'unknown-did' | 'bad-credential';

export type AcademyKeyOutcome = { ok: true; key: AcademyKeyInfo | null } | { ok: false; problem: AcademyKeyProblem; message: string };

export interface BadgeSignRequest {
  /** The unsigned OpenBadgeCredential as JSON text; its issuer is `did`. */
  credential: string;
  /** Unlocks the academy key for this one signature; never kept. */
  passphrase: string;
  /** The issuer DID the proof names: the key's did:key, or its did:web. */
  did: string;
}

export type BadgeSignOutcome = { ok: true; credential: string } | { ok: false; problem: AcademyKeyProblem; message: string };

/** A file of a pack folder: its path inside the pack (`scenarios/crisis.yaml`) and its bytes. */
export interface StudioFolderFile {
  path: string;
  bytes: Uint8Array;
}

export interface StudioFolderOpenRequest {
  /** The folder dialog's title. */
  title?: string;
}

/**
 * A pack folder the author chose in the desktop app, read with the limits of the command-line tools
 * (scripts/lib/pack-files.ts): refused whole, with the path at fault and what to do, when a file or
 * name breaks them. The web build has no folders ('unsupported'): its packs live in the database.
 */
/**
 * Why the studio could not open or save a pack folder, for the interface to word in its language
 * (the refusal's `message` is the English the command-line tools and logs use). `detail` is what the
 * file system or the pack reader said, in English: shown only as a detail after the translated reason.
 */
export type StudioFolderRefusal =
  | {
      key: 'not-opened' | 'gone' | 'not-a-folder' | 'outside' | 'folder-is-link' | 'folder-is-file' | 'file-is-link' | 'not-plain-file' | 'bad-name';
      path: string;
    }
  | { key: 'write-failed' | 'unreadable'; path: string; detail: string };

export type StudioFolderOpened =
  | { kind: 'opened'; folder: string; files: StudioFolderFile[] }
  | { kind: 'cancelled' }
  | { kind: 'refused'; folder: string; message: string; refusal?: StudioFolderRefusal }
  | { kind: 'unsupported' };

export interface StudioFolderSaveRequest {
  /** The folder as studio:open-folder gave it: no other folder is written. */
  folder: string;
  /** Every file of the pack; a file whose bytes are on disk already is left as it is. */
  files: StudioFolderFile[];
  /** Files to remove from the folder: renamed or deleted in the studio since it was opened or saved. */
  remove: string[];
}

/** How a save went: each file is written to a temporary file first, then renamed over the old one. */
export type StudioFolderSaved =
  { kind: 'saved'; written: number; removed: number } | { kind: 'refused'; message: string; refusal?: StudioFolderRefusal } | { kind: 'unsupported' };

/** What the application menu shows as selected, and the labels it needs in the UI's language. */
export interface MenuState {
  language: Language;
  theme: ThemePreference;
}

/** Commands the application menu sends to the renderer. Quitting is handled by the main process. */
export type MenuCommand =
  { type: 'set-language'; language: Language } | { type: 'set-theme'; theme: ThemePreference } | { type: 'open-settings' } | { type: 'open-about' };

/** Request/response channels: the arguments tuple and the result of each. */
export interface InvokeContract {
  'app:get-info': { args: []; result: AppInfo };
  'app:get-system-locale': { args: []; result: string };
  'file:open': { args: [request: OpenFileRequest]; result: OpenedFile | null };
  'file:save': { args: [request: SaveFileRequest]; result: SaveFileResult };
  'file:open-many': { args: [request: OpenFileRequest]; result: OpenedFile[] };
  'device-key:get': { args: [request: DeviceKeyRequest]; result: DeviceKeyInfo | null };
  'device-key:sign': { args: [request: SignRequest]; result: DeviceSignature };
  'print:to-pdf': { args: [request: PrintToPdfRequest]; result: Uint8Array };
  'lrs:get-connection': { args: []; result: LrsConnection | null };
  'lrs:set-connection': { args: [input: LrsConnectionInput | null]; result: LrsConnection | null };
  'lrs:test-connection': { args: [input: LrsConnectionInput | null]; result: LrsTestResult };
  'lrs:post-statements': { args: [request: LrsPostRequest]; result: LrsReply };
  'academy-key:get': { args: []; result: AcademyKeyInfo | null };
  'academy-key:create': { args: [request: AcademyKeyCreateRequest]; result: AcademyKeyOutcome };
  'academy-key:export': { args: []; result: Uint8Array | null };
  'academy-key:import': { args: [request: AcademyKeyImportRequest]; result: AcademyKeyOutcome };
  'academy-key:rewrap': { args: [request: AcademyKeyRewrapRequest]; result: AcademyKeyOutcome };
  'academy-key:set-domain': { args: [request: AcademyKeyDomainRequest]; result: AcademyKeyOutcome };
  'badge:sign': { args: [request: BadgeSignRequest]; result: BadgeSignOutcome };
  'menu:set-state': { args: [state: MenuState]; result: void };
  'studio:open-folder': { args: [request: StudioFolderOpenRequest]; result: StudioFolderOpened };
  'studio:save-folder': { args: [request: StudioFolderSaveRequest]; result: StudioFolderSaved };
}

export type InvokeChannel = keyof InvokeContract;

/** Main → renderer event channels. */
export interface EventContract {
  'menu:command': MenuCommand;
}

export type EventChannel = keyof EventContract;

/** The API the renderer sees, on `window.attache` inside Electron. */
export interface AttacheApi {
  getAppInfo(): Promise<AppInfo>;
  getSystemLocale(): Promise<string>;
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Several files chosen at once; empty when the user cancels. */
  openFiles(request: OpenFileRequest): Promise<OpenedFile[]>;
  getDeviceKey(request: DeviceKeyRequest): Promise<DeviceKeyInfo | null>;
  /** Signs with this device's key, making it first if there is none. */
  signWithDeviceKey(request: SignRequest): Promise<DeviceSignature>;
  /**
   * The PDF of a self-contained HTML document; null where the platform cannot make one (a browser tab:
   * there, the page is printed with the browser's own dialog instead).
   */
  printToPdf(request: PrintToPdfRequest): Promise<Uint8Array | null>;
  /** The LRS connection set up on this device (never its secret); null when there is none or the build cannot sync. */
  getLrsConnection(): Promise<LrsConnection | null>;
  /** Saves (or, with null, forgets) the LRS connection; the web build refuses (sync needs the desktop app). */
  setLrsConnection(input: LrsConnectionInput | null): Promise<LrsConnection | null>;
  /** Asks the LRS (the one given, or with null the one stored) whether it answers and accepts the key and secret. */
  testLrsConnection(input: LrsConnectionInput | null): Promise<LrsTestResult>;
  /** Sends one batch of statements to the stored LRS, with a timeout; the reply says what happened. */
  postStatements(request: LrsPostRequest): Promise<LrsReply>;
  /** The academy's signing key's public part; null when this computer (or browser) has none. */
  getAcademyKey(): Promise<AcademyKeyInfo | null>;
  /** Makes the academy's key, encrypted under the passphrase; refused when there is one already. */
  createAcademyKey(request: AcademyKeyCreateRequest): Promise<AcademyKeyOutcome>;
  /** The encrypted key file's bytes, for a backup (still encrypted under the passphrase); null when there is no key. */
  exportAcademyKey(): Promise<Uint8Array | null>;
  importAcademyKey(request: AcademyKeyImportRequest): Promise<AcademyKeyOutcome>;
  /** Encrypts the key under a new passphrase (when the administrator passphrase changes); ok with a null key when there is none. */
  rewrapAcademyKey(request: AcademyKeyRewrapRequest): Promise<AcademyKeyOutcome>;
  setAcademyDomain(request: AcademyKeyDomainRequest): Promise<AcademyKeyOutcome>;
  /** Signs an OpenBadgeCredential with the academy's key (eddsa-rdfc-2022); the key is unlocked for this signature only. */
  signBadge(request: BadgeSignRequest): Promise<BadgeSignOutcome>;
  setMenuState(state: MenuState): Promise<void>;
  /** Asks for a pack folder and reads it (desktop); 'unsupported' in the web build. */
  openStudioFolder(request: StudioFolderOpenRequest): Promise<StudioFolderOpened>;
  /** Writes a pack back to the folder it was opened from, each file atomically; 'unsupported' in the web build. */
  saveStudioFolder(request: StudioFolderSaveRequest): Promise<StudioFolderSaved>;
  /** Subscribes to menu commands; returns the function that unsubscribes. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** Which channel each `AttacheApi` request method uses: the preload and the tests read this. */
export const INVOKE_CHANNELS = {
  getAppInfo: 'app:get-info',
  getSystemLocale: 'app:get-system-locale',
  openFile: 'file:open',
  saveFile: 'file:save',
  openFiles: 'file:open-many',
  getDeviceKey: 'device-key:get',
  signWithDeviceKey: 'device-key:sign',
  printToPdf: 'print:to-pdf',
  getLrsConnection: 'lrs:get-connection',
  setLrsConnection: 'lrs:set-connection',
  testLrsConnection: 'lrs:test-connection',
  postStatements: 'lrs:post-statements',
  getAcademyKey: 'academy-key:get',
  createAcademyKey: 'academy-key:create',
  exportAcademyKey: 'academy-key:export',
  importAcademyKey: 'academy-key:import',
  rewrapAcademyKey: 'academy-key:rewrap',
  setAcademyDomain: 'academy-key:set-domain',
  signBadge: 'badge:sign',
  setMenuState: 'menu:set-state',
  openStudioFolder: 'studio:open-folder',
  saveStudioFolder: 'studio:save-folder',
} as const satisfies Record<Exclude<keyof AttacheApi, 'onMenuCommand'>, InvokeChannel>;

export const MENU_COMMAND_CHANNEL = 'menu:command' satisfies EventChannel;

/** The global name the preload exposes the API under. */
export const API_GLOBAL = 'attache';
