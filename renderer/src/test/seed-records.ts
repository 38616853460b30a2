// Runtime: Node (tests only). A database with something in every table a backup or a trainee's export
// holds: two profiles with finished (frozen) and unfinished attempts, logs, snapshots and a composer
// draft, an imported trainee with an outcome, an installed pack, and settings.
import { buildArchive } from '../core/pack/archive';
import type { Pack } from '../core/pack/load';
import { loadPack } from '../core/pack/load';
import { currentVersions } from '../core/engine/attempt';
import type { EngineEvent } from '../core/engine/machine';
import type { AttacheDatabase, ProfileRecord, TraineeRecord } from '../db/database';
import { createAttempt, recordEvent, saveComposerDraft, storeFrozenOutcome } from '../db/repositories/attempts';
import { installPack } from '../db/repositories/packs';
import { createProfile } from '../db/repositories/profiles';
import { freezing } from '../records/freeze';
import { modelAnswer, playScenario } from './engine';
import { MINIMAL_PACK_DIR, readFolder } from './packs';

export interface SeededRecords {
  pack: Pack;
  archive: Uint8Array;
  anna: ProfileRecord;
  ivan: ProfileRecord;
  trainee: TraineeRecord;
}

let cachedPack: { pack: Pack; archive: Uint8Array } | null = null;

/** The minimal fixture pack, loaded and archived once per test file. */
export function minimalPack(): { pack: Pack; archive: Uint8Array } {
  if (cachedPack) return cachedPack;
  const files = readFolder(MINIMAL_PACK_DIR);
  const { pack } = loadPack(files, { appVersion: '0.1.0' });
  if (!pack) throw new Error('the minimal fixture pack does not load');
  cachedPack = { pack, archive: buildArchive(files, { packId: pack.manifest.id, packVersion: pack.manifest.version }) };
  return cachedPack;
}

/** A finished attempt of the pack's first scenario, played with the model answers and frozen as it ends. */
export async function finishedAttempt(db: AttacheDatabase, profile: ProfileRecord, startedAt: number, seed = 7): Promise<number> {
  const { pack } = minimalPack();
  const scenario = pack.scenarios[0]!;
  const versions = currentVersions(pack.manifest.id, pack.manifest.version, scenario.id, 'en', seed);
  const attempt = await createAttempt(
    db,
    {
      profileId: profile.id,
      packId: pack.manifest.id,
      packVersion: pack.manifest.version,
      scenarioId: scenario.id,
      playLanguage: 'en',
      seed,
      versions,
      snapshot: { state: 'briefing' },
    },
    () => startedAt,
  );
  const played = playScenario(scenario, 'en', pack.manifest, (taskId) => modelAnswer(scenario, taskId, 'en'), seed);
  const events: EngineEvent[] = [{ type: 'START' }, { type: 'CLOCK.NEXT' }, { type: 'FINISH' }];
  for (const [seq, event] of events.entries()) {
    const finished = seq === events.length - 1;
    await recordEvent(
      db,
      attempt.id,
      {
        seq,
        event,
        snapshot: { state: finished ? 'done' : 'live', seq },
        finished,
        result: finished ? { passed: played.state.ended !== null, average: 90, scores: { tone: 90, policy: 90, platform: 90 } } : null,
        ...(finished
          ? {
              freeze: freezing({
                ref: { pack, scenario },
                input: played.input,
                timeline: played.state,
                attempt: { packId: pack.manifest.id, packVersion: pack.manifest.version, playLanguage: 'en', seed },
                appVersion: '0.1.0',
                origin: 'played',
              }),
            }
          : {}),
      },
      () => startedAt + 60_000 * (seq + 1),
    );
  }
  return attempt.id;
}

/** An attempt under way, with two events and an unsent draft. */
export async function activeAttempt(db: AttacheDatabase, profile: ProfileRecord, startedAt: number, draftText: string): Promise<number> {
  const { pack } = minimalPack();
  const scenario = pack.scenarios[0]!;
  const task = scenario.tasks[0]!;
  const versions = currentVersions(pack.manifest.id, pack.manifest.version, scenario.id, 'en', 3);
  const attempt = await createAttempt(
    db,
    {
      profileId: profile.id,
      packId: pack.manifest.id,
      packVersion: pack.manifest.version,
      scenarioId: scenario.id,
      playLanguage: 'en',
      seed: 3,
      versions,
      snapshot: { state: 'briefing' },
    },
    () => startedAt,
  );
  await recordEvent(
    db,
    attempt.id,
    { seq: 0, event: { type: 'START' }, snapshot: { state: 'live', at: 0 }, finished: false, result: null },
    () => startedAt + 1000,
  );
  await recordEvent(
    db,
    attempt.id,
    { seq: 1, event: { type: 'CLOCK.TICK', minutes: 5 }, snapshot: { state: 'live', at: 5 }, finished: false, result: null },
    () => startedAt + 2000,
  );
  await saveComposerDraft(db, {
    attemptId: attempt.id,
    accountId: task.account,
    kind: task.kind,
    taskId: task.id,
    replyTo: null,
    text: draftText,
    updatedAt: startedAt + 3000,
  });
  return attempt.id;
}

/** An outcome of a trainee imported from a progress file, with the trainee's row. */
export async function importedTrainee(db: AttacheDatabase, uid: string, name: string): Promise<TraineeRecord> {
  const { pack } = minimalPack();
  const scenario = pack.scenarios[0]!;
  const played = playScenario(scenario, 'en', pack.manifest, (taskId) => modelAnswer(scenario, taskId, 'en'), 11);
  const { frozen, played: playedScenario } = freezing({
    ref: { pack, scenario },
    input: played.input,
    timeline: played.state,
    attempt: { packId: pack.manifest.id, packVersion: pack.manifest.version, playLanguage: 'en', seed: 11 },
    appVersion: '0.1.0',
    origin: 'imported',
  })({ uid: `${uid}-outcome`, traineeUid: uid, startedAt: 5_000_000, finishedAt: 5_600_000, eventTimes: [5_000_000, 5_600_000] });
  const trainee: TraineeRecord = { uid, name, academyId: 'DA-99', email: null, deviceKey: 'ab'.repeat(32), importedAt: 6_000_000 };
  await db.transaction('rw', [db.trainees, db.outcomes, db.outcomeDetails, db.playedScenarios], async () => {
    await db.trainees.add(trainee);
    await storeFrozenOutcome(db, frozen, playedScenario);
  });
  return trainee;
}

/** Something in every table a backup holds. */
export async function seedRecords(db: AttacheDatabase): Promise<SeededRecords> {
  const { pack, archive } = minimalPack();
  await installPack(db, { packId: pack.manifest.id, version: pack.manifest.version, archive }, () => 1_000);
  const anna = await createProfile(db, { name: 'Anna Petrova', academyId: 'DA-7' }, () => 2_000);
  const ivan = await createProfile(db, { name: 'Ivan Sokolov', academyId: '' }, () => 3_000);
  await finishedAttempt(db, anna, 10_000_000);
  await activeAttempt(db, anna, 20_000_000, 'Our hotline is open around the clock.');
  await finishedAttempt(db, ivan, 30_000_000, 9);
  const trainee = await importedTrainee(db, 'imported-trainee-1', 'Olga Ivanova');
  await db.settings.bulkPut([
    { key: 'language', value: 'ru' },
    { key: 'theme', value: 'dark' },
  ]);
  return { pack, archive, anna: (await db.profiles.get(anna.id))!, ivan: (await db.profiles.get(ivan.id))!, trainee };
}
