// Runtime: renderer. The pack being edited, as every view of the studio reads and changes it: one
// document, one history (undo/redo), a recovery copy written after every change (so closing the app
// loses nothing), the live check from the validator's worker, and where the author was sent to look.
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DocPath, DocumentEdit, PackDocument } from '../../core/studio/document';
import { packFilesOf } from '../../core/studio/document';
import { canRedo, canUndo, createHistory, record, redo, undo, type History } from '../../core/studio/history';
import type { StudioCheck, StudioChecker } from '../../studio/checker';
import type { RecoveryCopy } from '../../studio/recovery';
import type { StudioSource } from '../../studio/sources';
import { useStudioTranslations } from './translations';

/** A place in the pack a view can show: a line of a file's YAML, a value in the forms, an item elsewhere. */
export type StudioTarget =
  | { view: 'yaml'; file: string; line: number; column?: number }
  | { view: 'forms'; file: string; path: DocPath }
  | { view: string; file?: string; path?: DocPath; line?: number; column?: number };

export interface StudioHandle {
  document: PackDocument;
  source: StudioSource;
  /** Records the edit as one undo step (edits with the same `coalesceKey` in quick succession merge) and autosaves. Throws the model's DocumentEditError when the edit cannot apply. */
  apply(edit: DocumentEdit, options?: { label?: string; coalesceKey?: string }): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** The latest finished check of the document (null before the first, or where no checker runs). */
  check: StudioCheck | null;
  /** True while a check of a newer document is under way. */
  checking: boolean;
  /** Switches to the target's view and asks it to show that place. */
  reveal(target: StudioTarget): void;
  /** The last place asked for; a view acts on each new object once. */
  target: StudioTarget | null;
}

/** The frame around the views: which one shows, and the source the document is saved back to. */
export interface StudioWorkspace {
  /** The id of the view in front. */
  view: string;
  showView(view: string): void;
  /** This document's recovery copy. */
  draftId: string;
  /** Changed since it was opened or last saved to its source. */
  unsaved: boolean;
  /** The document as it was opened or last saved to its source (what a folder holds now). */
  saved: PackDocument;
  /** Marks the current document as saved (to a folder, or published), with where it now lives. */
  markSaved(document: PackDocument, source?: StudioSource): void;
  /** Writes the recovery copy now instead of after the short pause (before leaving, exporting…). */
  flush(): Promise<void>;
  /** Calls `listener` with each place revealed in `view` (one waiting for the view to mount included); returns the unsubscribe. Views use useRevealed. */
  onReveal(view: string, listener: (place: StudioTarget) => void): () => void;
}

/** A pack opened in the studio: from a template, a library copy, an installed pack, a file, a folder or a recovery copy. */
export interface StudioSession {
  draftId: string;
  source: StudioSource;
  document: PackDocument;
  /**
   * False when the document may differ from what its source holds (a recovered copy of a folder
   * whose last changes were never saved to it): it starts as unsaved.
   */
  matchesSource?: boolean;
}

export const StudioContext = createContext<StudioHandle | null>(null);
export const StudioWorkspaceContext = createContext<StudioWorkspace | null>(null);

export function useStudio(): StudioHandle {
  const studio = use(StudioContext);
  if (!studio) throw new Error('useStudio() needs a StudioProvider above it (ui/studio/studio-context.tsx).');
  return studio;
}

export function useStudioWorkspace(): StudioWorkspace {
  const workspace = use(StudioWorkspaceContext);
  if (!workspace) throw new Error('useStudioWorkspace() needs a StudioProvider above it (ui/studio/studio-context.tsx).');
  return workspace;
}

/** Runs `listener` for each place revealed in `view` while the view is mounted, and for the one that opened it. */
export function useRevealed(view: string, listener: (place: StudioTarget) => void): void {
  const { onReveal } = useStudioWorkspace();
  const listenerRef = useRef(listener);
  useEffect(() => {
    listenerRef.current = listener;
  });
  useEffect(() => onReveal(view, (place) => listenerRef.current(place)), [onReveal, view]);
}

/** A pause after the last change before the recovery copy is written: typing writes it about twice a second, not on every key. */
export const AUTOSAVE_DELAY_MS = 400;

export type { RecoveryCopy };

export interface StudioProviderProps {
  session: StudioSession;
  /** Writes the recovery copy (studio/recovery.ts in the app; a fake in tests). */
  saveCopy: (copy: RecoveryCopy) => Promise<void>;
  /** Makes the validator's worker; null runs no check (tests of other parts). */
  createChecker: (() => StudioChecker) | null;
  /** The view in front at first. */
  initialView: string;
  now?: () => number;
  /** Told when a recovery copy could not be written (storage full, blocked): the author must hear of it. */
  onAutosaveError?: (error: unknown) => void;
  children: ReactNode;
}

export function StudioProvider({ session, saveCopy, createChecker, initialView, now = Date.now, onAutosaveError, children }: StudioProviderProps) {
  // Every view sits in this provider: its translations are there before the first view renders.
  useStudioTranslations();
  const [history, setHistory] = useState<History>(() => createHistory(session.document));
  const historyRef = useRef(history);
  const [source, setSource] = useState<StudioSource>(session.source);
  const sourceRef = useRef(source);
  const [savedDocument, setSavedDocument] = useState<PackDocument>(session.document);
  const [savedKnown, setSavedKnown] = useState(session.matchesSource ?? true);
  const [view, setView] = useState(initialView);
  const [target, setTarget] = useState<StudioTarget | null>(null);
  const document = history.document;

  const commit = useCallback((next: History) => {
    historyRef.current = next;
    setHistory(next);
  }, []);

  const apply = useCallback(
    (edit: DocumentEdit, options: { label?: string; coalesceKey?: string } = {}) => {
      // Applied here, not in a state updater, so an edit that cannot apply throws to the view that made it.
      commit(record(historyRef.current, edit, { label: options.label ?? edit.kind, coalesceKey: options.coalesceKey, at: now() }));
    },
    [commit, now],
  );
  const undoStep = useCallback(() => {
    if (canUndo(historyRef.current)) commit(undo(historyRef.current));
  }, [commit]);
  const redoStep = useCallback(() => {
    if (canRedo(historyRef.current)) commit(redo(historyRef.current));
  }, [commit]);

  // A reveal reaches the view's listener at once when it is showing, else waits for it to mount
  // (views load on demand), so each place is acted on exactly once.
  const revealListeners = useRef(new Map<string, Set<(place: StudioTarget) => void>>());
  const pendingReveal = useRef<StudioTarget | null>(null);
  const reveal = useCallback((place: StudioTarget) => {
    const fresh = { ...place };
    setView(place.view);
    setTarget(fresh);
    const listeners = revealListeners.current.get(place.view);
    if (listeners && listeners.size > 0) {
      pendingReveal.current = null;
      for (const listener of listeners) listener(fresh);
    } else {
      pendingReveal.current = fresh;
    }
  }, []);
  const onReveal = useCallback((forView: string, listener: (place: StudioTarget) => void) => {
    const listeners = revealListeners.current.get(forView) ?? new Set();
    revealListeners.current.set(forView, listeners);
    listeners.add(listener);
    const pending = pendingReveal.current;
    if (pending && pending.view === forView) {
      pendingReveal.current = null;
      listener(pending);
    }
    return () => {
      listeners.delete(listener);
    };
  }, []);

  // Autosave: the recovery copy follows the document a moment after each change, and at once when the
  // page goes away or the studio closes, so nothing typed is lost.
  // Null until the first copy is written: opening a pack writes one, so it is listed for recovery even before a change.
  const written = useRef<PackDocument | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const writing = useRef<Promise<void>>(Promise.resolve());
  const autosaveErrorRef = useRef(onAutosaveError);
  useEffect(() => {
    autosaveErrorRef.current = onAutosaveError;
  }, [onAutosaveError]);
  const flush = useCallback((): Promise<void> => {
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = null;
    const current = historyRef.current.document;
    if (current === written.current) return writing.current;
    written.current = current;
    const write = saveCopy({ draftId: session.draftId, source: sourceRef.current, document: current, savedAt: now() }).catch((error: unknown) => {
      // Written again with the next change; the author is told now.
      if (written.current === current) written.current = null;
      autosaveErrorRef.current?.(error);
    });
    writing.current = writing.current.then(() => write);
    return writing.current;
  }, [saveCopy, session.draftId, now]);

  useEffect(() => {
    if (document === written.current) return;
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [document, flush]);

  useEffect(() => {
    const leave = () => void flush();
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('beforeunload', leave);
      // Leaving the screen (or opening another pack) writes what is pending.
      void flush();
    };
  }, [flush]);

  const markSaved = useCallback(
    (saved: PackDocument, newSource?: StudioSource) => {
      setSavedDocument(saved);
      setSavedKnown(true);
      if (newSource) {
        sourceRef.current = newSource;
        setSource(newSource);
        // The recovery copy records where the pack now lives.
        written.current = null;
        void flush();
      }
    },
    [flush],
  );

  const { check, checking } = useLiveCheck(document, createChecker);

  const handle = useMemo<StudioHandle>(
    () => ({
      document,
      source,
      apply,
      undo: undoStep,
      redo: redoStep,
      canUndo: canUndo(history),
      canRedo: canRedo(history),
      check,
      checking,
      reveal,
      target,
    }),
    [document, source, apply, undoStep, redoStep, history, check, checking, reveal, target],
  );
  const workspace = useMemo<StudioWorkspace>(
    () => ({
      view,
      showView: setView,
      draftId: session.draftId,
      unsaved: !savedKnown || document !== savedDocument,
      saved: savedDocument,
      markSaved,
      flush,
      onReveal,
    }),
    [view, session.draftId, document, savedKnown, savedDocument, markSaved, flush, onReveal],
  );

  return (
    <StudioContext value={handle}>
      <StudioWorkspaceContext value={workspace}>{children}</StudioWorkspaceContext>
    </StudioContext>
  );
}

/** Checks every new document in the validator's worker; a newer document supersedes a check under way. */
function useLiveCheck(document: PackDocument, createChecker: (() => StudioChecker) | null): { check: StudioCheck | null; checking: boolean } {
  const checkerRef = useRef<StudioChecker | null>(null);
  const [check, setCheck] = useState<StudioCheck | null>(null);
  const [checkedDocument, setCheckedDocument] = useState<PackDocument | null>(null);

  // Declared before the checks below, so the checker exists when the first document is checked.
  useEffect(() => {
    if (!createChecker) return;
    const made = createChecker();
    checkerRef.current = made;
    return () => {
      made.dispose();
      checkerRef.current = null;
    };
  }, [createChecker]);

  useEffect(() => {
    const checker = checkerRef.current;
    if (!checker) return;
    let current = true;
    checker.check(packFilesOf(document)).then(
      (result) => {
        // null: a newer document's check took over; its result will come.
        if (!current || result === null) return;
        setCheck(result);
        setCheckedDocument(document);
      },
      () => {
        // The worker failed on this document; the next change checks again. The panel keeps the last result.
        if (current) setCheckedDocument(document);
      },
    );
    return () => {
      current = false;
    };
  }, [createChecker, document]);

  return { check, checking: createChecker !== null && checkedDocument !== document };
}
