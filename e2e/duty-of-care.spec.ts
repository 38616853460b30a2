// Runtime: Node (Playwright, web build). Duty of care: Lina writes at 1:10 that her insulin runs out on
// Tuesday (flights-suspended); no task asks for an answer. Left unanswered, the inbox keeps her on top,
// flagged, and the debrief of a passed attempt names her; answered in another run, the debrief says
// when. Pictured in English and Russian, light and dark.
import { expect, test } from './fixtures';
import { builtInScenario, goodDraft } from './packs';
import type { PlayerPage } from './pages/PlayerPage';

const INSULIN_AT = 70;

/** Answers every task as it opens, jumping from event to event, until the clock reaches `minute` or nothing is left. */
async function playUntil(player: PlayerPage, draftFor: (taskId: string) => string, minute = Number.POSITIVE_INFINITY): Promise<void> {
  for (let guard = 0; guard < 60; guard += 1) {
    if ((await player.root.getAttribute('data-state')) !== 'live') return;
    for (const taskId of await player.openTaskIds()) await player.answer(taskId, draftFor(taskId));
    // With nothing left to happen, "Next event" gives way to "Skip to the end": Finish is what is left.
    if ((await player.time()) >= minute || (await player.next.count()) === 0 || (await player.next.isDisabled())) return;
    await player.jumpToNextEvent();
  }
}

/** Light, then dark, then back to light: both pictures of what is on screen. */

test.describe('duty of care', () => {
  test('an urgent message left unanswered stays on top of the inbox, and a passed debrief names it', async ({
    app,
    page,
    saveScreenshot,
    expectAccessible,
  }) => {
    test.setTimeout(180_000);
    const scenario = builtInScenario('flights-suspended');
    const catalogue = await app.goToCatalogue('Ines Duarte');
    const player = await (await catalogue.open('flights-suspended', { timeout: 60_000 })).startScenario();
    await player.pause();
    await playUntil(player, (taskId) => goodDraft(scenario, taskId, 'en'), INSULIN_AT);
    expect(await player.time()).toBeGreaterThanOrEqual(INSULIN_AT);

    // The desk's inbox entry is marked until the message is answered, whether or not the inbox was read.
    await expect(page.getByTestId('player-inbox-urgent')).toHaveAttribute('aria-label', '1 urgent message not answered');
    await player.inbox.click();
    await expect(page.getByTestId('player-inbox-urgent')).toBeVisible();
    const lina = player.inboxConversation('Lina Sarr');
    await expect(page.getByTestId('inbox-conversation').first()).toHaveAttribute('data-persona', 'tourist-lina');
    await expect(lina.getByText('Urgent: not answered yet')).toBeVisible();
    await expect(lina.getByRole('article', { name: 'Urgent. Message from Lina Sarr, T+1:10' })).toBeVisible();
    await expectAccessible('the inbox with an urgent message', { within: '[data-testid="inbox"]' });
    await app.screenshotInBothSchemes(saveScreenshot, 'duty-inbox-en');

    await playUntil(player, (taskId) => goodDraft(scenario, taskId, 'en'));
    const debrief = await player.toDebrief();
    await expect(debrief.outcome).toHaveAttribute('data-passed', 'true');
    await expect(debrief.dutyOfCare).toBeVisible();
    await expect(debrief.dutyOfCare.getByRole('heading', { name: 'Duty of care' })).toBeVisible();
    await expect(debrief.dutyOfCare).toContainText('Urgent messages without an answer: 1 of 1.');
    const insulin = debrief.urgentMessage('lina-insulin');
    await expect(insulin).toContainText('Lina Sarr at 1:10');
    await expect(insulin).toContainText('my insulin runs out on Tuesday');
    await expect(insulin).toContainText('No answer was sent.');
    await expect(debrief.taskCounts).toContainText('Passed: 4');
    await expectAccessible('the debrief with a duty-of-care finding', { within: '[data-testid="debrief"]' });
    await app.screenshotInBothSchemes(saveScreenshot, 'duty-debrief-en');

    await app.switchLanguage('ru');
    await expect(debrief.dutyOfCare).toContainText('Срочных сообщений без ответа: 1 из 1.');
    await expect(insulin).toContainText('Ответ не был отправлен.');
    await app.screenshotInBothSchemes(saveScreenshot, 'duty-debrief-ru-interface');
  });

  test('answered in another run, in Russian, the inbox and the debrief say when', async ({ app, page, saveScreenshot }) => {
    test.setTimeout(180_000);
    const scenario = builtInScenario('flights-suspended');
    const catalogue = await app.goToCatalogue('Ines Duarte');
    const briefing = await catalogue.open('flights-suspended', { timeout: 60_000 });
    await briefing.chooseLanguage('Russian');
    await app.switchLanguage('ru');
    const player = await briefing.startScenario();
    await player.pause();
    await playUntil(player, (taskId) => goodDraft(scenario, taskId, 'ru'), INSULIN_AT);
    const name = scenario.personas.find((persona) => persona.id === 'tourist-lina')?.name.ru ?? 'Лина Сарр';

    const lina = player.inboxConversation(name);
    await expect(page.getByTestId('player-inbox-urgent')).toHaveAttribute('aria-label', '1 срочное сообщение без ответа');
    await player.replyInInbox(`Ответить: ${name}`, 'Лина, позвоните в консульство по номеру +99 123 456 789: дежурный консул поможет с лекарствами сегодня.');
    const answeredAt = await player.time();
    await expect(lina.getByText('Срочно: ответа ещё нет')).toHaveCount(0);
    await expect(page.getByTestId('player-inbox-urgent')).toHaveCount(0);
    await expect(lina.getByTestId('inbox-urgent')).toHaveText(`Срочно · ответ в ${Math.floor(answeredAt / 60)}:${String(answeredAt % 60).padStart(2, '0')}`);
    await app.screenshotInBothSchemes(saveScreenshot, 'duty-inbox-ru-answered');

    await playUntil(player, (taskId) => goodDraft(scenario, taskId, 'ru'));
    const debrief = await player.toDebrief();
    await expect(debrief.dutyOfCare).toContainText('На все срочные сообщения дан ответ (1).');
    await expect(debrief.urgentMessage('lina-insulin')).toHaveAttribute('data-answered', 'true');
    await expect(debrief.urgentMessage('lina-insulin')).toContainText('Ответ отправлен в');
    await app.screenshotInBothSchemes(saveScreenshot, 'duty-debrief-ru');
  });
});
