// Runtime: renderer. Scenario packs installed from archives: the only code that writes the packs table.
import type { AttacheDatabase, InstalledPackRecord } from '../database';
import { storageWrite } from '../errors';

/** Installed packs, by id. */
export function listInstalledPacks(db: AttacheDatabase): Promise<InstalledPackRecord[]> {
  return db.packs.orderBy('packId').toArray();
}

/** Installs or replaces (a newer or older version of) a pack whose archive was checked. */
export function installPack(db: AttacheDatabase, record: Omit<InstalledPackRecord, 'installedAt'>, now: () => number = Date.now): Promise<InstalledPackRecord> {
  return storageWrite(() =>
    db.transaction('rw', db.packs, async () => {
      const saved: InstalledPackRecord = { ...record, installedAt: now() };
      await db.packs.put(saved);
      return saved;
    }),
  );
}

/** What the pack manager shows of an installation, without keeping its archive in memory. */
export interface InstalledPackInfo {
  packId: string;
  version: string;
  /** Milliseconds since the epoch. */
  installedAt: number;
  /** The archive's size in bytes. */
  size: number;
}

const infoOf = ({ packId, version, installedAt, archive }: InstalledPackRecord): InstalledPackInfo => ({
  packId,
  version,
  installedAt,
  size: archive.byteLength,
});

/** Installed packs, by id, without their archives. */
export async function listInstalledPackInfo(db: AttacheDatabase): Promise<InstalledPackInfo[]> {
  return (await listInstalledPacks(db)).map(infoOf);
}

/**
 * Removes an installed pack, so the library no longer offers it (the library forgets the remembered
 * check of its archive when it next loads). Attempts on it and their frozen outcomes (with the scenario as played) are left as they are:
 * records and debriefs read those, never the pack. Returns what was removed, null when it was not installed.
 */
export function uninstallPack(db: AttacheDatabase, packId: string): Promise<InstalledPackInfo | null> {
  return storageWrite(() =>
    db.transaction('rw', db.packs, async () => {
      const record = await db.packs.get(packId);
      if (!record) return null;
      await db.packs.delete(packId);
      return infoOf(record);
    }),
  );
}
