// Runtime: any (pure core). Undo and redo for the studio: a history of documents. Each step keeps
// the documents before and after it, which share every file the step did not touch, so a deep
// history costs little. Typing in one field or one file is many edits a second: edits with the
// same coalesceKey that follow each other within a short time become one step, as in a text
// editor. Time is passed in (`at`, milliseconds), so the history stays pure and testable.
import type { DocumentEdit, PackDocument } from './document';
import { applyEdit } from './document';

export interface HistoryStep {
  readonly before: PackDocument;
  readonly after: PackDocument;
  /** What the step did, for "Undo <label>". */
  readonly label: string;
}

export interface History {
  readonly document: PackDocument;
  /** Oldest first; the last is undone next. */
  readonly past: readonly HistoryStep[];
  /** The last is redone next. */
  readonly future: readonly HistoryStep[];
  /** The step the next edit may join: its key and when it was last extended. */
  readonly open: { readonly coalesceKey: string; readonly at: number } | null;
  readonly limit: number;
  readonly coalesceWindowMs: number;
}

export interface HistoryOptions {
  /** Steps kept to undo; the oldest are forgotten first. */
  limit?: number;
  /** How long after an edit the next one with the same coalesceKey joins its step. */
  coalesceWindowMs?: number;
}

export interface RecordOptions {
  label: string;
  /** Edits with the same key in a row, each within the window of the one before, are one step. */
  coalesceKey?: string;
  /** When the edit was made, in milliseconds. */
  at: number;
}

export const DEFAULT_HISTORY_LIMIT = 200;
export const DEFAULT_COALESCE_WINDOW_MS = 1000;

export function createHistory(document: PackDocument, options: HistoryOptions = {}): History {
  return {
    document,
    past: [],
    future: [],
    open: null,
    limit: Math.max(1, options.limit ?? DEFAULT_HISTORY_LIMIT),
    coalesceWindowMs: options.coalesceWindowMs ?? DEFAULT_COALESCE_WINDOW_MS,
  };
}

/**
 * The history after `edit`: a new step (or the open step extended), and nothing left to redo.
 * An edit that changes nothing leaves the history as it was. Throws what applyEdit throws
 * (DocumentEditError), leaving the history as it was.
 */
export function record(history: History, edit: DocumentEdit, options: RecordOptions): History {
  const after = applyEdit(history.document, edit);
  if (after === history.document) return history;
  const { coalesceKey, at, label } = options;
  const last = history.past[history.past.length - 1];
  const joins =
    last !== undefined &&
    coalesceKey !== undefined &&
    history.open !== null &&
    history.open.coalesceKey === coalesceKey &&
    at >= history.open.at &&
    at - history.open.at <= history.coalesceWindowMs;
  const open = coalesceKey !== undefined ? { coalesceKey, at } : null;
  if (joins) {
    const past = history.past.slice(0, -1);
    past.push({ before: last.before, after, label: last.label });
    return { ...history, document: after, past, future: [], open };
  }
  const past = [...history.past, { before: history.document, after, label }];
  if (past.length > history.limit) past.splice(0, past.length - history.limit);
  return { ...history, document: after, past, future: [], open };
}

export function canUndo(history: History): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History): boolean {
  return history.future.length > 0;
}

/** The label of the step undo would take back, or null. */
export function undoLabel(history: History): string | null {
  return history.past[history.past.length - 1]?.label ?? null;
}

/** The label of the step redo would make again, or null. */
export function redoLabel(history: History): string | null {
  return history.future[history.future.length - 1]?.label ?? null;
}

/** The history one step back; unchanged when there is nothing to undo. */
export function undo(history: History): History {
  const step = history.past[history.past.length - 1];
  if (!step) return history;
  return { ...history, document: step.before, past: history.past.slice(0, -1), future: [...history.future, step], open: null };
}

/** The history one undone step forward again; unchanged when there is nothing to redo. */
export function redo(history: History): History {
  const step = history.future[history.future.length - 1];
  if (!step) return history;
  return { ...history, document: step.after, past: [...history.past, step], future: history.future.slice(0, -1), open: null };
}
