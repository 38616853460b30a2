// Runtime: renderer. The player: the simulated desk where a scenario is played — the clock, the
// trainee's accounts and inbox, the task list, the feed of the chosen account and the composer. An
// attempt whose log is damaged is shown read-only: as it stood, under a banner saying what is wrong,
// without the clock's controls or the composer, and nothing is sent or saved. The same desk runs the
// studio's play-test on a scratch attempt (ScratchDesk): it plays as a trainee's does and saves nothing.
import { Alert, Badge, Button, Group, Paper, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioSnapshot } from '../../core/engine/attempt';
import type { ClockSpeed, EngineEvent } from '../../core/engine/machine';
import { dutyOfCare } from '../../core/engine/outcome';
import { CLOCK_SPEEDS } from '../../core/engine/machine';
import { monitoringFacts } from '../../core/engine/monitoring';
import { finishAccounting, nextEventTime } from '../../core/engine/timeline';
import type { ModerationAction } from '../../core/engine/live';
import { anyOnAir } from '../../core/engine/live';
import { platformRules } from '../../core/grading/platforms';
import type { Task } from '../../core/pack/schema';
import { offsetMinutes } from '../../core/pack/schema';
import { localized, personasOf } from '../../library/library';
import { navigate } from '../router';
import { formatSimTime } from '../sim-time';
import { AttemptLoading, AttemptOpenFailed, DamagedAttemptBanner } from './AttemptStatus';
import { useSimulatedClock } from './clock';
import type { ComposerDraft } from './composer/Composer';
import { Composer } from './composer/Composer';
import { clearanceRefusal, draftClearance, publishRefusal } from './composer/target';
import { DeskClock } from './DeskClock';
import { DeskNav } from './DeskNav';
import type { DeskMemory, DeskView } from './desk-view';
import { deskFor, deskViewKey, unreadCount, useRememberDesk, useSavedDeskMemory } from './desk-view';
import { FeedView } from './feed/FeedView';
import type { LiveStreams } from './feed/LiveStreamCard';
import { InboxView } from './feed/InboxView';
import { mediaResolverFor } from './feed/media';
import { authorOf, itemText, usePeopleContext } from './feed/people';
import { feedItemsFor, inboxItemsFor } from './feed/select';
import { FinishDialog, SkipToEndDialog } from './FinishDialog';
import classes from './PlayerScreen.module.css';
import { ShortcutsDialog } from './ShortcutsDialog';
import type { LoadedAttempt } from './session';
import { TaskList } from './TaskList';
import type { SaveState } from './use-attempt';
import { useAttempt } from './use-attempt';
import { openTasksOf, useDeskDraft } from './use-desk-draft';

// The feed and the inbox redraw only when what they show changes, not at every keystroke in the composer.
const MemoFeedView = memo(FeedView);
const MemoInboxView = memo(InboxView);

export function PlayerScreen({ attemptId }: { attemptId: number }) {
  const view = useAttempt(attemptId);
  const ready = view.status === 'ready' ? view.loaded : null;
  // The desk opens where the trainee left it, with what they had seen: read before it shows.
  const memory = useSavedDeskMemory(ready ? ready.attempt.id : attemptId, ready ? ready.ref.scenario : null);
  if (view.status === 'loading' || (view.status === 'ready' && memory === 'loading')) return <AttemptLoading />;
  if (view.status === 'failed') return <AttemptOpenFailed failure={view.failure} />;
  return <Desk key={attemptId} loaded={view.loaded} snapshot={view.snapshot} send={view.send} save={view.save} memory={memory === 'loading' ? null : memory} />;
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
  return <Desk loaded={loaded} snapshot={snapshot} send={send} save="saved" scratch={scratch} memory={null} />;
}

interface DeskProps {
  loaded: LoadedAttempt;
  snapshot: ScenarioSnapshot;
  send: (event: EngineEvent) => ScenarioSnapshot | null;
  save: SaveState;
  /** A play-test: nothing is read from or written to storage. */
  scratch?: ScratchDeskOptions;
  /** Where the trainee left the desk and what they had seen; null: the first account, nothing seen. */
  memory: DeskMemory | null;
}

function Desk({ loaded, snapshot, send, save, scratch, memory }: DeskProps) {
  const { t } = useTranslation(['player', 'common']);
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

  const [desk, setDesk] = useState<DeskView>(() => memory?.view ?? { kind: 'account', accountId: scenario.accounts[0]!.id });
  const [lastSpeed, setLastSpeed] = useState<Exclude<ClockSpeed, 0>>(1);
  const [finishOpened, finishDialog] = useDisclosure(false);
  const [skipOpened, skipDialog] = useDisclosure(false);
  const [helpOpened, helpDialog] = useDisclosure(false);
  const [seen, setSeen] = useState<Record<string, number>>(() => memory?.seen ?? {});
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const attemptId = loaded.attempt.id;

  // Keyed on the parts of the timeline they read: a tick that brings nothing keeps those as they were.
  const { feed, tasks } = timeline;
  const feeds = useMemo(() => new Map(scenario.accounts.map((account) => [account.id, feedItemsFor({ feed }, account.id)])), [scenario.accounts, feed]);
  const inbox = useMemo(() => inboxItemsFor({ feed }), [feed]);
  // Urgent messages still without an answer, judged as the debrief will: the inbox is marked until they are answered.
  const unanswered = useMemo(() => dutyOfCare(feed, scenario).filter((entry) => entry.answeredAt === null), [feed, scenario]);
  const urgentWaiting = unanswered.length;
  const openTasks = useMemo(() => openTasksOf(loaded, { tasks }), [loaded, tasks]);
  const openTaskIds = useMemo(() => openTasks.map((task) => task.id), [openTasks]);
  const reportAccounts = useMemo(() => new Set(openTasks.flatMap((task) => (task.kind === 'report' ? [task.account] : []))), [openTasks]);
  const deskKey = deskViewKey(desk);
  const deskItems = desk.kind === 'inbox' ? inbox : (feeds.get(desk.accountId) ?? []);

  // What the trainee has looked at: everything in the view they are on counts as seen (adjusted
  // while rendering, so a badge never flashes for items already on screen).
  if (seen[deskKey] !== deskItems.length) setSeen({ ...seen, [deskKey]: deskItems.length });
  // Kept with the attempt (a play-test keeps it in memory only), so a reload brings back no badge already read.
  const deskSaved = useRememberDesk(scratch || readOnly ? null : loaded.attempt.id, desk, seen);

  const scratchDesk = scratch !== undefined;
  const {
    draft,
    changeDraft,
    chooseDraft,
    needsTarget,
    draftSaved,
    offers,
    replyTo,
    chooseTask: takeUpTask,
    dismissOffer,
    cancelReply,
    afterPublish,
  } = useDeskDraft({
    loaded,
    openTasks,
    view: desk.kind === 'account' ? desk.accountId : null,
    frozen: done || readOnly,
    scratch: scratchDesk,
    composerRef,
  });

  // The debrief reads the attempt from storage: go there once the last event is saved. A play-test's
  // screen shows its own, from memory.
  const onScratchEnded = scratch?.onEnded;
  useEffect(() => {
    if (!done || save !== 'saved' || readOnly) return;
    if (onScratchEnded) onScratchEnded();
    else navigate({ screen: 'debrief', attemptId });
  }, [done, save, readOnly, attemptId, onScratchEnded]);

  // While a stream is on the air the clock moves in quarter minutes (15 s; a quarter is exact in
  // binary), so comments arrive within seconds of when they are written and the clock shows seconds.
  const onAir = anyOnAir(timeline);
  const ticksPerMinute = onAir ? 4 : 1;
  const tick = useCallback(() => send({ type: 'CLOCK.TICK', minutes: 1 / ticksPerMinute }), [send, ticksPerMinute]);
  useSimulatedClock(live, speed, tick, ticksPerMinute);
  // Live streams: their comments and the trainee's answers are drawn inside the stream's card.
  const { moderation } = timeline;
  const moderate = useCallback((commentId: string, action: ModerationAction) => send({ type: 'MODERATE', commentId, action }), [send]);
  const liveStreams = useMemo<LiveStreams>(() => {
    const comments = feed.flatMap((item) => (item.source === 'live-comment' ? [item] : []));
    const streams = new Set(comments.flatMap((comment) => [comment.id, comment.streamId]));
    for (const item of feed) if (item.source === 'inject' && item.inject.type === 'live') streams.add(item.id);
    const replies = feed.flatMap((item) => (item.source === 'trainee' && item.replyTo !== null && streams.has(item.replyTo) ? [item] : []));
    const own = new Set(replies.map((reply) => reply.id));
    const answers = feed.flatMap((item) => (item.source === 'audience' && own.has(item.replyTo) ? [item] : []));
    return { comments, replies, answers, moderation, onModerate: live ? moderate : undefined };
  }, [feed, moderation, live, moderate]);

  const setSpeed = (next: ClockSpeed) => {
    if (next !== 0) setLastSpeed(next);
    send({ type: 'CLOCK.SET_SPEED', speed: next });
  };
  const togglePause = () => setSpeed(speed === 0 ? lastSpeed : 0);
  const hasNext = live && nextEventTime(loaded.input, timeline) !== null;
  const jumpNext = () => {
    if (hasNext) send({ type: 'CLOCK.NEXT' });
    // With nothing left to happen the same key asks whether to skip to the end or finish.
    else if (live) skipDialog.open();
  };
  // What Finish would leave, counted as the debrief will count it.
  const accounting = useMemo(() => finishAccounting(loaded.input, timeline), [loaded.input, timeline]);
  // A report is graded while it is written against what the simulation knows now, as it will be when sent.
  const reportKind = draft.kind === 'report';
  const monitoring = useMemo(() => (reportKind ? monitoringFacts(loaded.input, timeline) : null), [reportKind, loaded.input, timeline]);

  // Exactly what the composer's line says, or nothing: what the composer refuses, Ctrl+Enter anywhere on the desk refuses too.
  const publish = (toPublish: ComposerDraft) => {
    if (!live || publishRefusal(loaded.input, toPublish, openTaskIds, needsTarget) !== null) return;
    const next = send({
      type: 'PUBLISH',
      draft: { accountId: toPublish.accountId, kind: toPublish.kind, text: toPublish.text, taskId: toPublish.taskId, replyTo: toPublish.replyTo },
    });
    if (!next || next.context.refused) return;
    afterPublish(toPublish);
    // Show where it went.
    setDesk(deskFor(toPublish.kind, toPublish.accountId));
  };

  // Where headquarters must clear it: sent as it stands, and the words stay in the composer while the answer is awaited.
  const { clearances, time } = timeline;
  const clearance = useMemo(() => draftClearance(loaded.input, { clearances, time }, draft), [loaded.input, clearances, time, draft]);
  const requestClearance = (toSend: ComposerDraft) => {
    if (!live) return;
    const refused = clearanceRefusal(
      draftClearance(loaded.input, { clearances, time }, toSend),
      publishRefusal(loaded.input, toSend, openTaskIds, needsTarget),
    );
    if (refused !== null) return;
    send({
      type: 'CLEARANCE.REQUEST',
      draft: { accountId: toSend.accountId, kind: toSend.kind, text: toSend.text, taskId: toSend.taskId, replyTo: toSend.replyTo },
    });
  };

  const chooseTask = (task: Task) => {
    // A moderation task is done on the stream: the task list takes the trainee to its feed.
    if (task.kind === 'moderation') {
      setDesk({ kind: 'account', accountId: task.account });
      return;
    }
    takeUpTask(task);
    setDesk(deskFor(task.kind, task.account));
  };

  const views: DeskView[] = [...scenario.accounts.map((account): DeskView => ({ kind: 'account', accountId: account.id })), { kind: 'inbox' }];
  const moveView = (step: number) => {
    const index = views.findIndex((candidate) => deskViewKey(candidate) === deskKey);
    setDesk(views[(index + step + views.length) % views.length]!);
  };

  const physical = { usePhysicalKeys: true };
  useHotkeys(
    [
      ['alt+P', togglePause, physical],
      ['alt+N', jumpNext, physical],
      // Alt+0 pauses; Alt+1… picks the speeds in order, 1× to 60×.
      ...CLOCK_SPEEDS.map((option, index): [string, () => void, typeof physical] => [`alt+Digit${index}`, () => setSpeed(option), physical]),
      ['alt+ArrowDown', () => moveView(1)],
      ['alt+ArrowUp', () => moveView(-1)],
      ['alt+I', () => setDesk({ kind: 'inbox' }), physical],
      ['alt+C', () => composerRef.current?.focus(), physical],
      // Inside the composer its own handlers publish and send for clearance; these serve focus anywhere else on the desk.
      [
        'mod+shift+Enter',
        () => {
          if (document.activeElement !== composerRef.current) requestClearance(draft);
        },
      ],
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
  // A message written for a task goes to the task's recipient.
  const recipientId = draft.kind === 'direct-message' ? scenario.tasks.find((task) => task.id === draft.taskId)?.recipient : undefined;
  const recipient = recipientId ? localized(personas.get(recipientId)?.name ?? { [playLanguage]: recipientId }, playLanguage) || recipientId : null;

  const account = desk.kind === 'account' ? scenario.accounts.find((candidate) => candidate.id === desk.accountId)! : null;
  // The feed folds where the grader does, with the pack's and the scenario's own platform rules.
  const foldAt = account ? platformRules(account.platform, loaded.input.manifest?.platforms, scenario.platforms).foldAt : undefined;

  return (
    <div
      className={classes.desk}
      data-testid="player"
      data-state={String(snapshot.value)}
      data-time={timeline.time}
      data-desk-saved={String(deskSaved)}
      data-draft-saved={String(draftSaved)}
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
          <Group gap="sm" wrap="wrap">
            <DeskClock
              time={timeline.time}
              duration={duration}
              speed={speed}
              live={live}
              readOnly={readOnly}
              hasNext={hasNext}
              seconds={onAir}
              onSpeed={setSpeed}
              onNext={jumpNext}
              onSkip={skipDialog.open}
              onFinish={finishDialog.open}
            />
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
              <DeskNav
                accounts={scenario.accounts}
                playLanguage={playLanguage}
                desk={desk}
                onSelect={setDesk}
                unread={(view) => unreadCount(view.kind === 'inbox' ? inbox.length : (feeds.get(view.accountId)?.length ?? 0), { seen }, deskViewKey(view))}
                urgent={urgentWaiting}
              />
              <TaskList loaded={loaded} timeline={timeline} selectedTaskId={draft.taskId} onChoose={readOnly ? undefined : chooseTask} />
            </Stack>
          </ScrollArea>
        </aside>

        {/* A named region, not a second main landmark: the app's shell already holds the page's main. */}
        <section className={classes.feed} aria-label={t('feed.label')}>
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
              live={liveStreams}
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
                reportAccounts={reportAccounts}
                media={media}
              />
            </ScrollArea>
          )}
        </section>

        {!readOnly && (
          <section className={classes.composer} aria-label={t('composer.label')}>
            <ScrollArea className={classes.sideScroll}>
              <Composer
                input={loaded.input}
                accounts={scenario.accounts}
                openTasks={openTasks}
                offers={offers}
                onTakeTask={chooseTask}
                onDismissOffer={dismissOffer}
                recipient={recipient}
                monitoring={monitoring}
                draft={draft}
                onDraftChange={changeDraft}
                onChooseDraft={chooseDraft}
                needsTarget={needsTarget}
                onPublish={publish}
                disabled={!live}
                replyTarget={replyTarget}
                onCancelReply={cancelReply}
                textareaRef={composerRef}
                clearance={clearance}
                onRequestClearance={requestClearance}
              />
            </ScrollArea>
          </section>
        )}
      </div>

      <FinishDialog
        opened={finishOpened}
        onClose={finishDialog.close}
        accounting={accounting}
        openTasks={accounting.missed.filter((id) => tasks[id]!.status === 'open').length}
        urgentUnanswered={unanswered.map(
          (entry) => localized(personas.get(entry.personaId)?.name ?? { [playLanguage]: entry.personaId }, playLanguage) || entry.personaId,
        )}
        onConfirm={() => {
          finishDialog.close();
          send({ type: 'FINISH' });
        }}
      />
      <SkipToEndDialog
        opened={skipOpened && live}
        end={formatSimTime(duration)}
        onClose={skipDialog.close}
        onSkip={() => {
          skipDialog.close();
          // With nothing left to happen, the next event is the end of the scenario's time.
          send({ type: 'CLOCK.NEXT' });
        }}
        onFinish={() => {
          skipDialog.close();
          send({ type: 'FINISH' });
        }}
      />
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
