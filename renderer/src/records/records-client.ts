// Runtime: renderer. The records services' handle on their heavy pure work — checking progress files and
// grading their drafts again, reading and writing backups, building the attempts export — which runs in
// a web worker so that the page keeps drawing (progress bars, Cancel) however large the files. Where
// workers are missing (unit tests) or the worker cannot start or dies, the same code is loaded on
// demand and run in the page. Data crosses as plain data, large data in parts (records-protocol.ts).
// Imports nothing but types and the protocol: the worker's code is a chunk of its own.
import type { AttemptRecordExport, AttemptsExportMeta } from '../core/records/attempts-export';
import type { Backup, BackupData, BackupTable } from '../core/records/backup-format';
import type { PlayedScenario } from '../core/records/outcome';
import type { BackupRefusal, ProgressFileCheck, RecordsEnvelope, RecordsFinalReply, RecordsPartReply, RecordsReply, RecordsRequest } from './records-protocol';
import { BACKUP_ROWS_PER_PART, isPartReply } from './records-protocol';
import type { RecordsService } from './records-service';

export interface ProgressFileChecker {
  /** Reads, verifies and grades again one file; a file that is not a good progress file comes back refused, with why. */
  check(bytes: Uint8Array): Promise<ProgressFileCheck>;
  /** Lets go of what the checks keep between files (the grader's preparations). */
  close(): void;
}

export type OpenedBackup = { status: 'opened'; backup: Backup } | { status: 'refused'; refusal: BackupRefusal };
export type WrittenBackup = { status: 'written'; bytes: Uint8Array } | { status: 'refused'; refusal: BackupRefusal };

export interface RecordsClient {
  /** Checks progress files against the scenarios installed here (the same for every file of an import). */
  progressFileChecker(installed: readonly PlayedScenario[]): ProgressFileChecker;
  /** Reads a backup file and checks it whole (readBackup): the backup, or why it is refused. */
  openBackup(bytes: Uint8Array, schemaVersion: number): Promise<OpenedBackup>;
  /** The backup's file (writeBackup), telling how many of its bytes are compressed as it goes. */
  writeBackup(backup: Backup, options?: { onProgress?: (done: number, total: number) => void }): Promise<WrittenBackup>;
  /** The attempts as a CSV or JSON file's bytes. */
  attemptsFile(records: readonly AttemptRecordExport[], format: 'csv' | 'json', meta: AttemptsExportMeta): Promise<Uint8Array>;
}

type Ask = (request: RecordsRequest, onPart?: (part: RecordsPartReply) => void) => Promise<RecordsFinalReply>;

/** The worker stopped (or never started): what was asked of it is asked of the page instead. */
class WorkerGoneError extends Error {
  override name = 'WorkerGoneError';
}

interface Waiting {
  resolve: (reply: RecordsFinalReply) => void;
  reject: (error: unknown) => void;
  onPart?: (part: RecordsPartReply) => void;
}

const TABLES = Object.keys(BACKUP_ROWS_PER_PART) as BackupTable[];
/** Lets the page draw between the files of a backup written in the page. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function unexpected(reply: RecordsFinalReply): Error {
  return new Error(reply.kind === 'failed' ? reply.message : `The records worker answered "${reply.kind}" unexpectedly.`);
}

export function createRecordsClient({ useWorker = typeof Worker === 'function' } = {}): RecordsClient {
  let worker: Worker | null = null;
  let workerFailed = !useWorker;
  let nextId = 1;
  let nextSession = 1;
  let nextJob = 1;
  const waiting = new Map<number, Waiting>();
  let pageService: Promise<RecordsService> | null = null;

  const askPage: Ask = async (request, onPart) => {
    pageService ??= import('./records-service').then(({ createRecordsService }) => createRecordsService({ breathe: nextTask }));
    return (await pageService).answer(request, onPart ?? (() => undefined));
  };

  const giveUpOnWorker = () => {
    workerFailed = true;
    worker?.terminate();
    worker = null;
    for (const [id, entry] of waiting) {
      waiting.delete(id);
      entry.reject(new WorkerGoneError('The records worker stopped.'));
    }
  };

  const startWorker = (): Worker => {
    const started = new Worker(new URL('./records.worker.ts', import.meta.url), { type: 'module', name: 'attache-records' });
    started.addEventListener('message', (event: MessageEvent<RecordsEnvelope<RecordsReply>>) => {
      const { id, body } = event.data;
      const entry = waiting.get(id);
      if (isPartReply(body)) {
        entry?.onPart?.(body);
        return;
      }
      waiting.delete(id);
      entry?.resolve(body);
    });
    // A worker that cannot be loaded (or dies) must not stop an import or a backup: the page takes over.
    started.addEventListener('error', (event) => {
      console.warn('The records worker failed; doing its work on the UI thread instead.', event.message);
      event.preventDefault();
      giveUpOnWorker();
    });
    started.addEventListener('messageerror', giveUpOnWorker);
    return started;
  };

  const askWorker: Ask = (request, onPart) => {
    if (workerFailed) return Promise.reject(new WorkerGoneError('The records worker is not running.'));
    worker ??= startWorker();
    const target = worker;
    return new Promise((resolve, reject) => {
      const id = nextId;
      nextId += 1;
      waiting.set(id, onPart ? { resolve, reject, onPart } : { resolve, reject });
      target.postMessage({ id, body: request } satisfies RecordsEnvelope<RecordsRequest>);
    });
  };

  /** Runs an operation against the worker, or again from the start in the page when the worker is gone. */
  const run = async <T>(operation: (ask: Ask) => Promise<T>): Promise<T> => {
    if (!workerFailed) {
      try {
        return await operation(askWorker);
      } catch (error) {
        if (!(error instanceof WorkerGoneError)) throw error;
      }
    }
    return operation(askPage);
  };

  return {
    progressFileChecker(installed) {
      const session = nextSession;
      nextSession += 1;
      const scenarios = [...installed];
      // The side the session was opened on: after a fallback, it is opened again in the page.
      let openedOn: Ask | null = null;
      return {
        check: (bytes) =>
          run(async (ask) => {
            if (openedOn !== ask) {
              const opened = await ask({ kind: 'import-begin', session, installed: scenarios });
              if (opened.kind !== 'ok') throw unexpected(opened);
              openedOn = ask;
            }
            const reply = await ask({ kind: 'import-check', session, bytes });
            if (reply.kind === 'progress-file') return reply.check;
            throw unexpected(reply);
          }),
        close() {
          openedOn?.({ kind: 'import-end', session }).catch(() => undefined);
          openedOn = null;
        },
      };
    },

    openBackup: (bytes, schemaVersion) =>
      run(async (ask) => {
        const data = Object.fromEntries(TABLES.map((table) => [table, []])) as unknown as BackupData;
        const reply = await ask({ kind: 'backup-open', bytes, schemaVersion }, (part) => {
          if (part.kind !== 'backup-part') return;
          const rows = data[part.table] as unknown[];
          for (const row of part.rows) rows.push(row);
        });
        if (reply.kind === 'backup-opened') return { status: 'opened', backup: { meta: reply.meta, data } };
        if (reply.kind === 'backup-refused') return { status: 'refused', refusal: reply.refusal };
        throw unexpected(reply);
      }),

    writeBackup: (backup, { onProgress } = {}) =>
      run(async (ask) => {
        const job = nextJob;
        nextJob += 1;
        try {
          for (const table of TABLES) {
            const rows: readonly unknown[] = backup.data[table];
            const size = BACKUP_ROWS_PER_PART[table];
            for (let start = 0; start < rows.length; start += size) {
              const staged = await ask({ kind: 'backup-stage', job, table, rows: rows.slice(start, start + size) });
              if (staged.kind !== 'ok') throw unexpected(staged);
            }
          }
        } catch (error) {
          if (!(error instanceof WorkerGoneError)) ask({ kind: 'backup-discard', job }).catch(() => undefined);
          throw error;
        }
        const reply = await ask({ kind: 'backup-write', job, meta: backup.meta }, (part) => {
          if (part.kind === 'progress') onProgress?.(part.done, part.total);
        });
        if (reply.kind === 'file') return { status: 'written', bytes: reply.bytes };
        if (reply.kind === 'backup-refused') return { status: 'refused', refusal: reply.refusal };
        throw unexpected(reply);
      }),

    attemptsFile: (records, format, meta) =>
      run(async (ask) => {
        const reply = await ask({ kind: 'attempts-file', records: [...records], format, meta });
        if (reply.kind === 'file') return reply.bytes;
        throw unexpected(reply);
      }),
  };
}

let shared: RecordsClient | null = null;

/** The records client the app's screens share: one worker, started when first needed. */
export function recordsClient(): RecordsClient {
  shared ??= createRecordsClient();
  return shared;
}
