// Runtime: Node (CLI, part of `npm run bench`). An academy merging 500 trainees' progress files: the
// seeded demo cohort (`npm run records -- demo`) is written once, then verified alone, then imported
// into an empty academy database (fake-indexeddb: the same Dexie code as the app, in memory) through
// the app's own import service — verify, grade every draft again, merge in one transaction per file —
// and imported again, which must change nothing. Wall-clock totals, one pass each: the work is the
// same every time, and a pass is long enough that its total is stable.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { readProgressFile } from '../renderer/src/core/records/progress-file';
import { AttacheDatabase } from '../renderer/src/db/database';
import { createLibrary } from '../renderer/src/library/library';
import { createProgressImporter } from '../renderer/src/records/progress-files';
import { APP_VERSION } from './lib/app-version';
import { demoFiles } from './lib/demo-cohort';
import { loadPackOrExplain } from './lib/load-pack';

export interface ProgressFilesBench {
  trainees: number;
  outcomes: number;
  bytes: number;
  generatedMs: number;
  measurements: Array<{ name: string; totalMs: number; p95Ms: number; targetMs: number }>;
  /** What the imports did, checked: every outcome added once, nothing flagged, nothing changed the second time. */
  checks: Array<{ name: string; met: boolean }>;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

export async function runProgressFilesBench(trainees = 500): Promise<ProgressFilesBench> {
  const pack = loadPackOrExplain('scenarios/core-library');
  const started = performance.now();
  const files = await demoFiles({ trainees, seed: 1, packs: [pack], appVersion: APP_VERSION });
  const generatedMs = performance.now() - started;
  const outcomes = files.reduce((sum, file) => sum + file.member.content.outcomes.length, 0);

  const timed = async (run: (bytes: Uint8Array) => unknown | Promise<unknown>) => {
    const each: number[] = [];
    const start = performance.now();
    for (const file of files) {
      const begin = performance.now();
      await run(file.bytes);
      each.push(performance.now() - begin);
    }
    return { totalMs: performance.now() - start, p95Ms: percentile(each, 0.95) };
  };

  const verified = await timed((bytes) => readProgressFile(bytes));

  const db = new AttacheDatabase(`attache-bench-${Date.now()}`);
  const importer = createProgressImporter(db, createLibrary([pack]), { localDeviceKey: null });
  const first = { added: 0, flagged: 0, refused: 0 };
  const imported = await timed(async (bytes) => {
    const result = await importer.importFile(bytes);
    if (result.status === 'refused') first.refused += 1;
    else {
      first.added += result.merge.added;
      first.flagged += result.regrade.flagged.length;
    }
  });
  const second = { added: 0, unchanged: 0 };
  const again = await timed(async (bytes) => {
    const result = await importer.importFile(bytes);
    if (result.status === 'merged') {
      second.added += result.merge.added;
      second.unchanged += result.merge.unchanged;
    }
  });
  const stored = await db.outcomes.count();
  db.close();
  await db.delete();

  return {
    trainees,
    outcomes,
    bytes: files.reduce((sum, file) => sum + file.bytes.length, 0),
    generatedMs,
    measurements: [
      { name: 'verify (signature, hashes, records)', ...verified, targetMs: 45_000 },
      { name: 'import into an empty academy (verify, grade again, merge)', ...imported, targetMs: 60_000 },
      { name: 'import the same files again (nothing changes)', ...again, targetMs: 60_000 },
    ],
    checks: [
      {
        name: `every file imported, its ${outcomes.toLocaleString('en')} outcomes added once, no grade flagged`,
        met: first.refused === 0 && first.added === outcomes && stored === outcomes && first.flagged === 0,
      },
      { name: 'importing the same files again adds nothing and finds every outcome unchanged', met: second.added === 0 && second.unchanged === outcomes },
    ],
  };
}
