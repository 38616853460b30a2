// Runtime: Node (scripts and tests). A real learning record store on loopback: Learning Locker's
// `xapi-statements` (a dev dependency) in its own process, in memory — no database, no Redis — for the
// sync's tests, the bench and trying the app's sync by hand (`npm run lrs`). It accepts any Basic
// auth. Started on the port asked for, or one the system chooses; `startLrs` resolves once the LRS
// answers its `about` resource.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as delay } from 'node:timers/promises';
import { XAPI_HEADERS } from './xapi-http';

const require = createRequire(import.meta.url);

export interface RunningLrs {
  /** The xAPI endpoint, ending in `/`: statements are at `<endpoint>statements`. */
  endpoint: string;
  port: number;
  /** Stops the LRS's process and removes its folder (everything it held is gone). */
  stop(): Promise<void>;
  /** Resolves when the LRS's process has ended, stopped or not. */
  closed: Promise<void>;
}

export interface StartLrsOptions {
  /** The loopback port; 0 (the default) lets the system choose a free one. */
  port?: number;
  /** How long to wait for it to answer before giving up (a busy machine needs seconds to load it). */
  startTimeoutMs?: number;
  /** Where its log lines go (default: kept to be shown if it fails to start). */
  onLog?: (line: string) => void;
}

/** The xAPI endpoint of an LRS on this machine's loopback at `port`. */
export function loopbackEndpoint(port: number): string {
  return `http://127.0.0.1:${port}/xAPI/`;
}

/** Resolves once `GET <endpoint>about` answers 200, polling; rejects when `gaveUp()` says so. */
export async function waitForLrs(endpoint: string, options: { timeoutMs?: number; gaveUp?: () => string | null } = {}): Promise<void> {
  const deadline = performance.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    let last: string;
    const reason = options.gaveUp?.();
    if (reason) throw new Error(reason);
    try {
      const response = await fetch(`${endpoint}about`, { headers: XAPI_HEADERS, signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return;
      last = `about answered ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (performance.now() > deadline)
      throw new Error(`The LRS at ${endpoint} did not answer within ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s (${last}).`);
    await delay(100);
  }
}

/** Starts xapi-statements on loopback and resolves once it answers. */
export async function startLrs(options: StartLrsOptions = {}): Promise<RunningLrs> {
  const server = require.resolve('xapi-statements/dist/server.js');
  const folder = mkdtempSync(path.join(tmpdir(), 'attache-lrs-'));
  const loopback = path.join(import.meta.dirname, 'lrs-loopback.mjs');
  const log: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ['--import', loopback, server], {
    // Its own folder as the working directory: it reads a `.env` from there, and keeps files under it.
    cwd: folder,
    env: {
      PATH: process.env.PATH ?? '',
      EXPRESS_PORT: String(options.port ?? 0),
      AUTH_REPO: 'test',
      EVENTS_REPO: 'test',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      FS_LOCAL_STORAGE_DIR: path.join(folder, 'storage'),
      EXPRESS_MORGAN_DIRECTORY: path.join(folder, 'access'),
      WINSTON_CONSOLE_LEVEL: 'warn',
      // It warns about its AWS SDK's age on every start; that is no news here.
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let port: number | null = null;
  let exited: string | null = null;
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      const found = /^ATTACHE_LRS_PORT=(\d+)$/u.exec(line.trim());
      if (found) port = Number(found[1]);
      else if (line.trim()) {
        log.push(line);
        if (log.length > 50) log.shift();
        options.onLog?.(line);
      }
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = `The LRS stopped (${signal ?? `exit ${code}`}) before it answered:\n${log.slice(-15).join('\n')}`;
      resolve();
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exit;
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    // First the port it listens on (printed by the loopback preload), then an answer from it.
    const deadline = performance.now() + (options.startTimeoutMs ?? 120_000);
    while (port === null) {
      if (exited) throw new Error(exited);
      if (performance.now() > deadline) throw new Error(`The LRS did not start listening in time:\n${log.slice(-15).join('\n')}`);
      await delay(50);
    }
    const endpoint = loopbackEndpoint(port);
    await waitForLrs(endpoint, { timeoutMs: Math.max(1_000, deadline - performance.now()), gaveUp: () => exited });
    return { endpoint, port, stop, closed: exit };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The environment variable naming the LRS the tests send to (`.ci/run` starts one and sets it). */
export const TEST_LRS_VARIABLE = 'ATTACHE_TEST_LRS';

/**
 * The LRS a test sends to: the one ATTACHE_TEST_LRS names (checked to answer), or, on a developer's
 * machine without it, one started now on a free port (stopped by `stop`).
 */
export async function lrsForTests(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const given = process.env[TEST_LRS_VARIABLE];
  if (given) {
    const endpoint = given.endsWith('/') ? given : `${given}/`;
    await waitForLrs(endpoint, { timeoutMs: 60_000 });
    return { endpoint, stop: async () => {} };
  }
  return startLrs();
}
