import { describe, expect, it } from 'vitest';
import { deviceKey, progressContent, trainee } from '../../test/progress-files';
import type { FrozenOutcome, PlayedScenario } from './outcome';
import type { KnownTrainee, MergePlan, MergeState } from './merge';
import { planMerge } from './merge';
import type { ProgressFileContent, VerifiedProgressFile } from './progress-file';
import { buildProgressFile, readProgressFile } from './progress-file';

const anna = trainee('Anna');
const laptop = deviceKey('anna-laptop');
const desktop = deviceKey('anna-new-desktop');
const importedAt = Date.UTC(2026, 3, 1);

async function verified(content: ProgressFileContent, signer = laptop.signer): Promise<VerifiedProgressFile> {
  return readProgressFile(await buildProgressFile(content, signer));
}

const march = progressContent(anna, [{ uid: 'attempt-1', drafts: 'poor' }, { uid: 'attempt-2' }], Date.UTC(2026, 2, 20));
const april = progressContent(
  { ...anna, email: 'anna.petrova@example.org' },
  [{ uid: 'attempt-1', drafts: 'poor' }, { uid: 'attempt-2' }, { uid: 'attempt-3', startedAt: Date.UTC(2026, 3, 2, 9) }],
  Date.UTC(2026, 3, 5),
);
const marchFile = await verified(march);
const aprilFile = await verified(april);

const emptyState: MergeState = { trainee: null, outcomes: new Map(), played: new Map(), localDeviceKey: null };

/** The academy's records after applying a plan, as the service applies it. */
function apply(state: MergeState, plan: MergePlan): MergeState {
  const outcomes = new Map(state.outcomes);
  for (const outcome of plan.added) outcomes.set(outcome.summary.uid, outcome);
  const played = new Map(state.played);
  for (const scenario of plan.playedToAdd) played.set(scenario.key, scenario);
  const row = plan.traineeRow;
  const known: KnownTrainee | null = row ? { ...row, kind: 'imported' } : state.trainee;
  return { ...state, trainee: known, outcomes, played };
}

function stateWith(file: VerifiedProgressFile, plan = planMerge(file, emptyState, { importedAt })): MergeState {
  return apply(emptyState, plan);
}

describe('merging a progress file', () => {
  it('adds a new trainee, tied to the key that signed the file, with every outcome marked imported', () => {
    const plan = planMerge(marchFile, emptyState, { importedAt });
    expect(plan.trainee).toEqual({ status: 'new' });
    expect(plan.traineeRow).toEqual({ ...anna, deviceKey: laptop.publicKey, importedAt, detailsExportedAt: march.exportedAt });
    expect(plan.added.map((o) => [o.summary.uid, o.summary.origin])).toEqual([
      ['attempt-1', 'imported'],
      ['attempt-2', 'imported'],
    ]);
    expect(plan.added[0]!.detail).toEqual(march.outcomes[0]!.detail);
    expect(plan.playedToAdd.map((p) => p.key)).toEqual([march.played[0]!.key]);
    expect(plan).toMatchObject({ unchanged: [], conflicts: [], withheld: 0, isProfile: false });
  });

  it('changes nothing when the same file is imported twice', () => {
    const state = stateWith(marchFile);
    const again = planMerge(marchFile, state, { importedAt: importedAt + 1 });
    expect(again).toEqual({
      trainee: { status: 'unchanged' },
      isProfile: false,
      traineeRow: null,
      added: [],
      unchanged: ['attempt-1', 'attempt-2'],
      conflicts: [],
      withheld: 0,
      playedToAdd: [],
    });
    expect(apply(state, again)).toEqual(state);
  });

  it('adds only what is new when an outcome comes again in a later file, and applies the newer details', () => {
    const plan = planMerge(aprilFile, stateWith(marchFile), { importedAt });
    expect(plan.unchanged).toEqual(['attempt-1', 'attempt-2']);
    expect(plan.added.map((o) => o.summary.uid)).toEqual(['attempt-3']);
    expect(plan.playedToAdd).toEqual([]);
    expect(plan.trainee).toEqual({ status: 'updated', fields: ['email'] });
    expect(plan.traineeRow).toMatchObject({ email: 'anna.petrova@example.org', detailsExportedAt: april.exportedAt });
  });

  it('keeps newer details when an older file comes after a newer one, and says which it did not apply', () => {
    const plan = planMerge(marchFile, stateWith(aprilFile), { importedAt });
    expect(plan.trainee).toEqual({ status: 'kept', fields: ['email'] });
    expect(plan.traineeRow).toBeNull();
    expect(plan.unchanged).toEqual(['attempt-1', 'attempt-2']);
  });

  it('keeps the stored record and shows a conflict when the same uid comes with other content', async () => {
    const state = stateWith(marchFile);
    const stored = state.outcomes.get('attempt-2')!;
    // Another record under the same uid: a poor play, where the academy holds a good one.
    const other = progressContent(anna, [{ uid: 'attempt-2', drafts: 'poor' }], Date.UTC(2026, 2, 21));
    const plan = planMerge(await verified(other), state, { importedAt });
    expect(plan.added).toEqual([]);
    expect(plan.conflicts).toEqual([
      {
        uid: 'attempt-2',
        packId: 'minimal',
        scenarioId: 'hotline',
        reason: 'content',
        fields: ['average', 'passed', 'scores'],
        stored: { passed: true, average: stored.summary.average, scores: stored.summary.scores, finishedAt: stored.summary.finishedAt },
        file: expect.objectContaining({ passed: false }),
      },
    ]);
    expect(apply(state, plan).outcomes.get('attempt-2')).toBe(stored);
  });

  it('names the debrief when only it differs', () => {
    const state = stateWith(marchFile);
    const edited: FrozenOutcome = structuredClone(state.outcomes.get('attempt-1')!);
    edited.detail.outcome.debrief.summary.en = 'Another summary.';
    const plan = planMerge(marchFile, { ...state, outcomes: new Map(state.outcomes).set('attempt-1', edited) }, { importedAt });
    expect(plan.conflicts).toEqual([expect.objectContaining({ uid: 'attempt-1', fields: ['detail'] })]);
  });

  it('merges nothing from a file signed by another device, until the administrator trusts it', async () => {
    const state = stateWith(marchFile);
    const fromDesktop = await verified(april, desktop.signer);
    const withheld = planMerge(fromDesktop, state, { importedAt });
    expect(withheld).toMatchObject({
      trainee: { status: 'other-device', knownKey: laptop.publicKey },
      added: [],
      unchanged: [],
      traineeRow: null,
      withheld: 3,
    });

    const trusted = planMerge(fromDesktop, state, { importedAt, trustDevice: true });
    expect(trusted.trainee).toEqual({ status: 'device-trusted', previousKey: laptop.publicKey, fields: ['email'] });
    expect(trusted.traineeRow).toMatchObject({ deviceKey: desktop.publicKey, email: 'anna.petrova@example.org' });
    expect(trusted.added.map((o) => o.summary.uid)).toEqual(['attempt-3']);
    // From then on the trainee is tied to the new device, and the old one is "another device".
    const after = apply(state, trusted);
    expect(planMerge(fromDesktop, after, { importedAt }).trainee).toEqual({ status: 'unchanged' });
    expect(planMerge(marchFile, after, { importedAt }).trainee).toMatchObject({ status: 'other-device', knownKey: desktop.publicKey });
  });

  it("merges a file of one of this device's profiles only when this device signed it, and never rewrites the profile", () => {
    const profile: KnownTrainee = { ...anna, name: 'Anna P.', kind: 'profile', deviceKey: null, detailsExportedAt: null };
    const state: MergeState = { ...emptyState, trainee: profile, localDeviceKey: laptop.publicKey };
    const plan = planMerge(marchFile, state, { importedAt });
    expect(plan).toMatchObject({ isProfile: true, traineeRow: null, trainee: { status: 'kept', fields: ['name'] } });
    expect(plan.added).toHaveLength(2);
    expect(planMerge(marchFile, { ...state, localDeviceKey: null }, { importedAt }).trainee).toEqual({ status: 'other-device', knownKey: null });
  });

  it('does not add an outcome whose played scenario the academy holds with other content under the same key', () => {
    const state = stateWith(marchFile);
    const key = march.played[0]!.key;
    const altered: PlayedScenario = structuredClone(state.played.get(key)!);
    altered.scenario.debrief.summary.en = 'Altered.';
    const plan = planMerge(aprilFile, { ...state, played: new Map([[key, altered]]) }, { importedAt });
    expect(plan.added).toEqual([]);
    expect(plan.conflicts).toEqual([expect.objectContaining({ uid: 'attempt-3', reason: 'scenario', stored: null })]);
  });
});
