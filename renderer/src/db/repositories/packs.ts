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
