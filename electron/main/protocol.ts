// Runtime: Electron main process. Serves the built renderer under app://attache/… — a standard,
// secure origin, so IndexedDB and the rest of the web platform behave as on https — and nothing
// outside the renderer's folder.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './security';

export type ResolvedAppPath = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 };

/** Characters no served file name contains: separators, drive letters, NUL and other controls. */
function isSafeSegment(segment: string): boolean {
  if (segment === '' || segment === '.' || segment === '..') return false;
  for (const character of segment) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f || character === '/' || character === '\\' || character === ':') return false;
  }
  return true;
}

function hasDotSegment(requestUrl: string): boolean {
  const afterAuthority = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const rawPath = afterAuthority.split(/[?#]/, 1)[0] ?? '';
  return rawPath.split('/').some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment));
}

/**
 * Maps an app:// URL to a file inside `root`, or says why it may not be served. Pure, so that
 * every traversal trick can be tested without Electron.
 */
export function resolveAppPath(root: string, requestUrl: string): ResolvedAppPath {
  // Browsers read a backslash as a slash in standard URLs; no file of ours needs one.
  if (requestUrl.includes('\\') || /%5c/i.test(requestUrl)) return { ok: false, status: 403 };
  // URL parsing would silently collapse `..` and `%2e%2e`; a request that tries them is refused.
  if (hasDotSegment(requestUrl)) return { ok: false, status: 403 };

  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 404 };

  const encodedSegments = url.pathname.split('/').slice(1);
  if (encodedSegments.length === 0 || encodedSegments.at(-1) === '') {
    encodedSegments.splice(-1, 1, 'index.html');
  }

  const segments: string[] = [];
  for (const encoded of encodedSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return { ok: false, status: 400 };
    }
    if (!isSafeSegment(segment)) return { ok: false, status: 403 };
    segments.push(segment);
  }

  const resolvedRoot = path.resolve(root);
  const filePath = path.resolve(resolvedRoot, ...segments);
  const relative = path.relative(resolvedRoot, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppProtocolOptions {
  root: string;
  contentSecurityPolicy: string;
  readFile?: (filePath: string) => Promise<Uint8Array>;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
};

/** The handler `protocol.handle('app', …)` runs for every request to app://. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const read = options.readFile ?? ((filePath: string) => readFile(filePath));
  const securityHeaders = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  const refuse = (status: number) =>
    new Response(STATUS_TEXT[status] ?? 'Error', {
      status,
      headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
    });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveAppPath(options.root, request.url);
    if (!resolved.ok) return refuse(resolved.status);
    let body: Uint8Array;
    try {
      body = await read(resolved.filePath);
    } catch {
      return refuse(404);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': mimeTypeOf(resolved.filePath) },
    });
  };
}
