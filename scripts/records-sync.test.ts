// Runtime: Node (Vitest, fake-indexeddb). `npm run records -- sync` against a real LRS (the one
// ATTACHE_TEST_LRS names, or one started here), directly and through the fault proxy: progress files
// verified and sent, sent again (all already there), the app's bytes for the same settings, conflicts
// and refused files reported with exit 1, and bad usage with exit 2.
import 'fake-indexeddb/auto';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgressFile } from '../renderer/src/core/records/progress-file';
import { allStatements } from '../renderer/src/db/repositories/outbox';
import { createLibrary } from '../renderer/src/library/library';
import { buildPendingStatements } from '../renderer/src/records/statements';
import { MINIMAL_PACK_DIR } from '../renderer/src/test/packs';
import { deviceKey, minimalPack, progressContent, trainee } from '../renderer/src/test/progress-files';
import { academyDatabase, coreLibraryPack } from './lib/academy-fixture';
import { APP_VERSION } from './lib/app-version';
import { demoFiles } from './lib/demo-cohort';
import { faultsByNumber, startFaultProxy } from './lib/fault-proxy';
import { lrsForTests } from './lib/lrs-server';
import { buildStatements, gatherRecords } from './lib/records-sync';
import { basicAuth, statementsSince } from './lib/xapi-http';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const ACADEMY = 'https://academy.example/cli';
const auth = basicAuth('k', 's');

/** Runs the CLI in a child process without blocking this one (the fault proxy answers from here). */
function records(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, path.join(root, 'scripts', 'records.ts'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const folder = () => mkdtempSync(path.join(tmpdir(), 'attache-sync-'));
const since = () => new Date(Date.now() - 2_000).toISOString();

let lrs: { endpoint: string; stop(): Promise<void> };

beforeAll(async () => {
  lrs = await lrsForTests();
}, 180_000);

afterAll(async () => {
  await lrs?.stop();
});

/** Two trainees' signed progress files on the minimal pack: Anna with two attempts (one poor), Boris with one. */
async function twoTrainees(tag: string) {
  const dir = folder();
  const anna = trainee(`Anna${tag}`);
  const boris = trainee(`Boris${tag}`);
  const files = [path.join(dir, 'anna.attache-progress'), path.join(dir, 'boris.attache-progress')];
  writeFileSync(
    files[0]!,
    await buildProgressFile(progressContent(anna, [{ uid: `${tag}-a-1`, drafts: 'poor' }, { uid: `${tag}-a-2` }]), deviceKey(`anna${tag}`).signer),
  );
  writeFileSync(files[1]!, await buildProgressFile(progressContent(boris, [{ uid: `${tag}-b-1` }]), deviceKey(`boris${tag}`).signer));
  return { dir, files };
}

/** A seeded demo cohort's signed progress files in a new folder. */
async function demoCohortFiles(trainees: number, seed: number) {
  const cohort = await demoFiles({ trainees, seed, packs: [coreLibraryPack()], appVersion: APP_VERSION });
  const dir = folder();
  const files = cohort.map((file) => {
    const target = path.join(dir, file.fileName);
    writeFileSync(target, file.bytes);
    return target;
  });
  return { dir, files, cohort };
}

/** The ids of the statements the CLI would send for these files (the same function it runs), and how many attempts wait for an identity. */
function statementsOf(files: readonly string[]) {
  const built = buildStatements(gatherRecords(files), { academyIri: ACADEMY, identityField: 'academyId', includeDraftText: false }, [
    coreLibraryPack(),
    minimalPack,
  ]);
  return { ids: built.statements.map((statement) => statement.id), waiting: [...built.waiting.values()].reduce((sum, entry) => sum + entry.attempts, 0) };
}
const statementIdsOf = (files: readonly string[]) => statementsOf(files).ids;

describe('npm run records -- sync', { timeout: 240_000 }, () => {
  it('verifies the files and sends every statement once, exit 0; run again, every one is already there', async () => {
    const { dir, files } = await twoTrainees('sync1');
    const from = since();
    const args = ['sync', '--lrs', lrs.endpoint, '--key', 'k', '--secret', 's', '--academy-iri', ACADEMY, '--pack', MINIMAL_PACK_DIR, dir];
    const first = await records(...args);
    expect(first.status, first.stderr).toBe(0);
    const ids = statementIdsOf(files);
    expect(ids.length).toBeGreaterThan(10);
    expect(first.stdout).toContain(`2 files read. Sending ${ids.length} statements (3 attempts of 2 trainees) to ${lrs.endpoint}`);
    expect(first.stdout).toContain(`${ids.length} statements sent (0 already there), 0 dead, 0 not sent.`);

    const second = await records(...args);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain(`${ids.length} statements sent (${ids.length} already there), 0 dead, 0 not sent.`);

    const stored = (await statementsSince(lrs.endpoint, from, auth)).filter((statement) => ids.includes(statement.id));
    expect(stored.map((statement) => statement.id).sort()).toEqual([...ids].sort());
    // The course of the minimal pack was completed: its `satisfied` went too.
    expect(stored.some((statement) => (statement.verb as { id: string }).id === 'https://w3id.org/xapi/adl/verbs/satisfied')).toBe(true);
  });

  it('builds the same statements, byte for byte, as the app’s outbox for the same records and settings', async () => {
    const { files, cohort } = await demoCohortFiles(6, 202);
    for (const settings of [
      { identityField: 'academyId' as const, includeDraftText: false },
      { identityField: 'email' as const, includeDraftText: true },
    ]) {
      const cli = buildStatements(gatherRecords(files), { academyIri: ACADEMY, ...settings }, [coreLibraryPack()]);
      const db = await academyDatabase(
        cohort.map((file) => file.member),
        { iri: ACADEMY, ...settings },
      );
      await buildPendingStatements(db, createLibrary([coreLibraryPack()]), { now: Date.now });
      const app = await allStatements(db);
      expect(app.length).toBeGreaterThan(100);
      expect(cli.statements.map((statement) => [statement.id, statement.json]).sort()).toEqual(app.map((row) => [row.id, row.json]).sort());
    }
  });

  it('a statement the LRS holds with other content is dead (409, with the reply), a refused file is named; exit 1', async () => {
    const { dir } = await twoTrainees('sync2');
    const base = ['--lrs', lrs.endpoint, '--key', 'k', '--secret', 's', '--pack', MINIMAL_PACK_DIR];
    expect((await records('sync', ...base, '--academy-iri', ACADEMY, dir)).status).toBe(0);
    // Other settings make other bytes under the same ids.
    const damaged = path.join(dir, 'zz-damaged.attache-progress');
    const bytes = readFileSync(path.join(dir, 'boris.attache-progress'));
    bytes[bytes.length - 300]! ^= 0xff;
    writeFileSync(damaged, bytes);
    const other = await records('sync', ...base, '--academy-iri', 'https://other.example', '--include-draft-text', dir);
    expect(other.status).toBe(1);
    expect(other.stderr).toContain(`✗ ${damaged}: `);
    expect(other.stderr).toMatch(
      /✗ dead: [0-9a-f-]{36} \(initialized, Annasync2, attempt sync2-a-1\): 409 the LRS holds another statement with this id: .*is conflicting/,
    );
    expect(other.stdout).toMatch(/^0 statements sent \(\d+ already there\), \d+ dead, 0 not sent; 1 file or attempt refused\.$/m);
  });

  it('through drops, 500, 429 with Retry-After and a stall (past --timeout), every statement arrives once; a 401 stops it, exit 1', async () => {
    // A cohort of several batches, a fault every other request: each retry succeeds, so no wait grows past the first bound.
    const { dir, files } = await demoCohortFiles(5, 203);
    const { ids, waiting } = statementsOf(files);
    expect(ids.length).toBeGreaterThan(6 * 50);
    const proxy = await startFaultProxy(
      lrs.endpoint,
      faultsByNumber(
        {
          1: { kind: 'drop' },
          3: { kind: 'status', status: 500 },
          5: { kind: 'status', status: 429, retryAfter: '1' },
          7: { kind: 'stall' },
          9: { kind: 'drop-after' },
        },
        { postsOnly: true },
      ),
    );
    try {
      const from = since();
      const run = await records(
        'sync',
        '--lrs',
        proxy.endpoint,
        '--key',
        'k',
        '--secret',
        's',
        '--academy-iri',
        ACADEMY,
        '--pack',
        MINIMAL_PACK_DIR,
        '--timeout',
        '2',
        '--retries',
        '20',
        dir,
      );
      // Exit 1 only for the attempts of a trainee the cohort left without an academy ID.
      expect(run.status, run.stderr).toBe(waiting > 0 ? 1 : 0);
      expect(run.stdout).toContain(`, 0 dead, 0 not sent${waiting > 0 ? `; ${waiting} attempt` : '.'}`);
      expect(run.stdout).toContain('no answer (The LRS could not be reached');
      expect(run.stdout).toContain('the LRS answered 429');
      expect(run.stdout).toContain('no answer (The LRS did not answer in time (no answer within 2 s))');
      expect(run.stdout).toContain(`${ids.length.toLocaleString('en-US')} statements sent (0 already there)`);
      const stored = (await statementsSince(lrs.endpoint, from, auth)).filter((statement) => ids.includes(statement.id));
      expect(stored.map((statement) => statement.id).sort()).toEqual([...ids].sort());

      proxy.setPlan((request) => (request.method === 'POST' ? { kind: 'status', status: 401, body: 'Unauthorised' } : { kind: 'pass' }));
      const refused = await records('sync', '--lrs', proxy.endpoint, '--key', 'k', '--secret', 'wrong', '--academy-iri', ACADEMY, dir);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('✗ stopped: the LRS answered 401 (Unauthorised): the LRS refuses the key and secret');
      expect(refused.stdout).toMatch(/0 statements sent .*, 0 dead, \d+ not sent\./);
    } finally {
      await proxy.stop();
    }
  });

  it('refuses bad usage with exit 2 and the usage', async () => {
    const { dir } = await twoTrainees('sync4');
    for (const args of [
      ['sync', dir],
      ['sync', '--lrs', lrs.endpoint, '--key', 'k', dir],
      ['sync', '--lrs', lrs.endpoint, '--key', 'k', '--secret', 's'],
      ['sync', '--lrs', 'not a url', '--key', 'k', '--secret', 's', dir],
      ['sync', '--lrs', 'ftp://lrs.example/xapi/', '--key', 'k', '--secret', 's', dir],
      ['sync', '--lrs', lrs.endpoint, '--key', 'k', '--secret', 's', '--identity', 'name', dir],
      ['sync', '--lrs', lrs.endpoint, '--key', 'k', '--secret', 's', '--academy-iri', 'academy', dir],
      ['sync', '--lrs', lrs.endpoint, '--key', 'k', '--secret', 's', '--timeout', '0', dir],
      ['sync', '--lrs', lrs.endpoint, '--key', 'k', '--secret-env', 'ATTACHE_NO_SUCH_VARIABLE', dir],
      ['sync', '--lrs', lrs.endpoint, '--key', 'k', '--secret', 's', '--colour', dir],
    ]) {
      const result = await records(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('usage: npm run records -- sync');
    }
    const help = await records('sync', '--help');
    expect(help).toMatchObject({ status: 0, stdout: expect.stringContaining('--include-draft-text') });
    expect((await records('--help')).stdout).toMatch(/sync +send progress files’ xAPI statements to an LRS/);
  });
});
