// Runtime: Node (Vitest, happy-dom, fake-indexeddb). The records services' handle on the records worker:
// the same answers through a worker (a stand-in running the worker's code across structured cloning,
// checking that only plain data crosses) as in the page; large data crossing in parts; refusals as
// plain data made into the module's error again; the page taking over when the worker cannot start or
// dies half-way; and an export's Cancel not waiting for the worker.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attemptsCsv, attemptsJson } from '../core/records/attempts-export';
import type { Backup } from '../core/records/backup-format';
import { buildBackup, readBackup } from '../core/records/backup-format';
import { GRADER_VERSION } from '../core/grading/version';
import { buildProgressFile, readProgressFile } from '../core/records/progress-file';
import { createRegrader } from '../core/records/regrade';
import type { AttacheDatabase } from '../db/database';
import { CURRENT_SCHEMA_VERSION } from '../db/schema';
import { createLibrary } from '../library/library';
import { createTestDatabase } from '../test/database';
import { deviceKey, minimalPack, progressContent, trainee } from '../test/progress-files';
import { seedRecords } from '../test/seed-records';
import { BackupError, createBackup, openBackupFile } from './backup';
import { attemptRecords, attemptsFile, ExportCancelledError, readExportSource } from './exports';
import { createProgressImporter, installedScenarios } from './progress-files';
import { createRecordsClient, type RecordsClient } from './records-client';
import type { RecordsEnvelope, RecordsReply, RecordsRequest } from './records-protocol';
import { BACKUP_ROWS_PER_PART, MAX_DRAFTS_GRADED_PER_FILE } from './records-protocol';
import { createRecordsService, regradeFile } from './records-service';

const opened: AttacheDatabase[] = [];
function database(): AttacheDatabase {
  const db = createTestDatabase();
  opened.push(db);
  return db;
}

afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) await db.delete();
});

/** Whether a value is plain data: objects and arrays of plain data, strings, numbers, booleans, null, byte arrays. */
function plainProblem(value: unknown, path = 'message'): string | null {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return null;
  if (value instanceof Uint8Array) return null;
  if (typeof value !== 'object') return `${path} is a ${typeof value}`;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== Array.prototype) return `${path} is an instance of ${(value as object).constructor.name}`;
  for (const [key, item] of Object.entries(value)) {
    const problem = plainProblem(item, `${path}.${key}`);
    if (problem) return problem;
  }
  return null;
}

/** A stand-in for the records worker: answers with the worker's code, across structured cloning, and keeps every message. */
class AnsweringWorker extends EventTarget {
  static started = 0;
  static requests: RecordsRequest[] = [];
  static replies: RecordsReply[] = [];
  /** Stops answering (and says so with an error event) once this many requests have come: a worker that dies. */
  static dieAfter = Infinity;
  private readonly service = createRecordsService();

  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    super();
    AnsweringWorker.started += 1;
  }

  postMessage(message: RecordsEnvelope<RecordsRequest>) {
    expect(plainProblem(message)).toBeNull();
    const { id, body } = structuredClone(message);
    AnsweringWorker.requests.push(body);
    if (AnsweringWorker.requests.length > AnsweringWorker.dieAfter) {
      queueMicrotask(() => this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'out of memory' })));
      return;
    }
    const post = (reply: RecordsReply) => {
      expect(plainProblem(reply)).toBeNull();
      AnsweringWorker.replies.push(reply);
      const transfer = reply.kind === 'file' ? [reply.bytes.buffer as ArrayBuffer] : [];
      const data = structuredClone({ id, body: reply }, { transfer });
      setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data })), 0);
    };
    void this.service.answer(body, post).then(post);
  }

  terminate() {}
}

/** A worker whose script cannot be loaded (as under a wrong CSP or a missing file). */
class FailingWorker extends EventTarget {
  constructor() {
    super();
    queueMicrotask(() => this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'cannot load' })));
  }
  postMessage() {}
  terminate() {}
}

/** A worker that never answers: a long job still running. */
class SilentWorker extends EventTarget {
  static posted = 0;
  postMessage() {
    SilentWorker.posted += 1;
  }
  terminate() {}
}

function throughWorker(): RecordsClient {
  vi.stubGlobal('Worker', AnsweringWorker);
  AnsweringWorker.started = 0;
  AnsweringWorker.requests = [];
  AnsweringWorker.replies = [];
  AnsweringWorker.dieAfter = Infinity;
  return createRecordsClient({ useWorker: true });
}

const inPage = () => createRecordsClient({ useWorker: false });

const anna = trainee('Anna');
const laptop = deviceKey('anna-laptop');
const annaFile = await buildProgressFile(
  progressContent(anna, [
    { uid: 'attempt-1', drafts: 'poor', startedAt: Date.UTC(2026, 2, 2, 9) },
    { uid: 'attempt-2', startedAt: Date.UTC(2026, 2, 3, 9) },
  ]),
  laptop.signer,
);
const installed = installedScenarios(createLibrary([minimalPack]));

async function seededBackup(): Promise<Backup> {
  const db = database();
  await seedRecords(db);
  return readBackup((await createBackup(db, { appVersion: '0.1.0', now: () => Date.UTC(2026, 4, 14), client: inPage() })).bytes, CURRENT_SCHEMA_VERSION);
}

describe('progress files through the records client', () => {
  it('checks a file in the worker as in the page: the verified file and its drafts graded again, the grader prepared once per import', async () => {
    const expected = await inPage().progressFileChecker(installed).check(annaFile);
    const client = throughWorker();
    const checker = client.progressFileChecker(installed);
    const first = await checker.check(annaFile);
    const again = await checker.check(annaFile);
    expect(first).toEqual(expected);
    expect(again).toEqual(expected);
    expect(first.status === 'checked' && first.file).toEqual(readProgressFile(annaFile));
    expect(first.status === 'checked' && first.regrade).toMatchObject({ consistent: 2, flagged: [], drafts: expect.any(Number) as number });
    expect(AnsweringWorker.requests.map((request) => request.kind)).toEqual(['import-begin', 'import-check', 'import-check']);
    checker.close();
    await vi.waitFor(() => expect(AnsweringWorker.requests.at(-1)?.kind).toBe('import-end'));
    expect(AnsweringWorker.started).toBe(1);
  });

  it('refuses a damaged file with the reader’s code, file and message, as plain data', async () => {
    const damaged = annaFile.slice();
    damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
    const client = throughWorker();
    const result = await client.progressFileChecker(installed).check(damaged);
    expect(result).toEqual(await inPage().progressFileChecker(installed).check(damaged));
    expect(result.status).toBe('refused');
    expect(result.status === 'refused' && result.refusal.message).toMatch(/\S/);
  });

  it('imports through the worker into the page’s database: only the merge runs in the page', async () => {
    const db = database();
    const client = throughWorker();
    const importer = createProgressImporter(db, createLibrary([minimalPack]), { localDeviceKey: null, checker: client.progressFileChecker(installed) });
    const result = await importer.importFile(annaFile);
    expect(result.status === 'merged' && result.merge.added).toBe(2);
    expect(await db.outcomes.count()).toBe(2);
    const refused = await importer.importFile(new TextEncoder().encode('not a progress file'));
    expect(refused).toMatchObject({ status: 'refused', code: 'damaged', entry: null, field: null });
    importer.close();
  });
});

describe('grading a file again, bounded', () => {
  it('grades drafts up to the limit, in the order the outcomes finished, and names each outcome past it as not compared', () => {
    const file = readProgressFile(annaFile);
    const drafts = file.outcomes.map((outcome) => outcome.detail.timeline.feed.filter((item) => item.source === 'trainee').length);
    const summary = regradeFile(file, createRegrader({ graderVersion: GRADER_VERSION }), new Map(), drafts[0]!);
    expect(summary).toMatchObject({ consistent: 1, flagged: [], drafts: drafts[0] });
    expect(summary.notCompared).toEqual([
      expect.objectContaining({ uid: file.outcomes[1]!.summary.uid, notCompared: { kind: 'too-many-drafts', drafts: drafts[1], limit: 0 } }),
    ]);
    expect(MAX_DRAFTS_GRADED_PER_FILE).toBeGreaterThanOrEqual(100);
  });
});

describe('backups through the records client', () => {
  it('opens a backup in the worker, its rows coming back a slice of a table at a time', async () => {
    const backup = await seededBackup();
    // More outcome details than fit in one message.
    const detail = backup.data.outcomeDetails[0]!;
    const summary = backup.data.outcomes[0]!;
    const uids = Array.from({ length: BACKUP_ROWS_PER_PART.outcomeDetails * 2 + 1 }, (_, index) => `${summary.uid}-${index}`);
    const many: Backup = {
      ...backup,
      data: {
        ...backup.data,
        outcomes: uids.map((uid) => ({ ...summary, uid })),
        outcomeDetails: uids.map((uid) => ({ ...detail, uid })),
      },
    };
    const bytes = buildBackup(many);
    const client = throughWorker();
    const opened = await openBackupFile(bytes, client);
    expect(opened).toEqual(readBackup(bytes, CURRENT_SCHEMA_VERSION));
    const parts = AnsweringWorker.replies.filter((reply) => reply.kind === 'backup-part');
    expect(parts.filter((part) => part.table === 'outcomeDetails').map((part) => part.rows.length)).toEqual([
      BACKUP_ROWS_PER_PART.outcomeDetails,
      BACKUP_ROWS_PER_PART.outcomeDetails,
      1,
    ]);
    expect(parts.every((part) => part.rows.length <= BACKUP_ROWS_PER_PART[part.table])).toBe(true);
  });

  it('refuses what is not a backup with a BackupError saying why, as the page would', async () => {
    const client = throughWorker();
    const refusal = await openBackupFile(annaFile, client).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BackupError);
    const inThePage = await openBackupFile(annaFile, inPage()).catch((error: unknown) => error);
    expect(refusal).toEqual(inThePage);
    expect((refusal as BackupError).code).toBe('not-backup');
  });

  it('writes a backup in the worker: the same bytes as in the page, its rows sent in slices, progress told per file', async () => {
    const db = database();
    await seedRecords(db);
    const progress: number[] = [];
    const client = throughWorker();
    const options = { appVersion: '0.1.0', now: () => Date.UTC(2026, 4, 14) };
    const created = await createBackup(db, { ...options, client, onProgress: (step) => step.phase === 'writing' && progress.push(step.done) });
    const expected = await createBackup(db, { ...options, client: inPage() });
    expect(created.bytes).toEqual(expected.bytes);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const staged = AnsweringWorker.requests.filter((request) => request.kind === 'backup-stage');
    const backup = readBackup(created.bytes, CURRENT_SCHEMA_VERSION);
    expect(staged.map((request) => request.table)).toEqual(
      Object.keys(BACKUP_ROWS_PER_PART).filter((table) => backup.data[table as keyof Backup['data']].length > 0),
    );
    expect(AnsweringWorker.requests.at(-1)?.kind).toBe('backup-write');
  });
});

describe('the attempts export through the records client', () => {
  it('builds the CSV and the JSON in the worker, the same as the core writes them', async () => {
    const db = database();
    await seedRecords(db);
    const source = await readExportSource(db, createLibrary([minimalPack]), 'en');
    const records = await attemptRecords(source);
    const meta = { exportedAt: Date.UTC(2026, 2, 1), academy: { name: 'Academy', iri: null } };
    const client = throughWorker();
    const utf8 = (text: string) => new TextEncoder().encode(text);
    expect(await client.attemptsFile(records, 'csv', meta)).toEqual(utf8(attemptsCsv(records)));
    expect(await client.attemptsFile(records, 'json', meta)).toEqual(utf8(attemptsJson(records, meta)));
  });

  it('cancels without waiting for the worker to finish', async () => {
    const db = database();
    await seedRecords(db);
    const source = await readExportSource(db, createLibrary([minimalPack]), 'en');
    vi.stubGlobal('Worker', SilentWorker);
    SilentWorker.posted = 0;
    const controller = new AbortController();
    const building = attemptsFile(source, 'csv', Date.UTC(2026, 2, 1), { signal: controller.signal, client: createRecordsClient({ useWorker: true }) });
    await vi.waitFor(() => expect(SilentWorker.posted).toBe(1));
    controller.abort();
    await expect(building).rejects.toBeInstanceOf(ExportCancelledError);
  });
});

describe('when the worker cannot help', () => {
  it('answers in the page when the worker cannot start', async () => {
    vi.stubGlobal('Worker', FailingWorker);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const client = createRecordsClient({ useWorker: true });
    const result = await client.progressFileChecker(installed).check(annaFile);
    expect(result.status).toBe('checked');
    const backup = await seededBackup();
    const written = await client.writeBackup(backup);
    expect(written.status === 'written' && written.bytes).toEqual(buildBackup(backup));
    expect(warn).toHaveBeenCalledOnce();
  });

  it('does the work again in the page when the worker dies half-way', async () => {
    const backup = await seededBackup();
    const client = throughWorker();
    AnsweringWorker.dieAfter = 3;
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const written = await client.writeBackup(backup);
    expect(written.status === 'written' && written.bytes).toEqual(buildBackup(backup));
    // The checker opens its session again on the page's side.
    const result = await client.progressFileChecker(installed).check(annaFile);
    expect(result.status).toBe('checked');
    expect(AnsweringWorker.requests).toHaveLength(4);
  });
});
