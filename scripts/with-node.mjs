#!/usr/bin/env node
// Runs a command under Node >= 22.12. When the machine's Node is older, a Node 24 build is
// installed from the npm registry (the node-<os>-<arch> packages are plain tarballs) into
// .cache/ and put first on PATH for the command and everything it starts.
// Written for any Node >= 18, because it is what runs before a recent Node exists.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const MINIMUM = [22, 12, 0];
const PROVIDED_VERSION = '24.21.0';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function isRecentEnough(version) {
  const parts = version.split('.').map(Number);
  for (let i = 0; i < MINIMUM.length; i += 1) {
    if (parts[i] !== MINIMUM[i]) return parts[i] > MINIMUM[i];
  }
  return true;
}

function nodePackageName() {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!os || !arch) {
    throw new Error(`No Node ${PROVIDED_VERSION} package for ${process.platform}/${process.arch}: install Node >= ${MINIMUM.join('.')} yourself.`);
  }
  return `node-${os}-${arch}`;
}

function provideNode() {
  const pkg = nodePackageName();
  const prefix = path.join(root, '.cache', `node-${PROVIDED_VERSION}-${process.platform}-${process.arch}`);
  const binDir = path.join(prefix, 'node_modules', '.bin');
  const nodePath = path.join(binDir, process.platform === 'win32' ? 'node.cmd' : 'node');
  if (!existsSync(nodePath)) {
    console.error(
      `Node ${process.versions.node} is older than ${MINIMUM.join('.')}: installing Node ${PROVIDED_VERSION} (${pkg}) into ${path.relative(root, prefix)} …`,
    );
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, `${pkg}@${PROVIDED_VERSION}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
    if (result.status !== 0 || !existsSync(nodePath)) {
      console.error(
        `Could not install ${pkg}@${PROVIDED_VERSION} from the npm registry. Install Node >= ${MINIMUM.join('.')} (https://nodejs.org) and try again.`,
      );
      process.exit(1);
    }
  }
  return binDir;
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-node.mjs <command> [args…]');
  process.exit(2);
}

const env = { ...process.env };
if (!isRecentEnough(process.versions.node)) {
  const binDir = provideNode();
  env.PATH = `${binDir}${path.delimiter}${env.PATH ?? ''}`;
}

const child = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`Could not run ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
