// Runtime: Node (Playwright, web build). The README's "Your first scenario", followed as a new
// instructor would: a two-language pack from the template; a model answer with a wrong hotline digit
// found in the problems panel, clicked, fixed on its line; three injects, two tasks and a branch
// added through the forms; calibration drafts added in the Calibration view; play-tested from the
// start (a failed first task firing the branch) and from an inject's time, with an inject sent now; exported as an .attache (read back here) and installed; played by
// a trainee to the debrief; uninstalled, with the finished attempt's frozen debrief still opening from
// History. The fixtures fail the test on any console error or CSP violation.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { readArchive } from '../renderer/src/core/pack/archive';
import { expect, test } from './fixtures';
import { HistoryPage } from './pages/HistoryPage';
import { PackManagerPage } from './pages/PackManagerPage';
import { PlayerPage } from './pages/PlayerPage';
import { StudioPage } from './pages/StudioPage';
import { StudioPlaytestPage, StudioPublishPage } from './pages/StudioPublishPage';

const PACK = 'embassy-drills';
const SCENARIO = 'airport-closed';
const HOTLINE = '+99 21 555 0100';
/** The first task's model answer in English, as the template writes it. */
const MODEL_ANSWER = `Port Selin airport is closed after the storm. If you are in Port Selin and need help, call our hotline ${HOTLINE}. We are here for you around the clock.`;
/** The checker and the calibration grading run in workers: slow on a busy machine. */
const SLOW = { timeout: 90_000 };

/** Fills the English and Russian boxes of a text field. */
async function fillBoth(scope: Locator, field: string, english: string, russian: string): Promise<void> {
  await scope.getByRole('textbox', { name: `${field}, English` }).fill(english);
  await scope.getByRole('textbox', { name: `${field}, Russian` }).fill(russian);
}

/** The opened item of a list in the forms (its accordion panel). */
const openedItem = (page: Page) => page.getByTestId('studio-forms').getByRole('region').last();

test('an instructor builds, checks, calibrates, play-tests and publishes a scenario; a trainee plays it; it is uninstalled', async ({
  page,
  app,
  saveScreenshot,
}, testInfo) => {
  test.setTimeout(300_000);
  const studio = new StudioPage(page);
  const playtest = new StudioPlaytestPage(page);
  const publish = new StudioPublishPage(page);
  const panel = page.getByTestId('studio-panel-problems');
  const ready = panel.getByTestId('problems-ready');
  const forms = page.getByTestId('studio-forms');
  const section = (name: string) => forms.getByRole('tab', { name });

  await test.step('a new two-language pack from the template', async () => {
    await app.open('/');
    await studio.navStudio.click();
    await expect(studio.start).toBeVisible();
    await studio.createPack({
      packId: PACK,
      scenarioId: SCENARIO,
      languages: ['en', 'ru'],
      titles: ['Embassy drills', 'Учения посольства'],
      author: 'Training unit',
    });
    await expect(ready).toHaveText('No problems: the pack is ready to play-test and publish.', SLOW);
  });

  await test.step('a wrong hotline digit in a model answer, clicked in Problems and fixed on its line', async () => {
    await studio.view('Forms').click();
    await section('Tasks').click();
    await forms.getByRole('button', { name: /^give-hotline/ }).click();
    const modelAnswer = forms.getByRole('textbox', { name: 'Model answer, English' });
    await expect(modelAnswer).toHaveValue(MODEL_ANSWER);
    await modelAnswer.fill(MODEL_ANSWER.replace(HOTLINE, '+99 21 555 0109'));
    const problem = panel.getByTestId('problem').first();
    await expect(panel.getByTestId('problems-errors')).toHaveText('1 error', SLOW);
    await saveScreenshot('studio-journey-problem');
    await problem.click();
    await expect(studio.view('YAML')).toHaveAttribute('aria-selected', 'true');
    const line = page.locator('.cm-activeLine');
    await expect(line).toContainText('+99 21 555 0109');
    // The wrong digits are fixed where they stand, on the line the problem pointed at.
    const box = await line.evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('0109');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 4);
        const { x, y, width, height } = range.getBoundingClientRect();
        return { x: x + width / 2, y: y + height / 2 };
      }
      return null;
    });
    expect(box).not.toBeNull();
    await page.mouse.dblclick(box!.x, box!.y);
    await page.keyboard.insertText('0100');
    await expect(line).toContainText(HOTLINE);
    await expect(ready).toHaveText('No problems: the pack is ready to play-test and publish.', SLOW);
  });

  await test.step('three injects, two tasks and a branch through the forms', async () => {
    await studio.view('Forms').click();
    await section('Injects').click();
    const addInject = forms.getByRole('button', { name: 'Add inject' });
    for (const [at, english, russian] of [
      [
        '0:20',
        'Is the embassy hotline open on Sunday? My parents are stuck at the airport.',
        'Горячая линия посольства работает в воскресенье? Мои родители застряли в аэропорту.',
      ],
      [
        '0:40',
        'Ferries to the mainland resume tomorrow at 8:00, says the port authority.',
        'Паромы на материк возобновят рейсы завтра в 8:00, сообщает администрация порта.',
      ],
    ] as const) {
      await addInject.click();
      const inject = openedItem(page);
      await inject.getByRole('textbox', { name: /^Arrives at/ }).fill(at);
      await fillBoth(inject, 'Text', english, russian);
    }
    await saveScreenshot('studio-journey-injects');

    await section('Tasks').click();
    await forms.getByRole('button', { name: 'Add task' }).click();
    const task = openedItem(page);
    await task.getByRole('textbox', { name: /^Opens at/ }).fill('0:40');
    await task.getByRole('textbox', { name: /^Due/ }).fill('0:55');
    await fillBoth(task, 'Title', 'Tell citizens about the ferries', 'Сообщите гражданам о паромах');
    await fillBoth(
      task,
      'Brief',
      'Post on X that ferries resume tomorrow, and that the hotline stays open.',
      'Опубликуйте в X, что паромы возобновят рейсы завтра, а горячая линия продолжает работать.',
    );
    for (const [field, id] of [
      ['Key messages', 'call-hotline'],
      ['Facts', 'hotline'],
    ] as const) {
      const choice = task.getByRole('combobox', { name: field });
      await choice.click();
      await page.getByRole('option', { name: id, exact: true }).click();
      await choice.press('Escape');
    }
    await fillBoth(
      task,
      'Model answer',
      `Good news for everyone waiting in Port Selin: ferries to the mainland resume tomorrow at 8:00. If you need help, our hotline ${HOTLINE} stays open around the clock.`,
      `Хорошие новости для всех, кто ждёт в Порт-Селине: паромы на материк возобновят рейсы завтра в 8:00. Если вам нужна помощь, наша горячая линия ${HOTLINE} работает круглосуточно.`,
    );

    await section('Branches').click();
    await forms.getByRole('button', { name: 'Add branch' }).click();
    const branch = openedItem(page);
    // A new branch already waits for the first task to fail.
    await expect(branch.getByRole('button', { name: 'condition 1 give-hotline · Failed' })).toBeVisible();
    await branch.getByRole('button', { name: 'Add inject' }).click();
    const followUp = openedItem(page);
    await followUp.getByRole('textbox', { name: /^Arrives at/ }).fill('0:05');
    await fillBoth(
      followUp,
      'Text',
      'Still no word from the embassy. Does anyone have their number?',
      'От посольства по-прежнему ни слова. У кого-нибудь есть их номер?',
    );
    await expect(page.getByRole('button', { name: 'All texts translated' })).toBeVisible();
    await saveScreenshot('studio-journey-branch');

    await studio.view('Timeline').click();
    await expect(page.getByRole('button', { name: /^Inject \S+ at \d+:\d\d$/ })).toHaveCount(3);
    await expect(page.getByRole('group', { name: /Which task outcomes and times fire each branch/ })).toBeVisible();
    await saveScreenshot('studio-journey-timeline');
    await expect(ready).toHaveText('No problems: the pack is ready to play-test and publish.', SLOW);
  });

  await test.step('calibration drafts added in the Calibration view, and the grader agrees', async () => {
    await studio.view('Calibration').click();
    const add = async (draft: { language: string; text: string; policy: 'pass' | 'fail'; why: string }) => {
      await page.getByRole('combobox', { name: 'Played in' }).selectOption({ label: draft.language });
      await page.getByRole('textbox', { name: 'Draft' }).fill(draft.text);
      await page.getByRole('radiogroup', { name: 'Policy' }).getByRole('radio', { name: draft.policy }).check();
      await page.getByRole('textbox', { name: 'Why' }).fill(draft.why);
      await page.getByRole('button', { name: 'Add as a calibration draft' }).click();
      await expect(page.getByRole('status').filter({ hasText: /^Added draft(-\d+)? to / })).toBeVisible();
    };
    await add({ language: 'English', text: MODEL_ANSWER, policy: 'pass', why: 'Says what happened, gives the exact hotline and stays warm.' });
    await add({
      language: 'Russian',
      text: 'Аэропорт Порт-Селина закрыт после шторма. Если вам нужна помощь, звоните на нашу горячую линию +99 21 555 0109. Мы на связи круглосуточно.',
      policy: 'fail',
      why: 'Warm and clear, but one digit of the hotline is wrong: citizens would call a wrong number.',
    });
    await expect(page.getByText('2 calibration drafts')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Agreement per axis' })).toBeVisible(SLOW);
    await expect(page.getByTestId('calibration-summary')).toHaveText('The grader reaches the required agreement on every axis.', SLOW);
    await saveScreenshot('studio-journey-calibration');
  });

  await test.step('play-tested from the start in Russian, then from an inject’s time with an inject sent now', async () => {
    await studio.action('Play-test a scenario').click();
    await playtest.play({ language: 'Russian' });
    await expect(playtest.badge).toHaveText('Play-test');
    await expect(page.getByTestId('player-title')).toHaveText('Учения посольства');
    // A first post with a wrong hotline digit fails the task, and the branch brings the follow-up.
    const player = new PlayerPage(page);
    await player.jumpUntilOpen('give-hotline');
    await player.answer('give-hotline', 'Аэропорт закрыт. Звоните на горячую линию +99 21 555 0109.');
    const followUp = player.feedPost('От посольства по-прежнему ни слова. У кого-нибудь есть их номер?');
    await expect(async () => {
      // New posts wait above the feed until the trainee shows them.
      if (await player.newItems.isVisible()) await player.newItems.click();
      if (!(await followUp.isVisible())) await player.jumpToNextEvent();
      await expect(followUp).toBeVisible({ timeout: 1_000 });
    }).toPass(SLOW);
    await saveScreenshot('studio-journey-playtest-branch');
    await playtest.leave.click();
    await expect(studio.workspace).toBeVisible();

    await studio.action('Play-test a scenario').click();
    await playtest.play({ language: 'English', fromInject: 'inject' });
    const waiting = await playtest.waitingInjects();
    expect(waiting).toContain('inject-2');
    await playtest.sendNow('inject-2');
    await saveScreenshot('studio-journey-playtest');
    await playtest.leave.click();
    await expect(studio.workspace).toBeVisible();
  });

  await test.step('published: exported as an .attache that reads back, and installed', async () => {
    await studio.action('Publish the pack').click();
    await publish.expectReady();
    await publish.bump('minor');
    await expect(publish.version).toHaveText('This pack is version 1.1.0.');
    await publish.expectReady();
    await saveScreenshot('studio-journey-publish');
    const download = await publish.downloadArchive();
    expect(download.suggestedFilename()).toBe(`${PACK}-1.1.0.attache`);
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    const { manifest, files } = readArchive(new Uint8Array(await readFile(file)));
    expect(manifest).toMatchObject({ packId: PACK, packVersion: '1.1.0' });
    const scenario = new TextDecoder().decode(files.get(`scenarios/${SCENARIO}.yaml`));
    expect(scenario).toContain('Ferries to the mainland resume tomorrow');
    expect(scenario).toContain('Still no word from the embassy');
    await publish.install.click();
    await expect(publish.installed).toContainText(`Installed ${PACK} 1.1.0`);
  });

  await test.step('a trainee plays it from the catalogue to the debrief', async () => {
    const catalogue = await app.goToCatalogue('Lena');
    const briefing = await catalogue.open(SCENARIO, SLOW);
    const player = await briefing.startScenario();
    await player.jumpUntilOpen('give-hotline');
    await player.answer('give-hotline', MODEL_ANSWER);
    const debrief = await player.finishScenario();
    await expect(debrief.outcome).toBeVisible();
    await saveScreenshot('studio-journey-debrief');
  });

  await test.step('uninstalled from the pack manager; the attempt still opens its frozen debrief', async () => {
    const packs = new PackManagerPage(page);
    await packs.open();
    await packs.askToUninstall(PACK);
    await expect(packs.uninstallDialog).toContainText('1 attempt on it keeps its frozen outcome');
    await packs.confirmUninstall();
    await expect(packs.row(PACK)).toHaveCount(0);
    await app.goToHistory();
    const history = new HistoryPage(page);
    await expect(history.rows).toHaveCount(1);
    await history.rows.first().getByTestId('attempt-open').click();
    await expect(page.getByTestId('debrief-page')).toHaveAttribute('data-frozen');
    await expect(page.getByTestId('debrief-outcome')).toBeVisible();
    await saveScreenshot('studio-journey-frozen-debrief');
  });
});
