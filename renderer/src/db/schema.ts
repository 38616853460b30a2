// Runtime: renderer. The history of the local database's schema, applied in order on every open.
import type { Dexie, Transaction } from 'dexie';

/**
 * One step in the schema's history.
 *
 * How to change the schema:
 * - Never edit or remove an entry that has shipped: people have databases at that version.
 * - Append `{ version: <last + 1>, stores, upgrade }`. `stores` lists only the tables whose primary
 *   key or indexes change (with the full new spec), or `null` to delete a table; Dexie carries the
 *   other tables over from earlier versions. Fields that are not indexed need no schema change.
 * - `upgrade` rewrites existing rows into the new shape inside the version-change transaction; it
 *   runs only for databases older than its version, after the earlier versions' upgrades.
 * - Add a test to schema.test.ts that writes rows as the previous version stored them, opens the
 *   database at the current version and checks the rows after the upgrade.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // Auto-incremented id; academyId is indexed so that records can be matched to a trainee later.
      profiles: '++id, academyId, updatedAt',
      // One row per setting: { key, value }.
      settings: 'key',
    },
  },
  {
    version: 2,
    stores: {
      // One row per play of a scenario; lists are per profile and are filtered in memory.
      attempts: '++id, profileId',
      // The machine snapshot after an attempt's last event, apart from the attempt so lists stay small.
      attemptSnapshots: 'attemptId',
      // The event log: one row per event, keyed by attempt and position so replay reads it in order.
      attemptEvents: '[attemptId+seq], attemptId',
      // At most one unsent draft per attempt.
      composerDrafts: 'attemptId',
      // Packs installed from archives, one version per pack id.
      packs: 'packId',
    },
    upgrade: async (transaction) => {
      // Several trainees can share a device and the profile picker lists the most recently used
      // first; until now the one profile was also the last one used.
      await transaction
        .table('profiles')
        .toCollection()
        .modify((profile: { updatedAt: number; lastUsedAt?: number }) => {
          profile.lastUsedAt = profile.updatedAt;
        });
    },
  },
  {
    version: 3,
    stores: {
      // What checking each installed archive gave, so a start does not inflate and validate it again.
      // Nothing to carry over: a missing row only means the archive is checked once more.
      checkedPacks: 'installation',
    },
  },
  {
    version: 4,
    stores: {
      // Every profile and attempt gets a uid: records travel between devices and are merged by it.
      profiles: '++id, academyId, updatedAt, &uid',
      attempts: '++id, profileId, &uid',
      // Frozen outcomes of finished attempts, played here or imported: the summary every list reads…
      outcomes: 'uid, traineeUid, finishedAt, [packId+scenarioId]',
      // …and what only a debrief, a transcript or a re-grade reads.
      outcomeDetails: 'uid',
      // The scenarios as played, once per pack content, so a frozen debrief never depends on the installed pack.
      playedScenarios: 'key',
      // Trainees known from imported progress files (this device's trainees are its profiles).
      trainees: 'uid, academyId',
    },
    upgrade: async (transaction) => {
      await transaction
        .table('profiles')
        .toCollection()
        .modify((profile: { uid?: string; email?: string | null; pin?: unknown }) => {
          profile.uid = crypto.randomUUID();
          profile.email = null;
          profile.pin = null;
        });
      await transaction
        .table('attempts')
        .toCollection()
        .modify((attempt: { uid?: string }) => {
          attempt.uid = crypto.randomUUID();
        });
      // Finished attempts are frozen once, after the start has loaded the packs they were played
      // from (see records/freeze.ts): freezing needs a pack, and the version-change transaction
      // cannot wait for one to be validated.
    },
  },
  {
    version: 5,
    stores: {
      // xAPI statements built from frozen outcomes, byte for byte, sent to the academy's LRS in
      // building order ([state+seq]); by outcome to know which are built, by trainee to erase them.
      outbox: '++seq, &id, [state+seq], outcomeUid, traineeUid',
    },
    // Statements are built after the start for outcomes that have none (see records/statements.ts):
    // building needs the academy's settings, which the version change cannot ask for.
  },
  {
    version: 6,
    stores: {
      // The studio's packs being edited, one row per draft with all its files; listed newest first.
      studioDrafts: 'draftId, savedAt',
    },
  },
  {
    version: 7,
    stores: {
      // What the trainee has seen of an attempt's desk (how many items of each view) and the view they
      // were on, so a reload brings back neither "new" badges already read nor the first account.
      // Nothing to carry over: an attempt without a row shows its views as never looked at.
      deskStates: 'attemptId',
    },
  },
];

/** Throws unless the versions are whole numbers counting up from 1 without gaps. */
export function checkSchemaVersions(versions: readonly SchemaVersion[]): void {
  if (versions.length === 0) throw new Error('The schema needs at least one version.');
  versions.forEach((entry, index) => {
    if (entry.version !== index + 1) {
      throw new Error(`Schema version at position ${index + 1} is ${entry.version}; versions must count up from 1 without gaps.`);
    }
  });
}

export function applySchema(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  checkSchemaVersions(versions);
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}

export const CURRENT_SCHEMA_VERSION: number = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 0;
