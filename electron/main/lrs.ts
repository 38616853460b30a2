// Runtime: Electron main process. The academy's learning record store (LRS): its connection (endpoint,
// key and secret) kept in the app's user-data folder, and the requests that reach it. The secret never
// leaves this process: the renderer sees the endpoint, the key and how the secret is kept.
//
// The secret is encrypted with the operating system's secret store (Electron's safeStorage: the macOS
// Keychain, Windows DPAPI, the Linux Secret Service or KWallet) where there is one, as the device key is
// (device-key.ts). Where there is none (a Linux desktop without a keyring), it is stored unencrypted in a
// file readable by this user's account only, and the app says so: anyone who can read this account's
// files can then read the secret and write to the academy's LRS.
//
// Requests go through an injected fetch: Electron's net.fetch in the app (it honours the system's proxy
// settings), Node's fetch against a real local server in the tests.
import { rm } from 'node:fs/promises';
import type { LrsConnection, LrsConnectionInput, LrsPostRequest, LrsReply, LrsTestResult } from '../contract/api';
import { nodeKeyFiles, osProtectionAvailable, type KeyFileAccess, type SecretProtection } from './device-key';

/** The xAPI version the app speaks (its statements say `"version": "1.0.3"`, see core/records/xapi.ts). */
export const XAPI_VERSION_HEADER = '1.0.3';

/** Each request to the LRS is given up after this long: a stalled LRS must not hold a sync pass forever. */
export const LRS_REQUEST_TIMEOUT_MS = 30_000;

/** Most characters of an LRS's reply kept to show: enough for its error message, never a whole page. */
export const MAX_LRS_REPLY_CHARACTERS = 4096;

export interface SecretFileAccess extends KeyFileAccess {
  /** Deletes the file; nothing happens when there is none. */
  remove(filePath: string): Promise<void>;
}

export const nodeSecretFiles: SecretFileAccess = {
  read: nodeKeyFiles.read,
  writePrivate: nodeKeyFiles.writePrivate,
  remove: (filePath) => rm(filePath, { force: true }),
};

/** The subset of fetch the client uses: Electron's net.fetch and Node's fetch both fit. */
export type LrsFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface LrsService {
  getConnection(): Promise<LrsConnection | null>;
  setConnection(input: LrsConnectionInput | null): Promise<LrsConnection | null>;
  testConnection(input: LrsConnectionInput | null): Promise<LrsTestResult>;
  postStatements(request: LrsPostRequest): Promise<LrsReply>;
}

const CONNECTION_FILE_FORMAT = 1;

interface ConnectionFile {
  format: typeof CONNECTION_FILE_FORMAT;
  endpoint: string;
  key: string;
  /** 'os': the secret encrypted by safeStorage (base64); 'none': the secret as typed. */
  protection: 'os' | 'none';
  secret: string;
}

interface Credentials {
  endpoint: string;
  key: string;
  secret: string;
}

function originOf(endpoint: string): string {
  const url = new URL(endpoint);
  return `${url.protocol}//${url.host}`;
}

function basicAuthorization(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`, 'utf8').toString('base64')}`;
}

/** Reads at most `limit` characters of a body, then stops reading: an LRS's reply may be a whole web page. */
async function readCut(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.length > limit) return `${text.slice(0, limit)}…`;
    }
    text += decoder.decode();
    return text.length > limit ? `${text.slice(0, limit)}…` : text;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The words of a failed fetch, with the system's reason (ECONNREFUSED, ENOTFOUND…) when it gives one. */
function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return `${error.message}: ${code && !cause.message.includes(code) ? `${code} ` : ''}${cause.message}`;
  }
  return error.message;
}

export function createLrsService(deps: {
  filePath: string;
  files: SecretFileAccess;
  safeStorage: SecretProtection;
  platform: string;
  fetch: LrsFetch;
  /** How long one request may take, reply included; LRS_REQUEST_TIMEOUT_MS unless a test sets it. */
  timeoutMs?: number;
}): LrsService {
  const { filePath, files, safeStorage, platform } = deps;
  const timeoutMs = deps.timeoutMs ?? LRS_REQUEST_TIMEOUT_MS;
  const damaged = (why: string) =>
    new Error(
      `The LRS connection stored on this device (${filePath}) cannot be used: ${why}. In Settings → Academy → Learning record store, forget the connection and set it up again (the endpoint, key and secret the LRS gave the academy).`,
    );

  const parse = (bytes: Uint8Array): ConnectionFile => {
    let file: ConnectionFile;
    try {
      file = JSON.parse(new TextDecoder().decode(bytes)) as ConnectionFile;
    } catch {
      throw damaged('the file is not valid JSON');
    }
    if (
      typeof file !== 'object' ||
      file === null ||
      file.format !== CONNECTION_FILE_FORMAT ||
      typeof file.endpoint !== 'string' ||
      typeof file.key !== 'string' ||
      typeof file.secret !== 'string' ||
      (file.protection !== 'os' && file.protection !== 'none')
    ) {
      throw damaged('the file is not a connection Attaché wrote');
    }
    return file;
  };

  const describe = (file: ConnectionFile): LrsConnection => ({
    endpoint: file.endpoint,
    key: file.key,
    storage: file.protection === 'os' ? 'os-encrypted' : 'unencrypted-file',
  });

  const decrypt = (file: ConnectionFile): Credentials => {
    if (file.protection === 'none') return { endpoint: file.endpoint, key: file.key, secret: file.secret };
    if (!safeStorage.isEncryptionAvailable()) throw damaged("the system's secret store, which encrypted the secret, is not available now");
    try {
      return { endpoint: file.endpoint, key: file.key, secret: safeStorage.decryptString(Buffer.from(file.secret, 'base64')) };
    } catch {
      throw damaged("the system's secret store could not decrypt the secret (it was stored under another user account or keyring)");
    }
  };

  // The file as last read or written; undefined until first read. Every change goes through `write`.
  let cached: ConnectionFile | null | undefined;
  const stored = async (): Promise<ConnectionFile | null> => {
    if (cached === undefined) {
      const bytes = await files.read(filePath);
      cached = bytes ? parse(bytes) : null;
    }
    return cached;
  };

  /** The credentials an input stands for: a typed secret, or (with null) the stored one for the same LRS. */
  const credentialsFor = async (input: LrsConnectionInput): Promise<Credentials> => {
    if (input.secret !== null) return { endpoint: input.endpoint, key: input.key, secret: input.secret };
    const file = await stored();
    if (!file) throw new Error('No LRS secret is stored on this device yet: type the secret the LRS gave the academy.');
    // A stored secret goes only to the server it was typed for: an endpoint on another server needs it typed again.
    if (originOf(file.endpoint) !== originOf(input.endpoint)) {
      throw new Error(
        `The stored secret was given for ${originOf(file.endpoint)}, and is never sent elsewhere: type the secret for ${originOf(input.endpoint)} to use it.`,
      );
    }
    return { endpoint: input.endpoint, key: input.key, secret: decrypt(file).secret };
  };

  const request = async (url: string, credentials: Credentials, init: { method: 'GET' | 'POST'; body?: string }): Promise<LrsReply> => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await deps.fetch(url, {
        method: init.method,
        headers: {
          Authorization: basicAuthorization(credentials.key, credentials.secret),
          'X-Experience-API-Version': XAPI_VERSION_HEADER,
          Accept: 'application/json',
          ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(init.body !== undefined ? { body: init.body } : {}),
        // A redirect is answered, not followed: the key and secret go only to the endpoint the academy set.
        redirect: 'manual',
        // The LRS is not a page of the app: no cookies of the app's session go with the request.
        credentials: 'omit',
        cache: 'no-store',
        signal,
      });
      let body = await readCut(response, MAX_LRS_REPLY_CHARACTERS);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location && body.trim() === '') {
        body = `Redirected to ${location}: set that address as the endpoint if it is the LRS.`;
      }
      return { kind: 'answered', status: response.status, body, retryAfter: response.headers.get('retry-after') };
    } catch (error) {
      // Only the timeout aborts this signal, so an abort is always the LRS taking too long.
      if (signal.aborted) {
        return { kind: 'no-answer', reason: 'timeout', message: `The LRS did not answer within ${timeoutMs / 1000} s (${url}).` };
      }
      const message = networkMessage(error);
      // Electron's net.fetch cancels a redirect it was told not to follow ("Redirect was cancelled")
      // where Node's fetch hands over the 3xx: either way the user learns what to change.
      if (/redirect/i.test(message)) {
        return {
          kind: 'no-answer',
          reason: 'network',
          message: `The LRS sent the request elsewhere (${message}), which Attaché does not follow so that the key and secret go only to the endpoint set: set the endpoint to the LRS's own address (${url}).`,
        };
      }
      return { kind: 'no-answer', reason: 'network', message: `${message} (${url})` };
    }
  };

  return {
    async getConnection() {
      const file = await stored();
      return file ? describe(file) : null;
    },

    async setConnection(input) {
      if (input === null) {
        await files.remove(filePath);
        cached = null;
        return null;
      }
      const credentials = await credentialsFor(input);
      const protect = osProtectionAvailable(safeStorage, platform);
      const file: ConnectionFile = {
        format: CONNECTION_FILE_FORMAT,
        endpoint: credentials.endpoint,
        key: credentials.key,
        protection: protect ? 'os' : 'none',
        secret: protect ? safeStorage.encryptString(credentials.secret).toString('base64') : credentials.secret,
      };
      await files.writePrivate(filePath, new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`));
      cached = file;
      return describe(file);
    },

    async testConnection(input) {
      let credentials: Credentials;
      if (input) {
        credentials = await credentialsFor(input);
      } else {
        const file = await stored();
        if (!file) return { reply: { kind: 'not-configured' }, versions: [] };
        credentials = decrypt(file);
      }
      // `about` says whether this is an xAPI LRS and which versions it speaks.
      const about = await request(`${credentials.endpoint}about`, credentials, { method: 'GET' });
      if (about.kind !== 'answered' || about.status < 200 || about.status >= 300) return { reply: about, versions: [], step: 'about' };
      const versions = aboutVersions(about.body);
      if (versions.length === 0) return { reply: about, versions, step: 'about' };
      // Reading one statement needs the key and secret: the LRS answers 401 or 403 when it refuses them.
      const statements = await request(`${credentials.endpoint}statements?limit=1`, credentials, { method: 'GET' });
      return { reply: statements, versions, step: 'statements' };
    },

    async postStatements({ statements }) {
      const file = await stored();
      if (!file) return { kind: 'not-configured' };
      const credentials = decrypt(file);
      // Each statement exactly as the outbox keeps it: rebuilding one would turn a resend into a 409.
      return request(`${credentials.endpoint}statements`, credentials, { method: 'POST', body: `[${statements.join(',')}]` });
    },
  };
}

/** The versions an `about` reply lists (`{"version": ["1.0.3", …]}`); none when it is not that. */
export function aboutVersions(body: string): string[] {
  try {
    const about: unknown = JSON.parse(body);
    if (typeof about !== 'object' || about === null) return [];
    const version: unknown = (about as { version?: unknown }).version;
    if (!Array.isArray(version)) return [];
    return version.filter((item): item is string => typeof item === 'string' && item.length > 0 && item.length <= 32).slice(0, 16);
  } catch {
    return [];
  }
}
