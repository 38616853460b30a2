// Runtime: Node (scripts). The browser section of `npm run bench`: builds the web bundle into
// out/bench-web, serves it from loopback with `vite preview` and drives Chromium through the app as a
// trainee would: first contentful paint of Home, the bytes loaded before it, keystroke-to-feedback in
// the composer at 280 and 5,000 characters, a new post arriving in a 5,000-post feed, and the Records
// screen over 500 trainees (scripts/bench-records.ts). Medians of several runs; each target printed
// with whether it is met.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { writeVariantPack } from '../e2e/packs';
import { formatReport, measureStartup, STARTUP_BUDGET } from './bundle-budget.mjs';
import { findChromium } from './find-chromium.mjs';
import { measureRecords, RECORDS_TARGETS, RECORDS_TRAINEES } from './bench-records';
import { DRAFT_CEILING } from '../renderer/src/core/grading/grade';

export interface BrowserTarget {
  name: string;
  met: boolean;
}

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT_DIR = 'out/bench-web';
// Vite resolves --outDir against the config's root (renderer/), so the bench passes it absolute.
const OUT_PATH = path.join(ROOT, OUT_DIR);
const PAINT_RUNS = 9;
const KEYSTROKES = 15;
const FEED_POSTS = 5000;
const FEED_ARRIVALS = 5;

/**
 * Budgets the first screen and interaction must meet; the bench prints each with whether it was. A
 * response to input within 100 ms reads as immediate (the RAIL model's budget), whatever the draft's length.
 */
export const BROWSER_TARGETS = Object.freeze({ firstPaintMs: 500, keystroke280Ms: 100, keystroke5000Ms: 100, pasteEchoMs: 100, feedInsertMs: 100 });
/** A careless paste just under the grader's ceiling, so that every keystroke is graded: the composer must keep up with typing all the same. */
const PASTE_LENGTH = DRAFT_CEILING - 1_000;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;
const runs = (values: readonly number[]) => values.map((value) => value.toFixed(0)).join(' ');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Ends the preview server and the processes npx started for it (it runs in a group of its own). */
function stop(server: ChildProcess): void {
  if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
}

async function serve(port: number): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    ['--no-install', 'vite', 'preview', '--config', 'vite.web.config.ts', '--outDir', OUT_PATH, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: 'ignore', detached: true },
  );
  const until = performance.now() + 30_000;
  while (performance.now() < until) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop(server);
  throw new Error(`vite preview did not answer on port ${port} within 30 s`);
}

/** First contentful paint of Home in a fresh profile (no cache, no database), as a first start sees it. */
async function firstPaint(browser: Browser, url: string): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < PAINT_RUNS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    const paint = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
    samples.push(Number(await paint.jsonValue()));
    await context.close();
  }
  return samples;
}

/** A draft of about `length` characters from real sentences, so the grader does its usual work. */
function draftOfLength(length: number): string {
  const sentences = [
    'All flights from the capital are suspended until further notice because of the storm.',
    'Citizens who need help can call the embassy hotline at any time, day or night.',
    'Please follow the official channels of the embassy for updates and do not share rumours.',
    'Our consular staff are working with the airport and the airlines to rebook every traveller.',
  ];
  let text = '';
  for (let index = 0; text.length < length; index += 1) text += `${sentences[index % sentences.length]} `;
  return text.slice(0, length).trimEnd();
}

async function createProfileAndOpenCatalogue(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/catalogue`);
  await page.getByTestId('profile-new-name').fill('Bench Trainee');
  await page.getByTestId('profile-create').click();
  await page.getByTestId('catalogue-title').waitFor();
}

async function startScenario(page: Page, scenarioId: string): Promise<void> {
  await page.locator(`[data-testid="catalogue-scenario"][data-scenario-id="${scenarioId}"]`).getByTestId('catalogue-open').click();
  await page.getByTestId('briefing-start').click();
  await page.locator('[data-testid="player"][data-state="live"]').waitFor();
  // The speeds are one list: 0 is Pause.
  await page.getByTestId('player-speed').selectOption('0');
}

/** Jumps the clock to the next event and waits for the player to show the new minute. */
async function nextEvent(page: Page): Promise<void> {
  const before = await page.getByTestId('player').getAttribute('data-time');
  await page.getByTestId('player-next').click();
  await page.waitForFunction((time) => document.querySelector('[data-testid="player"]')?.getAttribute('data-time') !== time, before);
}

/**
 * In-page probes, as source text: tsx compiles the bench with esbuild's keepNames, whose helper does
 * not exist in the page, so functions with inner names cannot be handed to page.evaluate.
 * `attacheBench.feedback()` resolves with the milliseconds from the next input event in the composer
 * until the grade of that text is shown (the "checking" mark gone) and drawn (one frame later);
 * `attacheBench.arrival(text)` clicks "next event" and resolves with the milliseconds until the feed
 * shows the post `text` (or a changed "new posts" pill) drawn.
 */
const PROBES = `
window.attacheBench = {
  whenDrawn(start, done, resolve, reject, what) {
    const timer = setTimeout(() => reject(new Error(what + ' did not happen within 20 s')), 20000);
    const check = () => {
      if (!done()) return requestAnimationFrame(check);
      requestAnimationFrame(() => { clearTimeout(timer); resolve(performance.now() - start()); });
    };
    requestAnimationFrame(check);
  },
  feedback() {
    return new Promise((resolve, reject) => {
      const area = document.querySelector('[data-testid="composer-text"]');
      const timer = setTimeout(() => reject(new Error('no keystroke reached the composer within 20 s')), 20000);
      area.addEventListener('input', (event) => {
        clearTimeout(timer);
        this.whenDrawn(() => event.timeStamp, () => !document.querySelector('[data-testid="composer-checking"]'), resolve, reject, 'feedback after a keystroke');
      }, { once: true });
    });
  },
  echo() {
    return new Promise((resolve, reject) => {
      const area = document.querySelector('[data-testid="composer-text"]');
      const timer = setTimeout(() => reject(new Error('no keystroke reached the composer within 20 s')), 20000);
      area.addEventListener('input', (event) => {
        clearTimeout(timer);
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - event.timeStamp)));
      }, { once: true });
    });
  },
  arrival(expected) {
    return new Promise((resolve, reject) => {
      const pill = () => document.querySelector('[data-testid="feed-new-items"]')?.textContent ?? '';
      const before = pill();
      const shown = () => [...document.querySelectorAll('[data-testid="feed-item"]')].some((item) => item.textContent.includes(expected)) || (pill() !== '' && pill() !== before);
      const start = performance.now();
      document.querySelector('[data-testid="player-next"]').click();
      this.whenDrawn(() => start, shown, resolve, reject, 'the post "' + expected + '"');
    });
  },
};
`;

/** Milliseconds from each of several keystrokes until the composer shows and draws the new grade. */
async function keystrokes(page: Page, length: number): Promise<number[]> {
  const text = page.getByTestId('composer-text');
  await text.fill(draftOfLength(length));
  await page.getByTestId('composer-checking').waitFor({ state: 'detached' });
  const samples: number[] = [];
  for (let key = 0; key < KEYSTROKES; key += 1) {
    // Kept in the page and awaited after the key: evaluate() would otherwise wait for it before typing.
    await page.evaluate('void (window.attacheFeedbackDone = window.attacheBench.feedback())');
    await text.press(key % 2 === 0 ? 'x' : 'Backspace');
    samples.push(Number(await page.evaluate('window.attacheFeedbackDone')));
  }
  return samples;
}

/**
 * After pasting `length` characters: milliseconds from each keystroke until the page has drawn it
 * (the composer keeps up with typing), and until the new grade is shown.
 */
async function afterPaste(page: Page, length: number): Promise<{ echo: number[]; feedback: number[] }> {
  const text = page.getByTestId('composer-text');
  await text.fill(draftOfLength(length));
  await page.getByTestId('composer-checking').waitFor({ state: 'detached', timeout: 60_000 });
  const echo: number[] = [];
  for (let key = 0; key < KEYSTROKES; key += 1) {
    await page.evaluate('void (window.attacheEchoDone = window.attacheBench.echo())');
    await text.press(key % 2 === 0 ? 'x' : 'Backspace');
    echo.push(Number(await page.evaluate('window.attacheEchoDone')));
  }
  await page.getByTestId('composer-checking').waitFor({ state: 'detached', timeout: 60_000 });
  return { echo, feedback: await keystrokes(page, length) };
}

/** Milliseconds from the click that brings a post until the feed shows it (or its "new posts" pill) drawn. */
async function feedArrivals(page: Page): Promise<number[]> {
  const samples: number[] = [];
  for (let arrival = 1; arrival <= FEED_ARRIVALS; arrival += 1) {
    samples.push(Number(await page.evaluate(`window.attacheBench.arrival(${JSON.stringify(`Late post ${arrival}`)})`)));
    // The pill, when shown, is dismissed so that the next arrival shows anew.
    const pill = page.getByTestId('feed-new-items');
    if (await pill.isVisible()) await pill.click();
  }
  return samples;
}

function writeBenchFeedPack(): string {
  return writeVariantPack({
    id: 'bench-feed',
    title: { en: 'Bench feed', ru: 'Лента для замеров' },
    scenarioTitle: { en: 'A 5,000-post feed', ru: 'Лента из 5000 записей' },
    edit: ({ scenario }) => {
      const post = (id: string, at: string, en: string, ru: string) => ({ id, at, type: 'post', persona: 'reporter', account: 'embassy-x', text: { en, ru } });
      scenario.timeline = [
        ...Array.from({ length: FEED_POSTS }, (_, index) => post(`post-${index + 1}`, '0:01', `Post number ${index + 1}`, `Запись номер ${index + 1}`)),
        ...Array.from({ length: FEED_ARRIVALS }, (_, index) =>
          post(`late-${index + 1}`, `0:0${index + 2}`, `Late post ${index + 1}`, `Поздняя запись ${index + 1}`),
        ),
      ];
    },
  });
}

export async function runBrowserBench(): Promise<BrowserTarget[]> {
  console.log(`\nBrowser — the web build in ${OUT_DIR}, served from loopback, in Chromium`);
  const build = spawnSync(
    'npx',
    ['--no-install', 'vite', 'build', '--config', 'vite.web.config.ts', '--outDir', OUT_PATH, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('the web build failed');
  const startup = measureStartup(OUT_PATH);
  console.log(formatReport(startup));

  const port = await freePort();
  const server = await serve(port);
  const url = `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({
    executablePath: await findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const paints = await firstPaint(browser, url);
    console.log(`  first contentful paint of Home: median ${ms(median(paints))} (runs: ${runs(paints)})`);

    const libraryTimes: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const home = await fresh.newPage();
      await home.goto(url);
      const measured = await home.waitForFunction(() => performance.getEntriesByName('attache:library')[0]?.duration);
      libraryTimes.push(Number(await measured.jsonValue()));
      await fresh.close();
    }
    console.log(`  the library validated in the worker and handed to the page: median ${ms(median(libraryTimes))} (runs: ${runs(libraryTimes)})`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(PROBES);
    const page = await context.newPage();
    await createProfileAndOpenCatalogue(page, url);
    await startScenario(page, 'flights-suspended');
    for (let jumps = 0; (await page.locator('[data-testid="player-task"][data-status="open"]').count()) === 0; jumps += 1) {
      if (jumps === 20) throw new Error('no task opened in flights-suspended within 20 events');
      await nextEvent(page);
    }
    await page.locator('[data-testid="player-task"][data-status="open"]').first().getByTestId('player-task-write').click();
    const short = await keystrokes(page, 280);
    console.log(`  keystroke to feedback, 280 characters: median ${ms(median(short))} (runs: ${runs(short)})`);
    const long = await keystrokes(page, 5000);
    console.log(`  keystroke to feedback, 5,000 characters: median ${ms(median(long))} (runs: ${runs(long)})`);
    const pasted = await afterPaste(page, PASTE_LENGTH);
    console.log(
      `  after a ${PASTE_LENGTH.toLocaleString('en')}-character paste: keystroke drawn in median ${ms(median(pasted.echo))} (runs: ${runs(pasted.echo)}); feedback in median ${ms(median(pasted.feedback))} (runs: ${runs(pasted.feedback)})`,
    );
    await page.getByTestId('composer-text').fill('');

    await page.goto(`${url}#/catalogue`);
    await page.getByTestId('catalogue-title').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('catalogue-install').click();
    await (await chooser).setFiles(writeBenchFeedPack());
    await page.getByTestId('catalogue-install-done').waitFor({ timeout: 120_000 });
    await startScenario(page, 'bench-feed');
    await nextEvent(page);
    await page.getByTestId('feed-item').first().waitFor();
    const arrivals = await feedArrivals(page);
    console.log(`  a new post into a ${FEED_POSTS.toLocaleString('en')}-post feed: median ${ms(median(arrivals))} (runs: ${runs(arrivals)})`);
    await context.close();

    const records = await measureRecords(browser, url);
    const cohortSize = `${RECORDS_TRAINEES} trainees, ${records.rows.toLocaleString('en')} rows`;
    console.log(`  Records (${cohortSize}) opened to its drawn table: median ${ms(median(records.open))} (runs: ${runs(records.open)})`);
    console.log(`  Records: a status filter to the drawn table: median ${ms(median(records.filter))} (runs: ${runs(records.filter)})`);
    console.log(`  Records: a keystroke in the search to the drawn table: median ${ms(median(records.search))} (runs: ${runs(records.search)})`);

    return [
      {
        name: `initial JavaScript within ${STARTUP_BUDGET.scriptKb} kB gzipped (${startup.scriptKb.toFixed(1)} kB)`,
        met: startup.scriptKb <= STARTUP_BUDGET.scriptKb,
      },
      {
        name: `first contentful paint of Home within ${BROWSER_TARGETS.firstPaintMs} ms (median ${ms(median(paints))})`,
        met: median(paints) <= BROWSER_TARGETS.firstPaintMs,
      },
      {
        name: `keystroke to feedback within ${BROWSER_TARGETS.keystroke280Ms} ms at 280 characters (median ${ms(median(short))})`,
        met: median(short) <= BROWSER_TARGETS.keystroke280Ms,
      },
      {
        name: `keystroke to feedback within ${BROWSER_TARGETS.keystroke5000Ms} ms at 5,000 characters (median ${ms(median(long))})`,
        met: median(long) <= BROWSER_TARGETS.keystroke5000Ms,
      },
      {
        name: `after a ${PASTE_LENGTH.toLocaleString('en')}-character paste, each keystroke drawn within ${BROWSER_TARGETS.pasteEchoMs} ms (median ${ms(median(pasted.echo))}; feedback, graded in the worker, in ${ms(median(pasted.feedback))})`,
        met: median(pasted.echo) <= BROWSER_TARGETS.pasteEchoMs,
      },
      {
        name: `a new post shown within ${BROWSER_TARGETS.feedInsertMs} ms in a 5,000-post feed (median ${ms(median(arrivals))})`,
        met: median(arrivals) <= BROWSER_TARGETS.feedInsertMs,
      },
      {
        name: `Records of ${cohortSize} drawn within ${RECORDS_TARGETS.openMs} ms of opening (median ${ms(median(records.open))})`,
        met: median(records.open) <= RECORDS_TARGETS.openMs,
      },
      {
        name: `Records filtered within ${RECORDS_TARGETS.filterMs} ms (median ${ms(median(records.filter))}; a keystroke in the search ${ms(median(records.search))})`,
        met: median(records.filter) <= RECORDS_TARGETS.filterMs && median(records.search) <= RECORDS_TARGETS.searchMs,
      },
    ];
  } finally {
    await browser.close();
    stop(server);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  runBrowserBench().then(
    (targets) => {
      console.log('');
      for (const target of targets) console.log(`${target.met ? '✓' : '✗'} ${target.name}`);
      process.exitCode = targets.every((target) => target.met) ? 0 : 1;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
