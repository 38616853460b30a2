// Runtime: any (pure core). Drafts graded outside a play — calibration drafts, model answers — are
// graded, for a report to headquarters, against the facts of the reference play (the model
// answers, seed 1, up to the report's opening: core/engine/reference-monitoring.ts), the facts
// `npm run play` prints for the scenario writer to state.
import { referenceMonitoring } from '../engine/reference-monitoring';
import type { Pack } from '../pack/load';
import type { GradingContext } from './analysis';

/** The context as it is, or, for a report task, with the reference play's facts. */
export function withReferenceMonitoring(context: GradingContext, pack: Pick<Pack, 'manifest'>): GradingContext {
  if (context.task.kind !== 'report') return context;
  const monitoring = referenceMonitoring({ scenario: context.scenario, playLanguage: context.playLanguage, manifest: pack.manifest, seed: 1 }, context.task.id);
  return monitoring ? { ...context, monitoring } : context;
}
