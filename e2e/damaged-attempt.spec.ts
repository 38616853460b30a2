// Runtime: Node (Playwright, web build). An attempt whose stored log was damaged (a publication lost
// its text) opens read-only in a real browser's IndexedDB: a banner says which event and why, the
// desk shows no clock controls or composer, nothing is written, and the banner deletes it.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { builtInScenario, goodDraft } from './packs';
import { DamagedAttemptBanner } from './pages/DamagedAttemptBanner';
import { HistoryPage } from './pages/HistoryPage';

/**
 * Damages the stored attempt as a disk error might: its publication loses its text, and its snapshot
 * is marked as made under another pack version, so that opening it reads the log. Returns the
 * publication's position in the log, counted from 1, and the attempt's record as it is afterwards.
 */
function damageLog(page: Page, attemptId: number): Promise<{ position: number; record: unknown }> {
  return page.evaluate(
    (attemptId) =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('attache');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const tx = db.transaction(['attemptEvents', 'attempts'], 'readwrite');
          const events = tx.objectStore('attemptEvents');
          const attempts = tx.objectStore('attempts');
          let record: unknown;
          let position = 0;
          events.index('attemptId').getAll(attemptId).onsuccess = (event) => {
            const rows = (event.target as IDBRequest<Array<{ seq: number; event: { type: string; draft?: Record<string, unknown> } }>>).result;
            const row = rows.find((candidate) => candidate.event.type === 'PUBLISH')!;
            delete row.event.draft!.text;
            position = row.seq + 1;
            events.put(row);
          };
          attempts.get(attemptId).onsuccess = (event) => {
            const attempt = (event.target as IDBRequest<{ versions: { packVersion: string } }>).result;
            attempt.versions.packVersion = '0.0.1';
            record = attempt;
            attempts.put(attempt);
          };
          tx.oncomplete = () => {
            db.close();
            resolve({ position, record });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    attemptId,
  );
}

function readAttemptRecord(page: Page, attemptId: number): Promise<unknown> {
  return page.evaluate(
    (attemptId) =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('attache');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const reading = db.transaction('attempts').objectStore('attempts').get(attemptId);
          reading.onsuccess = () => {
            db.close();
            resolve(reading.result ?? null);
          };
          reading.onerror = () => reject(reading.error);
        };
      }),
    attemptId,
  );
}

test.describe('a damaged attempt', () => {
  test('opens read-only under a banner that says what is wrong, changes nothing, and can be deleted', async ({
    app,
    page,
    expectAccessible,
    saveScreenshot,
  }) => {
    test.setTimeout(90_000);
    const scenario = builtInScenario('flights-suspended');
    const catalogue = await app.goToCatalogue('Mira Osei');
    const player = await (await catalogue.open('flights-suspended')).startScenario();
    await player.pause();
    await player.jumpUntilOpen();
    const [taskId] = await player.openTaskIds();
    expect(taskId).toBeTruthy();
    await player.answer(taskId!, goodDraft(scenario, taskId!, 'en'));
    await player.waitUntilSaved();
    const time = await player.clock.textContent();
    const attemptId = Number(/#\/player\/(\d+)/.exec(page.url())?.[1]);
    expect(attemptId).toBeGreaterThan(0);

    const damaged = await damageLog(page, attemptId);
    await app.reload();

    const banner = new DamagedAttemptBanner(page);
    await expect(banner.root).toBeVisible();
    // The publication was the last event saved.
    await expect(banner.where).toHaveText(`Event ${damaged.position} of ${damaged.position} (publish at ${time!.replace(/^T\+(\S+) .*$/, '$1')}) has no text.`);
    await expect(banner.root).toContainText('Nothing in it was changed.');
    await expect(player.root).toHaveAttribute('data-read-only', 'true');
    // As it stood before the publication: the task still open, the clock where it was.
    await expect(player.task(taskId!)).toHaveAttribute('data-status', 'open');
    await expect(player.clock).toHaveText(time!);
    await expect(page.getByRole('region', { name: 'Composer' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Finish' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Next event' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Write' })).toHaveCount(0);
    expect(await readAttemptRecord(page, attemptId)).toEqual(damaged.record);
    await expectAccessible('a damaged attempt, read-only');
    await saveScreenshot('damaged-attempt');

    await banner.delete.click();
    await expect(banner.deleteDialog).toBeVisible();
    await banner.deleteConfirm.click();
    const history = new HistoryPage(page);
    await expect(history.root).toBeVisible();
    await expect(history.rows).toHaveCount(0);
    expect(await readAttemptRecord(page, attemptId)).toBeNull();
  });
});
