// Runtime: Node (tests only). Plays a scenario through the engine's timeline with a given way of
// answering each task as it opens.
import { modelAnswerFor } from '../core/engine/outcome';
import type { PackManifest, Scenario } from '../core/pack/schema';
import type { EngineInput, TimelineState } from '../core/engine/timeline';
import { advanceTo, initialTimeline, nextEventTime, publish, start } from '../core/engine/timeline';

export function playScenario(
  scenario: Scenario,
  language: string,
  manifest: Pick<PackManifest, 'platforms'>,
  answer: (taskId: string) => string | null,
  seed = 1,
): { input: EngineInput; state: TimelineState } {
  const input: EngineInput = { scenario, playLanguage: language, manifest, seed };
  // As the machine starts: what is due at T+0:00 is there before the first answer.
  let state = start(input, initialTimeline(input));
  for (let guard = 0; guard < 1000 && !state.ended; guard += 1) {
    for (const task of scenario.tasks) {
      if (state.tasks[task.id]!.status !== 'open' || state.ended) continue;
      const text = answer(task.id);
      if (text === null) continue;
      state = publish(input, state, { accountId: task.account, kind: task.kind, text, taskId: task.id, replyTo: task.replyTo ?? null });
    }
    state = advanceTo(input, state, nextEventTime(input, state) ?? Number.POSITIVE_INFINITY);
  }
  return { input, state };
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
