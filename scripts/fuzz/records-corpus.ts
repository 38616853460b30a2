// Runtime: Node (scripts). What the progress-file and backup generators mutate, made once per worker:
// a small seeded cohort played through the engine over the core library (the records CLI's demo
// cohort: a strong, a weak and a mixed trainee), each trainee's progress file as its entries and as
// signed bytes, and a backup of an academy holding them — a profile with finished and unfinished
// attempts (snapshots, logs, an unsent draft), imported trainees, the installed pack and settings.
// Writers here are small and synchronous, and sign with keys made from fixed words, so a generator
// can rebuild a file after changing any part of it, signed or not.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { MACHINE_VERSION } from '../../renderer/src/core/engine/attempt';
import { buildArchive, writeZip } from '../../renderer/src/core/pack/archive';
import { PACK_FORMAT } from '../../renderer/src/core/pack/schema';
import type { Backup, BackupData, BackupStatement } from '../../renderer/src/core/records/backup-format';
import { BACKUP_MANIFEST_PATH, buildBackup, backupFiles } from '../../renderer/src/core/records/backup-format';
import type { PlayedScenario } from '../../renderer/src/core/records/outcome';
import { playedScenarioOf } from '../../renderer/src/core/records/outcome';
import type { SecretHash } from '../../renderer/src/core/records/secret';
import { attemptStatements } from '../../renderer/src/core/records/xapi';
import type { ProgressFileContent, ProgressManifest } from '../../renderer/src/core/records/progress-file';
import { PROGRESS_FILE_FORMAT, PROGRESS_MANIFEST_PATH, PROGRESS_SIGNATURE_PATH, PROGRESS_TRAINEE_PATH } from '../../renderer/src/core/records/progress-file';
import { CURRENT_SCHEMA_VERSION } from '../../renderer/src/db/schema';
import { APP_VERSION } from '../lib/app-version';
import { demoCohort } from '../lib/demo-cohort';
import type { Corpus } from './corpus';

const encoder = new TextEncoder();

/** A device key pair made from a word: the same word, the same key, on every machine. */
export interface FuzzKey {
  publicKey: string;
  sign(message: Uint8Array): Uint8Array;
}

export function fuzzKey(word: string): FuzzKey {
  const { secretKey, publicKey } = ed25519.keygen(sha256(utf8ToBytes(`attache-fuzz-device:${word}`)));
  return { publicKey: bytesToHex(publicKey), sign: (message) => ed25519.sign(message, secretKey) };
}

/** A progress file's records as the files it holds, written as buildProgressFile writes them. */
export function progressEntries(content: ProgressFileContent): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const { trainee } = content;
  files.set(
    PROGRESS_TRAINEE_PATH,
    encoder.encode(`${JSON.stringify({ uid: trainee.uid, name: trainee.name, academyId: trainee.academyId, email: trainee.email }, null, 2)}\n`),
  );
  content.played.forEach((played, index) => files.set(`played/${String(index + 1).padStart(4, '0')}.json`, encoder.encode(JSON.stringify(played))));
  for (const outcome of content.outcomes) files.set(`outcomes/${outcome.summary.uid}.json`, encoder.encode(JSON.stringify(outcome)));
  return files;
}

/** The manifest a writer would give these files, before anyone tampers with it. */
export function progressManifest(
  files: ReadonlyMap<string, Uint8Array>,
  options: { traineeUid: string; deviceKey: string; exportedAt?: number },
): ProgressManifest {
  return {
    format: PROGRESS_FILE_FORMAT,
    kind: 'attache-progress',
    app: APP_VERSION,
    exportedAt: options.exportedAt ?? Date.UTC(2026, 2, 14, 10),
    trainee: options.traineeUid,
    deviceKey: options.deviceKey,
    files: [...files.keys()].sort().map((path) => ({ path, size: files.get(path)!.length, sha256: bytesToHex(sha256(files.get(path)!)) })),
  };
}

/** The manifest's bytes and a signature file over them by `key`. */
export function signedHead(manifest: unknown, key: FuzzKey): { manifest: Uint8Array; signature: Uint8Array } {
  const bytes = typeof manifest === 'string' ? encoder.encode(manifest) : encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const signature = encoder.encode(`${JSON.stringify({ algorithm: 'Ed25519', signature: bytesToHex(key.sign(bytes)) }, null, 2)}\n`);
  return { manifest: bytes, signature };
}

/** The entries of a whole progress file (manifest and signature first), signed by `key` for the files as they are. */
export function signedProgressEntries(files: ReadonlyMap<string, Uint8Array>, traineeUid: string, key: FuzzKey): Array<[string, Uint8Array]> {
  const head = signedHead(progressManifest(files, { traineeUid, deviceKey: key.publicKey }), key);
  return [[PROGRESS_MANIFEST_PATH, head.manifest], [PROGRESS_SIGNATURE_PATH, head.signature], ...[...files].sort(([a], [b]) => (a < b ? -1 : 1))];
}

export function zipOf(entries: ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array {
  return writeZip(entries);
}

export interface RecordsCorpus {
  /** The core library's scenarios as installed on the academy's machine: what drafts are graded again against. */
  installed: PlayedScenario[];
  /** Each trainee's records, their key, and their file's entries and signed bytes. */
  trainees: Array<{ content: ProgressFileContent; key: FuzzKey; files: Map<string, Uint8Array>; bytes: Uint8Array }>;
  /** An academy's database as a backup holds it, and that backup's bytes. */
  backup: Backup;
  backupBytes: Uint8Array;
  /** The backup's files and description before they are zipped, to be changed and zipped again. */
  backupEntries(): Array<[string, Uint8Array]>;
}

let records: { corpus: Corpus; value: RecordsCorpus } | null = null;

/** A scrypt hash's shape (the backup checks its form, never the secret). */
const SECRET_HASH: SecretHash = { algorithm: 'scrypt', N: 2 ** 15, r: 8, p: 1, salt: '5a'.repeat(16), hash: 'c3'.repeat(32) };

export function getRecordsCorpus(corpus: Corpus): RecordsCorpus {
  if (records?.corpus === corpus) return records.value;
  const { pack } = corpus;
  const cohort = demoCohort({ trainees: 3, seed: 5, packs: [pack], appVersion: APP_VERSION });
  const trainees = cohort.map((member, index) => {
    const key = fuzzKey(`trainee-${index}`);
    const files = progressEntries(member.content);
    return { content: member.content, key, files, bytes: zipOf(signedProgressEntries(files, member.trainee.uid, key)) };
  });
  const backup = academyBackup(corpus, trainees);
  const value: RecordsCorpus = {
    installed: pack.scenarios.map((scenario) => playedScenarioOf(pack, scenario)),
    trainees,
    backup,
    backupBytes: buildBackup(backup),
    backupEntries() {
      const { manifest, files } = backupFiles(backup);
      return [[BACKUP_MANIFEST_PATH, encoder.encode(`${JSON.stringify(manifest, null, 1)}\n`)], ...files];
    },
  };
  records = { corpus, value };
  return value;
}

/** Each trainee's xAPI statements as the outbox keeps them: most sent, one refused by the LRS, the last still pending. */
function outboxOf(trainees: RecordsCorpus['trainees']): BackupStatement[] {
  const settings = { academyIri: 'https://fuzz.academy.example', identityField: 'academyId' as const, includeDraftText: true };
  const statements = trainees.flatMap(({ content }) => {
    const played = new Map(content.played.map((scenario) => [scenario.key, scenario]));
    const actor = { homePage: settings.academyIri, name: content.trainee.academyId ?? content.trainee.uid };
    return content.outcomes.flatMap((frozen) =>
      attemptStatements({ frozen, played: played.get(frozen.summary.playedScenario)!, actor, settings }).map((statement) => ({
        ...statement,
        traineeUid: content.trainee.uid,
        outcomeUid: frozen.summary.uid,
      })),
    );
  });
  const at = Date.UTC(2026, 2, 21);
  return statements.map((statement, index) => ({
    ...statement,
    builtAt: at,
    ...(index === statements.length - 1
      ? { state: 'pending' as const, sentAt: null, problem: null }
      : index === 1
        ? { state: 'dead' as const, sentAt: null, problem: { kind: 'conflict' as const, status: 409, reply: `${statement.id} is conflicting`, at } }
        : { state: 'sent' as const, sentAt: at + index, problem: null }),
  }));
}

/**
 * An academy's database: the first trainee plays on this machine (a profile with an attempt per
 * outcome and one under way), the others were imported from their progress files.
 */
function academyBackup(corpus: Corpus, trainees: RecordsCorpus['trainees']): Backup {
  const { pack } = corpus;
  const [local, ...imported] = trainees;
  const profile = {
    uid: local!.content.trainee.uid,
    name: local!.content.trainee.name,
    academyId: local!.content.trainee.academyId,
    email: local!.content.trainee.email,
    pin: SECRET_HASH,
    createdAt: Date.UTC(2026, 1, 1),
    updatedAt: Date.UTC(2026, 1, 1),
    lastUsedAt: Date.UTC(2026, 2, 1),
  };
  const other = { ...profile, uid: 'profile-olga', name: 'Olga Berg', academyId: 'ACD-17', email: null, pin: null };
  const versions = (summary: { packId: string; packVersion: string; scenarioId: string; playLanguage: string; seed: number }) => ({
    machineVersion: MACHINE_VERSION,
    packFormat: PACK_FORMAT,
    packId: summary.packId,
    packVersion: summary.packVersion,
    scenarioId: summary.scenarioId,
    playLanguage: summary.playLanguage,
    seed: summary.seed,
  });
  const finished = local!.content.outcomes.map(({ summary }) => ({
    uid: summary.uid,
    profileUid: profile.uid,
    packId: summary.packId,
    packVersion: summary.packVersion,
    scenarioId: summary.scenarioId,
    playLanguage: summary.playLanguage,
    seed: summary.seed,
    status: 'finished' as const,
    startedAt: summary.startedAt,
    updatedAt: summary.finishedAt,
    finishedAt: summary.finishedAt,
    versions: versions(summary),
    eventCount: 3,
    result: { passed: summary.passed, average: summary.average, scores: summary.scores },
  }));
  const scenario = pack.scenarios[0]!;
  const log = corpus.baseLog(scenario.id);
  const active = {
    ...finished[0]!,
    uid: 'attempt-under-way',
    profileUid: other.uid,
    scenarioId: scenario.id,
    playLanguage: log.language,
    seed: log.seed,
    status: 'active' as const,
    finishedAt: null,
    result: null,
    eventCount: log.events.length,
    versions: versions({ packId: pack.manifest.id, packVersion: pack.manifest.version, scenarioId: scenario.id, playLanguage: log.language, seed: log.seed }),
  };
  const played = new Map<string, PlayedScenario>();
  for (const trainee of trainees) for (const scenarioPlayed of trainee.content.played) played.set(scenarioPlayed.key, scenarioPlayed);
  const data: BackupData = {
    settings: [
      { key: 'language', value: 'en' },
      { key: 'academyName', value: 'Fuzz Academy' },
      { key: 'adminPassphrase', value: SECRET_HASH },
    ],
    profiles: [profile, other],
    attempts: [...finished, active],
    attemptSnapshots: [{ attemptUid: active.uid, snapshot: { state: 'live', seq: log.events.length - 1, context: { note: 'as the engine saved it' } } }],
    attemptEvents: log.events.map((event, seq) => ({ attemptUid: active.uid, seq, event, recordedAt: Date.UTC(2026, 2, 2, 9) + seq * 60_000 })),
    composerDrafts: [
      { attemptUid: active.uid, accountId: scenario.tasks[0]!.account, kind: 'post', taskId: null, replyTo: null, text: 'Our hotline is open.', updatedAt: 1 },
    ],
    playedScenarios: [...played.values()],
    outcomes: trainees.flatMap((trainee) => trainee.content.outcomes.map((outcome) => outcome.summary)),
    outcomeDetails: trainees.flatMap((trainee) => trainee.content.outcomes.map((outcome) => outcome.detail)),
    trainees: imported.map((trainee) => ({
      ...trainee.content.trainee,
      deviceKey: trainee.key.publicKey,
      importedAt: Date.UTC(2026, 2, 20),
      detailsExportedAt: trainee.content.exportedAt,
    })),
    outbox: outboxOf(trainees),
    packs: [
      {
        packId: pack.manifest.id,
        version: pack.manifest.version,
        installedAt: Date.UTC(2026, 1, 1),
        archive: buildArchive(corpus.files, { packId: pack.manifest.id, packVersion: pack.manifest.version }),
      },
    ],
  };
  return { meta: { schemaVersion: CURRENT_SCHEMA_VERSION, appVersion: APP_VERSION, createdAt: Date.UTC(2026, 3, 1) }, data };
}
