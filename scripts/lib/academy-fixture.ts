// Runtime: Node (tests and the bench, with fake-indexeddb loaded first). An academy's database holding
// a seeded demo cohort's records as the progress-file import leaves them (trainees, frozen outcomes,
// played scenarios) and the academy's settings, for the LRS sync's tests and bench against a real LRS.
import path from 'node:path';
import type { IdentityField } from '../../renderer/src/core/academy';
import type { Pack } from '../../renderer/src/core/pack/load';
import { AttacheDatabase } from '../../renderer/src/db/database';
import { saveAcademy, saveIncludeDraftText } from '../../renderer/src/db/repositories/academy';
import { storeFrozenOutcome } from '../../renderer/src/db/repositories/attempts';
import { APP_VERSION } from './app-version';
import { demoCohort, type DemoTrainee } from './demo-cohort';
import { loadPackOrExplain } from './load-pack';

const root = path.resolve(import.meta.dirname, '..', '..');

let corePack: Pack | null = null;

/** The built-in library, loaded once. */
export function coreLibraryPack(): Pack {
  corePack ??= loadPackOrExplain(path.join(root, 'scenarios', 'core-library'));
  return corePack;
}

export interface AcademySettingsInput {
  iri: string;
  identityField?: IdentityField;
  includeDraftText?: boolean;
}

let databases = 0;

/** A seeded cohort of the built-in library's courses (the same seed, the same records and statement ids). */
export function cohortOf(trainees: number, seed: number): DemoTrainee[] {
  return demoCohort({ trainees, seed, packs: [coreLibraryPack()], appVersion: APP_VERSION });
}

/** A new database (unique name) holding the cohort's records, as the academy's import writes them. */
export async function academyDatabase(cohort: readonly DemoTrainee[], settings: AcademySettingsInput): Promise<AttacheDatabase> {
  databases += 1;
  const db = new AttacheDatabase(`attache-academy-${process.pid}-${databases}-${Math.random().toString(36).slice(2)}`);
  await saveAcademy(db, { name: 'Demo Academy', iri: settings.iri, identityField: settings.identityField ?? 'academyId' });
  if (settings.includeDraftText) await saveIncludeDraftText(db, true);
  await db.transaction('rw', [db.trainees, db.outcomes, db.outcomeDetails, db.playedScenarios], async () => {
    for (const member of cohort) {
      const { trainee, outcomes, played, exportedAt } = member.content;
      await db.trainees.put({ ...trainee, deviceKey: member.signer.publicKey, importedAt: exportedAt, detailsExportedAt: exportedAt });
      const scenarios = new Map(played.map((scenario) => [scenario.key, scenario]));
      for (const frozen of outcomes) await storeFrozenOutcome(db, frozen, scenarios.get(frozen.summary.playedScenario)!);
    }
  });
  return db;
}
