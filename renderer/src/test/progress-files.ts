// Runtime: Node (tests only). Frozen outcomes played through the engine, trainees and Ed25519 signers
// made from seeds, for the progress-file tests.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { MACHINE_VERSION } from '../core/engine/attempt';
import { scenarioOutcome } from '../core/engine/outcome';
import { GRADER_VERSION } from '../core/grading/version';
import type { Pack } from '../core/pack/load';
import { loadPack } from '../core/pack/load';
import { PACK_FORMAT } from '../core/pack/schema';
import type { FrozenOutcome, PlayedScenario } from '../core/records/outcome';
import { freezeOutcome, playedScenarioOf } from '../core/records/outcome';
import type { DeviceSigner, ProgressFileContent, ProgressTrainee } from '../core/records/progress-file';
import { modelAnswer, playScenario, poorAnswer } from './engine';
import { MINIMAL_PACK_DIR, readFolder } from './packs';

export const minimalPack: Pack = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!;

/** A device's key pair made from a word, so each test's devices are fixed. */
export function deviceKey(name: string): { secretKey: Uint8Array; publicKey: string; signer: DeviceSigner } {
  const { secretKey, publicKey } = ed25519.keygen(sha256(utf8ToBytes(`device:${name}`)));
  return { secretKey, publicKey: bytesToHex(publicKey), signer: { publicKey: bytesToHex(publicKey), sign: (message) => ed25519.sign(message, secretKey) } };
}

export function trainee(name: string, overrides: Partial<ProgressTrainee> = {}): ProgressTrainee {
  return { uid: `trainee-${name.toLowerCase()}`, name, academyId: `ACD-${name.toUpperCase()}`, email: `${name.toLowerCase()}@example.org`, ...overrides };
}

export interface PlayOptions {
  pack?: Pack;
  scenarioId?: string;
  traineeUid: string;
  uid: string;
  drafts?: 'model' | 'poor';
  language?: string;
  startedAt?: number;
  seed?: number;
}

/** A scenario played through the engine with the model answers (or poor drafts) and frozen as the app freezes it. */
export function playedOutcome(options: PlayOptions): { frozen: FrozenOutcome; played: PlayedScenario } {
  const pack = options.pack ?? minimalPack;
  const scenario = pack.scenarios.find((candidate) => candidate.id === (options.scenarioId ?? pack.scenarios[0]!.id))!;
  const language = options.language ?? 'en';
  const answer =
    options.drafts === 'poor' ? (taskId: string) => poorAnswer(scenario, taskId) ?? 'Later.' : (taskId: string) => modelAnswer(scenario, taskId, language);
  const { input, state } = playScenario(scenario, language, pack.manifest, answer, options.seed ?? 1);
  const played = playedScenarioOf(pack, scenario);
  const startedAt = options.startedAt ?? Date.UTC(2026, 2, 2, 9);
  const frozen = freezeOutcome({
    uid: options.uid,
    traineeUid: options.traineeUid,
    packId: pack.manifest.id,
    packVersion: pack.manifest.version,
    packContentHash: pack.contentHash,
    playedScenario: played.key,
    playLanguage: language,
    seed: options.seed ?? 1,
    startedAt,
    finishedAt: startedAt + 20 * 60_000,
    eventTimes: [startedAt, startedAt + 4 * 60_000, startedAt + 9 * 60_000, startedAt + 20 * 60_000],
    outcome: scenarioOutcome(input, state),
    timeline: state,
    versions: { app: '0.1.0', grader: GRADER_VERSION, machine: MACHINE_VERSION, packFormat: PACK_FORMAT },
    origin: 'played',
  });
  return { frozen, played };
}

/** A trainee's records: one outcome per uid given, played on the minimal pack unless told otherwise. */
export function progressContent(
  person: ProgressTrainee,
  plays: Array<Omit<PlayOptions, 'traineeUid'>>,
  exportedAt = Date.UTC(2026, 2, 20, 12),
): ProgressFileContent {
  const results = plays.map((play) => playedOutcome({ ...play, traineeUid: person.uid }));
  const played = new Map(results.map(({ played }) => [played.key, played]));
  return { trainee: person, outcomes: results.map(({ frozen }) => frozen), played: [...played.values()], exportedAt, appVersion: '0.1.0' };
}
