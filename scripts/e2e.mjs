// Runtime: Node (scripts). Builds what the end-to-end tests drive and runs Playwright:
// the web build in a Chromium found (or installed) by find-chromium.mjs, and the Electron
// build where Electron's binary exists. Extra arguments go to `playwright test`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { electronExecutable } from './electron-binary.mjs';
import { findChromium } from './find-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = path.join(root, 'test-report');

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  return result.status ?? 1;
}

let chromium;
try {
  chromium = await findChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

mkdirSync(reportDir, { recursive: true });
rmSync(path.join(reportDir, 'playwright.json'), { force: true });

const steps = [['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn']];
if (electronExecutable()) steps.push(['electron-vite', 'build']);
for (const [command, ...args] of steps) {
  if (run('npx', ['--no-install', command, ...args]) !== 0) {
    console.error(`e2e: "${command} ${args.join(' ')}" failed; no end-to-end test was run.`);
    process.exit(1);
  }
}

const env = {
  ...process.env,
  CHROMIUM_PATH: chromium,
  SCREENSHOT_DIR: process.env.SCREENSHOT_DIR ?? path.join(reportDir, 'screenshots'),
};
process.exit(run('npx', ['--no-install', 'playwright', 'test', ...process.argv.slice(2)], env));
