// Runtime: Node (Vitest, happy-dom). The briefing over the real built-in library: the content in the
// chosen play language (switched through the callback), the chrome in the UI language, and the start.
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../electron/contract/api';
import { loadPack } from '../../core/pack/load';
import type { ScenarioProgress } from '../../core/records/progress';
import { createI18n } from '../../i18n';
import type { ScenarioRef } from '../../library/library';
import { createLibrary, findScenario, languagesOf, personasOf } from '../../library/library';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { theme } from '../theme';
import type { BriefingViewProps } from './BriefingView';
import { BriefingView } from './BriefingView';

const pack = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
const library = createLibrary([pack]);
const scenarioRef = (id: string): ScenarioRef => findScenario(library, 'core-library', id)!;

async function renderBriefing(overrides: Partial<BriefingViewProps> & { scenarioId?: string; ui?: Language } = {}) {
  const { scenarioId = 'flights-suspended', ui = 'en', ...props } = overrides;
  const i18n = await createI18n(ui);
  const ref_ = props.ref_ ?? scenarioRef(scenarioId);
  const callbacks = {
    onLanguageChange: vi.fn<(language: string) => void>(),
    onStart: vi.fn<() => void>(),
    onResume: vi.fn<(attemptId: number) => void>(),
  };
  const view = (next: Partial<BriefingViewProps>) => (
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <BriefingView
          ref_={ref_}
          personas={personasOf(ref_)}
          languages={languagesOf(ref_)}
          language="en"
          progress={null}
          starting={false}
          {...callbacks}
          {...props}
          {...next}
        />
      </I18nextProvider>
    </MantineProvider>
  );
  const result = render(view({}));
  return { ...callbacks, user: userEvent.setup(), rerender: (next: Partial<BriefingViewProps>) => result.rerender(view(next)) };
}

/** Intl puts no-break spaces in numbers and dates; the assertions read them as spaces. */
const textOf = (element: HTMLElement) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
const fact = (id: string) => {
  const row = screen.getAllByTestId('briefing-fact').find((candidate) => candidate.getAttribute('data-fact-id') === id);
  if (!row) throw new Error(`no fact ${id}`);
  return row;
};
const factValue = (id: string) => textOf(within(fact(id)).getByTestId('briefing-fact-value'));
const account = (id: string) => {
  const card = screen.getAllByTestId('briefing-account').find((candidate) => candidate.getAttribute('data-account-id') === id);
  if (!card) throw new Error(`no account ${id}`);
  return within(card);
};
const task = (id: string) => {
  const row = screen.getAllByTestId('briefing-task').find((candidate) => candidate.getAttribute('data-task-id') === id);
  if (!row) throw new Error(`no task ${id}`);
  return within(row);
};

describe('BriefingView: the content, in English', () => {
  it('gives the title, the role, the situation and the accounts', async () => {
    await renderBriefing();

    const title = screen.getByRole('heading', { level: 1, name: 'Flights suspended at Coral Bay' });
    expect(title.getAttribute('data-page-title')).not.toBeNull();
    expect(title.getAttribute('tabindex')).toBe('-1');
    expect(title.getAttribute('lang')).toBe('en');
    expect(screen.getByTestId('catalogue-kind').textContent).toBe('Crisis');

    const role = within(screen.getByTestId('briefing-role'));
    expect(role.getByText('Press attaché')).toBeTruthy();
    expect(role.getByText('Embassy of Azuria in Marenia')).toBeTruthy();

    // The pack's hard-wrapped lines join into paragraphs; blank lines part them.
    const situation = within(screen.getByTestId('briefing-situation'));
    expect(screen.getByTestId('briefing-situation').querySelectorAll('p')).toHaveLength(3);
    expect(
      situation.getByText(/^Sunday, 12 July, early morning\. A security incident in the departures hall of Coral Bay International Airport has led/),
    ).toBeTruthy();

    expect(screen.getAllByTestId('briefing-account').map((card) => card.getAttribute('data-account-id'))).toEqual([
      'embassy-vk',
      'embassy-telegram',
      'embassy-x',
    ]);
    const vk = account('embassy-vk');
    expect(vk.getByTestId('briefing-account-platform').textContent).toBe('VK');
    expect(vk.getByText('@azuria_embassy_marenia')).toBeTruthy();
    expect(vk.getByText('Embassy of Azuria in Marenia')).toBeTruthy();
    expect(vk.getByText('48,000 followers')).toBeTruthy();
    expect(vk.getByText(/^Azurian citizens living in or travelling to Marenia\./)).toBeTruthy();
    expect(vk.queryByTestId('briefing-account-language')).toBeNull();
  });

  it('keeps the lines of a bulleted list in the situation while joining the wrapped lines around it', async () => {
    const base = scenarioRef('flights-suspended');
    const situation = 'Flights are suspended\nuntil further notice.\n\nWhat we know:\n• The airport is closed.\n• Hotels are open\nas usual.';
    await renderBriefing({ ref_: { ...base, scenario: { ...base.scenario, situation: { en: situation } } } });

    const paragraphs = [...screen.getByTestId('briefing-situation').querySelectorAll('p')].map((paragraph) => paragraph.textContent);
    expect(paragraphs).toEqual(['Flights are suspended until further notice.', 'What we know:\n• The airport is closed.\n• Hotels are open as usual.']);
  });

  it('gives the fact sheet with values formatted for the play language', async () => {
    await renderBriefing();
    expect(screen.getAllByTestId('briefing-fact')).toHaveLength(8);
    expect(within(fact('hotline')).getByRole('rowheader').textContent).toBe('Consular hotline (around the clock)');
    expect(factValue('hotline')).toBe('+99 21 555 0183');
    expect(factValue('tourists')).toBe('20,000');
    expect(within(fact('tourists')).getByText(`An estimate from tour operators' lists; say "about 20,000".`)).toBeTruthy();
    expect(factValue('first-flights')).toBe('13 July 2026');
    expect(factValue('registration-url')).toBe('https://mfa.azuria.example/coralbay');
    expect(factValue('consul')).toBe('Daria Lenz');
    expect(factValue('assembly-point')).toBe('Harbour Square bus terminal');
    expect(factValue('assembly-time')).toBe('06:00');
  });

  it('gives the policy lines: key messages, red lines marked “never say”, terminology, hashtags and tone', async () => {
    await renderBriefing();

    const messages = within(screen.getByTestId('briefing-key-messages')).getAllByTestId('briefing-key-message');
    expect(messages).toHaveLength(4);
    expect(messages[0]!.textContent).toBe('Every Azurian traveller in Coral Bay should register so that we can give them a seat on an extra flight.');

    const redLines = within(screen.getByTestId('briefing-red-lines'));
    expect(redLines.getByRole('heading', { level: 3, name: 'Never say' })).toBeTruthy();
    const lines = redLines.getAllByTestId('briefing-red-line');
    expect(lines).toHaveLength(2);
    expect(textOf(lines[0]!)).toBe('NeverNever speculate about the cause of the incident; the Marenian investigation speaks to that.');

    const terms = screen.getAllByTestId('briefing-term');
    expect(textOf(within(terms[0]!).getByTestId('briefing-term-preferred'))).toBe('extra flights');
    expect(textOf(within(terms[0]!).getByTestId('briefing-term-deprecated'))).toBe('evacuation flights, evacuation');
    expect(within(terms[0]!).getByText('No one is in danger at the resort; "evacuation" alarms families at home.')).toBeTruthy();

    expect(screen.getAllByTestId('briefing-hashtag').map((badge) => badge.textContent)).toEqual([
      '#CoralBay',
      '#КоралБей',
      '#AzuriaConsular',
      '#КонсульскаяПомощь',
    ]);
    expect(screen.getByTestId('briefing-tone-target').textContent).toBe('Target tone: Calm and firm');
    expect(within(screen.getByTestId('briefing-tone')).getByText(/^Calm, clear and reassuring\./)).toBeTruthy();
  });

  it('previews the tasks by the time they open, with those a branch may open last', async () => {
    await renderBriefing();
    const rows = screen.getAllByTestId('briefing-task');
    expect(rows.map((row) => row.getAttribute('data-task-id'))).toEqual([
      'mass-notification',
      'reply-pavel',
      'rumour-post',
      'reply-holt',
      'resend-notification',
    ]);

    const first = task('mass-notification');
    expect(first.getByRole('rowheader').textContent).toBe('Notify every registered traveller');
    expect(first.getByText('Mass notification')).toBeTruthy();
    expect(first.getByText('VK')).toBeTruthy();
    expect(first.getByTestId('briefing-task-opens').textContent).toBe('T+0:05');
    expect(first.getByTestId('briefing-task-due').textContent).toBe('T+0:35');

    expect(task('reply-pavel').getByText('In reply to Pavel Dorn')).toBeTruthy();
    expect(task('reply-pavel').getByText('Reply')).toBeTruthy();

    const later = task('resend-notification');
    expect(later.getByTestId('briefing-task-opens').textContent).toBe('May open during the scenario');
    expect(later.getByTestId('briefing-task-due').textContent).toBe('30 min after it opens');
  });

  it('names a direct message’s recipient', async () => {
    await renderBriefing({ scenarioId: 'answering-criticism' });
    expect(textOf(task('journalist-dm').getByRole('rowheader'))).toMatch(/To Lise Amundal, Nordposten$/);
    expect(task('journalist-dm').getByText('Direct message')).toBeTruthy();
  });

  it('gives the duration, the pass rule and the task count, and says how the clock works', async () => {
    await renderBriefing({ scenarioId: 'answering-criticism' });
    expect(textOf(screen.getByTestId('briefing-duration'))).toBe('2 h 30 min of simulated time');
    expect(textOf(screen.getByTestId('briefing-pass-rule'))).toBe('An average score of at least 70 out of 100 across tone, policy and platform.');
    expect(textOf(screen.getByTestId('briefing-task-count'))).toBe('3 tasks · +1 that may open');
    expect(screen.getByTestId('briefing-clock-note').textContent).toBe('The simulated clock starts when you press Start; you can pause at any time.');
  });

  it('says when an account’s audience reads a fixed language', async () => {
    await renderBriefing({ scenarioId: 'chairmanship-bilingual' });
    expect(account('chair-fb-uk').getByTestId('briefing-account-language').textContent).toBe(
      'Its audience reads Ukrainian: write in Ukrainian on this account.',
    );
    expect(account('chair-x').getByTestId('briefing-account-language').textContent).toBe('Its audience reads English: write in English on this account.');
    expect(account('chair-tg').queryByTestId('briefing-account-language')).toBeNull();
  });
});

describe('BriefingView: the play language', () => {
  it('lists the scenario’s languages by name and asks for the one chosen', async () => {
    const { user, onLanguageChange } = await renderBriefing({ scenarioId: 'chairmanship-bilingual' });
    const control = within(screen.getByTestId('briefing-language'));
    expect(control.getAllByRole('radio').map((radio) => (radio as HTMLInputElement).value)).toEqual(['en', 'ru', 'uk']);
    expect(control.getByRole<HTMLInputElement>('radio', { name: 'English' }).checked).toBe(true);
    expect(control.getByText('Ukrainian')).toBeTruthy();

    await user.click(control.getByText('Ukrainian'));
    expect(onLanguageChange).toHaveBeenCalledExactlyOnceWith('uk');
  });

  it('shows facts, policy and accounts in Russian once Russian is chosen, keeping the chrome in English', async () => {
    const { user, onLanguageChange, rerender } = await renderBriefing();
    await user.click(within(screen.getByTestId('briefing-language')).getByText('Russian'));
    expect(onLanguageChange).toHaveBeenCalledExactlyOnceWith('ru');

    rerender({ language: 'ru' });

    const title = screen.getByRole('heading', { level: 1, name: 'Рейсы в Корал-Бей приостановлены' });
    expect(title.getAttribute('lang')).toBe('ru');
    expect(within(screen.getByTestId('briefing-language')).getByRole<HTMLInputElement>('radio', { name: 'Russian' }).checked).toBe(true);
    expect(within(screen.getByTestId('briefing-role')).getByText('Пресс-атташе')).toBeTruthy();

    expect(within(fact('hotline')).getByRole('rowheader').textContent).toBe('Горячая линия консульского отдела (круглосуточно)');
    expect(factValue('tourists')).toBe('20 000');
    expect(factValue('first-flights')).toBe('13 июля 2026 г.');
    expect(factValue('consul')).toBe('Дарья Ленц');
    expect(factValue('assembly-point')).toBe('автовокзал на Портовой площади');

    expect(within(screen.getByTestId('briefing-key-messages')).getAllByTestId('briefing-key-message')[0]!.textContent).toBe(
      'Каждому туристу из Азурии в Корал-Бей нужно зарегистрироваться, чтобы получить место на дополнительном рейсе.',
    );
    expect(textOf(screen.getAllByTestId('briefing-red-line')[1]!)).toContain('Никаких обещаний компенсаций');
    const term = within(screen.getAllByTestId('briefing-term')[0]!);
    expect(term.getByTestId('briefing-term-preferred').textContent).toBe('дополнительные рейсы');
    expect(term.getByTestId('briefing-term-deprecated').textContent).toBe('эвакуационные рейсы, эвакуация');

    expect(account('embassy-vk').getByText(/^Граждане Азурии, живущие в Марении/)).toBeTruthy();
    expect(task('reply-pavel').getByText('In reply to Павел Дорн')).toBeTruthy();

    // The chrome follows the UI language, not the play language.
    expect(screen.getByRole('heading', { level: 2, name: 'Fact sheet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start' })).toBeTruthy();
  });

  it('names the only language of a scenario that has one', async () => {
    const ref_ = scenarioRef('flights-suspended');
    const single: ScenarioRef = { pack: ref_.pack, scenario: { ...ref_.scenario, languages: ['en'] } };
    await renderBriefing({ ref_: single, languages: ['en'] });
    expect(screen.getByTestId('briefing-language').textContent).toBe('Played in English');
    expect(screen.queryByRole('radio')).toBeNull();
  });
});

describe('BriefingView: starting', () => {
  it('starts a first attempt', async () => {
    const { user, onStart } = await renderBriefing();
    expect(screen.queryByTestId('briefing-resume')).toBeNull();
    expect(screen.queryByTestId('briefing-in-progress')).toBeNull();
    await user.click(screen.getByTestId('briefing-start'));
    expect(onStart).toHaveBeenCalledOnce();
  });

  it('offers to resume an attempt in progress before starting again', async () => {
    const progress: ScenarioProgress = {
      status: 'in-progress',
      bestScore: 64.6,
      attempts: 2,
      finishedAttempts: 1,
      completedAt: null,
      lastActivityAt: 5,
      timeOnTaskMs: 0,
      activeAttemptId: 12,
    };
    const { user, onResume, onStart } = await renderBriefing({ progress });

    const buttons = within(screen.getByTestId('briefing-actions')).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Resume', 'Start again']);
    expect(buttons[0]).toBe(screen.getByTestId('briefing-resume'));
    expect(screen.getByTestId('briefing-best-score').textContent).toBe('Your best score: 64.6');
    expect(screen.getByTestId('catalogue-status').textContent).toBe('In progress');

    await user.click(screen.getByTestId('briefing-resume'));
    expect(onResume).toHaveBeenCalledExactlyOnceWith(12);
    await user.click(screen.getByTestId('briefing-start'));
    expect(onStart).toHaveBeenCalledOnce();
  });

  it('shows the start under way and will not start twice', async () => {
    const progress: ScenarioProgress = {
      status: 'failed',
      bestScore: 40,
      attempts: 1,
      finishedAttempts: 1,
      completedAt: null,
      lastActivityAt: 5,
      timeOnTaskMs: 0,
      activeAttemptId: null,
    };
    const { user, onStart, rerender } = await renderBriefing({ progress });
    rerender({ starting: true });
    const start = screen.getByTestId('briefing-start');
    expect(start.getAttribute('data-loading')).toBe('true');
    await user.click(start);
    expect(onStart).not.toHaveBeenCalled();
  });
});

describe('BriefingView in Russian', () => {
  it('translates the chrome, with the content in the play language', async () => {
    await renderBriefing({
      ui: 'ru',
      language: 'ru',
      progress: {
        status: 'in-progress',
        bestScore: null,
        attempts: 1,
        finishedAttempts: 0,
        completedAt: null,
        lastActivityAt: 5,
        timeOnTaskMs: 0,
        activeAttemptId: 3,
      },
    });

    expect(screen.getByRole('heading', { level: 1, name: 'Рейсы в Корал-Бей приостановлены' })).toBeTruthy();
    for (const name of ['Ваша роль', 'Обстановка', 'Ваши аккаунты', 'Справочные данные', 'Официальная позиция', 'Ваши задачи']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
    }
    expect(screen.getByRole('heading', { level: 3, name: 'Никогда не говорите' })).toBeTruthy();
    expect(within(screen.getByTestId('briefing-language')).getByRole<HTMLInputElement>('radio', { name: 'Русский' }).checked).toBe(true);
    expect(textOf(screen.getByTestId('briefing-duration'))).toBe('3 часа модельного времени');
    expect(textOf(screen.getByTestId('briefing-task-count'))).toBe('4 задачи · ещё 1 может появиться');
    expect(textOf(account('embassy-vk').getByText(/подписчик/))).toBe('48 000 подписчиков');
    expect(screen.getByTestId('briefing-tone-target').textContent).toBe('Нужный тон: спокойный и твёрдый');
    expect(task('resend-notification').getByTestId('briefing-task-opens').textContent).toBe('Может появиться по ходу сценария');
    expect(task('resend-notification').getByTestId('briefing-task-due').textContent).toBe('через 30 минут после открытия');
    expect(task('mass-notification').getByText('Массовое оповещение')).toBeTruthy();
    expect(screen.getByTestId('briefing-resume').textContent).toBe('Продолжить');
    expect(screen.getByTestId('briefing-start').textContent).toBe('Начать заново');
  });
});
