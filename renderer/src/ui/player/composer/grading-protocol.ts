// Runtime: any (renderer and web worker). What the composer and its grading worker say to each
// other, and the worker's side of it: the attempt's engine input is sent once (it is large), then
// each draft to grade with a sequence number, and each grade comes back with that number.
import type { MonitoringFacts } from '../../../core/engine/monitoring';
import type { Draft, EngineInput } from '../../../core/engine/timeline';
import { previewGrade } from '../../../core/engine/timeline';
import type { Grade } from '../../../core/grading/types';

export type GradingRequest =
  | { type: 'input'; inputId: number; input: EngineInput }
  /** `monitoring`: for a report, the facts the simulation knows now (it is graded against them). */
  | { type: 'grade'; seq: number; inputId: number; draft: Draft; monitoring?: MonitoringFacts };

/** A grade for request `seq`; null when the draft cannot be graded (an account or task the scenario does not have). */
export interface GradingReply {
  seq: number;
  grade: Grade | null;
}

/** The grade `publish` would give the draft now; null when the draft cannot be graded (an account or task the scenario does not have). */
export function gradeDraft(input: EngineInput, draft: Draft, monitoring?: MonitoringFacts): Grade | null {
  try {
    return previewGrade(input, draft, monitoring);
  } catch {
    // Such a draft cannot be published either.
    return null;
  }
}

/** The grading side: keeps the latest engine input and grades drafts against it, in the worker or, as a fallback, in the page. */
export class GradingSession {
  private input: { id: number; value: EngineInput } | null = null;

  answer(request: GradingRequest): GradingReply | null {
    if (request.type === 'input') {
      this.input = { id: request.inputId, value: request.input };
      return null;
    }
    if (this.input?.id !== request.inputId)
      throw new Error(
        `grading request ${request.seq} names engine input ${request.inputId}, but the worker holds ${this.input ? String(this.input.id) : 'none'}`,
      );
    return { seq: request.seq, grade: gradeDraft(this.input.value, request.draft, request.monitoring) };
  }
}
