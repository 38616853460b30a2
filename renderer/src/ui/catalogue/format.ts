// Runtime: renderer. How the catalogue and the briefing put durations, languages, lists and a
// trainee's standing into words.
import type { TFunction } from 'i18next';
import { offsetMinutes } from '../../core/pack/schema';
import type { Scenario } from '../../core/pack/schema';
import type { ScenarioProgress } from '../../db/database';

export type CatalogueT = TFunction<'catalogue'>;

export type ScenarioStatus = 'not-started' | ScenarioProgress['status'];

export const SCENARIO_STATUSES: readonly ScenarioStatus[] = ['not-started', 'in-progress', 'passed', 'failed'];

export function scenarioStatus(progress: ScenarioProgress | null | undefined): ScenarioStatus {
  return progress?.status ?? 'not-started';
}

/** Colour that goes with a status; the status is always written out beside it too. */
export const STATUS_COLOR: Record<ScenarioStatus, string> = {
  'not-started': 'gray',
  'in-progress': 'navy',
  passed: 'teal',
  failed: 'red',
};

export function progressKey(packId: string, scenarioId: string): string {
  return `${packId}/${scenarioId}`;
}

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

/** The name of a language in another one, e.g. ("uk", "en") → "Ukrainian"; the code if the runtime knows no name. */
export function languageName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Russian writes language names in lower case; standing alone (a button) they start with a capital. */
export function capitalized(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

/** "X, VK and Telegram" in the given language. */
export function formatList(items: readonly string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** Scores are kept to one decimal; the catalogue shows whole points. */
export function formatScore(score: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(score);
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
