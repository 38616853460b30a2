// Runtime: any (application service, no React). What the page and the calibration worker say to
// each other, and the worker's side of it: kept apart from calibration.ts so that the worker does not
// bundle the code that starts it.
import type { CalibrationCase } from '../core/grading/calibration';
import { calibratePack } from '../core/grading/calibration';
import type { Pack } from '../core/pack/load';
import type { WorkerPort } from './newest-wins';

export interface CalibrationRequest {
  seq: number;
  pack: Pack;
}

export type CalibrationReply =
  | { seq: number; kind: 'progress'; done: number; total: number }
  | { seq: number; kind: 'done'; cases: CalibrationCase[] }
  | { seq: number; kind: 'failed'; message: string };

/** A channel to a grading worker; a fake one in tests. */
export type CalibrationPort = WorkerPort<CalibrationRequest, CalibrationReply>;

/** The worker's answer to a request: progress after each draft, then every graded draft. */
export function answerCalibrationRequest(request: CalibrationRequest, send: (reply: CalibrationReply) => void): void {
  try {
    const { cases } = calibratePack(request.pack, (done, total) => send({ seq: request.seq, kind: 'progress', done, total }));
    send({ seq: request.seq, kind: 'done', cases });
  } catch (error) {
    send({ seq: request.seq, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
