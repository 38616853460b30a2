// Runtime: Node (scripts). Finds a Chromium for the end-to-end tests: $CHROMIUM_PATH, Playwright's
// own download, or the system's; on Debian/Ubuntu as root it installs the `chromium` package.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

const SYSTEM_CANDIDATES = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
};

export const INSTALL_ADVICE = [
  'No Chromium found for the end-to-end tests. Install one of:',
  '  Debian/Ubuntu:  sudo apt-get install chromium',
  "  any system:     npx playwright install chromium   (Playwright's own build)",
  'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
].join('\n');

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const executable = chromium.executablePath();
    return executable && existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

function systemChromium() {
  return (SYSTEM_CANDIDATES[process.platform] ?? []).find((candidate) => existsSync(candidate)) ?? null;
}

function canInstallWithApt() {
  return (
    process.platform === 'linux' &&
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  );
}

function installWithApt(log) {
  log("Installing Debian's chromium package (apt-get) …");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  return install.status === 0;
}

/**
 * Returns the path of a Chromium executable, installing Debian's package when allowed and possible.
 * Throws an Error whose message says what to install when none can be found.
 */
export async function findChromium({ install = true, log = (line) => console.error(line) } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.\n${INSTALL_ADVICE}`);
  }
  const found = (await playwrightChromium()) ?? systemChromium();
  if (found) return found;
  if (install && canInstallWithApt() && installWithApt(log)) {
    const installed = systemChromium();
    if (installed) return installed;
  }
  throw new Error(INSTALL_ADVICE);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  findChromium()
    .then((executable) => console.log(executable))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
