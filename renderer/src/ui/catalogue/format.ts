// Runtime: renderer. How the catalogue and the briefing put durations, task counts and a trainee's
// standing into words; what other screens word the same way is in ../format.
import type { TFunction } from 'i18next';
import { offsetMinutes } from '../../core/pack/schema';
import type { Scenario } from '../../core/pack/schema';
import type { ScenarioProgress, ScenarioStatus } from '../../core/records/progress';

export type CatalogueT = TFunction<'catalogue'>;

export type { ScenarioStatus };

export const SCENARIO_STATUSES: readonly ScenarioStatus[] = ['not-started', 'in-progress', 'passed', 'failed'];

export function scenarioStatus(progress: ScenarioProgress<number> | null | undefined): ScenarioStatus {
  return progress?.status ?? 'not-started';
}

/** Colour that goes with a status; the status is always written out beside it too. */
export const STATUS_COLOR: Record<ScenarioStatus, string> = {
  'not-started': 'gray',
  'in-progress': 'navy',
  passed: 'teal',
  failed: 'red',
};

/** "H:MM" of simulated time as "2 h 30 min" (English) or "2 часа 30 минут" (Russian). */
export function formatDuration(t: CatalogueT, offset: string): string {
  const total = offsetMinutes(offset);
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours > 0 && minutes > 0) {
    return t('duration.hoursMinutes', { hours: t('duration.hours', { count: hours }), minutes: t('duration.minutes', { count: minutes }) });
  }
  return hours > 0 ? t('duration.hours', { count: hours }) : t('duration.minutes', { count: minutes });
}

/**
 * "4 tasks", or "4 tasks · +2 that may open" when branches can open more: promising every task a
 * scenario defines would overstate what one attempt asks.
 */
export function taskSummary(t: CatalogueT, scenario: Scenario): string {
  const scheduled = scenario.tasks.filter((task) => task.opensAt !== undefined).length;
  const conditional = scenario.tasks.length - scheduled;
  const tasks = t('card.taskCount', { count: scheduled });
  return conditional > 0 ? t('card.taskSummary', { tasks, more: t('card.conditionalTasks', { count: conditional }) }) : tasks;
}
