// Runtime: renderer (bundled by Vite). The built-in scenario library, read from `scenarios/core-library`
// at build time and validated at start like any other pack.
import type { PackFiles } from '../core/pack/archive';
import { loadPack } from '../core/pack/load';
import { createLibrary, type Library } from './library';

const SOURCE = 'scenarios/core-library';
const files = import.meta.glob<string>('../../../scenarios/core-library/**/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true });
// Pictures and clips come inlined as data: URLs, so the library needs nothing from disk at run time.
const mediaFiles = import.meta.glob<string>('../../../scenarios/core-library/media/**/*', { query: '?inline', import: 'default', eager: true });

/** The bytes of a data: URL, base64 or percent-encoded (Vite inlines SVG the second way). */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) throw new Error(`not a data: URL: ${url.slice(0, 40)}`);
  const payload = url.slice(comma + 1);
  if (url.slice(0, comma).endsWith(';base64')) return Uint8Array.from(atob(payload), (character) => character.charCodeAt(0));
  return new TextEncoder().encode(decodeURIComponent(payload));
}

export function builtinPackFiles(): PackFiles {
  const encoder = new TextEncoder();
  const packFiles: PackFiles = new Map();
  const inPack = (path: string) => path.replace(/^.*\/scenarios\/core-library\//, '');
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) packFiles.set(inPack(path), encoder.encode(text));
  for (const [path, url] of Object.entries(mediaFiles).sort(([a], [b]) => a.localeCompare(b))) packFiles.set(inPack(path), dataUrlBytes(url));
  return packFiles;
}

const loaded = new Map<string, Library>();

/** Validates the built-in packs once per app version: a pure function of files that never change while running. */
export function loadBuiltinLibrary(appVersion: string): Library {
  let library = loaded.get(appVersion);
  if (!library) {
    library = validate(appVersion);
    loaded.set(appVersion, library);
  }
  return library;
}

function validate(appVersion: string): Library {
  const result = loadPack(builtinPackFiles(), { appVersion });
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return result.pack && errors.length === 0 ? createLibrary([result.pack]) : createLibrary([], [{ source: SOURCE, diagnostics: result.diagnostics }]);
}
