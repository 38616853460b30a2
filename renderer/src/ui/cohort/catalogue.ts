// Runtime: renderer (browser). The installed packs' scenarios and courses as the records screen lists
// them, titled in the reader's language.
import type { CohortCatalogue } from '../../core/records/cohort';
import type { Library } from '../../library/library';
import { localized } from '../../library/library';

export function catalogueOf(library: Library, language: string): CohortCatalogue {
  return {
    scenarios: library.packs.flatMap((pack) =>
      pack.scenarios.map((scenario) => ({ packId: pack.manifest.id, scenarioId: scenario.id, title: localized(scenario.title, language) || scenario.id })),
    ),
    courses: library.packs.flatMap((pack) =>
      pack.courses.map((course) => ({ packId: pack.manifest.id, course, title: localized(course.title, language) || course.id })),
    ),
  };
}
