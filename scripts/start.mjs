// Runtime: Node (scripts). `npm start`: opens the desktop app. Where Electron's binary cannot be
// obtained (or there is no display to open a window on), says so and serves the web build on
// 127.0.0.1 instead. `--web` goes straight to the web build.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { electronExecutable, electronPackageDir } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.ATTACHE_PORT ?? 4173);

function runToEnd(command, args) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
}

function runForever(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** Why the desktop app cannot open here, or null when it can. */
function whyNoDesktop() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  }
  if (electronExecutable()) return null;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return "Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set";
  }
  console.log("Electron's binary is not installed yet: downloading it once …");
  const status = spawnSync(process.execPath, [path.join(electronPackageDir, 'install.js')], { cwd: root, stdio: 'inherit' }).status;
  if (status === 0 && electronExecutable()) return null;
  return "Electron's binary could not be downloaded (no connection to its download server)";
}

function serveWeb() {
  console.log('Building the web version …');
  if (runToEnd('npx', ['--no-install', 'vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn']) !== 0) {
    console.error('The web build failed: see the errors above.');
    process.exit(1);
  }
  console.log(`\nAttaché is running at http://127.0.0.1:${port}/ — open that address in Chromium, Chrome, Edge or Firefox.`);
  console.log('Your progress is kept in that browser. Press Ctrl+C to stop.\n');
  runForever('npx', ['--no-install', 'vite', 'preview', '--config', 'vite.web.config.ts', '--host', '127.0.0.1', '--port', String(port), '--strictPort']);
}

if (process.argv.includes('--web')) {
  serveWeb();
} else {
  const reason = whyNoDesktop();
  if (reason) {
    console.log(`The desktop app cannot open here: ${reason}.\nServing the web version instead.`);
    serveWeb();
  } else {
    runForever('npx', ['--no-install', 'electron-vite', 'preview']);
  }
}
