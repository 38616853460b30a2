// Runtime: Node (scripts, with fake-indexeddb). The LRS sync in `npm run bench`: an academy's database
// holding 30 trainees' records (the seeded demo cohort over the built-in library, as the import leaves
// them) builds their xAPI statements into the outbox (records/statements.ts), and the app's sync
// service (records/lrs-sync.ts) sends them to a real LRS on loopback (Learning Locker's xapi-statements,
// scripts/lib/lrs-server.ts) through Node's fetch. Each is reported in statements per second, the
// median of three cohorts (other seeds: other statements, each sent for the first time).
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { allStatements, outboxCounts } from '../renderer/src/db/repositories/outbox';
import { createLibrary } from '../renderer/src/library/library';
import { createLrsSync } from '../renderer/src/records/lrs-sync';
import { buildPendingStatements } from '../renderer/src/records/statements';
import { academyDatabase, cohortOf, coreLibraryPack } from './lib/academy-fixture';
import { startLrs } from './lib/lrs-server';
import { fetchTransport } from './lib/xapi-http';

export const LRS_BENCH_TRAINEES = 30;
const SEEDS = [301, 302, 303];

/** Statements per second, at least: building is database work, sending one batch of 50 a request to a local LRS. */
export const LRS_TARGETS = Object.freeze({ buildPerSecond: 1_000, syncPerSecond: 300 });

export interface LrsBenchRun {
  statements: number;
  buildMs: number;
  syncMs: number;
}

export interface LrsBench {
  trainees: number;
  runs: LrsBenchRun[];
  /** Medians of the runs, in statements per second. */
  buildPerSecond: number;
  syncPerSecond: number;
  /** Every run ended with every statement sent and none dead. */
  allSent: boolean;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runLrsBench(): Promise<LrsBench> {
  const lrs = await startLrs();
  const library = createLibrary([coreLibraryPack()]);
  const runs: LrsBenchRun[] = [];
  let allSent = true;
  try {
    for (const seed of SEEDS) {
      const db = await academyDatabase(cohortOf(LRS_BENCH_TRAINEES, seed), { iri: 'https://academy.example/bench' });
      const buildStart = performance.now();
      await buildPendingStatements(db, library, { now: Date.now });
      const buildMs = performance.now() - buildStart;
      const statements = (await allStatements(db)).length;

      const sync = createLrsSync({
        db,
        library: () => library,
        transport: fetchTransport({ endpoint: lrs.endpoint, key: 'bench', secret: 'bench', timeoutMs: 30_000 }),
        now: Date.now,
        random: Math.random,
      });
      const syncStart = performance.now();
      await sync.syncNow();
      const syncMs = performance.now() - syncStart;
      const counts = await outboxCounts(db);
      if (counts.sent !== statements || counts.dead !== 0 || sync.status().state !== 'idle') allSent = false;
      runs.push({ statements, buildMs, syncMs });
      await db.delete();
    }
  } finally {
    await lrs.stop();
  }
  return {
    trainees: LRS_BENCH_TRAINEES,
    runs,
    buildPerSecond: median(runs.map((run) => run.statements / (run.buildMs / 1000))),
    syncPerSecond: median(runs.map((run) => run.statements / (run.syncMs / 1000))),
    allSent,
  };
}
