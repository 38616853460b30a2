// Runtime: Node (Vitest, happy-dom). The debrief's Reach section for a real attempt: the minimal
// pack's scenario given targets and played through the engine, read as words and as a table (happy-dom
// lays nothing out, so the chart itself is left to the end-to-end screenshots).
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioOutcome } from '../../core/engine/outcome';
import { scenarioOutcome } from '../../core/engine/outcome';
import type { TargetResult } from '../../core/engine/reach';
import type { EngineInput } from '../../core/engine/timeline';
import { advanceTo, finish, initialTimeline, publish } from '../../core/engine/timeline';
import { formattingLocale, type Language } from '../../core/locale';
import { loadPack } from '../../core/pack/load';
import type { Scenario } from '../../core/pack/schema';
import { createI18n } from '../../i18n';
import { modelAnswer, playScenario } from '../../test/engine';
import { MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { formatSimTime } from '../sim-time';
import { theme } from '../theme';
import { ReachChart } from './ReachChart';

const minimal = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!;
const scenario: Scenario = {
  ...minimal.scenarios[0]!,
  targets: [
    { account: 'embassy-x', metric: 'reach', value: 1, by: '0:20' },
    { account: 'embassy-x', metric: 'engagement', value: 20_000 },
  ],
};

function played(language: string): ScenarioOutcome {
  const { input, state } = playScenario(scenario, language, minimal.manifest, (taskId) => modelAnswer(scenario, taskId, language));
  return scenarioOutcome(input, state);
}

async function renderReach(outcome: ScenarioOutcome, language: Language = 'en', subject: Scenario = scenario) {
  const i18n = await createI18n(language);
  render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <ReachChart outcome={outcome} scenario={subject} playLanguage={language} level={2} />
      </I18nextProvider>
    </MantineProvider>,
  );
}

// happy-dom lays nothing out, so recharts' responsive container measures 0×0 and says so.
const warn = console.warn.bind(console);
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('The width(0) and height(0) of chart')) return;
    warn(...args);
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Intl puts no-break spaces in numbers; the assertions read them as spaces. */
const textOf = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cards = () => screen.getAllByTestId('debrief-reach-target');
const format = (language: string) => (value: number) => new Intl.NumberFormat(formattingLocale(language)).format(value).replace(/\s/g, ' ');
const rowsOf = (card: HTMLElement) =>
  within(within(card).getByTestId('debrief-reach-table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => textOf(row.querySelector('th')) + ' | ' + textOf(row.querySelector('td')));

describe('ReachChart', () => {
  const outcome = played('en');
  const [reach, engagement] = outcome.targets as [TargetResult, TargetResult];

  it('shows nothing for a scenario without targets, or an outcome frozen before them', async () => {
    await renderReach({ ...outcome, targets: [] });
    expect(screen.queryByTestId('debrief-reach')).toBeNull();
    await renderReach({ ...outcome, targets: undefined } as unknown as ScenarioOutcome);
    expect(screen.queryByTestId('debrief-reach')).toBeNull();
  });

  it('says for each target what was achieved by its time and whether it was met', async () => {
    expect(reach.met).toBe(true);
    expect(engagement.met).toBe(false);
    await renderReach(outcome);
    const section = screen.getByRole('region', { name: 'Reach' });
    expect(within(section).getAllByTestId('debrief-reach-target')).toHaveLength(2);
    const [first, second] = cards() as [HTMLElement, HTMLElement];
    const n = format('en');
    expect(within(first).getByRole('heading', { level: 3, name: 'Reach on Embassy of Azuria (X)' })).toBeTruthy();
    expect(textOf(within(first).getByTestId('debrief-reach-words'))).toBe(
      `Reached ${n(reach.achieved)} of 1 by 0:20 — met at ${formatSimTime(reach.reachedAt!)}`,
    );
    expect(within(first).getByText('Met')).toBeTruthy();
    expect(first.getAttribute('data-met')).toBe('true');
    expect(textOf(within(second).getByTestId('debrief-reach-words'))).toBe(
      `Engagement (likes, shares and replies) ${n(engagement.achieved)} of 20,000 by 1:00 — not met`,
    );
    expect(within(second).getByText('Not met')).toBeTruthy();
    // The chart is one image named by the same words.
    expect(within(first).getByRole('img').getAttribute('aria-label')).toContain(`met at ${formatSimTime(reach.reachedAt!)}`);
  });

  it('gives the same numbers in a table, a row for each minute the figure changed', async () => {
    await renderReach(outcome);
    const [first, second] = cards() as [HTMLElement, HTMLElement];
    const n = format('en');
    expect(within(first).getByText('The numbers, minute by minute').tagName).toBe('SUMMARY');
    expect(textOf(within(first).getByRole('table').querySelector('caption'))).toBe(
      'Reach on Embassy of Azuria (X): each minute it changed, and where the attempt ended',
    );
    expect(rowsOf(first)).toEqual(reach.series.map((point) => `${formatSimTime(point.at)} | ${n(point.value)}`));
    expect(rowsOf(second)).toEqual(engagement.series.map((point) => `${formatSimTime(point.at)} | ${n(point.value)}`));
    expect(rowsOf(first)[0]).toBe('0:00 | 0');
    expect(rowsOf(first).length).toBeGreaterThan(2);
  });

  it('says so when the attempt ended before the target was due', async () => {
    const early: Scenario = { ...scenario, targets: [{ account: 'embassy-x', metric: 'reach', value: 1_000_000, by: '0:50' }] };
    const input: EngineInput = { scenario: early, playLanguage: 'en', manifest: minimal.manifest, seed: 1 };
    let state = advanceTo(input, initialTimeline(input), 6);
    state = publish(input, state, {
      accountId: 'embassy-x',
      kind: 'post',
      text: modelAnswer(early, 'publish-hotline', 'en')!,
      taskId: 'publish-hotline',
      replyTo: null,
    });
    state = finish(input, advanceTo(input, state, 15));
    const result = scenarioOutcome(input, state);
    await renderReach(result, 'en', early);
    const n = format('en');
    expect(textOf(screen.getByTestId('debrief-reach-words'))).toBe(
      `Reached ${n(result.targets[0]!.achieved)} of 1,000,000 by 0:50 — not met: the attempt ended at 0:15`,
    );
  });

  it('speaks Russian, with numbers grouped the Russian way', async () => {
    const russian = played('ru');
    const [target, other] = russian.targets as [TargetResult, TargetResult];
    await renderReach(russian, 'ru');
    expect(screen.getByRole('region', { name: 'Охват' })).toBeTruthy();
    const [first, second] = cards() as [HTMLElement, HTMLElement];
    const n = format('ru');
    expect(textOf(within(first).getByTestId('debrief-reach-words'))).toBe(
      `Охват ${n(target.achieved)} из 1 к 0:20 — цель достигнута в ${formatSimTime(target.reachedAt!)}`,
    );
    expect(textOf(within(second).getByTestId('debrief-reach-words'))).toBe(
      `Вовлечённость (отметки «нравится», репосты и ответы) ${n(other.achieved)} из 20 000 к 1:00 — цель не достигнута`,
    );
    expect(within(first).getByText('Цифры по минутам')).toBeTruthy();
    expect(within(second).getByText('Не достигнута')).toBeTruthy();
  });
});
