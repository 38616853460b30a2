// Runtime: renderer. What a finding costs, in words: its points (or that it costs nothing more
// because its axis is already at 0 — never a silent "−0"), and apart from them whether it fails
// its axis or the scenario whatever the score (a red line, fact or term the pack calls major or
// critical).
import type { Axis, Finding } from '../core/grading/types';

export type PointsPart = { key: 'loss'; count: number } | { key: 'atZero' };
export type BlocksPart = { key: 'blocksScenario' } | { key: 'blocksAxis'; axis: Axis };

export function findingCost(finding: Finding): { points: PointsPart | null; blocks: BlocksPart | null } {
  const count = Math.round(finding.loss * 10) / 10;
  const blocks: BlocksPart | null =
    finding.blocks === 'scenario' ? { key: 'blocksScenario' } : finding.blocks === 'axis' ? { key: 'blocksAxis', axis: finding.axis } : null;
  const points: PointsPart | null = count > 0 ? { key: 'loss', count } : !blocks && finding.severity !== 'suggestion' ? { key: 'atZero' } : null;
  return { points, blocks };
}
