// Runtime: Node (Vitest, happy-dom). The records view over 500 trainees × 12 scenarios: only a window of
// rows in the page, sorting from the headings, filters, search, the count of rows shown, rows per
// course, the completion summary as numbers, opening a trainee's attempts by mouse and keyboard, and
// the empty states. happy-dom lays nothing out, so react-virtuoso is given a viewport and a row height
// through its own VirtuosoMockContext; the real windowing logic runs.
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { VirtuosoMockContext } from 'react-virtuoso';
import { afterEach, describe, expect, it } from 'vitest';
import type { Course } from '../../core/pack/schema';
import type { CohortCatalogue } from '../../core/records/cohort';
import { buildCohort, completionSummary, filterRows, NO_FILTER, sortRows } from '../../core/records/cohort';
import { createI18n } from '../../i18n';
import type { CohortData } from '../../records/cohort';
import { sampleCohort } from '../../test/cohort';
import { theme } from '../theme';
import { CohortView } from './CohortView';
import { forgetView } from './view-state';

const scenarioIds = Array.from({ length: 12 }, (_, index) => `s${String(index + 1).padStart(2, '0')}`);
const course = (id: string, scenarios: string[]): Course => ({ id, title: { en: id }, description: { en: id }, scenarios, completion: { rule: 'all-passed' } });
const catalogue: CohortCatalogue = {
  scenarios: scenarioIds.map((scenarioId, index) => ({ packId: 'big', scenarioId, title: `Scenario ${index + 1}` })),
  courses: [
    { packId: 'big', course: course('first', scenarioIds.slice(0, 6)), title: 'First course' },
    { packId: 'big', course: course('second', scenarioIds.slice(6)), title: 'Second course' },
  ],
};
const sample = sampleCohort({ trainees: 500, packId: 'big', scenarioIds, seed: 11 });
const data: CohortData = {
  trainees: sample.trainees.map((trainee, index) => ({
    ...trainee,
    source: index % 2 ? 'imported' : 'local',
    importedAt: index % 2 ? Date.UTC(2025, 5, 1) : null,
  })),
  outcomes: sample.outcomes,
  active: [],
};
const cohort = buildCohort({ ...data, catalogue });
/** The rows in the order the screen first shows them: by trainee. */
const byTrainee = sortRows(cohort.scenarioRows, { column: 'trainee', direction: 'ascending' }, new Intl.Collator('en', { sensitivity: 'base', numeric: true }));

const VIEWPORT = 600;
const ROW_HEIGHT = 50;

async function renderView(view: Partial<CohortData> = {}, viewCatalogue: CohortCatalogue = catalogue, language: 'en' | 'ru' = 'en') {
  const i18n = await createI18n(language);
  const user = userEvent.setup();
  render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <VirtuosoMockContext.Provider value={{ viewportHeight: VIEWPORT, itemHeight: ROW_HEIGHT }}>
          <CohortView data={{ ...data, ...view }} catalogue={viewCatalogue} />
        </VirtuosoMockContext.Provider>
      </I18nextProvider>
    </MantineProvider>,
  );
  await screen.findByTestId('cohort-table');
  return { user };
}

const rows = () => screen.getAllByTestId('cohort-row');
const count = () => screen.getByTestId('cohort-count');
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('cell');
const expectCount = (shown: number, total: number) =>
  waitFor(() => expect(count().textContent).toBe(`${shown.toLocaleString('en')} of ${total.toLocaleString('en')} rows`));

afterEach(() => forgetView());

/** Puts text in the search box as one input, as pasting an ID or an address does. */
async function paste(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.click(screen.getByTestId('cohort-search'));
  await user.paste(text);
}

// Each test renders 6,000 rows' worth of state several times; on a busy machine that takes a while.
describe('CohortView with 500 trainees × 12 scenarios', { timeout: 60_000 }, () => {
  it('lists 6,000 rows with only a window of them in the page', async () => {
    await renderView();
    expect(count().textContent).toBe('6,000 of 6,000 rows');
    const rendered = rows().length;
    expect(rendered).toBeGreaterThanOrEqual(VIEWPORT / ROW_HEIGHT);
    expect(rendered).toBeLessThan(40);
    expect(screen.getByTestId('cohort-table').getAttribute('aria-rowcount')).toBe('6001');
    expect(rows()[0]!.getAttribute('aria-rowindex')).toBe('2');
  });

  it("shows each row's trainee, identity, course, scenario, status and numbers", async () => {
    const { user } = await renderView();
    const first = byTrainee[0]!;
    const row = rows()[0]!;
    expect(row.dataset.rowKey).toBe(first.key);
    const cells = cellsOf(row).map((cell) => cell.textContent);
    expect(cells[0]).toContain(first.trainee.name);
    expect(cells[0]).toContain(`${first.trainee.academyId} · ${first.trainee.email}`);
    expect(cells[1]).toBe('First course');
    expect(cells[2]).toBe('Scenario 1');
    expect(within(row).getByTestId('cohort-status').textContent).toBe(
      { 'not-started': 'Not started', 'in-progress': 'In progress', passed: 'Passed', failed: 'Failed' }[first.status],
    );
    expect(cells[5]).toBe(String(first.attempts));
    // An imported trainee says when they were imported.
    expect(within(row).queryByTestId('cohort-imported')).toBeNull();
    await paste(user, 'ac-0002');
    await expectCount(12, 6000);
    expect(within(rows()[0]!).getByTestId('cohort-imported').textContent).toBe('Imported 1 Jun 2025');
  });

  it('sorts by a column from its heading, both ways, saying so with aria-sort', async () => {
    const { user } = await renderView();
    const heading = (column: string) => screen.getByTestId(`cohort-sort-${column}`).closest('th')!;
    expect(heading('trainee').getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByTestId('cohort-sort-bestScore'));
    expect(heading('bestScore').getAttribute('aria-sort')).toBe('ascending');
    expect(heading('trainee').hasAttribute('aria-sort')).toBe(false);
    const lowest = Math.min(...cohort.scenarioRows.flatMap((row) => (row.bestScore === null ? [] : [row.bestScore])));
    await waitFor(() => expect(cellsOf(rows()[0]!)[4]!.textContent).toBe(String(lowest)));
    await user.click(screen.getByTestId('cohort-sort-bestScore'));
    expect(heading('bestScore').getAttribute('aria-sort')).toBe('descending');
    const highest = Math.max(...cohort.scenarioRows.flatMap((row) => (row.bestScore === null ? [] : [row.bestScore])));
    await waitFor(() => expect(cellsOf(rows()[0]!)[4]!.textContent).toBe(String(highest)));
    // From the keyboard: the heading's button takes Enter.
    screen.getByTestId('cohort-sort-completedAt').focus();
    await user.keyboard('{Enter}');
    expect(heading('completedAt').getAttribute('aria-sort')).toBe('ascending');
  });

  it('filters by status and course, and counts the rows shown', async () => {
    const { user } = await renderView();
    await user.selectOptions(screen.getByTestId('cohort-status-filter'), 'passed');
    const passed = filterRows(cohort.scenarioRows, { ...NO_FILTER, status: 'passed' }).length;
    await expectCount(passed, 6000);
    expect(rows().every((row) => row.dataset.status === 'passed')).toBe(true);
    await user.selectOptions(screen.getByTestId('cohort-course'), 'big/second');
    await expectCount(filterRows(cohort.scenarioRows, { ...NO_FILTER, status: 'passed', course: 'big/second' }).length, 6000);
    expect(rows().every((row) => cellsOf(row)[1]!.textContent === 'Second course')).toBe(true);
  });

  it('finds trainees by name, academy ID or e-mail', async () => {
    const { user } = await renderView();
    await paste(user, 'ac-0041');
    await expectCount(12, 6000);
    expect(rows().every((row) => cellsOf(row)[0]!.textContent!.includes(sample.trainees[40]!.name))).toBe(true);
    await user.clear(screen.getByTestId('cohort-search'));
    await paste(user, 'trainee7@academy');
    await expectCount(12, 6000);
  });

  it('filters by a date range on completion or last activity, both days included', async () => {
    await renderView();
    fireEvent.change(screen.getByTestId('cohort-from'), { target: { value: '2025-05-01' } });
    fireEvent.change(screen.getByTestId('cohort-to'), { target: { value: '2025-05-31' } });
    const from = new Date(2025, 4, 1).getTime();
    const to = new Date(2025, 5, 1).getTime() - 1;
    await expectCount(filterRows(cohort.scenarioRows, { ...NO_FILTER, from, to }).length, 6000);
    await userEvent.setup().selectOptions(screen.getByTestId('cohort-date-field'), 'activity');
    await expectCount(filterRows(cohort.scenarioRows, { ...NO_FILTER, dateField: 'activity', from, to }).length, 6000);
  });

  it('says when no row matches, and clears the filters from there', async () => {
    const { user } = await renderView();
    await paste(user, 'nobody by this name');
    const empty = await screen.findByTestId('cohort-no-matches');
    expect(empty.textContent).toContain('Nothing among the 6,000 rows fits all of the filters at once.');
    await user.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    await expectCount(6000, 6000);
    expect((screen.getByTestId('cohort-search') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('cohort-clear') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows one row per trainee and course, with course statuses', async () => {
    const { user } = await renderView();
    await user.selectOptions(screen.getByTestId('cohort-status-filter'), 'passed');
    await user.click(screen.getByRole('radio', { name: 'Trainee and course' }));
    // "Passed" means nothing for a course: the status filter is dropped.
    await expectCount(1000, 1000);
    const options = [...(screen.getByTestId('cohort-status-filter') as HTMLSelectElement).options].map((option) => option.value);
    expect(options).toEqual(['', 'not-started', 'in-progress', 'completed']);
    await user.selectOptions(screen.getByTestId('cohort-status-filter'), 'completed');
    await expectCount(cohort.courseRows.filter((row) => row.status === 'completed').length, 1000);
    expect(cellsOf(rows()[0]!)[2]!.textContent).toBe('6 of 6');
  });

  it('sums up each course as numbers beside the chart', async () => {
    await renderView();
    const summary = completionSummary(cohort.courseRows, catalogue);
    const lines = screen.getAllByTestId('cohort-summary-row');
    expect(lines.map((line) => [...line.querySelectorAll('[data-count]')].map((cell) => cell.textContent))).toEqual(
      summary.map((entry) => [entry.completed, entry.inProgress, entry.notStarted].map((value) => value.toLocaleString('en'))),
    );
    expect(summary[0]!.completed + summary[0]!.inProgress + summary[0]!.notStarted).toBe(500);
    expect(screen.getByTestId('cohort-summary-chart').getAttribute('aria-label')).toContain(
      `First course: ${summary[0]!.completed} completed, ${summary[0]!.inProgress} in progress, ${summary[0]!.notStarted} not started`,
    );
  });

  it("opens a trainee's attempts with a click on the row, each with a link to its read-only debrief", async () => {
    const { user } = await renderView();
    const target = cohort.scenarioRows.find((row) => row.attempts > 1 && row.trainee.academyId !== null)!;
    await paste(user, target.trainee.academyId!);
    const row = await waitFor(() => rows().find((candidate) => candidate.dataset.rowKey === target.key)!);
    await user.click(cellsOf(row)[2]!);
    const dialog = await screen.findByRole('dialog', { name: `${target.trainee.name} · ${target.scenarioTitle}` });
    const attempts = within(dialog).getAllByTestId('cohort-attempt');
    expect(attempts).toHaveLength(target.attempts);
    const latest = cohort.records.get(`${target.trainee.uid}\nbig/${target.scenarioId}`)!.outcomes[0]!;
    expect(attempts[0]!.dataset.outcomeUid).toBe(latest.uid);
    expect(within(attempts[0]!).getByTestId('cohort-attempt-open').getAttribute('href')).toBe(`#/outcome/${latest.uid}`);
    expect(attempts[0]!.textContent).toContain('Imported from a progress file');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('moves between rows with the arrow keys and opens one with Enter', async () => {
    const { user } = await renderView();
    const first = within(rows()[0]!).getByTestId('cohort-open');
    first.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toBe(within(rows()[1]!).getByTestId('cohort-open')));
    await user.keyboard('{ArrowDown}{ArrowUp}{ArrowUp}');
    await waitFor(() => expect(document.activeElement).toBe(first));
    await user.keyboard('{Enter}');
    const row = byTrainee[0]!;
    expect(await screen.findByRole('dialog', { name: `${row.trainee.name} · ${row.scenarioTitle}` })).toBeTruthy();
  });

  it('keeps what was chosen when the screen is left and opened again', async () => {
    const first = await renderView();
    await paste(first.user, 'ac-0041');
    await expectCount(12, 6000);
    cleanup();
    await renderView();
    expect((screen.getByTestId('cohort-search') as HTMLInputElement).value).toBe('ac-0041');
    await expectCount(12, 6000);
  });
});

describe('CohortView in Russian', { timeout: 60_000 }, () => {
  it('writes counts, dates and statuses in the UI language', async () => {
    const { user } = await renderView({}, catalogue, 'ru');
    const number = (value: number) => new Intl.NumberFormat('ru').format(value);
    expect(count().textContent).toBe(`${number(6000)} из ${number(6000)} строк`);
    expect(screen.getByRole('table', { name: 'Успеваемость: строка на слушателя и сценарий' })).toBeTruthy();
    const first = byTrainee[0]!;
    expect(within(rows()[0]!).getByTestId('cohort-status').textContent).toBe(
      { 'not-started': 'Не начат', 'in-progress': 'В процессе', passed: 'Сдан', failed: 'Не сдан' }[first.status],
    );
    // The second trainee of the sample passed every scenario, so each of their rows has a completion date.
    await paste(user, 'ac-0002');
    await waitFor(() => expect(rows()).toHaveLength(12));
    const passed = cohort.scenarioRows.find((row) => row.key === rows()[0]!.dataset.rowKey)!;
    expect(cellsOf(rows()[0]!)[6]!.textContent).toBe(new Intl.DateTimeFormat('ru', { dateStyle: 'medium' }).format(passed.completedAt!));
  });
});

describe('CohortView empty states', () => {
  it('says when no pack is installed, with the way to the catalogue', async () => {
    const i18n = await createI18n('en');
    render(
      <MantineProvider theme={theme}>
        <I18nextProvider i18n={i18n}>
          <CohortView data={data} catalogue={{ scenarios: [], courses: [] }} />
        </I18nextProvider>
      </MantineProvider>,
    );
    const alert = screen.getByTestId('cohort-no-packs');
    expect(within(alert).getByRole('link', { name: 'Open the catalogue' }).getAttribute('href')).toBe('#/catalogue');
  });

  it('says when there are no trainees yet', async () => {
    const i18n = await createI18n('en');
    render(
      <MantineProvider theme={theme}>
        <I18nextProvider i18n={i18n}>
          <CohortView data={{ trainees: [], outcomes: [], active: [] }} catalogue={catalogue} />
        </I18nextProvider>
      </MantineProvider>,
    );
    expect(screen.getByTestId('cohort-no-trainees').textContent).toContain('No trainees yet');
  });

  it('counts records that fit no row: a pack no longer installed, a trainee not known', async () => {
    await renderView({ outcomes: [...data.outcomes, { ...data.outcomes[0]!, uid: 'elsewhere', packId: 'gone' }] });
    expect(screen.getByTestId('cohort-unplaced').textContent).toBe(
      '1 record is not listed: its scenario is not installed here, or its trainee is not known on this device.',
    );
  });
});
