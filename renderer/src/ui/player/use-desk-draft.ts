// Runtime: renderer. The desk's draft: what the composer is writing, for which account, in which form
// and for which task; read back after a reload, saved as it changes, and set by the desk's own actions
// (taking up a task, answering an item, publishing).
import type { RefObject } from 'react';
import { useCallback, useEffect, useState } from 'react';
import type { FeedItem, TimelineState } from '../../core/engine/timeline';
import type { Task } from '../../core/pack/schema';
import { clearComposerDraft, readComposerDraft, saveComposerDraft } from '../../db/repositories/attempts';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import type { ComposerDraft } from './composer/Composer';
import type { LoadedAttempt } from './session';

/** The draft to start from: the most urgent open task, else a post on the first account. */
function defaultDraft(loaded: LoadedAttempt, timeline: TimelineState): ComposerDraft {
  const task = openTasksOf(loaded, timeline)[0];
  if (task) return draftForTask(task, '');
  return { accountId: loaded.ref.scenario.accounts[0]!.id, kind: 'post', taskId: null, replyTo: null, text: '' };
}

export function draftForTask(task: Task, text: string): ComposerDraft {
  return { accountId: task.account, kind: task.kind, taskId: task.id, replyTo: task.replyTo ?? null, text };
}

/** The open tasks, the nearest deadline first. */
export function openTasksOf(loaded: LoadedAttempt, timeline: Pick<TimelineState, 'tasks'>): Task[] {
  return loaded.ref.scenario.tasks
    .filter((task) => timeline.tasks[task.id]?.status === 'open')
    .sort((a, b) => (timeline.tasks[a.id]!.due ?? Infinity) - (timeline.tasks[b.id]!.due ?? Infinity));
}

export interface DeskDraftOptions {
  loaded: LoadedAttempt;
  timeline: TimelineState;
  openTasks: Task[];
  /** Nothing more can be written: the draft is no longer saved. */
  frozen: boolean;
  /** A play-test: nothing is read from or written to storage. */
  scratch: boolean;
  composerRef: RefObject<HTMLTextAreaElement | null>;
}

export interface DeskDraft {
  draft: ComposerDraft;
  /** The composer's own changes: every keystroke and choice. */
  changeDraft: (next: ComposerDraft) => void;
  /** The draft as last saved, for the desk's "saved" marker. */
  savedDraft: ComposerDraft | null;
  /** Answer a feed or inbox item. */
  replyTo: (item: FeedItem) => void;
  /** Take up a task from the task list. */
  chooseTask: (task: Task) => void;
  /** After `published` went out: what the composer holds next. */
  afterPublish: (published: ComposerDraft, timelineAfter: TimelineState) => void;
}

export function useDeskDraft({ loaded, timeline, openTasks, frozen, scratch, composerRef }: DeskDraftOptions): DeskDraft {
  const { db } = useServices();
  const { report } = useStorageProblems();
  const attemptId = loaded.attempt.id;
  const [draft, setDraft] = useState<ComposerDraft>(() => defaultDraft(loaded, timeline));
  // A scratch desk has no saved words to wait for.
  const [draftRestored, setDraftRestored] = useState(scratch);
  // An empty composer without a task picks up the most urgent one, until the trainee chooses to
  // write without a task (no task, a reply of their own, a cancelled reply).
  const [followsWork, setFollowsWork] = useState(true);
  const changeDraft = useCallback((next: ComposerDraft) => {
    setFollowsWork(next.taskId !== null);
    setDraft(next);
  }, []);

  // The words being typed survive a reload or a crash: read once, then saved as they change.
  useEffect(() => {
    if (scratch) return;
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
  }, [db, attemptId, scratch]);

  const [savedDraft, setSavedDraft] = useState<ComposerDraft | null>(null);
  useEffect(() => {
    if (!draftRestored || frozen || scratch) return;
    const timer = window.setTimeout(() => {
      saveComposerDraft(db, { attemptId, ...draft, updatedAt: Date.now() }).then(() => setSavedDraft(draft), report);
    }, 400);
    return () => window.clearTimeout(timer);
  }, [db, attemptId, draft, draftRestored, frozen, scratch, report]);

  // An empty composer follows the work: when a task opens or its task closes, the most urgent is chosen.
  const idle = !draft.text.trim() && openTasks.length > 0 && (draft.taskId === null ? followsWork : !openTasks.some((task) => task.id === draft.taskId));
  if (idle) setDraft(draftForTask(openTasks[0]!, draft.text));

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
    [openTasks, composerRef],
  );

  const chooseTask = (task: Task) => {
    setDraft(draftForTask(task, draft.text));
    composerRef.current?.focus();
  };

  const afterPublish = (published: ComposerDraft, timelineAfter: TimelineState) => {
    const remaining = openTasksOf(loaded, timelineAfter);
    setDraft(remaining[0] ? draftForTask(remaining[0], '') : { ...published, taskId: null, replyTo: null, text: '' });
    setFollowsWork(true);
    if (!scratch) clearComposerDraft(db, attemptId).catch(report);
  };

  return { draft, changeDraft, savedDraft, replyTo, chooseTask, afterPublish };
}
