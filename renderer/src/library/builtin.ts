// Runtime: renderer (bundled by Vite). The built-in scenario library, read from `scenarios/core-library`
// at build time and validated at start like any other pack.
import type { PackFiles } from '../core/pack/archive';
import { loadPack } from '../core/pack/load';
import { createLibrary, type Library } from './library';

const SOURCE = 'scenarios/core-library';
const files = import.meta.glob<string>('../../../scenarios/core-library/**/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true });

export function builtinPackFiles(): PackFiles {
  const encoder = new TextEncoder();
  const packFiles: PackFiles = new Map();
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    packFiles.set(path.replace(/^.*\/scenarios\/core-library\//, ''), encoder.encode(text));
  }
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
