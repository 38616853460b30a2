// Runtime: any (pure core). What the Moodle export remembers between exports, and the check a stored
// value passes before it is trusted. Apart from moodle.ts so that reading settings at start does not
// load the CSV and XML writers.

/** What a grade item stands for: a course (its completion score) or a scenario (its best score). */
export type GradeItemLevel = 'course' | 'scenario';

/** Which course score goes in: only once the course is completed, or the score so far. */
export type CourseScoreRule = 'completed' | 'always';

/** Longest ID number Moodle keeps for a grade item (grade_items.idnumber is varchar(255)). */
export const MAX_ITEM_ID_LENGTH = 255;

/** What the export dialog remembers between exports (one row of the settings table). */
export interface MoodleExportSettings {
  level: GradeItemLevel;
  courseScore: CourseScoreRule;
  feedback: boolean;
  /** Moodle grade item ID number per grade item key, for both levels. */
  items: Record<string, string>;
}

export const DEFAULT_MOODLE_EXPORT_SETTINGS: MoodleExportSettings = { level: 'course', courseScore: 'completed', feedback: false, items: {} };

/** More grade items than any academy maps; a row holding more was not written by this app. */
const MAX_REMEMBERED_ITEMS = 10_000;

export function isMoodleExportSettings(value: unknown): value is MoodleExportSettings {
  if (typeof value !== 'object' || value === null) return false;
  const settings = value as Partial<Record<keyof MoodleExportSettings, unknown>>;
  if (settings.level !== 'course' && settings.level !== 'scenario') return false;
  if (settings.courseScore !== 'completed' && settings.courseScore !== 'always') return false;
  if (typeof settings.feedback !== 'boolean') return false;
  if (typeof settings.items !== 'object' || settings.items === null || Array.isArray(settings.items)) return false;
  const entries = Object.entries(settings.items);
  return (
    entries.length <= MAX_REMEMBERED_ITEMS &&
    entries.every(([key, idNumber]) => key.length <= 1_000 && typeof idNumber === 'string' && idNumber.length <= MAX_ITEM_ID_LENGTH)
  );
}
