// Runtime: Node (Vitest, happy-dom). The catalogue over the real built-in library: courses with the
// trainee's progress, scenario cards, filters, the open button and packs that failed to load.
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../electron/contract/api';
import type { Diagnostic } from '../../core/pack/diagnostics';
import { loadPack } from '../../core/pack/load';
import type { ProgressOutcome, ScenarioProgress } from '../../core/records/progress';
import { createI18n } from '../../i18n';
import type { Library } from '../../library/library';
import { createLibrary } from '../../library/library';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { theme } from '../theme';
import { CatalogueView } from './CatalogueView';

const pack = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
const library = createLibrary([pack]);
/** The first course's order, which the catalogue follows (the pack's files are in alphabetical order). */
const COURSE_ORDER = [
  'flights-suspended',
  'visa-free-launch',
  'neutral-host-talks',
  'answering-criticism',
  'platform-tailoring',
  'chairmanship-bilingual',
  'earthquake-consular',
];
/** The second course's, whose scenarios the cards show after the first's. */
const ADVANCED_ORDER = ['page-launch', 'language-year-reception', 'detained-citizen', 'forged-letter', 'hq-coordination'];
const CARD_ORDER = [...COURSE_ORDER, ...ADVANCED_ORDER];

const standing = (status: ScenarioProgress['status'], bestScore: number | null, activeAttemptId: number | null = null): ScenarioProgress<number> => ({
  status,
  bestScore,
  attempts: bestScore === null ? 1 : 2,
  finishedAttempts: bestScore === null ? 0 : 2,
  completedAt: status === 'passed' ? 2 : null,
  lastActivityAt: 2,
  timeOnTaskMs: 0,
  activeAttemptId,
});

/** One finished attempt per scenario with a best score, as the outcomes behind a progress map. */
function outcomesOf(progress: Map<string, ScenarioProgress<number>>): ProgressOutcome[] {
  return [...progress].flatMap(([key, entry], index) => {
    const [packId = '', scenarioId = ''] = key.split('/');
    return entry.bestScore === null
      ? []
      : [{ packId, scenarioId, passed: entry.status === 'passed', average: entry.bestScore, startedAt: index, finishedAt: index + 1, timeOnTaskMs: 0 }];
  });
}

/** Passed one, failed one, one under way with nothing finished yet. */
const PROGRESS = new Map<string, ScenarioProgress<number>>([
  ['core-library/flights-suspended', standing('passed', 82.4)],
  ['core-library/visa-free-launch', standing('failed', 55)],
  ['core-library/neutral-host-talks', standing('in-progress', null, 7)],
]);

async function renderCatalogue({ lib = library, progress = PROGRESS, language = 'en' as Language } = {}) {
  const i18n = await createI18n(language);
  const onOpenScenario = vi.fn<(packId: string, scenarioId: string) => void>();
  const wrap = (ui: ReactElement) => (
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>{ui}</I18nextProvider>
    </MantineProvider>
  );
  const result = render(wrap(<CatalogueView library={lib} progress={progress} outcomes={outcomesOf(progress)} onOpenScenario={onOpenScenario} />));
  return { ...result, user: userEvent.setup(), onOpenScenario };
}

const cards = () => screen.queryAllByTestId('catalogue-scenario');
const cardIds = () => cards().map((card) => card.getAttribute('data-scenario-id'));
const card = (id: string) => {
  const found = cards().find((candidate) => candidate.getAttribute('data-scenario-id') === id);
  if (!found) throw new Error(`no card for ${id}`);
  return within(found);
};
/** The first course the catalogue lists: Press attaché foundations. */
const firstCourse = () => within(screen.getAllByTestId('catalogue-course')[0]!);
/** Intl puts no-break spaces in numbers and lists; the assertions read them as spaces. */
const textOf = (element: HTMLElement) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('CatalogueView: courses', () => {
  it('shows the course with its rule, its scenarios in order and the trainee’s progress', async () => {
    await renderCatalogue();

    expect(screen.getByRole('heading', { level: 1, name: 'Scenarios' }).getAttribute('data-page-title')).not.toBeNull();
    const course = firstCourse();
    expect(course.getByRole('heading', { level: 3, name: 'Press attaché foundations' })).toBeTruthy();
    expect(course.getByText('Crisis communication, outreach and policy discipline on every platform an embassy runs.')).toBeTruthy();
    expect(textOf(course.getByTestId('catalogue-course-rule'))).toBe(
      'To complete the course, reach an average best score of at least 70 across its scenarios.',
    );
    expect(textOf(course.getByTestId('catalogue-course-progress'))).toBe('1 of 7 scenarios passed');
    const bar = course.getByRole('progressbar', { name: 'Course progress: Press attaché foundations' });
    expect(bar.getAttribute('aria-valuenow')).toBe('14');
    // (82.4 + 55) / 2 = 68.7: the scenarios finished so far.
    expect(textOf(course.getByTestId('catalogue-course-average'))).toBe('Your average best score so far: 68.7');
    expect(course.queryByTestId('catalogue-course-completed')).toBeNull();

    const items = within(course.getByTestId('catalogue-course-scenarios')).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-scenario-id'))).toEqual(COURSE_ORDER);
    expect(textOf(items[0]!)).toBe('Flights suspended at Coral BayPassed');
    expect(textOf(items[1]!)).toContain('Failed');
    expect(textOf(items[2]!)).toContain('In progress');
    expect(textOf(items[3]!)).toContain('Not started');
  });

  it('says a course is completed once its rule is met', async () => {
    const allPassed = new Map(COURSE_ORDER.map((id) => [`core-library/${id}`, standing('passed', 75)]));
    await renderCatalogue({ progress: allPassed });
    expect(firstCourse().getByTestId('catalogue-course-completed').textContent).toBe('Completed');
    expect(textOf(firstCourse().getByTestId('catalogue-course-progress'))).toBe('7 of 7 scenarios passed');
  });

  it('does not call a course with the average rule completed while a scenario is unfinished', async () => {
    const allButOne = new Map(COURSE_ORDER.slice(1).map((id) => [`core-library/${id}`, standing('passed', 95)]));
    await renderCatalogue({ progress: allButOne });
    expect(firstCourse().queryByTestId('catalogue-course-completed')).toBeNull();
  });

  it('words the all-passed rule', async () => {
    const course = { ...pack.courses[0]!, completion: { rule: 'all-passed' as const } };
    await renderCatalogue({ lib: createLibrary([{ ...pack, courses: [course] }]) });
    expect(textOf(screen.getByTestId('catalogue-course-rule'))).toBe('To complete the course, pass every scenario in it.');
    expect(screen.queryByTestId('catalogue-course-average')).toBeNull();
  });
});

describe('CatalogueView: scenario cards', () => {
  it('lists every scenario in the course’s order with its kind, platforms, duration, languages and tasks', async () => {
    await renderCatalogue();
    expect(cardIds()).toEqual(CARD_ORDER);
    expect(cardIds()).toHaveLength(12);

    const flights = card('flights-suspended');
    expect(flights.getByRole('heading', { level: 3, name: 'Flights suspended at Coral Bay' })).toBeTruthy();
    expect(flights.getByText(/About 20,000 Azurian tourists must learn/)).toBeTruthy();
    expect(textOf(flights.getByTestId('catalogue-kind'))).toBe('Crisis');
    expect(textOf(flights.getByTestId('catalogue-platforms'))).toBe('VK, Telegram and X');
    expect(textOf(flights.getByTestId('catalogue-duration'))).toBe('3 h');
    expect(textOf(flights.getByTestId('catalogue-languages'))).toBe('English and Russian');
    expect(textOf(flights.getByTestId('catalogue-tasks'))).toBe('4 tasks · +1 that may open');

    expect(textOf(card('answering-criticism').getByTestId('catalogue-duration'))).toBe('2 h 30 min');
    expect(textOf(card('platform-tailoring').getByTestId('catalogue-duration'))).toBe('3 h 30 min');
    expect(textOf(card('chairmanship-bilingual').getByTestId('catalogue-languages'))).toBe('English, Russian and Ukrainian');
    expect(textOf(card('visa-free-launch').getByTestId('catalogue-kind'))).toBe('Outreach');
    expect(textOf(card('platform-tailoring').getByTestId('catalogue-platforms'))).toBe('X, Facebook and YouTube');
  });

  it('shows each scenario’s status as words, the best score and the right action', async () => {
    await renderCatalogue();

    const flights = card('flights-suspended');
    expect(cards()[COURSE_ORDER.indexOf('flights-suspended')]!.getAttribute('data-status')).toBe('passed');
    expect(textOf(flights.getByTestId('catalogue-status'))).toBe('Passed');
    expect(textOf(flights.getByTestId('catalogue-best-score'))).toBe('Best score: 82.4');
    expect(flights.getByTestId('catalogue-open').textContent).toBe('Play again');

    const visa = card('visa-free-launch');
    expect(textOf(visa.getByTestId('catalogue-status'))).toBe('Failed');
    expect(textOf(visa.getByTestId('catalogue-best-score'))).toBe('Best score: 55');

    const talks = card('neutral-host-talks');
    expect(textOf(talks.getByTestId('catalogue-status'))).toBe('In progress');
    expect(textOf(talks.getByTestId('catalogue-best-score'))).toBe('No finished attempt yet');
    expect(talks.getByRole('button', { name: 'Resume: Neutral host: the Port Azur talks' })).toBeTruthy();

    const quake = card('earthquake-consular');
    expect(cards()[COURSE_ORDER.indexOf('earthquake-consular')]!.getAttribute('data-status')).toBe('not-started');
    expect(textOf(quake.getByTestId('catalogue-status'))).toBe('Not started');
    expect(quake.getByTestId('catalogue-open').textContent).toBe('Start');
  });

  it('opens the scenario the trainee picks', async () => {
    const { user, onOpenScenario } = await renderCatalogue();
    await user.click(card('answering-criticism').getByTestId('catalogue-open'));
    expect(onOpenScenario).toHaveBeenCalledExactlyOnceWith('core-library', 'answering-criticism');
  });

  it('names the pack on each card only when several are installed', async () => {
    const other = {
      ...pack,
      manifest: { ...pack.manifest, id: 'second-pack', title: { en: 'Second pack' } },
      courses: [],
      scenarios: pack.scenarios.slice(0, 1),
    };
    await renderCatalogue({ lib: createLibrary([pack, other]) });
    expect(cards()).toHaveLength(13);
    expect(within(cards()[12]!).getByText('From Second pack')).toBeTruthy();
    expect(within(cards()[0]!).getByText('From Attaché core library')).toBeTruthy();
  });
});

describe('CatalogueView: filters', () => {
  it('filters by kind and by status, keeping the order, and says how many are shown', async () => {
    const { user } = await renderCatalogue();
    expect(screen.getByTestId('catalogue-count').textContent).toBe('');

    await user.click(within(screen.getByTestId('catalogue-filter-kind')).getByText('Outreach'));
    expect(cardIds()).toEqual(['visa-free-launch', 'platform-tailoring', 'chairmanship-bilingual', 'page-launch', 'language-year-reception']);
    expect(screen.getByTestId('catalogue-count').textContent).toBe('Showing 5 of 12 scenarios');

    await user.click(within(screen.getByTestId('catalogue-filter-kind')).getByText('All'));
    await user.click(within(screen.getByTestId('catalogue-filter-status')).getByText('Not started'));
    expect(cardIds()).toEqual(['answering-criticism', 'platform-tailoring', 'chairmanship-bilingual', 'earthquake-consular', ...ADVANCED_ORDER]);
    expect(cards().every((element) => element.getAttribute('data-status') === 'not-started')).toBe(true);

    await user.click(within(screen.getByTestId('catalogue-filter-kind')).getByText('Crisis'));
    expect(cardIds()).toEqual(['answering-criticism', 'earthquake-consular', 'detained-citizen', 'forged-letter', 'hq-coordination']);
  });

  it('searches the titles, case-insensitively', async () => {
    const { user } = await renderCatalogue();
    await user.type(screen.getByRole('searchbox', { name: 'Search by title' }), 'CORAL');
    expect(cardIds()).toEqual(['flights-suspended']);
  });

  it('says when nothing matches, and clears the filters', async () => {
    const { user } = await renderCatalogue();
    await user.click(within(screen.getByTestId('catalogue-filter-status')).getByText('Passed'));
    await user.type(screen.getByTestId('catalogue-search'), 'earthquake');

    expect(cards()).toHaveLength(0);
    expect(screen.getByText('No scenarios match these filters.')).toBeTruthy();
    expect(screen.getByTestId('catalogue-count').textContent).toBe('Showing 0 of 12 scenarios');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(cardIds()).toEqual(CARD_ORDER);
    expect((screen.getByTestId('catalogue-search') as HTMLInputElement).value).toBe('');
  });
});

describe('CatalogueView: packs that did not load', () => {
  const diagnostic = (line: number, message: string): Diagnostic => ({
    severity: 'error',
    file: 'scenarios/broken.yaml',
    line,
    column: 3,
    path: `tasks[${line}].account`,
    message,
  });

  it('shows the pack’s source and its first problems', async () => {
    const problems: Library['problems'] = [
      { source: 'embassy-drills.attache', diagnostics: [1, 2, 3, 4, 5].map((line) => diagnostic(line, `unknown account "acc-${line}"`)) },
    ];
    await renderCatalogue({ lib: createLibrary([pack], problems) });

    const alert = within(screen.getByTestId('catalogue-problems'));
    expect(alert.getByText('1 scenario pack could not be loaded')).toBeTruthy();
    expect(alert.getByText('embassy-drills.attache')).toBeTruthy();
    expect(alert.getByText('scenarios/broken.yaml:1:3 tasks[1].account unknown account "acc-1"')).toBeTruthy();
    expect(alert.getByText('scenarios/broken.yaml:3:3 tasks[3].account unknown account "acc-3"')).toBeTruthy();
    expect(alert.queryByText(/acc-4/)).toBeNull();
    expect(alert.getByText('…and 2 more problems')).toBeTruthy();
    // The packs that did load are still there.
    expect(cards()).toHaveLength(12);
  });

  it('shows no alert when every pack loaded', async () => {
    await renderCatalogue();
    expect(screen.queryByTestId('catalogue-problems')).toBeNull();
  });

  it('says so when nothing is installed at all', async () => {
    await renderCatalogue({ lib: createLibrary([], [{ source: 'old.attache', diagnostics: [diagnostic(1, 'bad')] }]) });
    expect(screen.getByText('No scenarios are installed')).toBeTruthy();
    expect(screen.queryByTestId('catalogue-filters')).toBeNull();
    expect(screen.getByTestId('catalogue-problems')).toBeTruthy();
  });
});

describe('CatalogueView in Russian', () => {
  it('translates the chrome and shows the pack’s Russian text, with Russian plurals', async () => {
    const { user } = await renderCatalogue({ language: 'ru' });

    expect(screen.getByRole('heading', { level: 1, name: 'Сценарии' })).toBeTruthy();
    const course = firstCourse();
    expect(course.getByRole('heading', { level: 3, name: 'Основы работы пресс-атташе' })).toBeTruthy();
    expect(textOf(course.getByTestId('catalogue-course-progress'))).toBe('Пройдено 1 из 7 сценариев');
    expect(textOf(course.getByTestId('catalogue-course-rule'))).toBe('Чтобы завершить курс, наберите средний лучший балл не ниже 70 по его сценариям.');

    const flights = card('flights-suspended');
    expect(flights.getByRole('heading', { level: 3, name: 'Рейсы в Корал-Бей приостановлены' })).toBeTruthy();
    expect(textOf(flights.getByTestId('catalogue-kind'))).toBe('Кризис');
    expect(textOf(flights.getByTestId('catalogue-status'))).toBe('Пройден');
    expect(textOf(flights.getByTestId('catalogue-platforms'))).toBe('ВКонтакте, Telegram и X');
    expect(textOf(flights.getByTestId('catalogue-duration'))).toBe('3 часа');
    expect(textOf(flights.getByTestId('catalogue-languages'))).toBe('английский и русский');
    expect(textOf(flights.getByTestId('catalogue-tasks'))).toBe('4 задачи · ещё 1 может появиться');
    expect(textOf(flights.getByTestId('catalogue-best-score'))).toBe('Лучший балл: 82,4');
    expect(flights.getByTestId('catalogue-open').textContent).toBe('Пройти снова');
    expect(textOf(card('answering-criticism').getByTestId('catalogue-duration'))).toBe('2 часа 30 минут');
    expect(textOf(card('chairmanship-bilingual').getByTestId('catalogue-languages'))).toBe('английский, русский и украинский');

    await user.click(within(screen.getByTestId('catalogue-filter-kind')).getByText('Работа с аудиторией'));
    expect(screen.getByTestId('catalogue-count').textContent).toBe('Показано 5 из 12 сценариев');
  });
});
