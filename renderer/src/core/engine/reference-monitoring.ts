// Runtime: any (pure core). The facts of the reference play: what the simulation knows when a
// report task opens, in a play with the model answers and seed 1. A scenario writer states them in
// the report's model answer (`npm run play` prints them), and calibration drafts and the model
// answer itself are graded against them. Apart from monitoring.ts, which the engine's timeline
// imports, because it plays the machine (autoplay), which imports the timeline.
import { autoplay } from './autoplay';
import { monitoringFacts } from './monitoring';
import type { MonitoringFacts } from './monitoring';
import { modelAnswerFor } from './outcome';
import type { EngineInput } from './timeline';

/** The seed of the reference play. */
export const REFERENCE_SEED = 1;

/**
 * What the simulation knows when the task `taskId` opens, in the reference play (the model answers,
 * seed 1, in `input.playLanguage`); null when the task never opens in that play.
 */
export function referenceMonitoring(input: EngineInput, taskId: string): MonitoringFacts | null {
  const reference: EngineInput = { ...input, seed: REFERENCE_SEED };
  const played = autoplay(reference, (task) => modelAnswerFor(reference.scenario, task, reference.playLanguage), {
    until: (timeline) => timeline.tasks[taskId]?.status === 'open',
  });
  const timeline = played.snapshot.context.timeline;
  if (timeline.tasks[taskId]?.status !== 'open') return null;
  return monitoringFacts(reference, timeline);
}
