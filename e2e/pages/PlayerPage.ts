// Runtime: Node (Playwright). The player: clock, accounts, tasks, the feed and the composer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { DebriefPage } from './DebriefPage';

const LOCALES = path.resolve(import.meta.dirname, '..', '..', 'renderer', 'src', 'i18n', 'locales');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A control's accessible name as the interface says it in `language`: the locale's words for `key`
 * (dotted, in `namespace`), each {{value}} filled from `values`, or where left out matching any words
 * as a group of that name.
 */
export function interfaceName(language: string, namespace: string, key: string, values: Record<string, string> = {}): RegExp {
  const tree = JSON.parse(readFileSync(path.join(LOCALES, language, `${namespace}.json`), 'utf8')) as Record<string, unknown>;
  // Keys are nested objects, or (the grader's messages) flat keys with dots in them.
  const words = key in tree ? tree[key] : key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
  if (typeof words !== 'string') throw new Error(`no ${namespace}:${key} in the ${language} interface`);
  const pattern = words
    .split(/(\{\{\w+\}\})/)
    .map((part) => {
      const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
      if (name === undefined) return escape(part);
      return values[name] === undefined ? `(?<${name}>.+?)` : escape(values[name]);
    })
    .join('');
  return new RegExp(`^${pattern}$`);
}

/** The post at the top of what the trainee sees in the feed, and how far below the feed's top edge it starts. */
export interface ReadingPost {
  id: string;
  top: number;
}

/** What `installReadingProbe` leaves on the page. */
interface ReadingProbe {
  read: () => ReadingPost | null;
  frames: (count: number) => Promise<void>;
  settled: (frames: number) => Promise<ReadingPost | null>;
  watch: () => void;
  stop: () => ReadingPost[];
}

export class PlayerPage {
  readonly root: Locator;
  readonly clock: Locator;
  readonly speed: Locator;
  readonly next: Locator;
  readonly finish: Locator;
  readonly finishConfirm: Locator;
  readonly save: Locator;
  readonly tasks: Locator;
  readonly text: Locator;
  readonly publish: Locator;
  readonly verdict: Locator;
  readonly findings: Locator;
  readonly feedItems: Locator;
  /** The feed's scrolling list, which the keyboard moves through. */
  readonly feedList: Locator;
  readonly newItems: Locator;
  readonly inbox: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('player');
    this.clock = page.getByTestId('player-clock');
    this.speed = page.getByTestId('player-speed');
    this.next = page.getByTestId('player-next');
    this.finish = page.getByTestId('player-finish');
    this.finishConfirm = page.getByTestId('player-finish-confirm');
    this.save = page.getByTestId('player-save');
    this.tasks = page.getByTestId('player-task');
    this.text = page.getByTestId('composer-text');
    this.publish = page.getByTestId('composer-publish');
    this.verdict = page.getByTestId('composer-verdict');
    this.findings = page.getByTestId('composer-finding');
    this.feedItems = page.getByTestId('feed-item');
    this.feedList = page.getByTestId('feed-list');
    this.newItems = page.getByTestId('feed-new-items');
    this.inbox = page.getByTestId('player-inbox');
  }

  task(id: string): Locator {
    return this.page.locator(`[data-testid="player-task"][data-task-id="${id}"]`);
  }

  account(id: string): Locator {
    return this.page.getByTestId(`player-account-${id}`);
  }

  /** The feed's rows in the order they stand on screen: each a post with the answers under it. */
  get feedRows(): Locator {
    return this.feedList.getByTestId('feed-row');
  }

  /** The row whose post is the item `id`. */
  feedRow(id: string): Locator {
    return this.feedList.locator(`[data-testid="feed-row"][data-root="${id}"]`);
  }

  /** The ids of the posts the feed shows, top to bottom. */
  async feedRowIds(): Promise<string[]> {
    return this.feedRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-root') ?? ''));
  }

  /** Whether the feed is scrolled to its very bottom (where a Telegram channel's newest post is). */
  async feedAtBottom(): Promise<boolean> {
    return this.feedList.evaluate((list) => list.scrollTop + list.clientHeight >= list.scrollHeight - 2);
  }

  /** The feed's post (an article) whose text is exactly `text`. */
  feedPost(text: string): Locator {
    return this.feedList.getByRole('article').filter({ has: this.page.getByText(text, { exact: true }) });
  }

  /**
   * The post at the top of the feed's visible part, or null while none is drawn there: the list
   * draws what a scroll brings into view a frame or more after the scroll, and until then the
   * posts in the page are those of the old position, outside the visible part.
   */
  async readingPost(): Promise<ReadingPost | null> {
    await this.installReadingProbe();
    return this.page.evaluate(() => (window as unknown as { attacheReading: ReadingProbe }).attacheReading.read());
  }

  /**
   * The post being read once `frames` frames in a row have drawn it at the same place; null if no
   * post settled within a thousand frames.
   */
  async readingPostSettled(frames = 5): Promise<ReadingPost | null> {
    await this.installReadingProbe();
    return this.page.evaluate((count) => (window as unknown as { attacheReading: ReadingProbe }).attacheReading.settled(count), frames);
  }

  /** Starts noting, at every frame the browser draws, which post is being read and where. */
  async watchReading(): Promise<void> {
    await this.installReadingProbe();
    await this.page.evaluate(() => (window as unknown as { attacheReading: ReadingProbe }).attacheReading.watch());
  }

  /** Lets `frames` more frames be drawn, stops watching, and gives each post and place the reader saw, in order. */
  async readingTrail(frames = 10): Promise<ReadingPost[]> {
    return this.page.evaluate(async (count) => {
      const probe = (window as unknown as { attacheReading: ReadingProbe }).attacheReading;
      await probe.frames(count);
      return probe.stop();
    }, frames);
  }

  private async installReadingProbe(): Promise<void> {
    await this.feedList.evaluate((list) => {
      const host = window as unknown as { attacheReading?: ReadingProbe };
      if (host.attacheReading) return;
      const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const read = (): ReadingPost | null => {
        const box = list.getBoundingClientRect();
        for (const post of list.querySelectorAll<HTMLElement>('article')) {
          const rect = post.getBoundingClientRect();
          if (rect.bottom > box.top + 1 && rect.top < box.bottom - 1) return { id: post.dataset.itemId ?? '', top: Math.round(rect.top - box.top) };
        }
        return null;
      };
      const same = (a: ReadingPost | null, b: ReadingPost | null) => a !== null && b !== null && a.id === b.id && a.top === b.top;
      let trail: ReadingPost[] | null = null;
      const note = () => {
        if (trail === null) return;
        const now = read();
        if (now && !same(trail.at(-1) ?? null, now)) trail.push(now);
        requestAnimationFrame(note);
      };
      host.attacheReading = {
        read,
        frames: async (count) => {
          for (let frame = 0; frame < count; frame += 1) await nextFrame();
        },
        settled: async (frames) => {
          let last = read();
          for (let steady = 0, frame = 0; steady < frames; frame += 1) {
            if (frame === 1000) return null;
            await nextFrame();
            const now = read();
            steady = same(last, now) ? steady + 1 : 0;
            last = now;
          }
          return last;
        },
        watch: () => {
          trail = [];
          note();
        },
        stop: () => {
          const seen = trail ?? [];
          trail = null;
          return seen;
        },
      };
    });
  }

  /** The simulated minute the player shows. */
  async time(): Promise<number> {
    return Number(await this.root.getAttribute('data-time'));
  }

  async pause(): Promise<void> {
    await this.setSpeed(0);
  }

  /** Ids of the tasks open now. */
  async openTaskIds(): Promise<string[]> {
    return this.page
      .locator('[data-testid="player-task"][data-status="open"]')
      .evaluateAll((tasks) => tasks.map((task) => task.getAttribute('data-task-id') ?? ''));
  }

  async waitUntilSaved(): Promise<void> {
    await expect(this.save).toHaveAttribute('data-save', 'saved');
  }

  /** Jumps the clock to the next event and waits for the player to show the new minute. */
  async jumpToNextEvent(): Promise<void> {
    const before = await this.time();
    await this.next.click();
    await expect.poll(() => this.time()).toBeGreaterThan(before);
  }

  /** Writes `text` for an open task and publishes it with the keyboard. */
  async answer(taskId: string, text: string): Promise<void> {
    await this.task(taskId).getByTestId('player-task-write').click();
    await this.text.fill(text);
    await expect(this.publish).toBeEnabled();
    await this.text.press('Control+Enter');
    await expect(this.task(taskId)).toHaveAttribute('data-status', 'done');
  }

  async openFinishDialog(): Promise<void> {
    await this.finish.click();
    await expect(this.finishConfirm).toBeVisible();
  }

  async finishScenario(): Promise<DebriefPage> {
    if (!(await this.finishConfirm.isVisible())) await this.openFinishDialog();
    await this.finishConfirm.click();
    const debrief = new DebriefPage(this.page);
    await expect(debrief.outcome).toBeVisible();
    return debrief;
  }

  /** The debrief once the scenario is over: a branch may have ended it already, else the trainee finishes it. */
  async toDebrief(): Promise<DebriefPage> {
    if ((await this.root.getAttribute('data-state')) === 'live') return this.finishScenario();
    const debrief = new DebriefPage(this.page);
    await expect(debrief.outcome).toBeVisible();
    return debrief;
  }

  /** The inbox's conversation with `name` (a region named by its heading). */
  inboxConversation(name: string): Locator {
    return this.page.getByTestId('inbox').getByRole('region', { name, exact: true });
  }

  /** Opens the inbox, answers the message whose reply button is named `replyLabel`, and publishes `text` with the keyboard. */
  async replyInInbox(replyLabel: string, text: string): Promise<void> {
    await this.inbox.click();
    const published = this.page.locator('[data-testid="inbox-item"][data-source="trainee"]');
    const before = await published.count();
    await this.page.getByTestId('inbox').getByRole('button', { name: replyLabel }).click();
    await this.text.fill(text);
    await expect(this.publish).toBeEnabled();
    await this.text.press('Control+Enter');
    await expect(published).toHaveCount(before + 1);
  }

  /** What the trainee sees now, to compare before and after a reload. */
  async visibleState(): Promise<{ time: string | null; clock: string; tasks: string[]; feed: string[]; draft: string }> {
    return {
      time: await this.root.getAttribute('data-time'),
      clock: (await this.clock.textContent()) ?? '',
      tasks: await this.tasks.evaluateAll((tasks) => tasks.map((task) => `${task.getAttribute('data-task-id')}:${task.getAttribute('data-status')}`)),
      feed: await this.feedItems.evaluateAll((items) => items.map((item) => `${item.getAttribute('data-item-id')}:${item.textContent ?? ''}`)),
      draft: await this.text.inputValue(),
    };
  }

  /** Sets the clock's speed (0 pauses) from its list of speeds. */
  async setSpeed(speed: number): Promise<void> {
    await this.speed.selectOption(String(speed));
    await expect(this.speed).toHaveValue(String(speed));
  }

  /** "Skip to the end", shown instead of "Next event" once nothing is left to happen. */
  get skip(): Locator {
    return this.page.getByTestId('player-skip');
  }

  /** Whether nothing is left to happen before the end: "Next event" has given way to "Skip to the end". */
  async nothingLeft(): Promise<boolean> {
    await expect(this.next.or(this.skip).first()).toBeVisible();
    return (await this.skip.count()) > 0;
  }

  /** Jumps from event to event until the task `taskId` (or, without it, any task) is open. */
  async jumpUntilOpen(taskId?: string): Promise<void> {
    for (let guard = 0; guard < 60; guard += 1) {
      const open = await this.openTaskIds();
      if (taskId ? open.includes(taskId) : open.length > 0) return;
      await this.jumpToNextEvent();
    }
    throw new Error(`no ${taskId ? `task "${taskId}"` : 'task'} opened`);
  }

  /** The account header's progress towards the scenario's targets for that account ("Reach 12,400 of 20,000 by 1:30"). */
  reachProgress(metric: 'reach' | 'engagement'): Locator {
    return this.page.getByTestId('feed-header').locator(`[data-testid="reach-progress"] [data-metric="${metric}"]`);
  }

  /** The "new items" badge of an account (or, with "inbox", of the inbox). */
  unreadBadge(view: string): Locator {
    return (view === 'inbox' ? this.inbox : this.account(view)).getByTestId('player-unread');
  }

  /** The composer's line saying where the draft goes; its data-* attributes name the account, kind, task and what it answers. */
  get composerTarget(): Locator {
    return this.page.getByTestId('composer-target');
  }

  /** Asserts what the composer's line aims at: '' for no task, or for nothing answered. */
  async expectComposerAim(aim: { account?: string; kind?: string; task?: string; replyTo?: string }): Promise<void> {
    const attributes = { account: 'data-account', kind: 'data-kind', task: 'data-task', replyTo: 'data-reply-to' } as const;
    for (const [key, attribute] of Object.entries(attributes)) {
      const value = aim[key as keyof typeof aim];
      if (value !== undefined) await expect(this.composerTarget).toHaveAttribute(attribute, value);
    }
  }

  /** The composer's offer to take up the task `taskId`. */
  composerOffer(taskId: string): Locator {
    return this.page.locator(`[data-testid="composer-offer"][data-task-id="${taskId}"]`);
  }

  /** Why the composer will not publish the draft as it stands (a post or thread part over the platform's limit…). */
  get composerRefusal(): Locator {
    return this.page.getByTestId('composer-refusal');
  }

  /** The composer's "Send for clearance", shown beside Publish where headquarters must clear the draft. */
  get sendForClearance(): Locator {
    return this.page.getByTestId('composer-clearance-send');
  }

  /** The composer's line on the draft's clearance; its data-state is uncleared, pending or cleared. */
  get composerClearance(): Locator {
    return this.page.getByTestId('composer-clearance');
  }

  /** The line under the task `taskId` saying where its draft stands with headquarters (data-state: pending, cleared, returned). */
  taskClearance(taskId: string): Locator {
    return this.task(taskId).getByTestId('player-task-clearance');
  }

  /** Jumps from event to event until headquarters have answered the draft of `taskId` with `verdict`. */
  async jumpUntilAnswered(taskId: string, verdict: 'cleared' | 'returned'): Promise<void> {
    for (let guard = 0; guard < 30; guard += 1) {
      if ((await this.taskClearance(taskId).getAttribute('data-state')) === verdict) return;
      await this.jumpToNextEvent();
    }
    throw new Error(`headquarters did not answer the draft of "${taskId}" with ${verdict}`);
  }

  /** The language the interface speaks now (the page's root element says it). */
  async interfaceLanguage(): Promise<string> {
    return (await this.page.locator('html').getAttribute('lang')) ?? 'en';
  }

  /** A control's accessible name in the interface's language now (see `interfaceName`). */
  async named(namespace: string, key: string, values: Record<string, string> = {}): Promise<RegExp> {
    return interfaceName(await this.interfaceLanguage(), namespace, key, values);
  }

  /** Writes `text` for an open task and sends it to headquarters for clearance from its named button; the task then waits for them. */
  async requestClearance(taskId: string, text: string): Promise<void> {
    await this.task(taskId).getByTestId('player-task-write').click();
    await this.text.fill(text);
    await this.page.getByRole('button', { name: await this.named('composer', 'clearance.sendNamed') }).click();
    await expect(this.taskClearance(taskId)).toHaveAttribute('data-state', 'pending');
  }

  /**
   * In the headquarters conversation, takes back the draft they cleared whose words begin with those of
   * `text` ("Use the cleared text"), and waits for the composer to hold it.
   */
  async useClearedText(text: string): Promise<void> {
    await this.inbox.click();
    const opening = text.split('\n')[0]!.slice(0, 40);
    const answer = this.page.getByTestId('inbox').locator('[data-testid="inbox-clearance"][data-verdict="cleared"]').filter({ hasText: opening }).last();
    await answer.getByRole('button', { name: await this.named('feed', 'clearance.useNamed') }).click();
    await expect(this.text).toHaveValue(text);
  }

  /** Publishes what the composer holds for the task `taskId` with the keyboard, and waits for the task to be done. */
  async publishComposed(taskId: string): Promise<void> {
    await expect(this.publish).toBeEnabled();
    await this.text.press('Control+Enter');
    await expect(this.task(taskId)).toHaveAttribute('data-status', 'done');
  }

  /**
   * Writes the report of `taskId` from the headquarters conversation: "Write the report to <author>" on
   * their request `requestId`, then sends it with the keyboard; the report sits in that conversation.
   */
  async writeReport(taskId: string, request: { injectId: string; author: string }, text: string): Promise<void> {
    await this.inbox.click();
    const inbox = this.page.getByTestId('inbox');
    await inbox
      .locator(`[data-item-id="${request.injectId}"]`)
      .getByRole('button', { name: await this.named('feed', 'action.reportTo', { author: request.author }) })
      .click();
    await expect(this.composerTarget).toHaveAttribute('data-kind', 'report');
    await this.reportWithTheCount(text);
    await this.publishComposed(taskId);
    await expect(inbox.locator('[data-testid="inbox-item"][data-kind="report"]').last()).toBeVisible();
  }

  /**
   * Writes the report `text`, which the composer grades against what the simulation knows now. A model answer
   * states the facts of the scenario's reference play; this attempt's audience (its own seed) may have
   * answered a few more or fewer times, and the composer says so ("“12” replies is not what the
   * monitoring shows: 13"): the count is corrected as the finding says, as a trainee would. The report
   * must then be ready to send: any other fact wrong is left for the verdict to show.
   */
  private async reportWithTheCount(text: string): Promise<void> {
    await this.text.fill(text);
    await expect(this.verdict).toHaveAttribute('data-passed', /^(true|false)$/);
    if ((await this.verdict.getAttribute('data-passed')) === 'true') return;
    const pattern = await this.named('grading', 'policy.report-fact-wrong.replies');
    const message = this.page
      .locator('[data-testid="composer-finding"][data-rule-id="policy.report-fact-wrong"]')
      .getByTestId('composer-finding-message')
      .filter({ hasText: pattern });
    if ((await message.count()) > 0) {
      const { stated = '', actual = '' } = pattern.exec(((await message.first().textContent()) ?? '').trim())?.groups ?? {};
      await this.text.fill(text.replace(new RegExp(`(?<!\\d)${escape(stated)}(?!\\d)`), actual));
    }
    const findings = await this.findings.allTextContents();
    await expect(this.verdict, `the report is not ready to send: ${findings.join(' | ')}`).toHaveAttribute('data-passed', 'true');
  }

  /** Where the live comment `commentId` stands in its stream's card (a CSS selector). */
  static liveCommentSelector(commentId: string): string {
    return `[data-testid="live-stream"] [data-testid="live-comment"][data-comment="${commentId}"]`;
  }

  /** The live comment `commentId` in its stream's card. */
  liveComment(commentId: string): Locator {
    return this.page.locator(PlayerPage.liveCommentSelector(commentId));
  }

  /** Hides a live comment from its button named after its author; it stays, greyed, marked hidden. */
  async hideComment(commentId: string): Promise<void> {
    const comment = this.liveComment(commentId);
    await comment.getByRole('button', { name: await this.named('feed', 'live.hideLabel') }).click();
    await expect(comment).toHaveAttribute('data-hidden', 'true');
  }

  /**
   * Lets the clock run at `speed` until something matching the CSS `selector` is on the desk, then
   * pauses it: what a trainee does to watch a live stream, whose comments arrive between the stops
   * "Next event" jumps to. The hand on the pause control is in the page: it pauses the clock from
   * the speed list as the desk draws what was awaited, before the next tick, however busy the
   * machine running the test is.
   */
  async runUntil(selector: string, speed = 60): Promise<void> {
    const present = await this.speed.evaluate((control, wanted) => {
      if (document.querySelector(wanted) !== null) return true;
      const select = control as HTMLSelectElement;
      const host = window as unknown as { attacheAwaited?: Promise<void> };
      host.attacheAwaited = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector(wanted) === null) return;
          observer.disconnect();
          select.value = '0';
          select.dispatchEvent(new Event('change', { bubbles: true }));
          resolve();
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      });
      return false;
    }, selector);
    if (present) return;
    await this.speed.selectOption(String(speed));
    await this.page.evaluate(() => (window as unknown as { attacheAwaited: Promise<void> }).attacheAwaited);
    await expect(this.speed).toHaveValue('0');
  }
}
