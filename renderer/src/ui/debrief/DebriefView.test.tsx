// Runtime: Node (Vitest, happy-dom). The debrief of real attempts: built-in scenarios played through
// the engine with the model answers (a pass) and with the authors' poor drafts (a fail and a branch),
// and the minimal pack's scenario left unanswered (a missed task and an ending branch).
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../electron/contract/api';
import { summarizeAt } from '../../core/engine/audience';
import type { ScenarioOutcome } from '../../core/engine/outcome';
import { scenarioOutcome } from '../../core/engine/outcome';
import type { EngineInput, FeedPublication, TimelineState } from '../../core/engine/timeline';
import { advanceTo, finish, initialTimeline, publish, start } from '../../core/engine/timeline';
import type { Pack } from '../../core/pack/load';
import { loadPack } from '../../core/pack/load';
import type { Scenario } from '../../core/pack/schema';
import { createI18n } from '../../i18n';
import { personasOf } from '../../library/library';
import { modelAnswer, playScenario, poorAnswer } from '../../test/engine';
import { CORE_LIBRARY_DIR, MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { renderGradingMessage } from '../../i18n/grading-message';
import { formatSimTime } from '../sim-time';
import { theme } from '../theme';
import { DebriefView } from './DebriefView';

const library = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
const minimal = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!;
const scenarioOf = (pack: Pack, id: string) => pack.scenarios.find((scenario) => scenario.id === id)!;
const flights = scenarioOf(library, 'flights-suspended');

interface Played {
  pack: Pack;
  scenario: Scenario;
  outcome: ScenarioOutcome;
  timeline: TimelineState;
  playLanguage: string;
}

function play(pack: Pack, scenario: Scenario, playLanguage: string, answer: (taskId: string) => string | null): Played {
  const { input, state } = playScenario(scenario, playLanguage, pack.manifest, answer);
  return { pack, scenario, outcome: scenarioOutcome(input, state), timeline: state, playLanguage };
}

const passing = (language: string) => play(library, flights, language, (taskId) => modelAnswer(flights, taskId, language));
const failing = (language: string) => play(library, flights, language, (taskId) => poorAnswer(flights, taskId));

async function renderDebrief(
  played: Played,
  { language = 'en' as Language, headingLevel }: { language?: Language; headingLevel?: 1 | 2 } = {},
): Promise<{ i18n: I18n }> {
  const i18n = await createI18n(language);
  render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <DebriefView
          outcome={played.outcome}
          scenario={played.scenario}
          personas={personasOf({ pack: played.pack, scenario: played.scenario })}
          timeline={played.timeline}
          playLanguage={played.playLanguage}
          headingLevel={headingLevel}
        />
      </I18nextProvider>
    </MantineProvider>,
  );
  return { i18n };
}

// happy-dom lays nothing out, so recharts' responsive container measures 0×0 and says so for every
// chart; the tests read the tables and labels instead. Other warnings still come through.
const warn = console.warn.bind(console);
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('The width(0) and height(0) of chart')) return;
    warn(...args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Intl and i18n put no-break spaces in numbers and lists; the assertions read them as spaces. */
const textOf = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const byTestId = (id: string) => screen.getByTestId(id);
const taskRow = (taskId: string) => {
  const row = screen.getAllByTestId('debrief-task').find((candidate) => candidate.getAttribute('data-task-id') === taskId);
  if (!row) throw new Error(`no row for ${taskId}`);
  return row;
};
const timelineEntries = (type: string) => screen.getAllByTestId('debrief-timeline-entry').filter((entry) => entry.getAttribute('data-entry-type') === type);

describe('DebriefView: a passed attempt', () => {
  const played = passing('en');

  it('says it passed, with the average, how it ended and the rule', async () => {
    expect(played.outcome.passed).toBe(true);
    await renderDebrief(played);
    const banner = byTestId('debrief-outcome');
    expect(banner.getAttribute('data-passed')).toBe('true');
    expect(within(banner).getByRole('heading', { level: 3, name: 'Passed' })).toBeTruthy();
    expect(textOf(byTestId('debrief-average'))).toContain('100 of 100');
    expect(textOf(byTestId('debrief-ending'))).toBe('Time ran out at 3:00.');
    expect(textOf(byTestId('debrief-pass-rule'))).toBe('To pass, the average of the tone, policy and platform fit scores must be at least 70.');
    expect(screen.getByRole('heading', { level: 2, name: 'Debrief: Flights suspended at Coral Bay' })).toBeTruthy();
  });

  it('lists every task with its result, when it was published, the time to spare and the scores', async () => {
    await renderDebrief(played);
    const rows = screen.getAllByTestId('debrief-task');
    expect(rows.map((row) => row.getAttribute('data-task-id'))).toEqual(flights.tasks.map((task) => task.id));
    const notification = within(taskRow('mass-notification'));
    expect(taskRow('mass-notification').getAttribute('data-result')).toBe('passed');
    expect(notification.getByText('Notify every registered traveller')).toBeTruthy();
    expect(textOf(notification.getByTestId('debrief-task-result'))).toBe('Passed');
    expect(notification.getByText('0:05')).toBeTruthy();
    expect(textOf(notification.getByTestId('debrief-task-timing'))).toBe('30 minutes to spare');
    expect(textOf(taskRow('mass-notification').querySelector('[data-axis="tone"]'))).toContain('100 / 70');
    // Opened only by a branch that did not fire.
    expect(taskRow('resend-notification').getAttribute('data-result')).toBe('not-reached');
    expect(textOf(within(taskRow('resend-notification')).getByTestId('debrief-task-result'))).toBe('Not reached');
  });

  it('shows the axis scores as numbers beside the chart, which is labelled', async () => {
    await renderDebrief(played);
    const table = within(byTestId('debrief-axis-table'));
    expect(textOf(table.getByRole('row', { name: /Tone/ }))).toBe('Tone100 / 100');
    expect(byTestId('debrief-axis-chart').getAttribute('aria-label')).toBe('Bar chart of the scores by axis: Tone 100, Policy 100, Platform fit 100');
    expect(byTestId('debrief-task-chart').getAttribute('aria-label')).toContain('Task 1: Tone 100, Policy 100, Platform fit 100');
    expect(within(byTestId('debrief-tasks')).getByText("Each task's scores; the dashed line is the pass mark, 70.")).toBeTruthy();
  });

  it('puts each draft beside its model answer and shows the teaching points', async () => {
    await renderDebrief(played);
    const drafts = screen.getAllByTestId('debrief-draft');
    expect(drafts.map((draft) => draft.getAttribute('data-task-id'))).toEqual(['mass-notification', 'reply-pavel', 'rumour-post', 'reply-holt']);
    const holt = within(drafts[3]!);
    // Played with the model answers, the draft and the model answer are the same text.
    const answer = modelAnswer(flights, 'reply-holt', 'en')!;
    expect(textOf(holt.getByTestId('debrief-draft-text'))).toBe(textOf({ textContent: answer } as Element));
    expect(textOf(holt.getByTestId('debrief-model-answer'))).toBe(textOf({ textContent: answer } as Element));
    expect(holt.getAllByText('Nothing to correct.')).toHaveLength(3);

    const teaching = within(byTestId('debrief-teaching'));
    expect(teaching.getByTestId('debrief-summary').textContent).toBe(flights.debrief.summary.en);
    expect(teaching.getAllByTestId('debrief-teaching-point').map((point) => point.textContent)).toEqual(
      flights.debrief.teachingPoints.map((point) => point.en),
    );
  });

  it('shows each publication’s reception at the end: reach, likes, shares, replies and their moods', async () => {
    await renderDebrief(played);
    const receptions = screen.getAllByTestId('debrief-reception');
    const publications = played.timeline.feed.filter((item): item is FeedPublication => item.source === 'trainee');
    expect(receptions.map((card) => card.getAttribute('data-publication-id'))).toEqual(publications.map((item) => item.id));

    // The mass notification is delivered, not discovered: recipients, no likes.
    const notification = within(receptions[0]!);
    const delivered = summarizeAt(played.timeline.reactions[publications[0]!.id]!, played.timeline.time);
    expect(textOf(notification.getByText('Recipients').parentElement)).toBe(`Recipients${delivered.reach.toLocaleString('en')}`);
    expect(notification.queryByText('Likes')).toBeNull();

    const reply = within(receptions[1]!);
    const totals = summarizeAt(played.timeline.reactions[publications[1]!.id]!, played.timeline.time);
    expect(textOf(reply.getByText('Reach').parentElement)).toBe(`Reach${totals.reach.toLocaleString('en')}`);
    expect(textOf(reply.getByText('Likes').parentElement)).toBe(`Likes${totals.likes}`);
    expect(textOf(reply.getByText('Replies').parentElement)).toBe(`Replies${totals.replies}`);
    const moods = played.timeline.feed.filter((item) => item.source === 'audience' && item.replyTo === publications[1]!.id);
    const grateful = moods.filter((item) => item.source === 'audience' && item.mood === 'grateful').length;
    expect(grateful).toBeGreaterThan(0);
    expect(textOf(reply.getByTestId('debrief-moods').querySelector('[data-mood="grateful"]'))).toBe(`Grateful: ${grateful}`);
  });

  it('tells the story in simulated time, from the first inject to the end', async () => {
    await renderDebrief(played);
    const injects = timelineEntries('inject');
    expect(textOf(injects[0]!)).toMatch(/^0:00 .+ · News/);
    const publication = timelineEntries('publication')[0]!;
    expect(textOf(publication)).toContain('0:05 You published on');
    expect(textOf(publication)).toContain('Task “Notify every registered traveller” · Passed');
    expect(timelineEntries('branch')).toHaveLength(0);

    // The audience's replies are there on request, each with its mood.
    const replies = played.outcome.timeline.filter((entry) => entry.type === 'reply');
    expect(timelineEntries('reply')).toHaveLength(0);
    await userEvent.setup().click(screen.getByRole('switch', { name: `Show the audience's replies (${replies.length})` }));
    expect(timelineEntries('reply')).toHaveLength(replies.length);
    const first = replies[0]!;
    expect(textOf(timelineEntries('reply')[0]!.querySelector('.mantine-Timeline-itemTitle'))).toMatch(
      new RegExp(`^${formatSimTime(first.at)} .+ · ${first.type === 'reply' ? first.mood[0]!.toUpperCase() + first.mood.slice(1) : ''}$`),
    );
    expect(textOf(timelineEntries('end')[0]!)).toBe('3:00 Time ran out');
  });

  it('titles the page at level 1 when it is the page, and takes focus there', async () => {
    await renderDebrief(played, { headingLevel: 1 });
    const title = screen.getByRole('heading', { level: 1 });
    expect(title.hasAttribute('data-page-title')).toBe(true);
    expect(within(byTestId('debrief-tasks')).getByRole('heading', { level: 2, name: 'Tasks' })).toBeTruthy();
  });
});

describe('DebriefView: a failed attempt', () => {
  const played = failing('en');

  it('says it did not pass, with the scores per axis', async () => {
    expect(played.outcome.passed).toBe(false);
    const { i18n } = await renderDebrief(played);
    expect(byTestId('debrief-outcome').getAttribute('data-passed')).toBe('false');
    expect(textOf(byTestId('debrief-verdict'))).toBe('Not passed');
    expect(textOf(byTestId('debrief-average'))).toContain(`${played.outcome.average} of 100`);
    const table = within(byTestId('debrief-axis-table'));
    for (const axis of ['tone', 'policy', 'platform'] as const) {
      expect(textOf(table.getByRole('row', { name: new RegExp(i18n.t(`debrief:axis.${axis}`)) }))).toContain(`${played.outcome.scores[axis]} / 100`);
    }
  });

  it('marks the failed tasks and the scores below the pass mark', async () => {
    await renderDebrief(played);
    const row = taskRow('reply-pavel');
    expect(row.getAttribute('data-result')).toBe('failed');
    expect(textOf(within(row).getByTestId('debrief-task-result'))).toBe('Failed');
    const policy = played.outcome.tasks.find((task) => task.taskId === 'reply-pavel')!.grade!.axes.policy.score;
    expect(textOf(row.querySelector('[data-axis="policy"]'))).toBe(`${policy} / 70not passed`);
  });

  it('shows the branch the scenario took, and why', async () => {
    await renderDebrief(played);
    const [branch] = timelineEntries('branch');
    expect(textOf(branch!)).toContain('The scenario took a turn');
    expect(textOf(branch!)).toContain('Because you failed “Notify every registered traveller”.');
    expect(textOf(branch!)).toContain('new messages arrived.');
    expect(textOf(branch!)).toContain('A new task opened: “Send the corrected notification”.');
  });

  it('lists the grader’s findings per axis, with its messages and suggestions', async () => {
    const { i18n } = await renderDebrief(played);
    const task = played.outcome.tasks.find((candidate) => candidate.taskId === 'mass-notification')!;
    const draft = screen.getAllByTestId('debrief-draft').find((candidate) => candidate.getAttribute('data-task-id') === 'mass-notification')!;
    const findings = within(draft).getAllByTestId('debrief-finding');
    expect(findings).toHaveLength(task.grade!.findings.length);
    const translate = i18n.getFixedT('en', 'grading') as unknown as (key: string, options: Record<string, unknown>) => string;
    const policy = within(draft)
      .getAllByTestId('debrief-axis-findings')
      .find((axis) => axis.getAttribute('data-axis') === 'policy')!;
    expect(policy.getAttribute('data-passed')).toBe('false');
    for (const finding of task.grade!.axes.policy.findings) {
      expect(textOf(policy)).toContain(textOf({ textContent: renderGradingMessage(translate, 'en', finding.message, (platform) => platform) } as Element));
      if (finding.suggestion?.message)
        expect(textOf(policy)).toContain(
          textOf({ textContent: renderGradingMessage(translate, 'en', finding.suggestion.message, (platform) => platform) } as Element),
        );
    }
    // The passages the findings point at are marked in the draft.
    expect(draft.querySelectorAll('mark').length).toBeGreaterThan(0);
    expect(textOf(within(draft).getByTestId('debrief-model-answer'))).toContain('Port Selin');
  });
});

describe('DebriefView: a missed task and an ending branch', () => {
  const hotline = minimal.scenarios[0]!;
  const played = play(minimal, hotline, 'en', () => null);

  it('shows the ending’s message, that it decided the result, the missed deadline and the model answer alone', async () => {
    await renderDebrief(played);
    expect(byTestId('debrief-outcome').getAttribute('data-passed')).toBe('false');
    expect(textOf(byTestId('debrief-ending'))).toBe('The scenario ended at 0:30 because of what happened.');
    expect(textOf(byTestId('debrief-end-message'))).toBe('Citizens were left without information.');
    expect(screen.getByText('This ending counts as a fail, whatever the scores.')).toBeTruthy();

    expect(taskRow('publish-hotline').getAttribute('data-result')).toBe('missed');
    expect(textOf(within(taskRow('publish-hotline')).getByTestId('debrief-task-timing'))).toBe('Missed at 0:30');

    expect(screen.queryAllByTestId('debrief-draft')).toHaveLength(0);
    const missed = within(byTestId('debrief-draft-missed'));
    expect(missed.getByText('No draft was published before the deadline.')).toBeTruthy();
    expect(missed.getByTestId('debrief-model-answer').textContent).toBe('Stay calm. Our hotline +99 123 456 789 is open around the clock.');

    const inject = timelineEntries('inject')[0]!;
    expect(textOf(inject.querySelector('.mantine-Timeline-itemTitle'))).toBe('0:05 Ana Reporter · Post');
    expect(within(inject).getByText('Account: Embassy of Azuria (X)')).toBeTruthy();
    expect(within(inject).getByText('How do people get home?')).toBeTruthy();
    expect(textOf(timelineEntries('task-missed')[0]!)).toBe('0:30 Deadline missed: “Publish the hotline”');
    const branch = within(timelineEntries('branch')[0]!);
    expect(branch.getByText('Because you missed the deadline for “Publish the hotline”.')).toBeTruthy();
    expect(branch.getByText('The scenario ends here: Citizens were left without information.')).toBeTruthy();
    expect(textOf(timelineEntries('end')[0]!)).toBe('0:30 The scenario ended');
    expect(within(byTestId('debrief-audience')).getByText('You published nothing, so there was no reaction.')).toBeTruthy();
  });
});

describe('DebriefView in Russian', () => {
  it('speaks Russian, with the pack’s Russian text and Russian plurals', async () => {
    const played = failing('ru');
    await renderDebrief(played, { language: 'ru' });
    expect(screen.getByRole('heading', { level: 2, name: `Разбор: ${flights.title.ru}` })).toBeTruthy();
    expect(textOf(byTestId('debrief-verdict'))).toBe('Не пройдено');
    expect(textOf(byTestId('debrief-ending'))).toBe('Время вышло в 3:00.');
    const row = within(taskRow('mass-notification'));
    expect(row.getByText(flights.tasks[0]!.title.ru!)).toBeTruthy();
    expect(textOf(row.getByTestId('debrief-task-result'))).toBe('Не зачтена');
    expect(textOf(row.getByTestId('debrief-task-timing'))).toBe('За 30 мин до срока');
    expect(textOf(timelineEntries('branch')[0]!)).toContain('Сценарий пошёл по другому пути');
    expect(textOf(timelineEntries('branch')[0]!)).toContain(`Причина: задача «${flights.tasks[0]!.title.ru}» не зачтена.`);
    expect(
      within(byTestId('debrief-teaching'))
        .getAllByTestId('debrief-teaching-point')
        .map((point) => point.textContent),
    ).toEqual(flights.debrief.teachingPoints.map((point) => point.ru));
    expect(within(byTestId('debrief-axis-table')).getByText('Соответствие позиции')).toBeTruthy();
  });
});

describe('DebriefView: a critical failure', () => {
  // Every task answered well, the first also speculating on the cause: a red line the scenario calls critical.
  const first = flights.tasks[0]!.id;
  const critical = () =>
    play(library, flights, 'en', (taskId) => {
      const model = modelAnswer(flights, taskId, 'en');
      return taskId === first && model ? `${model} It was probably a terrorist attack.` : model;
    });

  it('says the scenario is not passed whatever the scores, and which line was crossed', async () => {
    const played = critical();
    expect(played.outcome.average).toBeGreaterThanOrEqual(70);
    await renderDebrief(played);
    expect(textOf(byTestId('debrief-verdict'))).toBe('Not passed');
    expect(textOf(byTestId('debrief-critical'))).toMatch(/^Not passed whatever the scores: a publication crossed a line the scenario calls critical\./);
    const items = screen.getAllByTestId('debrief-critical-item').map((item) => textOf(item));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^0:\d\d — “terrorist attack” crosses a red line\./);
  });

  it('says what each finding costs, in Russian too', async () => {
    await renderDebrief(critical(), { language: 'ru' });
    const redLine = screen.getAllByTestId('debrief-finding').find((finding) => finding.getAttribute('data-rule') === 'policy.red-line')!;
    expect(textOf(within(redLine).getByTestId('debrief-finding-cost'))).toBe('−50 баллов');
    expect(textOf(within(redLine).getByTestId('debrief-finding-blocks'))).toBe('проваливает сценарий');
  });
});

describe('DebriefView: duty of care', () => {
  // Lina writes at 1:10 that her insulin runs out on Tuesday; no task asks for an answer.
  const answered = (language: string, at = 85) => {
    const input: EngineInput = { scenario: flights, playLanguage: language, manifest: library.manifest, seed: 1 };
    let state = start(input, initialTimeline(input));
    const draft = { accountId: 'embassy-vk', kind: 'direct-message' as const, taskId: null, replyTo: 'lina-insulin' };
    state = publish(input, advanceTo(input, state, at), { ...draft, text: 'Please call our hotline +99 123 456 789: the consul will help you today.' });
    state = advanceTo(input, state, Number.POSITIVE_INFINITY);
    return { pack: library, scenario: flights, outcome: scenarioOutcome(input, state), timeline: state, playLanguage: language };
  };

  it('names an urgent message left unanswered, right after the result, even on a passed attempt', async () => {
    const played = passing('en');
    expect(played.outcome.passed).toBe(true);
    await renderDebrief(played);
    const care = byTestId('debrief-duty-of-care');
    expect(byTestId('debrief-outcome').nextElementSibling).toBe(care);
    expect(within(care).getByRole('heading', { level: 3, name: 'Duty of care' })).toBeTruthy();
    expect(textOf(within(care).getByTestId('debrief-duty-of-care-summary'))).toBe('Urgent messages without an answer: 1 of 1.');
    const item = within(care).getByTestId('debrief-duty-of-care-item');
    expect(item.getAttribute('data-inject-id')).toBe('lina-insulin');
    expect(textOf(item)).toContain('Lina Sarr at 1:10 · Embassy of Azuria in Marenia (VK)');
    expect(textOf(item)).toContain('my insulin runs out on Tuesday');
    expect(textOf(within(item).getByTestId('debrief-duty-of-care-answer'))).toBe('No answer was sent.');
    const arrival = timelineEntries('inject').find((entry) => textOf(entry).includes('insulin'))!;
    expect(textOf(arrival)).toContain('Urgent · no answer was sent');
  });

  it('shows how long the answer took when one was sent', async () => {
    await renderDebrief(answered('en'));
    const care = byTestId('debrief-duty-of-care');
    expect(textOf(within(care).getByTestId('debrief-duty-of-care-summary'))).toBe('Every urgent message was answered (1).');
    expect(textOf(within(care).getByTestId('debrief-duty-of-care-answer'))).toBe('Answered at 1:25, 15 minutes after it arrived.');
    const arrival = timelineEntries('inject').find((entry) => textOf(entry).includes('insulin'))!;
    expect(textOf(arrival)).toContain('Urgent · answered at 1:25');
  });

  it('speaks Russian, with Russian plurals', async () => {
    await renderDebrief(answered('ru', 72), { language: 'ru' });
    expect(textOf(byTestId('debrief-duty-of-care-answer'))).toBe('Ответ отправлен в 1:12, через 2 минуты после получения.');
    cleanup();
    await renderDebrief(passing('ru'), { language: 'ru' });
    expect(textOf(byTestId('debrief-duty-of-care-answer'))).toBe('Ответ не был отправлен.');
  });

  it('shows nothing for an outcome frozen before urgent messages existed', async () => {
    const played = passing('en');
    const { dutyOfCare: _dropped, ...old } = played.outcome;
    await renderDebrief({ ...played, outcome: old as ScenarioOutcome });
    expect(screen.queryByTestId('debrief-duty-of-care')).toBeNull();
    expect(byTestId('debrief-outcome')).toBeTruthy();
  });
});

describe('DebriefView: who replied', () => {
  it('names a member of the public who replied by the name the attempt gave them', async () => {
    const played = passing('en');
    const replies = played.timeline.feed.filter((item) => item.source === 'audience');
    const named = replies.find((item) => item.author !== null)!;
    expect(named).toBeTruthy();
    await renderDebrief(played);
    await userEvent.click(screen.getByRole('switch', { name: /Show the audience’s repl|Show the audience's repl/ }));
    const titles = timelineEntries('reply').map((entry) => textOf(entry));
    expect(titles.some((title) => title.includes(`${named.author!.name} replied`))).toBe(true);
  });
});

describe('DebriefView: finishing early', () => {
  // The notification answered at 0:05, then Finish at 0:12, when the reply to Pavel has just opened.
  const early = () => {
    const input: EngineInput = { scenario: flights, playLanguage: 'en', manifest: library.manifest, seed: 1 };
    const task = flights.tasks.find((candidate) => candidate.id === 'mass-notification')!;
    let state = publish(input, advanceTo(input, start(input, initialTimeline(input)), 5), {
      accountId: task.account,
      kind: task.kind,
      text: modelAnswer(flights, task.id, 'en')!,
      taskId: task.id,
      replyTo: null,
    });
    state = finish(input, advanceTo(input, state, 12));
    return { pack: library, scenario: flights, outcome: scenarioOutcome(input, state), timeline: state, playLanguage: 'en' };
  };

  it('keeps missed and not reached apart, says why a task was not reached, and never dates a miss after the finish', async () => {
    await renderDebrief(early());
    expect(textOf(byTestId('debrief-task-counts'))).toBe(
      'Passed: 1 · Missed: 1 · Not reached because you finished first (scored 0): 2 · Never opened (not counted): 1',
    );
    expect(taskRow('reply-pavel').getAttribute('data-result')).toBe('missed');
    expect(textOf(within(taskRow('reply-pavel')).getByTestId('debrief-task-timing'))).toBe('Missed at 0:12');
    const rumour = within(taskRow('rumour-post'));
    expect(textOf(rumour.getByTestId('debrief-task-result'))).toBe('Not reached: you finished first');
    expect(textOf(rumour.getByTestId('debrief-task-timing'))).toBe('Was to open at 0:35');
    expect(textOf(taskRow('rumour-post').querySelector('[data-axis="tone"]'))).toContain('0 / ');
    const resend = within(taskRow('resend-notification'));
    expect(textOf(resend.getByTestId('debrief-task-result'))).toBe('Not reached');
    expect(textOf(resend.getByTestId('debrief-task-timing'))).toBe('—');
    expect(textOf(taskRow('resend-notification').querySelector('[data-axis="tone"]'))).toBe('—');
    // The task finished before it opened counts, so its model answer is there to learn from; the one never opened is not.
    const drafts = screen.getAllByTestId('debrief-draft-missed');
    const rumourDraft = drafts.find((card) => card.getAttribute('data-task-id') === 'rumour-post')!;
    expect(within(rumourDraft).getByTestId('debrief-no-draft').textContent).toBe('You finished the scenario before this task opened.');
    expect(within(rumourDraft).getByTestId('debrief-model-answer').textContent).toBe(modelAnswer(flights, 'rumour-post', 'en'));
    expect(drafts.some((card) => card.getAttribute('data-task-id') === 'resend-notification')).toBe(false);
  });

  it('captions the axis scores with the mean it computes: four tasks count, the fifth is left out', async () => {
    const played = early();
    await renderDebrief(played);
    const notification = played.outcome.tasks.find((task) => task.taskId === 'mass-notification')!.grade!;
    expect(played.outcome.scores.tone).toBeCloseTo(notification.axes.tone.score / 4, 1);
    expect(textOf(within(byTestId('debrief-axis-scores')).getByText(/^The mean score on each axis/))).toBe(
      'The mean score on each axis over the tasks that count: every task that opened (a missed one scores 0) and every task you finished before it opened (0 too). Tasks the story never opened are left out.',
    );
  });
});

describe('the debrief of a report to headquarters', () => {
  it("says the model answer's figures are a reference play's, beside the facts the attempt itself counted", async () => {
    const reception = scenarioOf(library, 'language-year-reception');
    const played = play(library, reception, 'en', (taskId) => modelAnswer(reception, taskId, 'en'));
    await renderDebrief(played);
    const report = screen.getAllByTestId('debrief-draft').find((card) => card.getAttribute('data-task-id') === 'report-hq')!;
    expect(textOf(within(report).getByTestId('debrief-model-report-note'))).toBe(
      'Its figures are those of a reference play; what your attempt counted is beside your report.',
    );
    expect(within(report).getByText(/^What headquarters could check/)).toBeTruthy();
    // No other task's model answer carries the note.
    const others = screen.getAllByTestId('debrief-draft').filter((card) => card !== report);
    for (const card of others) expect(within(card).queryByTestId('debrief-model-report-note')).toBeNull();
  });
});
