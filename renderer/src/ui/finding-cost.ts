// Runtime: renderer. What a finding costs, in words: its points, that it fails its axis or the
// scenario whatever the score (a red line, fact or term the pack calls major or critical), or that
// it costs nothing more because its axis is already at 0 — never a silent "−0".
import type { Axis, Finding } from '../core/grading/types';

export type CostPart = { key: 'loss'; count: number } | { key: 'blocksScenario' } | { key: 'blocksAxis'; axis: Axis } | { key: 'atZero' };

export function findingCost(finding: Finding): CostPart[] {
  const points = Math.round(finding.loss * 10) / 10;
  const parts: CostPart[] = [];
  if (points > 0) parts.push({ key: 'loss', count: points });
  if (finding.blocks === 'scenario') parts.push({ key: 'blocksScenario' });
  else if (finding.blocks === 'axis') parts.push({ key: 'blocksAxis', axis: finding.axis });
  else if (points === 0 && finding.severity !== 'suggestion') parts.push({ key: 'atZero' });
  return parts;
}
