// Runtime: Node (Playwright, web build). The Records screen as an academy's administrator meets it: a
// trainee has finished one scenario and left another under way; Records lists them against the whole
// library with the completion summary, sorts and filters, opens the finished attempt's debrief
// read-only from the keyboard, and comes back; each view without a serious accessibility violation.
import { expect, test } from './fixtures';
import { RecordsPage } from './pages/RecordsPage';
import { builtInCourseIds, builtInScenarioIds } from './packs';

/** One row per trainee and built-in scenario. */
const SCENARIOS = builtInScenarioIds().length;

test.describe('records', () => {
  test("a trainee's finished and unfinished attempts in Records, and the finished one's debrief read-only", async ({
    app,
    page,
    expectAccessible,
    saveScreenshot,
  }) => {
    test.setTimeout(120_000);
    const catalogue = await app.goToCatalogue('Lena Marsh');
    const player = await (await catalogue.open('flights-suspended')).startScenario();
    await player.pause();
    await player.finishScenario();
    const again = await app.goToCatalogue();
    const underWay = await (await again.open('visa-free-launch')).startScenario();
    await underWay.pause();
    await underWay.waitUntilSaved();

    await app.open('/#/records');
    const records = new RecordsPage(page);
    await expect(records.table).toBeVisible();
    await expect(records.count).toHaveText(`${SCENARIOS} of ${SCENARIOS} rows`);
    await expect(records.row('Lena Marsh', 'Flights suspended at Coral Bay')).toHaveAttribute('data-status', 'failed');
    await expect(records.row('Lena Marsh', 'Visa-free')).toHaveAttribute('data-status', 'in-progress');
    await expect(records.rows.and(page.locator('[data-status="not-started"]'))).toHaveCount(SCENARIOS - 2);
    // One summary row per course of the library.
    await expect(records.summary.getByTestId('cohort-summary-row')).toHaveCount(builtInCourseIds().length);
    await expect(page.getByTestId('nav-records')).toHaveAttribute('aria-current', 'page');
    // The whole page, the notice that no passphrase is set included.
    await expect(page.getByTestId('admin-not-configured')).toBeVisible();
    await expectAccessible('the records');
    await saveScreenshot('records');

    await records.sortBy('status');
    await expect(records.heading('status')).toHaveAttribute('aria-sort', 'ascending');
    await records.sortBy('status');
    await expect(records.heading('status')).toHaveAttribute('aria-sort', 'descending');
    await expect(records.rows.first()).toHaveAttribute('data-status', 'failed');
    await records.statusFilter.selectOption('failed');
    await expect(records.count).toHaveText(`1 of ${SCENARIOS} rows`);

    const dialog = await records.openAttempts('Lena Marsh', 'Flights suspended at Coral Bay');
    await expect(dialog.getByTestId('cohort-attempt')).toHaveCount(1);
    await expectAccessible("a trainee's attempts", { within: '[data-testid="cohort-attempts"] [role="dialog"]' });
    await saveScreenshot('records-attempts');
    await dialog.getByTestId('cohort-attempt-open').click();

    await expect(records.outcome).toBeVisible();
    await expect(page.getByTestId('outcome-title')).toHaveText('Lena Marsh: Flights suspended at Coral Bay');
    await expect(page.getByTestId('outcome-read-only')).toContainText('nothing here can change it');
    await expect(page.getByTestId('debrief-outcome')).toHaveAttribute('data-passed', 'false');
    await expectAccessible('a read-only debrief from the records');
    await saveScreenshot('records-debrief');

    await page.getByTestId('outcome-back').first().click();
    await expect(records.table).toBeVisible();
    await expect(records.count).toHaveText(`1 of ${SCENARIOS} rows`);
  });
});
