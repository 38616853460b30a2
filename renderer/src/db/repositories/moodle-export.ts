// Runtime: renderer. What the Moodle export remembers between exports: the grade item ID number of each
// course and scenario, and the options last used. The only code that writes the `moodleExport` row of
// the settings table.
import { DEFAULT_MOODLE_EXPORT_SETTINGS, isMoodleExportSettings, type MoodleExportSettings } from '../../core/records/moodle-settings';
import type { AttacheDatabase } from '../database';
import { storageWrite } from '../errors';

/** The remembered settings; the defaults when none are stored or the stored row is unreadable. */
export async function readMoodleExportSettings(db: AttacheDatabase): Promise<MoodleExportSettings> {
  const row = await db.settings.get('moodleExport');
  return row && isMoodleExportSettings(row.value) ? row.value : { ...DEFAULT_MOODLE_EXPORT_SETTINGS, items: {} };
}

/**
 * Remembers the settings. ID numbers are kept trimmed and an emptied one is forgotten. Throws TypeError
 * for settings that would not be trusted when read back, StorageFullError when the disk is full.
 */
export async function saveMoodleExportSettings(db: AttacheDatabase, settings: MoodleExportSettings): Promise<MoodleExportSettings> {
  const items: Record<string, string> = {};
  for (const [key, idNumber] of Object.entries(settings.items)) {
    const trimmed = idNumber.trim();
    if (trimmed) items[key] = trimmed;
  }
  const value: MoodleExportSettings = { level: settings.level, courseScore: settings.courseScore, feedback: settings.feedback, items };
  if (!isMoodleExportSettings(value))
    throw new TypeError('These Moodle export settings cannot be stored: an ID number is longer than Moodle keeps (255 characters).');
  await storageWrite(() => db.transaction('rw', db.settings, () => db.settings.put({ key: 'moodleExport', value })));
  return value;
}
