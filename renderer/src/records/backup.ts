// Runtime: renderer. Backing up the whole local database to one `.attache-backup` file, and restoring
// one into an empty or an existing install. The file's format, its checks and the merge rules are the
// pure core's (core/records/backup-format.ts); this reads and writes the tables, each way in a single
// transaction: a backup is one consistent moment of the database, and a restore is all or nothing
// (a full disk is reported as StorageFullError with nothing written).
import type { Backup, BackupData, BackupTable, ExistingRows, RestorePlan, RestoreReport } from '../core/records/backup-format';
import { BACKUP_EXTENSION, BACKUP_TABLES, BackupError, DEVICE_SETTINGS, planRestore, readBackup } from '../core/records/backup-format';
import { Dexie, type IndexableType, type Table } from 'dexie';
import type { EngineEvent } from '../core/engine/machine';
import type { AttacheDatabase, AttemptRecord, OutboxRecord, ProfileRecord, SettingKey } from '../db/database';
import { storageWrite } from '../db/errors';
import { CURRENT_SCHEMA_VERSION } from '../db/schema';
import { isValidSetting } from '../db/repositories/settings';
import type { RecordsClient } from './records-client';
import { recordsClient } from './records-client';
import type { BackupRefusal } from './records-protocol';

export {
  BACKUP_EXTENSION,
  BackupError,
  REPORT_TABLES,
  type Backup,
  type BackupErrorCode,
  type RestoreConflict,
  type RestoreReport,
  type ReportTable,
} from '../core/records/backup-format';

/** Where a backup or a restore stands: `done` of `total` rows (reading, restoring) or bytes (writing). */
export interface BackupProgress {
  phase: 'reading' | 'writing' | 'restoring';
  done: number;
  total: number;
}

export interface BackupOptions {
  appVersion: string;
  now?: () => number;
  onProgress?: (progress: BackupProgress) => void;
  /** Where the file is compressed: the records worker unless a test says otherwise. */
  client?: RecordsClient;
}

export interface CreatedBackup {
  bytes: Uint8Array;
  /** A name for the file: `attache-backup-2026-05-14.attache-backup`. */
  fileName: string;
  /** Rows of each table in the backup. */
  rows: Record<BackupTable, number>;
  /** Rows left out because what they belong to is gone (damage the database had before the backup). */
  leftOut: number;
}

/** The tables a backup reads and a restore writes: every one but the `checkedPacks` cache. */
function backupTables(db: AttacheDatabase) {
  return [
    db.settings,
    db.profiles,
    db.attempts,
    db.attemptSnapshots,
    db.attemptEvents,
    db.composerDrafts,
    db.playedScenarios,
    db.outcomes,
    db.outcomeDetails,
    db.trainees,
    db.outbox,
    db.packs,
  ];
}

function localDate(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function backupFileName(time: number): string {
  return `attache-backup-${localDate(time)}.${BACKUP_EXTENSION}`;
}

/** Rows per read of a table: an outcome's detail is up to about 20 kB, so a page is a few megabytes. */
const READ_PAGE_ROWS = 200;

/**
 * Every row of a table, read a page at a time in primary-key order inside the caller's transaction:
 * IndexedDB hands each page's rows to the page in a task of its own, so a table of thousands of
 * outcome details never holds the page for a second at once.
 */
async function readAll<Row, Key extends IndexableType, Insert>(table: Table<Row, Key, Insert>): Promise<Row[]> {
  const keyPath = table.schema.primKey.keyPath!;
  const rows: Row[] = [];
  let page = await table.orderBy(':id').limit(READ_PAGE_ROWS).toArray();
  for (;;) {
    for (const row of page) rows.push(row);
    if (page.length < READ_PAGE_ROWS) return rows;
    const last = Dexie.getByKeyPath(page.at(-1)!, keyPath) as IndexableType;
    page = await table.where(':id').above(last).limit(READ_PAGE_ROWS).toArray();
  }
}

/** The database as a backup holds it, read in one transaction; local ids become uids. */
async function readData(db: AttacheDatabase, onProgress: (progress: BackupProgress) => void): Promise<{ data: BackupData; leftOut: number }> {
  return db.transaction('r', backupTables(db), async () => {
    const total = BACKUP_TABLES.length;
    let done = 0;
    const step = <T>(rows: T): T => {
      done += 1;
      onProgress({ phase: 'reading', done, total });
      return rows;
    };
    const settings = step(await readAll(db.settings)).filter((row) => !DEVICE_SETTINGS.includes(row.key));
    const profileRows = step(await readAll(db.profiles));
    const attemptRows = step(await readAll(db.attempts));
    const snapshotRows = step(await readAll(db.attemptSnapshots));
    const eventRows = step(await readAll(db.attemptEvents));
    const draftRows = step(await readAll(db.composerDrafts));
    const playedScenarios = step(await readAll(db.playedScenarios));
    const outcomeRows = step(await readAll(db.outcomes));
    const detailRows = step(await readAll(db.outcomeDetails));
    const trainees = step(await readAll(db.trainees));
    // The outbox's key (its building order) is optional on a row not yet added, which its table's type says.
    const statements = step(await readAll(db.outbox as unknown as Table<OutboxRecord, number>));
    const packs = step(await readAll(db.packs));

    let leftOut = 0;
    const keep = <T>(rows: T[], belongs: (row: T) => boolean): T[] => {
      const kept = rows.filter(belongs);
      leftOut += rows.length - kept.length;
      return kept;
    };
    const profileUids = new Map(profileRows.map((profile) => [profile.id, profile.uid]));
    const attempts = keep(attemptRows, (attempt) => profileUids.has(attempt.profileId));
    const attemptUids = new Map(attempts.map((attempt) => [attempt.id, attempt.uid]));
    const ofAttempt = <T extends { attemptId: number }>(rows: T[]) => keep(rows, (row) => attemptUids.has(row.attemptId));
    const played = new Set(playedScenarios.map((row) => row.key));
    const details = new Set(detailRows.map((row) => row.uid));
    const outcomes = keep(outcomeRows, (row) => played.has(row.playedScenario) && details.has(row.uid));
    const outcomeUids = new Set(outcomes.map((row) => row.uid));
    const people = new Set([...profileRows.map((row) => row.uid), ...trainees.map((row) => row.uid)]);

    const data: BackupData = {
      settings,
      profiles: profileRows.map(({ id: _id, ...profile }) => profile),
      attempts: attempts.map(({ id: _id, profileId, ...attempt }) => ({ ...attempt, profileUid: profileUids.get(profileId)! })),
      attemptSnapshots: ofAttempt(snapshotRows).map(({ attemptId, snapshot }) => ({ attemptUid: attemptUids.get(attemptId)!, snapshot })),
      attemptEvents: ofAttempt(eventRows).map(({ attemptId, ...event }) => ({ attemptUid: attemptUids.get(attemptId)!, ...event })),
      composerDrafts: ofAttempt(draftRows).map(({ attemptId, ...draft }) => ({ attemptUid: attemptUids.get(attemptId)!, ...draft })),
      playedScenarios,
      outcomes,
      outcomeDetails: keep(detailRows, (row) => outcomeUids.has(row.uid)),
      trainees,
      // In building order (the outbox's key), as they are sent; their local order numbers stay here.
      outbox: keep(statements, (row) => (row.outcomeUid === null || outcomeUids.has(row.outcomeUid)) && people.has(row.traineeUid)).map(
        ({ seq: _seq, ...statement }) => statement,
      ),
      packs: packs.map(({ packId, version, installedAt, archive }) => ({ packId, version, installedAt, archive })),
    };
    return { data, leftOut };
  });
}

/**
 * Backs up every table that matters (not the `checkedPacks` cache, nor which profile is active) into
 * one file's bytes. Progress is reported as the tables are read, then as the files inside are
 * compressed, in the records worker (or in the page between its turns to draw, where no worker runs).
 */
export async function createBackup(db: AttacheDatabase, options: BackupOptions): Promise<CreatedBackup> {
  const now = options.now ?? Date.now;
  const onProgress = options.onProgress ?? (() => undefined);
  const { data, leftOut } = await readData(db, onProgress);
  const createdAt = now();
  const backup: Backup = { meta: { schemaVersion: CURRENT_SCHEMA_VERSION, appVersion: options.appVersion, createdAt }, data };
  const written = await (options.client ?? recordsClient()).writeBackup(backup, { onProgress: (done, total) => onProgress({ phase: 'writing', done, total }) });
  if (written.status === 'refused') throw backupError(written.refusal);
  return { bytes: written.bytes, fileName: backupFileName(createdAt), rows: backupRows(backup), leftOut };
}

/** Every setting this version knows: a new setting key fails to compile here until a backup knows it too. */
const SETTING_KEYS: Record<SettingKey, true> = {
  language: true,
  theme: true,
  activeProfileId: true,
  academyName: true,
  academyIri: true,
  academyIdentityField: true,
  adminPassphrase: true,
  moodleExport: true,
  xapiIncludeDraftText: true,
  studioImportMappings: true,
};

/** Whether a backup's setting is one this version knows and holds a value it accepts: only those are restored. */
export function isRestorableSetting(key: string, value: unknown): boolean {
  return Object.hasOwn(SETTING_KEYS, key) && isValidSetting(key as SettingKey, value);
}

function withoutId({ id: _id, ...profile }: ProfileRecord) {
  return profile;
}

/** The install's rows that share a key with the backup, in the backup's shape, inside the restore's transaction. */
async function readExisting(db: AttacheDatabase, data: BackupData): Promise<ExistingRows> {
  const allProfiles = await db.profiles.toArray();
  const profileUids = new Map(allProfiles.map((profile) => [profile.id, profile.uid]));
  const wanted = new Set(data.profiles.map((profile) => profile.uid));
  const profiles = new Map(allProfiles.filter((profile) => wanted.has(profile.uid)).map((profile) => [profile.uid, withoutId(profile)]));

  const attempts: ExistingRows['attempts'] = new Map();
  const localAttempts: AttemptRecord[] = await db.attempts
    .where('uid')
    .anyOf(data.attempts.map((attempt) => attempt.uid))
    .toArray();
  for (const local of localAttempts) {
    const { id, profileId, ...attempt } = local;
    const snapshot = await db.attemptSnapshots.get(id);
    const events = await db.attemptEvents.where('attemptId').equals(id).sortBy('seq');
    const draft = await db.composerDrafts.get(id);
    attempts.set(local.uid, {
      attempt: { ...attempt, profileUid: profileUids.get(profileId) ?? '' },
      snapshot: snapshot ? { value: snapshot.snapshot } : null,
      events: events.map(({ attemptId: _attemptId, ...event }) => event),
      draft: draft ? (({ attemptId: _attemptId, ...rest }) => rest)(draft) : null,
    });
  }

  const outcomeUids = data.outcomes.map((outcome) => outcome.uid);
  const summaries = await db.outcomes.bulkGet(outcomeUids);
  const details = await db.outcomeDetails.bulkGet(outcomeUids);
  const outcomes: ExistingRows['outcomes'] = new Map();
  summaries.forEach((summary, index) => {
    if (summary) outcomes.set(summary.uid, { summary, detail: details[index] ?? null });
  });

  const played = await db.playedScenarios.bulkGet(data.playedScenarios.map((row) => row.key));
  const trainees = await db.trainees.bulkGet(data.trainees.map((row) => row.uid));
  const packs = await db.packs.bulkGet(data.packs.map((row) => row.packId));
  const settings = await db.settings.toArray();
  const statements = await db.outbox
    .where('id')
    .anyOf(data.outbox.map((row) => row.id))
    .toArray();
  return {
    profiles,
    profileNames: allProfiles.map((profile) => profile.name),
    attempts,
    outcomes,
    playedScenarios: new Map(played.flatMap((row) => (row ? [[row.key, row] as const] : []))),
    trainees: new Map(trainees.flatMap((row) => (row ? [[row.uid, row] as const] : []))),
    outbox: new Map(statements.map((row) => [row.id, row.json])),
    packs: new Map(packs.flatMap((row) => (row ? [[row.packId, { version: row.version, archive: row.archive }] as const] : []))),
    settings: new Map(settings.map((row) => [row.key, row.value])),
  };
}

function rowsToWrite(plan: RestorePlan): number {
  return (
    plan.profiles.length +
    plan.attempts.reduce((sum, whole) => sum + 1 + whole.events.length + (whole.snapshot ? 1 : 0) + (whole.draft ? 1 : 0), 0) +
    plan.playedScenarios.length +
    plan.outcomes.length * 2 +
    plan.trainees.length +
    plan.outbox.length +
    plan.packs.length +
    plan.settings.length
  );
}

/** Writes what the plan adds, inside the restore's transaction. A restored attempt gets a new local id; its rows follow it. */
async function applyPlan(db: AttacheDatabase, plan: RestorePlan, data: BackupData, onProgress: (progress: BackupProgress) => void): Promise<void> {
  const total = rowsToWrite(plan);
  let done = 0;
  const wrote = (rows: number): void => {
    done += rows;
    onProgress({ phase: 'restoring', done, total });
  };
  onProgress({ phase: 'restoring', done, total });

  for (const profile of plan.profiles) {
    await db.profiles.add(profile);
    wrote(1);
  }
  const profileIds = new Map<string, number>();
  const uids = [...new Set(data.attempts.map((attempt) => attempt.profileUid))];
  for (const profile of await db.profiles.where('uid').anyOf(uids).toArray()) profileIds.set(profile.uid, profile.id);

  for (const { attempt, snapshot, events, draft } of plan.attempts) {
    const { profileUid, ...fields } = attempt;
    const profileId = profileIds.get(profileUid);
    if (profileId === undefined) throw new Error(`The restored attempt ${attempt.uid} names the profile ${profileUid}, which is not on this install.`);
    const attemptId = await db.attempts.add({ ...fields, profileId });
    if (snapshot) await db.attemptSnapshots.add({ attemptId, snapshot: snapshot.value });
    // Stored as the backup holds it: a log is checked by validateEventLog whenever an attempt is opened.
    if (events.length > 0)
      await db.attemptEvents.bulkAdd(events.map(({ seq, event, recordedAt }) => ({ attemptId, seq, event: event as EngineEvent, recordedAt })));
    if (draft) await db.composerDrafts.add({ attemptId, ...draft });
    wrote(1 + events.length + (snapshot ? 1 : 0) + (draft ? 1 : 0));
  }
  if (plan.playedScenarios.length > 0) await db.playedScenarios.bulkAdd(plan.playedScenarios);
  wrote(plan.playedScenarios.length);
  if (plan.outcomes.length > 0) {
    await db.outcomes.bulkAdd(plan.outcomes.map((outcome) => outcome.summary));
    await db.outcomeDetails.bulkAdd(plan.outcomes.map((outcome) => outcome.detail));
  }
  wrote(plan.outcomes.length * 2);
  if (plan.trainees.length > 0) await db.trainees.bulkAdd(plan.trainees);
  wrote(plan.trainees.length);
  // Byte for byte and in the backup's order, each with where it stood with the LRS: the sync goes on from there.
  if (plan.outbox.length > 0) await db.outbox.bulkAdd(plan.outbox);
  wrote(plan.outbox.length);
  for (const pack of plan.packs) {
    await db.packs.add(pack);
    wrote(1);
  }
  if (plan.settings.length > 0) await db.settings.bulkAdd(plan.settings.map(({ key, value }) => ({ key: key as SettingKey, value })));
  wrote(plan.settings.length);
}

/** Opens a backup file: checked whole (BackupError says what is wrong and where), nothing written. */
export function openBackup(bytes: Uint8Array): Backup {
  return readBackup(bytes, CURRENT_SCHEMA_VERSION);
}

function backupError(refusal: BackupRefusal): BackupError {
  return new BackupError(refusal.code, refusal.message, refusal.where);
}

/** Opens a backup file as openBackup does, in the records worker, so that checking a large one never stops the page. */
export async function openBackupFile(bytes: Uint8Array, client: RecordsClient = recordsClient()): Promise<Backup> {
  const opened = await client.openBackup(bytes, CURRENT_SCHEMA_VERSION);
  if (opened.status === 'refused') throw backupError(opened.refusal);
  return opened.backup;
}

/** Rows of each table in a backup. */
export function backupRows(backup: Backup): Record<BackupTable, number> {
  return Object.fromEntries(BACKUP_TABLES.map((table) => [table, backup.data[table].length])) as Record<BackupTable, number>;
}

/** What restoring the backup would do now, without writing: shown before the user confirms. */
export function previewRestore(db: AttacheDatabase, backup: Backup): Promise<RestoreReport> {
  return db.transaction('r', backupTables(db), async () => planRestore(backup.data, await readExisting(db, backup.data), isRestorableSetting).report);
}

/**
 * Restores an opened backup into this install, in one transaction: each row is merged by its uid or
 * key (see planRestore): added when new, left when equal, and listed as a conflict, kept as the install
 * has it, when different. Restoring the same backup twice changes nothing the second time. Throws
 * StorageFullError, with nothing written, when the disk is full.
 */
export function restoreBackup(db: AttacheDatabase, backup: Backup, options: { onProgress?: (progress: BackupProgress) => void } = {}): Promise<RestoreReport> {
  const onProgress = options.onProgress ?? (() => undefined);
  return storageWrite(() =>
    db.transaction('rw', backupTables(db), async () => {
      const existing = await readExisting(db, backup.data);
      const plan = planRestore(backup.data, existing, isRestorableSetting);
      await applyPlan(db, plan, backup.data, onProgress);
      return plan.report;
    }),
  );
}
