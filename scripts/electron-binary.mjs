// Runtime: Node (scripts). Tells whether Electron's binary is present, without requiring the
// `electron` package: requiring it starts a download when the binary is missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const electronPackageDir = path.join(root, 'node_modules', 'electron');

/** The Electron executable's path, or null when it is not installed. */
export function electronExecutable() {
  const pathFile = path.join(electronPackageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const executable = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(executable) ? executable : null;
  }
  if (!relative) return null;
  const executable = path.join(electronPackageDir, 'dist', relative);
  return existsSync(executable) ? executable : null;
}
