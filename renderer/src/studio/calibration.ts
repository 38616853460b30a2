// Runtime: any (application service, no React). The studio's calibration: how far the grader agrees
// with the verdicts the pack's authors gave its calibration drafts, against the pack's required
// agreement (pack.yaml `calibration.minAgreement`, default 100 %), as `npm run calibrate` reports
// it; the calibration draft an author adds from the calibration view; and the grading of every
// draft in a worker (calibration.worker.ts), so the author's typing never waits for it.
import type { AxisAgreement } from '../core/grading/agreement';
import { agreementPerAxis, axesBelow } from '../core/grading/agreement';
import type { CalibrationCase, CalibrationReport } from '../core/grading/calibration';
import { calibratePack } from '../core/grading/calibration';
import type { Pack } from '../core/pack/load';
import type { Axis, CalibrationDraft } from '../core/pack/schema';
import type { DocumentEdit, PackDocument } from '../core/studio/document';
import { readAt } from '../core/studio/document';
import type { CalibrationPort, CalibrationReply, CalibrationRequest } from './calibration-protocol';
import { answerCalibrationRequest } from './calibration-protocol';
import { createNewestWins, workerPort } from './newest-wins';

/** pack.yaml's `calibration.minAgreement` when the pack sets none. */
export const DEFAULT_MIN_AGREEMENT = 100;

export interface CalibrationSummary {
  /** How many calibration drafts the pack has. */
  drafts: number;
  /** The agreement (%) the pack requires on every axis. */
  minAgreement: number;
  perAxis: Record<Axis, AxisAgreement>;
  /** The axes whose agreement is below minAgreement (none when there are no drafts). */
  below: Axis[];
  /** Every axis at or above minAgreement. True with no drafts: nothing disagrees (look at `drafts`). */
  meets: boolean;
}

export const minAgreementOf = (pack: Pick<Pack, 'manifest'>): number => pack.manifest.calibration?.minAgreement ?? DEFAULT_MIN_AGREEMENT;

/** The summary of drafts already graded (e.g. by the calibration worker). */
export function summarizeCalibration(cases: readonly CalibrationCase[], minAgreement: number): CalibrationSummary {
  const perAxis = agreementPerAxis(cases);
  const below = cases.length ? axesBelow(perAxis, minAgreement) : [];
  return { drafts: cases.length, minAgreement, perAxis, below, meets: below.length === 0 };
}

/**
 * Grades every calibration draft of the pack and sums up agreement per axis against the pack's
 * required agreement: what the publish checklist asks. Synchronous (it grades every draft): call it
 * off the UI thread for a large pack.
 */
export function calibrationSummary(pack: Pack): CalibrationSummary {
  return summarizeCalibration(calibratePack(pack).cases, minAgreementOf(pack));
}

export type { CalibrationCase, CalibrationReport };
export type { CalibrationPort, CalibrationReply, CalibrationRequest } from './calibration-protocol';

/** What the author fills in to add a calibration draft. */
export interface NewCalibrationDraft {
  text: string;
  language: string;
  expect: Record<Axis, 'pass' | 'fail'>;
  why: string;
}

/**
 * The calibration draft to add to a task, with an id not yet used among `existingIds`: "draft-1",
 * "draft-2"… (ids are stable; the author may rename it later). Keys in the order the format's
 * examples use, so the YAML reads as a hand-written one does.
 */
export function newCalibrationDraft(input: NewCalibrationDraft, existingIds: readonly string[]): CalibrationDraft {
  const taken = new Set(existingIds);
  let number = existingIds.length + 1;
  while (taken.has(`draft-${number}`)) number += 1;
  return {
    id: `draft-${number}`,
    language: input.language,
    text: input.text.trim(),
    expect: { tone: input.expect.tone, policy: input.expect.policy, platform: input.expect.platform },
    why: input.why.trim(),
  };
}

// ————— Where a calibration draft goes in the document —————

/** The scenario file and task index of a task in the document being edited; null when it is not there (any more). */
export function taskPlace(document: PackDocument, scenarioId: string, taskId: string): { file: string; taskIndex: number } | null {
  for (const file of document.texts.keys()) {
    if (!file.startsWith('scenarios/') || readAt(document, file, ['id']) !== scenarioId) continue;
    const tasks = readAt(document, file, ['tasks']);
    if (!Array.isArray(tasks)) return null;
    const taskIndex = tasks.findIndex((task: unknown) => (task as { id?: unknown } | null)?.id === taskId);
    return taskIndex < 0 ? null : { file, taskIndex };
  }
  return null;
}

/** The edit that adds `draft` as the last calibration draft of a task (creating the list when the task has none). */
export function addCalibrationDraftEdit(place: { file: string; taskIndex: number }, draft: CalibrationDraft): DocumentEdit {
  return { kind: 'insert', file: place.file, path: ['tasks', place.taskIndex, 'calibration'], value: draft };
}

// ————— Grading every draft off the UI thread —————

/** How far a run has come. */
export interface CalibrationProgress {
  done: number;
  total: number;
}

export interface CalibrationGrader {
  /** Grades every calibration draft of `pack`; null when a newer pack was asked for before this one finished. */
  grade(pack: Pack, onProgress?: (progress: CalibrationProgress) => void): Promise<CalibrationCase[] | null>;
  /** Stops the worker; runs still waiting resolve to null. */
  dispose(): void;
}

/**
 * Grades packs in a worker, the newest wins (see newest-wins.ts). Where no worker can run (unit
 * tests in happy-dom, a worker that fails to load) the page grades instead.
 */
export function createCalibrationGrader({ port = calibrationWorkerPort() }: { port?: CalibrationPort | null } = {}): CalibrationGrader {
  const runs = createNewestWins<Pack, CalibrationRequest, CalibrationReply, CalibrationCase[]>({
    port,
    // The grader reads no media: the pictures and sounds stay in the page.
    request: (pack, seq) => ({ seq, pack: { ...pack, media: new Map() } }),
    read: (reply) =>
      reply.kind === 'progress'
        ? { kind: 'progress' }
        : reply.kind === 'done'
          ? { kind: 'done', result: reply.cases }
          : { kind: 'failed', error: new Error(reply.message) },
    answerInPage: (request, send) => answerCalibrationRequest(request, send),
  });
  return {
    grade: (pack, onProgress) => runs.run(pack, (reply) => reply.kind === 'progress' && onProgress?.({ done: reply.done, total: reply.total })),
    dispose: () => runs.dispose(),
  };
}

/** A port to a new calibration worker, or null where none can be started (the page grades instead). */
export function calibrationWorkerPort(): CalibrationPort | null {
  return workerPort(() => new Worker(new URL('./calibration.worker.ts', import.meta.url), { type: 'module', name: 'attache-studio-calibration' }));
}
