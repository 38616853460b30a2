// Runtime: any (application service, no React). The studio's calibration: how far the grader agrees
// with the verdicts the pack's authors gave its calibration drafts, against the pack's required
// agreement (pack.yaml `calibration.minAgreement`, default 100 %), as `npm run calibrate` reports
// it; and the calibration draft an author adds from the calibration view.
import type { AxisAgreement } from '../core/grading/agreement';
import { agreementPerAxis, axesBelow } from '../core/grading/agreement';
import type { CalibrationCase, CalibrationReport } from '../core/grading/calibration';
import { calibratePack } from '../core/grading/calibration';
import type { Pack } from '../core/pack/load';
import type { Axis, CalibrationDraft } from '../core/pack/schema';

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
