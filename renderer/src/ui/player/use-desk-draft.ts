// Runtime: renderer. The desk's draft: what the composer is writing, for which account, in which form
// and for which task; read back after a reload, saved as it changes, and aimed by the rules of
// composer/target.ts — it writes for the feed that is open, never re-aims itself once the trainee has
// touched it, and offers the tasks that open instead of taking them.
import type { RefObject } from 'react';
import { useCallback, useEffect, useState } from 'react';
import type { FeedItem, TimelineState } from '../../core/engine/timeline';
import type { Task } from '../../core/pack/schema';
import { clearComposerDraft, readComposerDraft, saveComposerDraft } from '../../db/repositories/attempts';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import type { ComposerDraft, DraftState } from './composer/target';
import * as aim from './composer/target';
import type { LoadedAttempt } from './session';

/** The open tasks, the nearest deadline first. */
export function openTasksOf(loaded: LoadedAttempt, timeline: Pick<TimelineState, 'tasks'>): Task[] {
  return (
    loaded.ref.scenario.tasks
      // A moderation task is done on its stream's comments, never written in the composer.
      .filter((task) => timeline.tasks[task.id]?.status === 'open' && task.kind !== 'moderation')
      .sort((a, b) => (timeline.tasks[a.id]!.due ?? Infinity) - (timeline.tasks[b.id]!.due ?? Infinity))
  );
}

export interface DeskDraftOptions {
  loaded: LoadedAttempt;
  openTasks: Task[];
  /** The account whose feed is open; null while the inbox is. */
  view: string | null;
  /** Nothing more can be written: the draft is no longer saved. */
  frozen: boolean;
  /** A play-test: nothing is read from or written to storage. */
  scratch: boolean;
  composerRef: RefObject<HTMLTextAreaElement | null>;
}

export interface DeskDraft {
  draft: ComposerDraft;
  /** The composer's own changes: every keystroke. */
  changeDraft: (next: ComposerDraft) => void;
  /** The trainee chose where the draft goes (account, kind, a fix the composer offered). */
  chooseDraft: (next: ComposerDraft) => void;
  /** In the inbox with nothing aimed: the composer asks for a message or a feed and publishes nothing. */
  needsTarget: boolean;
  /** The words and choices are in storage as they stand (an untouched composer has nothing to keep). */
  draftSaved: boolean;
  /** The open tasks the composer offers to take up. */
  offers: Task[];
  /** Answer a feed or inbox item. */
  replyTo: (item: FeedItem) => void;
  /** Take up a task, from the task list or an offer. */
  chooseTask: (task: Task) => void;
  /** Turn an offered task down. */
  dismissOffer: (taskId: string) => void;
  cancelReply: () => void;
  /** After `published` went out: the composer starts afresh. */
  afterPublish: (published: ComposerDraft) => void;
}

export function useDeskDraft({ loaded, openTasks, view, frozen, scratch, composerRef }: DeskDraftOptions): DeskDraft {
  const { db } = useServices();
  const { report } = useStorageProblems();
  const attemptId = loaded.attempt.id;
  const firstAccount = loaded.ref.scenario.accounts[0]!.id;
  const [stored, setState] = useState<DraftState>(() => aim.startDraft(view, firstAccount, openTasks));
  // Brought up to date while rendering, so a task that opens or a feed that is opened never shows the
  // composer's old aim for a frame.
  const state = aim.syncDraft(stored, view, openTasks);
  if (state !== stored) setState(state);
  const { draft, touched } = state;
  // A scratch desk has no saved words to wait for.
  const [draftRestored, setDraftRestored] = useState(scratch);

  const changeDraft = useCallback((next: ComposerDraft) => setState((current) => aim.editDraft(current, next)), []);
  const chooseDraft = useCallback((next: ComposerDraft) => setState((current) => aim.aimDraft(current, next)), []);

  // The words being typed survive a reload or a crash: read once, then saved as they change. Only a
  // touched composer is kept: an untouched one is what the desk would aim anyway, and comes back so.
  useEffect(() => {
    if (scratch) return;
    let cancelled = false;
    readComposerDraft(db, attemptId).then(
      (saved) => {
        if (cancelled) return;
        if (saved)
          setState((current) =>
            aim.restoreDraft(current, { accountId: saved.accountId, kind: saved.kind, taskId: saved.taskId, replyTo: saved.replyTo, text: saved.text }),
          );
        setDraftRestored(true);
      },
      () => setDraftRestored(true),
    );
    return () => {
      cancelled = true;
    };
  }, [db, attemptId, scratch]);

  const [savedDraft, setSavedDraft] = useState<ComposerDraft | null>(null);
  useEffect(() => {
    if (!draftRestored || frozen || scratch || !touched) return;
    const timer = window.setTimeout(() => {
      saveComposerDraft(db, { attemptId, ...draft, updatedAt: Date.now() }).then(() => setSavedDraft(draft), report);
    }, 400);
    return () => window.clearTimeout(timer);
  }, [db, attemptId, draft, touched, draftRestored, frozen, scratch, report]);

  // Stable between keystrokes, so typing does not redraw the feed.
  const replyTo = useCallback(
    (item: FeedItem) => {
      // Headquarters' answer to a draft sent for clearance gives the draft back: "Use the cleared text", "Revise".
      if (item.source === 'clearance') {
        setState((current) => aim.fromClearance(current, item.draft));
        composerRef.current?.focus();
        return;
      }
      const accountId = item.source === 'inject' ? item.inject.account : item.accountId;
      // Answering headquarters' request is writing them the report task open on its account (the inbox offers it only then).
      if (item.source === 'inject' && item.inject.type === 'hq-request') {
        const task = openTasks.find((candidate) => candidate.kind === 'report' && candidate.account === accountId);
        if (!task) return;
        setState((current) => aim.reportTo(current, accountId, task));
        composerRef.current?.focus();
        return;
      }
      const direct = item.source === 'inject' && item.inject.type === 'direct-message';
      const personaId = item.source === 'inject' ? item.inject.persona : item.source === 'audience' ? item.personaId : null;
      const task = openTasks.find(
        (candidate) => candidate.replyTo === item.id || (direct && candidate.kind === 'direct-message' && candidate.recipient === personaId),
      );
      setState((current) => aim.answerItem(current, { accountId, kind: direct ? 'direct-message' : 'reply', replyTo: item.id, task: task ?? null }));
      composerRef.current?.focus();
    },
    [openTasks, composerRef],
  );

  const chooseTask = (task: Task) => {
    setState((current) => aim.takeTask(current, task));
    composerRef.current?.focus();
  };

  const afterPublish = (published: ComposerDraft) => {
    setState((current) => aim.afterPublish(current, published));
    if (!scratch) clearComposerDraft(db, attemptId).catch(report);
  };

  return {
    draft,
    changeDraft,
    chooseDraft,
    needsTarget: aim.needsTarget(state),
    draftSaved: !touched || savedDraft === draft,
    offers: aim.offeredTasks(state, openTasks),
    replyTo,
    chooseTask,
    dismissOffer: (taskId) => setState((current) => aim.dismissOffer(current, taskId)),
    cancelReply: () => setState(aim.cancelReply),
    afterPublish,
  };
}
