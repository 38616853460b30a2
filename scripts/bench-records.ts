// Runtime: Node (scripts). The records screen in `npm run bench` (browser section): 500 trainees whose
// outcomes cover 12 scenarios (the built-in library's 7 and five one-scenario packs) are written into
// the web build's IndexedDB, then Records is opened from the navigation and the time until its table
// is drawn is taken, and the time from a change of the status filter, and from a keystroke in the
// search box, until the table shows the rows that match. Medians of several runs.
import { readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { writeVariantPack } from '../e2e/packs';
import { sampleCohort } from '../renderer/src/test/cohort';

export const RECORDS_TRAINEES = 500;
const EXTRA_PACKS = 5;
const OPEN_RUNS = 5;
const FILTER_RUNS = 9;
const BUILTIN_SCENARIOS = [
  'flights-suspended',
  'visa-free-launch',
  'neutral-host-talks',
  'answering-criticism',
  'platform-tailoring',
  'chairmanship-bilingual',
  'earthquake-consular',
];

/** Budgets: the table of 6,000 rows within a second of asking; a filter or a keystroke answered as immediately as typing (RAIL's 100 ms). */
export const RECORDS_TARGETS = Object.freeze({ openMs: 1000, filterMs: 100, searchMs: 100 });

export interface RecordsMeasurement {
  rows: number;
  open: number[];
  filter: number[];
  search: number[];
}

/**
 * In-page probes, as source text (see PROBES in bench-browser.ts for why). `open()` clicks Records in
 * the navigation and resolves with the milliseconds until the table's first row is drawn; `filter(value)`
 * sets the status filter and `keystroke()` waits for the next input in the search box, each resolving
 * with the milliseconds until the count of rows shown has changed and the table is drawn.
 */
const PROBES = `
window.attacheRecordsBench = {
  drawn(start, done, what) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(what + ' did not happen within 30 s')), 30000);
      const check = () => {
        if (!done()) return requestAnimationFrame(check);
        requestAnimationFrame(() => { clearTimeout(timer); resolve(performance.now() - start()); });
      };
      requestAnimationFrame(check);
    });
  },
  shown() {
    return document.querySelector('[data-testid="cohort-count"]')?.getAttribute('data-shown') ?? null;
  },
  open() {
    const start = performance.now();
    document.querySelector('[data-testid="nav-records"]').click();
    return this.drawn(() => start, () => document.querySelector('[data-testid="cohort-table"] [data-testid="cohort-row"]') !== null, 'the records table');
  },
  filter(value) {
    const select = document.querySelector('[data-testid="cohort-status-filter"]');
    const before = this.shown();
    const start = performance.now();
    const setValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
    setValue.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return this.drawn(() => start, () => this.shown() !== before, 'the filtered table');
  },
  keystroke() {
    return new Promise((resolve, reject) => {
      const input = document.querySelector('[data-testid="cohort-search"]');
      const before = this.shown();
      const timer = setTimeout(() => reject(new Error('no keystroke reached the search box within 20 s')), 20000);
      input.addEventListener('input', (event) => {
        clearTimeout(timer);
        this.drawn(() => event.timeStamp, () => this.shown() !== before, 'the rows found').then(resolve, reject);
      }, { once: true });
    });
  },
};
`;

/** Packs whose ids and scenario ids are `bench-records-N`, as `.attache` archives. */
function extraPacks(): { packId: string; archive: number[] }[] {
  return Array.from({ length: EXTRA_PACKS }, (_, index) => {
    const packId = `bench-records-${index + 1}`;
    const file = writeVariantPack({
      id: packId,
      title: { en: `Records bench ${index + 1}`, ru: `Замеры успеваемости ${index + 1}` },
      scenarioTitle: { en: `Bench scenario ${index + 1}`, ru: `Сценарий для замеров ${index + 1}` },
      edit: () => {},
    });
    return { packId, archive: [...readFileSync(file)] };
  });
}

/** Writes the cohort and the packs into the app's database (already created at its current version by the app). */
const SEED = `async ({ trainees, outcomes, packs }) => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('attache');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise((resolve, reject) => {
    const transaction = db.transaction(['trainees', 'outcomes', 'packs'], 'readwrite');
    for (const trainee of trainees) transaction.objectStore('trainees').put(trainee);
    for (const outcome of outcomes) transaction.objectStore('outcomes').put(outcome);
    for (const pack of packs) transaction.objectStore('packs').put({ packId: pack.packId, version: '1.0.0', archive: new Uint8Array(pack.archive), installedAt: Date.now() });
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  db.close();
}`;

export async function measureRecords(browser: Browser, url: string): Promise<RecordsMeasurement> {
  const packs = extraPacks();
  const scenarios = [
    ...BUILTIN_SCENARIOS.map((scenarioId) => ({ packId: 'core-library', scenarioId })),
    ...packs.map(({ packId }) => ({ packId, scenarioId: packId })),
  ];
  const cohort = sampleCohort({ trainees: RECORDS_TRAINEES, scenarios, seed: 12 });
  const trainees = cohort.trainees.map((trainee) => ({ ...trainee, deviceKey: 'ab'.repeat(32), importedAt: Date.UTC(2025, 5, 30) }));

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(PROBES);
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.getByTestId('app-shell').waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('attache:library').length > 0);
    await page.evaluate(`(${SEED})(${JSON.stringify({ trainees, outcomes: cohort.outcomes, packs })})`);

    const open: number[] = [];
    for (let run = 0; run < OPEN_RUNS; run += 1) {
      // From Home with the library ready (the first run also fetches the screen's code), as an administrator arrives.
      await page.goto(`${url}#/`);
      await page.reload();
      await page.getByTestId('nav-records').waitFor();
      await page.waitForFunction(() => performance.getEntriesByName('attache:library').length > 0);
      open.push(Number(await page.evaluate('window.attacheRecordsBench.open()')));
    }
    const rows = Number(await page.getByTestId('cohort-count').getAttribute('data-total'));
    if (rows !== RECORDS_TRAINEES * scenarios.length) throw new Error(`Records shows ${rows} rows, not ${RECORDS_TRAINEES * scenarios.length}`);

    const filter: number[] = [];
    for (let run = 0; run < FILTER_RUNS; run += 1) {
      filter.push(Number(await page.evaluate(`window.attacheRecordsBench.filter(${JSON.stringify(run % 2 === 0 ? 'passed' : '')})`)));
    }
    await page.evaluate(`window.attacheRecordsBench.filter('')`).catch(() => undefined);

    const search: number[] = [];
    const box = page.getByTestId('cohort-search');
    await box.click();
    // A digit, then Backspace, and again: each keystroke changes which trainees match (names and IDs carry numbers).
    for (let run = 0; run < FILTER_RUNS; run += 1) {
      await page.evaluate('void (window.attacheSearchDone = window.attacheRecordsBench.keystroke())');
      await box.press(run % 2 === 0 ? (run === 0 ? '1' : '2') : 'Backspace');
      search.push(Number(await page.evaluate('window.attacheSearchDone')));
    }
    return { rows, open, filter, search };
  } finally {
    await context.close();
  }
}
