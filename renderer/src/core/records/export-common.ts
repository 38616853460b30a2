// Runtime: any (pure core). What every export reads besides the outcomes: who the trainees are, and the
// titles of the packs, courses and scenarios in the export's language (from the installed packs, or
// from the scenario as played when its pack is no longer installed).
import type { Course, Localized, PackManifest, Scenario } from '../pack/schema';
import type { PlayedScenario } from './outcome';
import { scenarioKey } from './progress';

/** A trainee as the exports see them: a profile of this device or a trainee imported from a progress file. */
export interface ExportTrainee {
  uid: string;
  name: string;
  academyId: string | null;
  email: string | null;
}

/** The identity an LMS matches a trainee by: the academy's ID (Moodle's "ID number") or the e-mail address. */
export type { IdentityField } from '../academy';

export interface CatalogCourse {
  packId: string;
  packTitle: string;
  course: Course;
  title: string;
}

export interface CatalogScenario {
  packId: string;
  packTitle: string;
  scenarioId: string;
  title: string;
}

export interface ExportCatalog {
  /** Courses of the installed packs, in pack then course order. */
  courses: CatalogCourse[];
  /** Scenarios of the installed packs in order, then those known only as played (their pack removed). */
  scenarios: CatalogScenario[];
  /** The scenario's titles, or its ids when nothing is known of it. */
  scenario(packId: string, scenarioId: string): CatalogScenario;
  /** The pack's title, or its id. */
  packTitle(packId: string): string;
}

/** What the catalogue reads of an installed pack. */
export interface CatalogPack {
  manifest: Pick<PackManifest, 'id' | 'title'>;
  courses: readonly Course[];
  scenarios: readonly Pick<Scenario, 'id' | 'title'>[];
}

/** Text in the wanted language, else the first language that has it. */
export function pickText(text: Localized | undefined, language: string): string {
  if (!text) return '';
  return text[language] ?? Object.values(text).find((value) => value.length > 0) ?? '';
}

export function exportCatalog(
  packs: readonly CatalogPack[],
  language: string,
  played: readonly Pick<PlayedScenario, 'packId' | 'packTitle' | 'scenario'>[] = [],
): ExportCatalog {
  const courses: CatalogCourse[] = [];
  const scenarios = new Map<string, CatalogScenario>();
  const packTitles = new Map<string, string>();
  for (const pack of packs) {
    const packId = pack.manifest.id;
    const packTitle = pickText(pack.manifest.title, language) || packId;
    packTitles.set(packId, packTitle);
    for (const course of pack.courses) courses.push({ packId, packTitle, course, title: pickText(course.title, language) || course.id });
    for (const scenario of pack.scenarios) {
      scenarios.set(scenarioKey(packId, scenario.id), { packId, packTitle, scenarioId: scenario.id, title: pickText(scenario.title, language) || scenario.id });
    }
  }
  // The installed version names a scenario first; a scenario known only as played keeps its titles then.
  for (const entry of played) {
    const key = scenarioKey(entry.packId, entry.scenario.id);
    if (scenarios.has(key)) continue;
    const packTitle = packTitles.get(entry.packId) ?? (pickText(entry.packTitle, language) || entry.packId);
    if (!packTitles.has(entry.packId)) packTitles.set(entry.packId, packTitle);
    scenarios.set(key, {
      packId: entry.packId,
      packTitle,
      scenarioId: entry.scenario.id,
      title: pickText(entry.scenario.title, language) || entry.scenario.id,
    });
  }
  return {
    courses,
    scenarios: [...scenarios.values()],
    scenario: (packId, scenarioId) =>
      scenarios.get(scenarioKey(packId, scenarioId)) ?? { packId, packTitle: packTitles.get(packId) ?? packId, scenarioId, title: scenarioId },
    packTitle: (packId) => packTitles.get(packId) ?? packId,
  };
}

/** ISO 8601 in UTC, to the second: what spreadsheets, LMSs and people all read the same way. */
export function isoUtc(timestamp: number): string {
  return new Date(timestamp).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Groups outcomes (or anything with a traineeUid) by trainee. */
export function byTrainee<T extends { traineeUid: string }>(items: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) {
    const list = grouped.get(item.traineeUid);
    if (list) list.push(item);
    else grouped.set(item.traineeUid, [item]);
  }
  return grouped;
}
