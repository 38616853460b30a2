// Runtime: Node (scripts). A seeded sample cohort for trying the academy's side without 30 laptops:
// trainees who play the library's scenarios through the engine — the strong with the model answers,
// the weak with the poorest calibration drafts, most with a mix that improves as they retry — so that
// some complete every course and some none. Each trainee has their own Ed25519 device key (made from
// the seed), realistic working-hours times, and one signed progress file. The same seed gives the
// same cohort and the same bytes.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { MACHINE_VERSION } from '../../renderer/src/core/engine/attempt';
import { modelAnswerFor, scenarioOutcome } from '../../renderer/src/core/engine/outcome';
import type { Random } from '../../renderer/src/core/engine/random';
import { createRandom, deriveSeed } from '../../renderer/src/core/engine/random';
import type { EngineInput, TimelineState } from '../../renderer/src/core/engine/timeline';
import { autoplay } from '../../renderer/src/core/engine/autoplay';
import { GRADER_VERSION } from '../../renderer/src/core/grading/version';
import type { Pack } from '../../renderer/src/core/pack/load';
import type { Scenario } from '../../renderer/src/core/pack/schema';
import { PACK_FORMAT } from '../../renderer/src/core/pack/schema';
import { scenarioLanguages } from '../../renderer/src/core/pack/summary';
import type { FrozenOutcome } from '../../renderer/src/core/records/outcome';
import { freezeOutcome, playedScenarioOf } from '../../renderer/src/core/records/outcome';
import type { DeviceSigner, ProgressFileContent, ProgressTrainee } from '../../renderer/src/core/records/progress-file';
import { buildProgressFile, progressFileName } from '../../renderer/src/core/records/progress-file';

export interface DemoOptions {
  trainees: number;
  seed: number;
  /** The packs played: every course of each, in order. */
  packs: readonly Pack[];
  appVersion: string;
  /** Milliseconds since the epoch: the cohort starts within three weeks after it. */
  start?: number;
}

/** How a trainee drafts: the strong with model answers, the weak with poor drafts, the rest a mix by skill. */
export type Archetype = 'strong' | 'weak' | 'mixed';

export interface DemoTrainee {
  trainee: ProgressTrainee;
  archetype: Archetype;
  signer: DeviceSigner;
  content: ProgressFileContent;
}

const FIRST = ['Lena', 'Pavel', 'Aino', 'Jonas', 'Maria', 'Tomas', 'Elena', 'Karim', 'Yuki', 'Olga', 'Ravi', 'Sofia', 'Amara', 'Dmitri', 'Ines', 'Kwame'];
const LAST = ['Marsh', 'Holt', 'Virtanen', 'Berg', 'Costa', 'Novak', 'Dubois', 'Haddad', 'Sato', 'Ivanova', 'Mehta', 'Rossi', 'Okafor', 'Lindqvist'];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Monday 2 February 2026, 00:00 UTC. */
const DEFAULT_START = Date.UTC(2026, 1, 2);
/** The audience seeds attempts draw from: few, so that a cohort of hundreds replays few distinct plays. */
const ATTEMPT_SEEDS = [11, 23, 37];
const MAX_ATTEMPTS = 3;

const between = (random: Random, low: number, high: number) => low + random.next() * (high - low);
const whole = (random: Random, low: number, high: number) => Math.floor(between(random, low, high + 1));

/** A UUID (version 4 layout) from the generator, so uids are the same for the same seed. */
function seededUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** A task's poorest calibration draft (the one failing most axes), or a curt non-answer. */
function poorDraft(scenario: Scenario, taskId: string): string {
  const task = scenario.tasks.find((candidate) => candidate.id === taskId)!;
  const fails = (draft: (typeof task.calibration)[number]) => Object.values(draft.expect).filter((verdict) => verdict === 'fail').length;
  const worst = [...task.calibration].sort((a, b) => fails(b) - fails(a))[0];
  return worst && fails(worst) > 0 ? worst.text : 'No comment for now.';
}

/**
 * One play of a scenario through the engine: each task answered as it opens (model answer or poor
 * draft, by `poorTasks`), the clock run to the end. Plays repeat across a cohort, so they are cached
 * by everything that decides them.
 */
function createPlayer() {
  const plays = new Map<string, TimelineState>();
  return (pack: Pack, scenario: Scenario, language: string, seed: number, poorTasks: ReadonlySet<string>): { input: EngineInput; state: TimelineState } => {
    const input: EngineInput = { scenario, playLanguage: language, manifest: pack.manifest, seed };
    const key = `${pack.manifest.id}/${scenario.id}|${language}|${seed}|${[...poorTasks].sort().join(',')}`;
    let state = plays.get(key);
    if (!state) {
      // The one scripted player the app's tests and `npm run play` use: it sends for clearance where
      // headquarters must clear, writes reports and moderates live streams as the desk does.
      const moderationPoor = scenario.tasks.some((task) => task.kind === 'moderation' && poorTasks.has(task.id));
      state = autoplay(
        input,
        (task) => (poorTasks.has(task.id) ? poorDraft(scenario, task.id) : (modelAnswerFor(scenario, task, language) ?? poorDraft(scenario, task.id))),
        { moderate: moderationPoor ? 'poor' : 'model' },
      ).snapshot.context.timeline;
      plays.set(key, state);
    }
    return { input, state };
  };
}

/** When an attempt's actions were recorded: reading, then drafting each publication, at a working pace. */
function actionTimes(random: Random, startedAt: number, publications: number): number[] {
  const times = [startedAt];
  let at = startedAt + whole(random, 2, 6) * MINUTE;
  times.push(at);
  for (let index = 0; index < publications; index += 1) {
    // Typing a draft is a few recorded actions (clock ticks, edits kept), each within the idle cap.
    for (let step = whole(random, 2, 5); step > 0; step -= 1) {
      at += Math.round(between(random, 0.5, 4) * MINUTE);
      times.push(at);
    }
  }
  at += whole(random, 1, 4) * MINUTE;
  times.push(at);
  return times;
}

/** A working-hours start on the given day or the next weekday. */
function workingTime(random: Random, day: number): number {
  let date = day;
  while ([0, 6].includes(new Date(date).getUTCDay())) date += DAY;
  return date + (8 * 60 + whole(random, 30, 8 * 60)) * MINUTE;
}

/** The cohort, each trainee with their records and key. Deterministic for the options. */
export function demoCohort(options: DemoOptions): DemoTrainee[] {
  const play = createPlayer();
  const start = options.start ?? DEFAULT_START;
  const cohort: DemoTrainee[] = [];
  for (let index = 0; index < options.trainees; index += 1) {
    const random = createRandom(deriveSeed(options.seed, 'trainee', index));
    // One strong and one weak trainee in every ten (the first two among them): the cohort always has
    // someone who completes every course and someone who completes none.
    const archetype: Archetype = index % 10 === 0 ? 'strong' : index % 10 === 1 ? 'weak' : 'mixed';
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const uid = seededUuid(random);
    const trainee: ProgressTrainee = {
      uid,
      name: `${first} ${last}`,
      // A few trainees left out their academy ID or e-mail, as real ones do: the exports' checks find them.
      academyId: random.next() < 0.05 ? null : `ACD-2026-${String(index + 1).padStart(4, '0')}`,
      email: random.next() < 0.08 ? null : `${first}.${last}.${index + 1}@example.org`.toLowerCase(),
    };
    let skill = archetype === 'strong' ? 1 : archetype === 'weak' ? 0 : between(random, 0.35, 0.95);
    const persistence = archetype === 'mixed' ? between(random, 0.6, 1) : 1;
    let day = start + whole(random, 0, 20) * DAY;

    const outcomes: FrozenOutcome[] = [];
    const played = new Map<string, ReturnType<typeof playedScenarioOf>>();
    for (const pack of options.packs) {
      const courseScenarios = [...new Set(pack.courses.flatMap((course) => course.scenarios))];
      for (const scenarioId of courseScenarios) {
        const scenario = pack.scenarios.find((candidate) => candidate.id === scenarioId);
        if (!scenario) continue;
        if (archetype === 'mixed' && random.next() > persistence) break;
        const languages = scenarioLanguages(pack, scenario).filter((language) => language === 'en' || language === 'ru');
        const language = random.pick(languages.length > 0 ? languages : scenarioLanguages(pack, scenario));
        const scenarioRecord = playedScenarioOf(pack, scenario);
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
          const poorTasks = new Set(scenario.tasks.filter(() => random.next() >= skill).map((task) => task.id));
          const { input, state } = play(pack, scenario, language, random.pick(ATTEMPT_SEEDS), poorTasks);
          const startedAt = workingTime(random, day);
          const publications = state.feed.filter((item) => item.source === 'trainee').length;
          const eventTimes = actionTimes(random, startedAt, publications);
          const frozen = freezeOutcome({
            uid: seededUuid(random),
            traineeUid: uid,
            packId: pack.manifest.id,
            packVersion: pack.manifest.version,
            packContentHash: pack.contentHash,
            playedScenario: scenarioRecord.key,
            playLanguage: language,
            seed: input.seed,
            startedAt,
            finishedAt: eventTimes[eventTimes.length - 1]!,
            eventTimes,
            outcome: scenarioOutcome(input, state),
            timeline: state,
            versions: { app: options.appVersion, grader: GRADER_VERSION, machine: MACHINE_VERSION, packFormat: PACK_FORMAT },
            origin: 'played',
          });
          outcomes.push(frozen);
          played.set(scenarioRecord.key, scenarioRecord);
          day += whole(random, 1, 4) * DAY;
          if (frozen.summary.passed) break;
          // A failed attempt teaches something: the next one goes better, and not everyone tries again.
          skill = Math.min(1, skill + (archetype === 'mixed' ? 0.2 : 0));
          if (archetype === 'mixed' && random.next() > persistence) break;
        }
      }
    }

    const lastFinish = outcomes.reduce((latest, outcome) => Math.max(latest, outcome.summary.finishedAt), day);
    const exportedAt = workingTime(random, lastFinish - (lastFinish % DAY) + whole(random, 1, 3) * DAY);
    const { secretKey, publicKey } = ed25519.keygen(sha256(utf8ToBytes(`attache-demo-device:${options.seed}:${index}`)));
    cohort.push({
      trainee,
      archetype,
      signer: { publicKey: bytesToHex(publicKey), sign: (message) => ed25519.sign(message, secretKey) },
      content: { trainee, outcomes, played: [...played.values()], exportedAt, appVersion: options.appVersion },
    });
  }
  return cohort;
}

/** Each trainee's signed progress file, named with a running number (two trainees may share a name and a day). */
export async function demoFiles(options: DemoOptions): Promise<Array<{ fileName: string; bytes: Uint8Array; member: DemoTrainee }>> {
  const files = [];
  const width = String(options.trainees).length;
  for (const [index, member] of demoCohort(options).entries()) {
    const bytes = await buildProgressFile(member.content, member.signer);
    files.push({ fileName: `${String(index + 1).padStart(width, '0')} ${progressFileName(member.trainee.name, member.content.exportedAt)}`, bytes, member });
  }
  return files;
}
