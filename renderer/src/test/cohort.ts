// Runtime: any (tests and the bench). A seeded sample cohort for the records screen: trainees with
// outcome summaries across a pack's scenarios, some finished everything, some nothing, most on the way.
// Only summaries: what the records screen reads. The same seed always gives the same cohort.
import type { OutcomeSummary } from '../core/records/outcome';

export interface SampleTrainee {
  uid: string;
  name: string;
  academyId: string | null;
  email: string | null;
}

export interface SampleCohortOptions {
  trainees: number;
  /** The scenarios played: either one pack's (packId with scenarioIds) or any packs' (scenarios). */
  packId?: string;
  scenarioIds?: readonly string[];
  scenarios?: readonly { packId: string; scenarioId: string }[];
  seed?: number;
  /** Milliseconds since the epoch: the latest an outcome finishes. */
  now?: number;
}

const FIRST = ['Lena', 'Pavel', 'Aino', 'Jonas', 'Maria', 'Tomás', 'Éléna', 'Karim', 'Yuki', 'Olga', 'Ravi', 'Sofia'];
const LAST = ['Marsh', 'Holt', 'Virtanen', 'Berg', 'Costa', 'Novák', 'Dubois', 'Haddad', 'Sato', 'Ivanova', 'Mehta', 'Rossi'];
const DAY = 86_400_000;

/** Mulberry32: small, seeded, good enough to spread sample data. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

export function sampleCohort({
  trainees: count,
  packId = 'sample',
  scenarioIds = [],
  scenarios = scenarioIds.map((scenarioId) => ({ packId, scenarioId })),
  seed = 1,
  now = Date.UTC(2025, 5, 30),
}: SampleCohortOptions): {
  trainees: SampleTrainee[];
  outcomes: OutcomeSummary[];
} {
  const random = generator(seed);
  const trainees: SampleTrainee[] = [];
  const outcomes: OutcomeSummary[] = [];
  for (let index = 0; index < count; index += 1) {
    const uid = `00000000-0000-4000-8000-${hex(seed, 4)}${hex(index, 8)}`;
    const name = `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]} ${index + 1}`;
    trainees.push({
      uid,
      name,
      academyId: index % 7 === 6 ? null : `AC-${String(index + 1).padStart(4, '0')}`,
      email: index % 5 === 4 ? null : `trainee${index + 1}@academy.example`,
    });
    // A tenth do nothing, a tenth pass everything, the rest something in between.
    const kind = index % 10;
    scenarios.forEach(({ packId, scenarioId }, position) => {
      const plays = kind === 0 ? 0 : kind === 1 ? 1 : Math.floor(random() * 3);
      for (let play = 0; play < plays; play += 1) {
        const average = kind === 1 ? 85 + Math.round(random() * 150) / 10 : Math.round(random() * 1000) / 10;
        const finishedAt = now - Math.floor(random() * 120) * DAY - position * 3_600_000 - play * 60_000;
        const timeOnTaskMs = 5 * 60_000 + Math.floor(random() * 40 * 60_000);
        outcomes.push({
          uid: `${uid}-${position}-${play}`,
          traineeUid: uid,
          packId,
          packVersion: '1.0.0',
          packContentHash: 'f'.repeat(64),
          scenarioId,
          playedScenario: `${packId}@${'f'.repeat(64)}/${scenarioId}`,
          playLanguage: 'en',
          seed: index,
          startedAt: finishedAt - timeOnTaskMs - 60_000,
          finishedAt,
          timeOnTaskMs,
          simulatedMinutes: 90,
          passed: average >= 70,
          average,
          scores: { tone: average, policy: average, platform: average },
          versions: { app: '0.1.0', grader: '1', machine: 1, packFormat: 1, outcome: 1 },
          origin: 'imported',
        });
      }
    });
  }
  return { trainees, outcomes };
}
