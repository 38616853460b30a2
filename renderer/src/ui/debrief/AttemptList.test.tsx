// Runtime: Node (Vitest, happy-dom). The history of a profile's attempts: newest first, with dates,
// language, status and score, and the button that resumes or opens each one.
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../electron/contract/api';
import { createI18n } from '../../i18n';
import { theme } from '../theme';
import type { AttemptListItem } from './AttemptList';
import { AttemptList } from './AttemptList';

const DAY = 24 * 60 * 60 * 1000;
const base = Date.UTC(2025, 6, 14, 9, 30);

const ITEMS: AttemptListItem[] = [
  {
    id: 3,
    scenarioTitle: 'Flights suspended at Coral Bay',
    packTitle: 'Core library',
    playLanguage: 'en',
    status: 'finished',
    startedAt: base,
    updatedAt: base + 40 * 60_000,
    passed: true,
    average: 86.4,
  },
  {
    id: 7,
    scenarioTitle: 'Visa-free travel launch',
    packTitle: 'Core library',
    playLanguage: 'ru',
    status: 'active',
    startedAt: base + 2 * DAY,
    updatedAt: base + 2 * DAY + 5 * 60_000,
    passed: null,
    average: null,
  },
  {
    id: 5,
    scenarioTitle: 'Answering criticism',
    packTitle: 'Core library',
    playLanguage: 'en',
    status: 'finished',
    startedAt: base + DAY,
    updatedAt: base + DAY + 60 * 60_000,
    passed: false,
    average: 42,
  },
];

async function renderList(items: AttemptListItem[], language: Language = 'en') {
  const i18n = await createI18n(language);
  const onOpen = vi.fn<(id: number, status: 'active' | 'finished') => void>();
  render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <AttemptList items={items} onOpen={onOpen} />
      </I18nextProvider>
    </MantineProvider>,
  );
  return { onOpen, user: userEvent.setup() };
}

const rows = () => screen.getAllByTestId('attempt-row');
const row = (id: number) => {
  const found = rows().find((candidate) => candidate.getAttribute('data-attempt-id') === String(id));
  if (!found) throw new Error(`no row for attempt ${id}`);
  return within(found);
};
const textOf = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('AttemptList', () => {
  it('lists the attempts newest first, with their status and score', async () => {
    await renderList(ITEMS);
    expect(rows().map((candidate) => candidate.getAttribute('data-attempt-id'))).toEqual(['7', '5', '3']);
    expect(rows().map((candidate) => candidate.getAttribute('data-status'))).toEqual(['active', 'finished', 'finished']);
    expect(textOf(row(7).getByTestId('attempt-status'))).toBe('In progress');
    expect(textOf(row(5).getByTestId('attempt-status'))).toBe('Not passed · 42 / 100');
    expect(textOf(row(3).getByTestId('attempt-status'))).toBe('Passed · 86.4 / 100');
  });

  it('shows the scenario, the pack, the language by name and the dates in the UI language', async () => {
    await renderList(ITEMS);
    const flights = row(3);
    expect(flights.getByText('Flights suspended at Coral Bay')).toBeTruthy();
    expect(flights.getByText('Core library')).toBeTruthy();
    expect(flights.getByText('English')).toBeTruthy();
    expect(row(7).getByText('Russian')).toBeTruthy();
    const dates = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    expect(flights.getByText(dates.format(base))).toBeTruthy();
    expect(flights.getByText(dates.format(base + 40 * 60_000))).toBeTruthy();
  });

  it('resumes an attempt in progress and opens a finished one', async () => {
    const { onOpen, user } = await renderList(ITEMS);
    const resume = row(7).getByTestId('attempt-open');
    expect(resume.textContent).toBe('Resume');
    await user.click(resume);
    expect(onOpen).toHaveBeenLastCalledWith(7, 'active');

    const open = row(5).getByRole('button', { name: /^Open the debrief: Answering criticism/ });
    expect(open.textContent).toBe('Open');
    await user.click(open);
    expect(onOpen).toHaveBeenLastCalledWith(5, 'finished');
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it('says so when there are no attempts yet, and points to the catalogue', async () => {
    await renderList([]);
    expect(screen.queryByTestId('attempt-list')).toBeNull();
    const empty = within(screen.getByTestId('attempt-list-empty'));
    expect(empty.getByText('You have not played any scenario yet.')).toBeTruthy();
    expect(empty.getByRole('link', { name: 'Choose a scenario in the catalogue' }).getAttribute('href')).toBe('#/catalogue');
  });

  it('speaks Russian', async () => {
    await renderList(ITEMS, 'ru');
    expect(textOf(row(7).getByTestId('attempt-status'))).toBe('В процессе');
    expect(textOf(row(3).getByTestId('attempt-status'))).toBe('Пройдено · 86,4 / 100');
    expect(row(7).getByTestId('attempt-open').textContent).toBe('Продолжить');
    expect(row(7).getByText('Русский')).toBeTruthy();
    expect(row(3).getByText('Английский')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Сценарий' })).toBeTruthy();
  });
});
