// Runtime: Node (Vitest, happy-dom). The debrief's clearance section: each task's requests and time
// waiting against the time it allowed, every round trip with its verdict and comments in words, and
// the task results saying which publication went out without clearance.
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import path from 'node:path';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../electron/contract/api';
import { autoplay } from '../../core/engine/autoplay';
import { scenarioOutcome } from '../../core/engine/outcome';
import type { EngineInput } from '../../core/engine/timeline';
import { loadPack } from '../../core/pack/load';
import { createI18n } from '../../i18n';
import { readFolder } from '../../test/packs';
import { theme } from '../theme';
import { ClearanceRoundTrips } from './ClearanceRoundTrips';
import { TaskResults } from './TaskResults';

const pack = loadPack(readFolder(path.resolve(import.meta.dirname, '..', '..', 'core', 'engine', '__fixtures__', 'clearance')), { appVersion: '0.1.0' }).pack!;
const scenario = pack.scenarios[0]!;
const input: EngineInput = { scenario, playLanguage: 'en', manifest: pack.manifest, seed: 1 };
const POOR = 'Flights resume tomorrow, do not bother us.';
const modelOutcome = scenarioOutcome(input, autoplay(input, (task) => task.modelAnswer.en ?? null).snapshot.context.timeline);
const poorOutcome = scenarioOutcome(input, autoplay(input, () => POOR).snapshot.context.timeline);

async function wrap(ui: ReactNode, language: Language = 'en') {
  const i18n = await createI18n(language);
  return render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>{ui}</I18nextProvider>
    </MantineProvider>,
  );
}

describe('the debrief’s clearance by headquarters', () => {
  it('names each task that needed it, its requests and the time waited against the time it allowed', async () => {
    await wrap(<ClearanceRoundTrips outcome={modelOutcome} scenario={scenario} playLanguage="en" level={2} />);
    const section = screen.getByRole('region', { name: 'Clearance by headquarters' });
    const tasks = within(section).getAllByTestId('debrief-clearance-task');
    expect(tasks.map((task) => task.getAttribute('data-task-id'))).toEqual(['statement', 'answer']);
    const statement = modelOutcome.tasks.find((task) => task.taskId === 'statement')!;
    expect(tasks[0]!.textContent).toBe(
      `Publish the cleared statement: 1 request, waited ${statement.clearance!.waitedMinutes} minutes of the 35 minutes the task allowed — published cleared`,
    );
  });

  it('lists every round trip: sent, answered, verdict, and whether the text then went out', async () => {
    await wrap(<ClearanceRoundTrips outcome={modelOutcome} scenario={scenario} playLanguage="en" level={2} />);
    const rows = screen.getAllByTestId('debrief-clearance-trip');
    expect(rows).toHaveLength(2);
    const [first] = modelOutcome.clearances;
    const cells = within(rows[0]!).getAllByRole('cell');
    expect(cells[0]!.textContent).toBe('0:05');
    expect(cells[1]!.textContent).toBe(`0:${String(first!.answeredAt).padStart(2, '0')}`);
    expect(cells[2]!.textContent).toBe('Cleared');
    expect(cells[4]!.textContent).toBe('Published as sent');
  });

  it('gives a returned draft’s comments in words, and says the task went out without clearance', async () => {
    await wrap(
      <>
        <TaskResults outcome={poorOutcome} scenario={scenario} playLanguage="en" level={2} />
        <ClearanceRoundTrips outcome={poorOutcome} scenario={scenario} playLanguage="en" level={2} />
      </>,
    );
    const returned = screen.getAllByTestId('debrief-clearance-trip')[0]!;
    expect(returned.getAttribute('data-verdict')).toBe('returned');
    const comments = within(within(returned).getByTestId('debrief-clearance-comments')).getAllByRole('listitem');
    expect(comments.length).toBeGreaterThan(0);
    for (const comment of comments) expect(comment.textContent).not.toMatch(/^[a-z]+\.[a-zA-Z.-]+$/);
    expect(screen.getAllByTestId('debrief-clearance-task')[0]!.textContent).toMatch(/published without clearance: a policy breach$/);
    const row = screen.getAllByTestId('debrief-task').find((candidate) => candidate.getAttribute('data-task-id') === 'statement')!;
    expect(within(row).getByTestId('debrief-task-uncleared').textContent).toBe('Published without clearance by headquarters');
    const update = screen.getAllByTestId('debrief-task').find((candidate) => candidate.getAttribute('data-task-id') === 'update')!;
    expect(within(update).queryByTestId('debrief-task-uncleared')).toBeNull();
  });

  it('counts in Russian with its plural forms', async () => {
    await wrap(<ClearanceRoundTrips outcome={modelOutcome} scenario={scenario} playLanguage="ru" level={2} />, 'ru');
    expect(screen.getByRole('region', { name: 'Согласование с Центром' })).toBeTruthy();
    expect(screen.getAllByTestId('debrief-clearance-task')[0]!.textContent).toMatch(
      /: 1 запрос, ожидание \d+ минут[аы]? из 35 минут, отведённых на задачу — опубликовано после согласования$/,
    );
  });

  it('is not shown for a scenario without clearance', async () => {
    const { container } = await wrap(
      <ClearanceRoundTrips
        outcome={{ ...modelOutcome, clearances: [], tasks: modelOutcome.tasks.map(({ clearance: _c, ...task }) => task) }}
        scenario={scenario}
        playLanguage="en"
        level={2}
      />,
    );
    expect(container.querySelector('[data-testid="debrief-clearance"]')).toBeNull();
  });
});
