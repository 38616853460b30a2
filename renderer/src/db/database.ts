// Runtime: renderer. Attaché's local database: everything a trainee does stays on this device.
import { Dexie, type EntityTable } from 'dexie';
import { applySchema } from './schema';

export const DATABASE_NAME = 'attache';

export interface ProfileRecord {
  id: number;
  name: string;
  academyId: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

export type SettingKey = 'language' | 'theme' | 'activeProfileId';

/** A value is checked when it is read, so a row written by another version cannot break the UI. */
export interface SettingRow {
  key: SettingKey;
  value: unknown;
}

/**
 * Read the tables directly only to query; every write goes through the functions in
 * `repositories/`, which validate, use transactions and report a full disk as StorageFullError.
 */
export class AttacheDatabase extends Dexie {
  declare profiles: EntityTable<ProfileRecord, 'id'>;
  declare settings: EntityTable<SettingRow, 'key'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    applySchema(this);
  }
}
