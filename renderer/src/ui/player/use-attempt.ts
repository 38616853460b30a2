// Runtime: renderer. Opens an attempt for a screen: loads it, restores its state, and gives the
// screen the state and a way to send events (saved in order; failures reported, nothing dropped).
// A damaged attempt (see `LoadedAttempt.damage`) takes no events: `send` gives null.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScenarioSnapshot } from '../../core/engine/attempt';
import { step, stepPlaytest } from '../../core/engine/attempt';
import type { EngineEvent } from '../../core/engine/machine';
import type { ScenarioRef } from '../../library/library';
import { useLibrary } from '../library-context';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import type { LoadedAttempt, LoadFailure } from './session';
import { AttemptSession, loadAttempt, scratchAttempt } from './session';

export type SaveState = 'saved' | 'saving' | 'failed';

export type AttemptView =
  | { status: 'loading' }
  | { status: 'failed'; failure: LoadFailure | { kind: 'error'; detail: string } }
  | { status: 'ready'; loaded: LoadedAttempt; snapshot: ScenarioSnapshot; send: (event: EngineEvent) => ScenarioSnapshot | null; save: SaveState };

export function useAttempt(attemptId: number): AttemptView {
  const { db, appInfo } = useServices();
  const library = useLibrary();
  const { report } = useStorageProblems();
  const reportRef = useRef(report);
  useEffect(() => {
    reportRef.current = report;
  });
  const [session, setSession] = useState<{ id: number; session: AttemptSession } | null>(null);
  const [failure, setFailure] = useState<{ id: number; failure: LoadFailure | { kind: 'error'; detail: string } } | null>(null);
  const [snapshot, setSnapshot] = useState<ScenarioSnapshot | null>(null);
  const [save, setSave] = useState<SaveState>('saved');

  // Opened once per attempt: a later change to the library (a pack installed) must not reset play.
  const libraryRef = useRef(library);
  useEffect(() => {
    libraryRef.current = library;
  });
  const ready = library !== null;
  useEffect(() => {
    const current = libraryRef.current;
    if (!current) return;
    let cancelled = false;
    loadAttempt(db, current, attemptId).then(
      (result) => {
        if (cancelled) return;
        if ('attempt' in result) {
          const opened = new AttemptSession(db, result, {
            appVersion: appInfo.version,
            onSaveError: (error) => {
              setSave('failed');
              reportRef.current(error);
            },
            onSaved: () => setSave('saved'),
          });
          setSession({ id: attemptId, session: opened });
          setSnapshot(result.snapshot);
        } else setFailure({ id: attemptId, failure: result });
      },
      (error: unknown) => {
        if (!cancelled) setFailure({ id: attemptId, failure: { kind: 'error', detail: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, ready, attemptId, appInfo.version]);

  const current = session?.id === attemptId ? session.session : null;
  const send = useCallback(
    (event: EngineEvent) => {
      if (!current || current.readOnly) return null;
      setSave('saving');
      const next = current.send(event);
      setSnapshot(next);
      return next;
    },
    [current],
  );

  if (failure?.id === attemptId) return { status: 'failed', failure: failure.failure };
  if (!current || !snapshot) return { status: 'loading' };
  return { status: 'ready', loaded: current.loaded, snapshot, send, save };
}

export interface ScratchAttemptView {
  loaded: LoadedAttempt;
  snapshot: ScenarioSnapshot;
  send: (event: EngineEvent) => ScenarioSnapshot;
  /** Delivers a scheduled inject now (a play-test's "send this inject now"). */
  sendInject: (injectId: string) => ScenarioSnapshot;
}

/**
 * A play-test's attempt (see `scratchAttempt`): events move the machine in memory and nothing is
 * written, neither the log nor the snapshot nor the words in the composer. Started once per mount:
 * the screen gives each run its own key.
 */
export function useScratchAttempt(ref: ScenarioRef, playLanguage: string, { seed, startAt }: { seed: number; startAt: number }): ScratchAttemptView {
  const [loaded] = useState(() => scratchAttempt(ref, playLanguage, { seed, startAt, now: Date.now() }));
  const [snapshot, setSnapshot] = useState(loaded.snapshot);
  // The latest state, read by events sent before React has rendered the previous one.
  const current = useRef(snapshot);
  const apply = useCallback((next: ScenarioSnapshot) => {
    current.current = next;
    setSnapshot(next);
    return next;
  }, []);
  const send = useCallback(
    (event: EngineEvent) => (current.current.status === 'done' ? current.current : apply(step(loaded.machine, current.current, event))),
    [loaded, apply],
  );
  const sendInject = useCallback(
    (injectId: string) => apply(stepPlaytest(loaded.machine, current.current, { type: 'PLAYTEST.SEND_INJECT', injectId })),
    [loaded, apply],
  );
  return { loaded, snapshot, send, sendInject };
}
