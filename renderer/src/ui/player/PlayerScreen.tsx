// Runtime: renderer. The player: the simulated desk where a scenario is played — the clock, the
// trainee's accounts and inbox, the task list, the feed of the chosen account and the composer. An
// attempt whose log is damaged is shown read-only: as it stood, under a banner saying what is wrong,
// without the clock's controls or the composer, and nothing is sent or saved. The same desk runs the
// studio's play-test on a scratch attempt (ScratchDesk): it plays as a trainee's does and saves nothing.
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NavLink,
  Paper,
  Progress,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioSnapshot } from '../../core/engine/attempt';
import type { ClockSpeed, EngineEvent } from '../../core/engine/machine';
import { CLOCK_SPEEDS } from '../../core/engine/machine';
import type { FeedItem, TimelineState } from '../../core/engine/timeline';
import { nextEventTime } from '../../core/engine/timeline';
import { platformRules } from '../../core/grading/platforms';
import type { Task, TaskKind } from '../../core/pack/schema';
import { offsetMinutes } from '../../core/pack/schema';
import { clearComposerDraft, readComposerDraft, saveComposerDraft } from '../../db/repositories/attempts';
import { localized, personasOf } from '../../library/library';
import { navigate } from '../router';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import { AttemptLoading, AttemptOpenFailed, DamagedAttemptBanner } from './AttemptStatus';
import { useSimulatedClock } from './clock';
import type { ComposerDraft } from './composer/Composer';
import { Composer } from './composer/Composer';
import { FeedView } from './feed/FeedView';
import { InboxView } from './feed/InboxView';
import { mediaResolverFor } from './feed/media';
import { authorOf, itemText, usePeopleContext } from './feed/people';
import { feedItemsFor, inboxItemsFor, PRIVATE_KINDS } from './feed/select';
import classes from './PlayerScreen.module.css';
import { ShortcutsDialog } from './ShortcutsDialog';
import type { LoadedAttempt } from './session';
import { formatSimTime } from '../sim-time';
import type { SaveState } from './use-attempt';
import { useAttempt } from './use-attempt';
import { usePlatformName } from '../platform-name';

// The feed and the inbox redraw only when what they show changes, not at every keystroke in the composer.
const MemoFeedView = memo(FeedView);
const MemoInboxView = memo(InboxView);

type DeskView = { kind: 'account'; accountId: string } | { kind: 'inbox' };

/** Where a publication of `kind` on `accountId` shows: private kinds in the inbox, the rest in the account's feed. */
function deskFor(kind: TaskKind, accountId: string): DeskView {
  return PRIVATE_KINDS.has(kind) ? { kind: 'inbox' } : { kind: 'account', accountId };
}

export function PlayerScreen({ attemptId }: { attemptId: number }) {
  const view = useAttempt(attemptId);
  if (view.status === 'loading') return <AttemptLoading />;
  if (view.status === 'failed') return <AttemptOpenFailed failure={view.failure} />;
  return <Desk key={attemptId} loaded={view.loaded} snapshot={view.snapshot} send={view.send} save={view.save} />;
}

/** What a scratch desk (a play-test) has instead of storage. */
export interface ScratchDeskOptions {
  /** Shown above the desk for as long as it runs: what marks it as a play-test, and its own controls. */
  banner: ReactNode;
  /** The scenario has ended (its time, a branch, or Finish): where a trainee's desk opens the debrief. */
  onEnded: () => void;
}

/**
 * The desk on an attempt held in memory (see `useScratchAttempt`): the feed, the composer with its
 * grading worker, the clock and the tasks, as a trainee has them; nothing is saved, not even the
 * words in the composer or the account being looked at.
 */
export function ScratchDesk({
  loaded,
  snapshot,
  send,
  ...scratch
}: { loaded: LoadedAttempt; snapshot: ScenarioSnapshot; send: (event: EngineEvent) => ScenarioSnapshot | null } & ScratchDeskOptions) {
  return <Desk loaded={loaded} snapshot={snapshot} send={send} save="saved" scratch={scratch} />;
}

/** The draft to start from: the most urgent open task, else a post on the first account. */
function defaultDraft(loaded: LoadedAttempt, timeline: TimelineState): ComposerDraft {
  const task = openTasksOf(loaded, timeline)[0];
  if (task) return draftForTask(task, '');
  return { accountId: loaded.ref.scenario.accounts[0]!.id, kind: 'post', taskId: null, replyTo: null, text: '' };
}

function draftForTask(task: Task, text: string): ComposerDraft {
  return { accountId: task.account, kind: task.kind, taskId: task.id, replyTo: task.replyTo ?? null, text };
}

function openTasksOf(loaded: LoadedAttempt, timeline: Pick<TimelineState, 'tasks'>): Task[] {
  return loaded.ref.scenario.tasks
    .filter((task) => timeline.tasks[task.id]?.status === 'open')
    .sort((a, b) => (timeline.tasks[a.id]!.due ?? Infinity) - (timeline.tasks[b.id]!.due ?? Infinity));
}

// Which account the trainee is looking at is part of where they were: a reload keeps it (for this
// window's session; the attempt itself lives in the database).
const deskViewKey = (attemptId: number) => `attache.desk.${attemptId}`;

function readDeskView(loaded: LoadedAttempt): DeskView | null {
  try {
    const saved = window.sessionStorage.getItem(deskViewKey(loaded.attempt.id));
    if (saved === 'inbox') return { kind: 'inbox' };
    if (saved && loaded.ref.scenario.accounts.some((account) => account.id === saved)) return { kind: 'account', accountId: saved };
  } catch {
    // Storage may be switched off; the first account is a fine place to start.
  }
  return null;
}

function writeDeskView(attemptId: number, view: DeskView): void {
  try {
    window.sessionStorage.setItem(deskViewKey(attemptId), view.kind === 'inbox' ? 'inbox' : view.accountId);
  } catch {
    // Not kept: only the view resets on reload, never the attempt.
  }
}

interface DeskProps {
  loaded: LoadedAttempt;
  snapshot: ScenarioSnapshot;
  send: (event: EngineEvent) => ScenarioSnapshot | null;
  save: SaveState;
  /** A play-test: nothing is read from or written to storage. */
  scratch?: ScratchDeskOptions;
}

function Desk({ loaded, snapshot, send, save, scratch }: DeskProps) {
  const { t } = useTranslation(['player', 'common']);
  const platformName = usePlatformName();
  const { db } = useServices();
  const { report } = useStorageProblems();
  const { scenario } = loaded.ref;
  const { playLanguage } = loaded.input;
  const timeline = snapshot.context.timeline;
  const readOnly = loaded.damage !== null;
  // A read-only attempt is never live: no clock runs, nothing can be published or answered.
  const live = snapshot.value === 'live' && !readOnly;
  const done = snapshot.status === 'done';
  const speed = snapshot.context.speed;
  const duration = offsetMinutes(scenario.duration);
  const personas = useMemo(() => personasOf(loaded.ref), [loaded.ref]);

  const [desk, setDeskState] = useState<DeskView>(() => (scratch ? null : readDeskView(loaded)) ?? { kind: 'account', accountId: scenario.accounts[0]!.id });
  const setDesk = (view: DeskView) => {
    setDeskState(view);
    if (!scratch) writeDeskView(loaded.attempt.id, view);
  };
  const [draft, setDraft] = useState<ComposerDraft>(() => defaultDraft(loaded, timeline));
  // A scratch desk has no saved words to wait for.
  const [draftRestored, setDraftRestored] = useState(scratch !== undefined);
  // An empty composer without a task picks up the most urgent one, until the trainee chooses to
  // write without a task (no task, a reply of their own, a cancelled reply).
  const [followsWork, setFollowsWork] = useState(true);
  const changeDraft = useCallback((next: ComposerDraft) => {
    setFollowsWork(next.taskId !== null);
    setDraft(next);
  }, []);
  const [lastSpeed, setLastSpeed] = useState<Exclude<ClockSpeed, 0>>(1);
  const [finishOpened, finishDialog] = useDisclosure(false);
  const [helpOpened, helpDialog] = useDisclosure(false);
  const [seen, setSeen] = useState<Record<string, number>>({});
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const attemptId = loaded.attempt.id;

  // Keyed on the parts of the timeline they read: a tick that brings nothing keeps those as they were.
  const { feed, tasks } = timeline;
  const feeds = useMemo(() => new Map(scenario.accounts.map((account) => [account.id, feedItemsFor({ feed }, account.id)])), [scenario.accounts, feed]);
  const inbox = useMemo(() => inboxItemsFor({ feed }), [feed]);
  const openTasks = useMemo(() => openTasksOf(loaded, { tasks }), [loaded, tasks]);
  const deskKey = desk.kind === 'inbox' ? 'inbox' : desk.accountId;
  const deskItems = desk.kind === 'inbox' ? inbox : (feeds.get(desk.accountId) ?? []);

  // What the trainee has looked at: everything in the view they are on counts as seen (adjusted
  // while rendering, so a badge never flashes for items already on screen).
  if (seen[deskKey] !== deskItems.length) setSeen({ ...seen, [deskKey]: deskItems.length });

  // The words being typed survive a reload or a crash: read once, then saved as they change.
  const scratchDesk = scratch !== undefined;
  useEffect(() => {
    if (scratchDesk) return;
    let cancelled = false;
    readComposerDraft(db, attemptId).then(
      (saved) => {
        if (cancelled) return;
        if (saved) setDraft({ accountId: saved.accountId, kind: saved.kind, taskId: saved.taskId, replyTo: saved.replyTo, text: saved.text });
        setDraftRestored(true);
      },
      () => setDraftRestored(true),
    );
    return () => {
      cancelled = true;
    };
  }, [db, attemptId, scratchDesk]);

  const [savedDraft, setSavedDraft] = useState<ComposerDraft | null>(null);
  useEffect(() => {
    if (!draftRestored || done || readOnly || scratchDesk) return;
    const timer = window.setTimeout(() => {
      saveComposerDraft(db, { attemptId, ...draft, updatedAt: Date.now() }).then(() => setSavedDraft(draft), report);
    }, 400);
    return () => window.clearTimeout(timer);
  }, [db, attemptId, draft, draftRestored, done, readOnly, scratchDesk, report]);

  // An empty composer follows the work: when a task opens or its task closes, the most urgent is chosen.
  const idle = !draft.text.trim() && openTasks.length > 0 && (draft.taskId === null ? followsWork : !openTasks.some((task) => task.id === draft.taskId));
  if (idle) setDraft(draftForTask(openTasks[0]!, draft.text));

  // The debrief reads the attempt from storage: go there once the last event is saved. A play-test's
  // screen shows its own, from memory.
  const onScratchEnded = scratch?.onEnded;
  useEffect(() => {
    if (!done || save !== 'saved' || readOnly) return;
    if (onScratchEnded) onScratchEnded();
    else navigate({ screen: 'debrief', attemptId });
  }, [done, save, readOnly, attemptId, onScratchEnded]);

  const tick = useCallback(() => send({ type: 'CLOCK.TICK', minutes: 1 }), [send]);
  useSimulatedClock(live, speed, tick);

  const setSpeed = (next: ClockSpeed) => {
    if (next !== 0) setLastSpeed(next);
    send({ type: 'CLOCK.SET_SPEED', speed: next });
  };
  const togglePause = () => setSpeed(speed === 0 ? lastSpeed : 0);
  const hasNext = live && nextEventTime(timeline) !== null;
  const jumpNext = () => {
    if (hasNext) send({ type: 'CLOCK.NEXT' });
  };

  const publish = (toPublish: ComposerDraft) => {
    if (!live || !toPublish.text.trim()) return;
    const next = send({
      type: 'PUBLISH',
      draft: { accountId: toPublish.accountId, kind: toPublish.kind, text: toPublish.text, taskId: toPublish.taskId, replyTo: toPublish.replyTo },
    });
    if (!next || next.context.refused) return;
    const remaining = openTasksOf(loaded, next.context.timeline);
    setDraft(remaining[0] ? draftForTask(remaining[0], '') : { ...toPublish, taskId: null, replyTo: null, text: '' });
    setFollowsWork(true);
    if (!scratch) clearComposerDraft(db, attemptId).catch(report);
    // Show where it went.
    setDesk(deskFor(toPublish.kind, toPublish.accountId));
  };

  // Stable between keystrokes, so typing does not redraw the feed.
  const replyTo = useCallback(
    (item: FeedItem) => {
      const accountId = item.source === 'inject' ? item.inject.account : item.accountId;
      const direct = item.source === 'inject' && item.inject.type === 'direct-message';
      const personaId = item.source === 'inject' ? item.inject.persona : item.source === 'audience' ? item.personaId : null;
      const task = openTasks.find(
        (candidate) => candidate.replyTo === item.id || (direct && candidate.kind === 'direct-message' && candidate.recipient === personaId),
      );
      setDraft((current) =>
        task ? draftForTask(task, current.text) : { accountId, kind: direct ? 'direct-message' : 'reply', taskId: null, replyTo: item.id, text: current.text },
      );
      setFollowsWork(task !== undefined);
      composerRef.current?.focus();
    },
    [openTasks],
  );

  const chooseTask = (task: Task) => {
    setDraft(draftForTask(task, draft.text));
    setDesk(deskFor(task.kind, task.account));
    composerRef.current?.focus();
  };

  const views: DeskView[] = [...scenario.accounts.map((account): DeskView => ({ kind: 'account', accountId: account.id })), { kind: 'inbox' }];
  const moveView = (step: number) => {
    const index = views.findIndex((candidate) => (candidate.kind === 'inbox' ? 'inbox' : candidate.accountId) === deskKey);
    setDesk(views[(index + step + views.length) % views.length]!);
  };

  const physical = { usePhysicalKeys: true };
  useHotkeys(
    [
      ['alt+P', togglePause, physical],
      ['alt+N', jumpNext, physical],
      ['alt+Digit0', () => setSpeed(0), physical],
      ['alt+Digit1', () => setSpeed(1), physical],
      ['alt+Digit2', () => setSpeed(2), physical],
      ['alt+Digit3', () => setSpeed(4), physical],
      ['alt+Digit4', () => setSpeed(8), physical],
      ['alt+ArrowDown', () => moveView(1)],
      ['alt+ArrowUp', () => moveView(-1)],
      ['alt+I', () => setDesk({ kind: 'inbox' }), physical],
      ['alt+C', () => composerRef.current?.focus(), physical],
      // Inside the composer its own handler publishes; this one serves focus anywhere else on the desk.
      [
        'mod+Enter',
        () => {
          if (document.activeElement !== composerRef.current) publish(draft);
        },
      ],
    ],
    [],
  );
  useHotkeys([['shift+?', helpDialog.open]]);

  const media = mediaResolverFor(loaded.ref.pack.media);
  // The composer names what it answers as the feed does.
  const people = usePeopleContext({ scenario, personas, playLanguage, items: feed, media });
  const replyTarget = useMemo(() => {
    const item = draft.replyTo ? people.items.get(draft.replyTo) : undefined;
    if (!item) return null;
    const text = itemText(item, playLanguage);
    return { id: item.id, author: authorOf(item, people).name, excerpt: text.length > 120 ? `${text.slice(0, 119)}…` : text };
  }, [draft.replyTo, people, playLanguage]);

  const account = desk.kind === 'account' ? scenario.accounts.find((candidate) => candidate.id === desk.accountId)! : null;
  // The feed folds where the grader does, with the pack's and the scenario's own platform rules.
  const foldAt = account ? platformRules(account.platform, loaded.input.manifest?.platforms, scenario.platforms).foldAt : undefined;

  return (
    <div
      className={classes.desk}
      data-testid="player"
      data-state={String(snapshot.value)}
      data-time={timeline.time}
      data-draft-saved={String(savedDraft === draft)}
      data-read-only={readOnly || undefined}
      data-playtest={scratch ? true : undefined}
    >
      <Paper className={classes.topBar} withBorder radius="md" p="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Title order={1} size="h4" tabIndex={-1} data-page-title data-testid="player-title" className={classes.title}>
              {localized(scenario.title, playLanguage)}
            </Title>
            <Text size="xs" c="dimmed">
              {localized(scenario.role.title, playLanguage)} · {localized(scenario.role.organisation, playLanguage)}
            </Text>
          </div>
          <Group gap="sm" wrap="wrap" role="group" aria-label={t('clock.label')}>
            <Stack gap={2} miw={150}>
              <Text fw={700} ff="monospace" size="lg" data-testid="player-clock" aria-live="off">
                {t('clock.time', { time: formatSimTime(timeline.time), end: formatSimTime(duration) })}
              </Text>
              <Progress value={Math.min(100, (timeline.time / Math.max(1, duration)) * 100)} size="xs" aria-label={t('clock.progress')} />
            </Stack>
            {!readOnly && (
              <>
                <SegmentedControl
                  data-testid="player-speed"
                  aria-label={t('clock.speed')}
                  value={String(speed)}
                  onChange={(value) => setSpeed(Number(value) as ClockSpeed)}
                  disabled={!live}
                  size="xs"
                  data={CLOCK_SPEEDS.map((option) => ({ value: String(option), label: option === 0 ? t('clock.pause') : t('clock.times', { speed: option }) }))}
                />
                <Tooltip label={t('clock.nextHint')}>
                  <Button size="xs" variant="light" onClick={jumpNext} disabled={!hasNext} data-testid="player-next">
                    {t('clock.next')}
                  </Button>
                </Tooltip>
                <Button size="xs" color="red" variant="light" onClick={finishDialog.open} disabled={!live} data-testid="player-finish">
                  {t('finish.action')}
                </Button>
              </>
            )}
            <Tooltip label={t('shortcuts.open')}>
              <Button size="xs" variant="subtle" onClick={helpDialog.open} data-testid="player-shortcuts" aria-label={t('shortcuts.open')}>
                ?
              </Button>
            </Tooltip>
            {!readOnly && !scratch && <SaveIndicator save={save} />}
          </Group>
        </Group>
      </Paper>

      {scratch?.banner}
      {loaded.damage && <DamagedAttemptBanner attemptId={attemptId} damage={loaded.damage} />}
      {loaded.restoreNote && (
        <Alert color="blue" variant="light" withCloseButton={false} data-testid="player-restore-note" py={6}>
          <Text size="xs" title={loaded.restoreNote}>
            {loaded.restoredBecause === 'unreadable' ? t('restoredFromLogUnreadable') : t('restoredFromLog')}
          </Text>
        </Alert>
      )}
      <div className={classes.columns} data-read-only={readOnly || undefined}>
        <aside className={classes.side} aria-label={t('side.label')}>
          <ScrollArea className={classes.sideScroll}>
            <Stack gap="md">
              <nav aria-label={t('accounts.label')}>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
                  {t('accounts.title')}
                </Text>
                {scenario.accounts.map((candidate) => {
                  const unread = (feeds.get(candidate.id)?.length ?? 0) - (seen[candidate.id] ?? 0);
                  const active = desk.kind === 'account' && desk.accountId === candidate.id;
                  return (
                    <NavLink
                      key={candidate.id}
                      component="button"
                      type="button"
                      active={active}
                      aria-current={active ? 'true' : undefined}
                      onClick={() => setDesk({ kind: 'account', accountId: candidate.id })}
                      data-testid={`player-account-${candidate.id}`}
                      label={localized(candidate.name, playLanguage)}
                      description={`${platformName(candidate.platform)} · ${candidate.handle}`}
                      rightSection={
                        unread > 0 && !active ? (
                          <Badge size="sm" circle aria-label={t('accounts.unread', { count: unread })}>
                            {unread}
                          </Badge>
                        ) : null
                      }
                    />
                  );
                })}
                <NavLink
                  component="button"
                  type="button"
                  active={desk.kind === 'inbox'}
                  aria-current={desk.kind === 'inbox' ? 'true' : undefined}
                  onClick={() => setDesk({ kind: 'inbox' })}
                  data-testid="player-inbox"
                  label={t('inbox.title')}
                  description={t('inbox.description')}
                  rightSection={
                    inbox.length - (seen.inbox ?? 0) > 0 && desk.kind !== 'inbox' ? (
                      <Badge size="sm" circle color="orange" aria-label={t('accounts.unread', { count: inbox.length - (seen.inbox ?? 0) })}>
                        {inbox.length - (seen.inbox ?? 0)}
                      </Badge>
                    ) : null
                  }
                />
              </nav>
              <TaskList loaded={loaded} timeline={timeline} selectedTaskId={draft.taskId} onChoose={readOnly ? undefined : chooseTask} />
            </Stack>
          </ScrollArea>
        </aside>

        <main className={classes.feed} aria-label={t('feed.label')}>
          {account ? (
            <MemoFeedView
              // A fresh list per account, and after each publication: the trainee sees what they just published.
              key={`${account.id}:${timeline.publications}`}
              items={deskItems}
              account={account}
              scenario={scenario}
              personas={personas}
              reactions={timeline.reactions}
              now={timeline.time}
              playLanguage={playLanguage}
              onReply={live ? replyTo : undefined}
              replyingTo={draft.replyTo}
              foldAt={foldAt}
              media={media}
              height="100%"
            />
          ) : (
            <ScrollArea h="100%" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('inbox.title') }}>
              <MemoInboxView
                items={inbox}
                scenario={scenario}
                personas={personas}
                reactions={timeline.reactions}
                now={timeline.time}
                playLanguage={playLanguage}
                onReply={live ? replyTo : undefined}
                replyingTo={draft.replyTo}
                media={media}
              />
            </ScrollArea>
          )}
        </main>

        {!readOnly && (
          <section className={classes.composer} aria-label={t('composer.label')}>
            <ScrollArea className={classes.sideScroll}>
              <Composer
                input={loaded.input}
                accounts={scenario.accounts}
                openTasks={openTasks}
                draft={draft}
                onDraftChange={changeDraft}
                onPublish={publish}
                disabled={!live}
                replyTarget={replyTarget}
                onCancelReply={() => changeDraft({ ...draft, replyTo: null, taskId: null, kind: draft.kind === 'reply' ? 'post' : draft.kind })}
                textareaRef={composerRef}
              />
            </ScrollArea>
          </section>
        )}
      </div>

      <Modal
        opened={finishOpened}
        onClose={finishDialog.close}
        title={t('finish.title')}
        closeButtonProps={{ 'aria-label': t('common:close') }}
        data-testid="player-finish-dialog"
      >
        <Stack>
          <Text size="sm">{openTasks.length > 0 ? t('finish.bodyOpen', { count: openTasks.length }) : t('finish.body')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={finishDialog.close}>
              {t('finish.cancel')}
            </Button>
            <Button
              color="red"
              data-testid="player-finish-confirm"
              onClick={() => {
                finishDialog.close();
                send({ type: 'FINISH' });
              }}
            >
              {t('finish.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ShortcutsDialog opened={helpOpened} onClose={helpDialog.close} />
      {done && save === 'failed' && (
        <Alert color="red" role="alert" mt="md" title={t('finish.unsavedTitle')}>
          {t('finish.unsavedBody')}
        </Alert>
      )}
    </div>
  );
}

function SaveIndicator({ save }: { save: SaveState }) {
  const { t } = useTranslation('player');
  const color = save === 'failed' ? 'red' : save === 'saving' ? 'gray' : 'teal';
  return (
    <Badge variant="dot" color={color} data-testid="player-save" data-save={save}>
      {t(`save.${save}`)}
    </Badge>
  );
}

/** The tasks and where each stands; without `onChoose` (a read-only attempt) none can be taken up. */
function TaskList({
  loaded,
  timeline,
  selectedTaskId,
  onChoose,
}: {
  loaded: LoadedAttempt;
  timeline: TimelineState;
  selectedTaskId: string | null;
  onChoose: ((task: Task) => void) | undefined;
}) {
  const { t } = useTranslation('player');
  const { playLanguage } = loaded.input;
  const rank = { open: 0, waiting: 1, done: 2, missed: 3 } as const;
  const tasks = loaded.ref.scenario.tasks
    .filter((task) => timeline.tasks[task.id]!.status !== 'waiting' || timeline.tasks[task.id]!.opensAt !== null)
    .sort(
      (a, b) => rank[timeline.tasks[a.id]!.status] - rank[timeline.tasks[b.id]!.status] || (timeline.tasks[a.id]!.due ?? 0) - (timeline.tasks[b.id]!.due ?? 0),
    );
  return (
    <section aria-labelledby="player-tasks-title" data-testid="player-tasks">
      <Text id="player-tasks-title" size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
        {t('tasks.title')}
      </Text>
      <Stack gap={6}>
        {tasks.map((task) => {
          const state = timeline.tasks[task.id]!;
          const left = state.due !== null ? state.due - timeline.time : null;
          const status =
            state.status === 'open'
              ? t('tasks.dueIn', { count: Math.max(0, left ?? 0) })
              : state.status === 'waiting'
                ? t('tasks.opensAt', { time: formatSimTime(state.opensAt ?? 0) })
                : state.status === 'missed'
                  ? t('tasks.missed')
                  : state.outcome === 'passed'
                    ? t('tasks.passed')
                    : t('tasks.failed');
          const color =
            state.status === 'open'
              ? (left ?? 99) <= 5
                ? 'red'
                : 'blue'
              : state.status === 'missed' || state.outcome === 'failed'
                ? 'red'
                : state.status === 'done'
                  ? 'teal'
                  : 'gray';
          return (
            <Paper
              key={task.id}
              withBorder
              radius="sm"
              p={8}
              className={classes.task}
              data-testid="player-task"
              data-task-id={task.id}
              data-status={state.status}
              data-selected={selectedTaskId === task.id || undefined}
            >
              <Stack gap={4}>
                <Group justify="space-between" gap={4} wrap="nowrap">
                  <Text size="sm" fw={600} lineClamp={2}>
                    {localized(task.title, playLanguage)}
                  </Text>
                  <Badge size="xs" color={color} variant="light" style={{ flexShrink: 0 }}>
                    {status}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" lineClamp={3}>
                  {localized(task.brief, playLanguage)}
                </Text>
                {state.status === 'open' && (
                  <Group gap={4}>
                    {onChoose && (
                      <Button size="compact-xs" variant="light" onClick={() => onChoose(task)} data-testid="player-task-write">
                        {t('tasks.write')}
                      </Button>
                    )}
                    <Text size="xs" c="dimmed">
                      {t('tasks.due', { time: formatSimTime(state.due ?? 0) })}
                    </Text>
                  </Group>
                )}
              </Stack>
            </Paper>
          );
        })}
        {tasks.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('tasks.none')}
          </Text>
        )}
      </Stack>
      <VisuallyHidden aria-live="polite">
        {t('tasks.openNow', { count: tasks.filter((task) => timeline.tasks[task.id]!.status === 'open').length })}
      </VisuallyHidden>
    </section>
  );
}
