// Runtime: renderer. The desk's progress towards the scenario's reach and engagement targets for one
// account, small in the account's header ("Reach 12,400 of 20,000"), moving as the audience reacts.
// The figures are those the debrief will show (core/engine/reach.ts), at the clock's minute.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReactionPlan } from '../../core/engine/audience';
import { reachAt, targetDue } from '../../core/engine/reach';
import type { FeedItem } from '../../core/engine/timeline';
import { formattingLocale } from '../../core/locale';
import type { Scenario } from '../../core/pack/schema';
import { formatSimTime } from '../sim-time';
import classes from './ReachProgress.module.css';

export interface ReachProgressProps {
  scenario: Scenario;
  accountId: string;
  /** The account's items (its publications among them), as the feed shows them. */
  items: readonly FeedItem[];
  reactions: Record<string, ReactionPlan>;
  /** The simulated minute. */
  now: number;
}

export function ReachProgress({ scenario, accountId, items, reactions, now }: ReachProgressProps) {
  const { t, i18n } = useTranslation('player');
  const targets = useMemo(() => (scenario.targets ?? []).filter((target) => target.account === accountId), [scenario.targets, accountId]);
  const totals = useMemo(() => (targets.length ? reachAt({ feed: items, reactions }, accountId, now) : null), [targets, items, reactions, accountId, now]);
  if (!totals) return null;
  const number = new Intl.NumberFormat(formattingLocale(i18n.language));
  return (
    <ul className={classes.progress} data-testid="reach-progress">
      {targets.map((target) => {
        const achieved = totals[target.metric];
        const met = achieved >= target.value;
        const words = t(`reachProgress.${target.metric}`, {
          achieved: number.format(achieved),
          value: number.format(target.value),
          by: formatSimTime(targetDue(scenario, target)),
        });
        return (
          <li key={target.metric} className={classes.item} data-metric={target.metric} data-met={met}>
            <span className={classes.bar} aria-hidden="true">
              <span className={classes.fill} style={{ width: `${Math.min(100, (achieved / target.value) * 100)}%` }} />
            </span>
            <span>{words}</span>
          </li>
        );
      })}
    </ul>
  );
}
