// Runtime: renderer. The debrief's first word: passed or not, the average score, how the scenario
// ended and the rule the result was judged by.
import { Card, Group, List, RingProgress, Stack, Text, Title } from '@mantine/core';
import type { TitleOrder } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioOutcome } from '../../core/engine/outcome';
import type { TimelineState } from '../../core/engine/timeline';
import type { Scenario } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { AlertIcon, CheckIcon } from '../icons';
import { formatSimTime } from '../sim-time';
import classes from './debrief.module.css';
import { formatScore } from '../format';
import { useGradingMessage } from '../grading-message';

export function OutcomeBanner({
  outcome,
  scenario,
  timeline,
  playLanguage,
  level,
}: {
  outcome: ScenarioOutcome;
  scenario: Scenario;
  timeline: TimelineState;
  playLanguage: string;
  level: TitleOrder;
}) {
  const { t, i18n } = useTranslation('debrief');
  const message = useGradingMessage();
  const headingId = useId();
  const ended = timeline.ended;
  const branch = ended?.reason === 'branch' ? scenario.branches.find((candidate) => candidate.id === ended.branchId) : undefined;
  const average = formatScore(outcome.average, i18n.language);
  const rule = scenario.passRule;

  return (
    <Card component="section" aria-labelledby={headingId} className={classes.banner} data-testid="debrief-outcome" data-passed={String(outcome.passed)}>
      <Group align="flex-start" wrap="nowrap" gap="lg">
        <div className={classes.bannerIcon}>{outcome.passed ? <CheckIcon size={28} /> : <AlertIcon size={28} />}</div>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600} c="dimmed">
            {t('outcome.heading')}
          </Text>
          <Title order={level} id={headingId} size="h2" className={classes.verdict} data-testid="debrief-verdict">
            {outcome.passed ? t('outcome.passed') : t('outcome.failed')}
          </Title>
          <Text data-testid="debrief-ending">
            {!ended
              ? t('outcome.ending.notOver')
              : ended.reason === 'time'
                ? t('outcome.ending.time', { time: formatSimTime(ended.at) })
                : ended.reason === 'finished'
                  ? t('outcome.ending.finished', { time: formatSimTime(ended.at) })
                  : t('outcome.ending.branch', { time: formatSimTime(ended.at) })}
          </Text>
          {branch?.then.end && (
            <Text fw={600} data-testid="debrief-end-message">
              {localized(branch.then.end.message, playLanguage)}
            </Text>
          )}
          <Text size="sm" c="dimmed" data-testid="debrief-pass-rule">
            {rule.rule === 'all-passed' ? t('outcome.rule.all-passed') : t('outcome.rule.average-score', { min: formatScore(rule.min, i18n.language) })}
          </Text>
          {ended?.outcome && (
            <Text size="sm" fw={600}>
              {t(`outcome.forced.${ended.outcome}`)}
            </Text>
          )}
          {outcome.criticalFailures.length > 0 && (
            <div data-testid="debrief-critical">
              <Text size="sm" fw={600} c="var(--attache-color-critical)">
                {t('outcome.critical', { count: outcome.criticalFailures.length })}
              </Text>
              <List size="sm" spacing={2} mt={4}>
                {outcome.criticalFailures.map((failure) => (
                  <List.Item key={failure.publicationId} data-testid="debrief-critical-item">
                    {t('outcome.criticalItem', { time: formatSimTime(failure.at), message: message(failure.findings[0]!.message) })}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
        </Stack>
        <Stack gap={0} align="center" data-testid="debrief-average">
          <RingProgress
            size={104}
            thickness={10}
            roundCaps={outcome.average > 0}
            sections={outcome.average > 0 ? [{ value: Math.min(100, outcome.average), color: outcome.passed ? 'green.7' : 'red.7' }] : []}
            label={
              <Text ta="center" fw={700} size="xl" aria-hidden="true">
                {average}
              </Text>
            }
            aria-hidden="true"
          />
          <Text size="xs" fw={600} c="dimmed">
            {t('outcome.average')}
          </Text>
          <Text size="sm" fw={600}>
            {t('outcome.averageValue', { score: average })}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
