// Runtime: Node (tests only). Plays a scenario through the engine's timeline with a given way of
// answering each task as it opens.
import { modelAnswerFor } from '../core/engine/outcome';
import type { PackManifest, Scenario } from '../core/pack/schema';
import type { EngineInput, TimelineState } from '../core/engine/timeline';
import { autoplay } from '../core/engine/autoplay';

export function playScenario(
  scenario: Scenario,
  language: string,
  manifest: Pick<PackManifest, 'platforms'>,
  answer: (taskId: string) => string | null,
  seed = 1,
): { input: EngineInput; state: TimelineState } {
  const input: EngineInput = { scenario, playLanguage: language, manifest, seed };
  const played = autoplay(input, (task) => answer(task.id));
  if (played.refusals.length > 0) throw new Error(`the machine refused ${played.refusals.map((r) => `${r.event.type} at ${r.at}: ${r.reason}`).join('; ')}`);
  return { input, state: played.snapshot.context.timeline };
}

/** The model answer of a task in the language its account is read in. */
export function modelAnswer(scenario: Scenario, taskId: string, language: string): string | null {
  return modelAnswerFor(
    scenario,
    scenario.tasks.find((t) => t.id === taskId)!,
    language,
  );
}

/** A calibration draft of the task that fails on the most axes: a poor answer an author wrote. */
export function poorAnswer(scenario: Scenario, taskId: string): string | null {
  const task = scenario.tasks.find((t) => t.id === taskId)!;
  const fails = (draft: (typeof task.calibration)[number]) => Object.values(draft.expect).filter((v) => v === 'fail').length;
  const worst = [...task.calibration].sort((a, b) => fails(b) - fails(a))[0];
  return worst && fails(worst) > 0 ? worst.text : null;
}
