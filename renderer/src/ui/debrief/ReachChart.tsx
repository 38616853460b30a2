// Runtime: renderer. The debrief's "Reach" section, beside the grade: for each reach or engagement
// target the scenario set, the figure over the attempt against the target (a dashed line at its
// value, a marker at the time it was due), what was achieved and whether it was met, in words, and
// the same numbers in a table for whoever cannot see the chart. The targets never change the grade.
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { TitleOrder } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioOutcome } from '../../core/engine/outcome';
import type { TargetResult } from '../../core/engine/reach';
import { formattingLocale } from '../../core/locale';
import type { Scenario } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { usePlatformName } from '../platform-name';
import { formatSimTime } from '../sim-time';
import classes from './debrief.module.css';
import { below, Section } from './Section';

/** Lines that read on both schemes: the figure in the app's navy, the target and its time in a strong neutral. */
const CHART_COLORS = {
  '--reach-line': 'light-dark(var(--mantine-color-navy-7), var(--mantine-color-navy-3))',
  '--reach-target': 'light-dark(var(--mantine-color-dark-7), var(--mantine-color-gray-2))',
  '--reach-by': 'light-dark(var(--mantine-color-orange-9), var(--mantine-color-orange-4))',
} as CSSProperties;

export function ReachChart({
  outcome,
  scenario,
  playLanguage,
  level,
}: {
  outcome: ScenarioOutcome;
  scenario: Scenario;
  playLanguage: string;
  level: TitleOrder;
}) {
  const { t } = useTranslation('debrief');
  // Outcomes frozen before targets existed have none.
  const targets = outcome.targets ?? [];
  if (targets.length === 0) return null;
  return (
    <Section title={t('reach.heading')} level={level} testId="debrief-reach">
      <Text size="sm" c="dimmed" maw={640}>
        {t('reach.intro')}
      </Text>
      <Stack gap="md">
        {targets.map((target) => (
          <TargetCard key={`${target.accountId}-${target.metric}`} target={target} scenario={scenario} playLanguage={playLanguage} level={below(level)} />
        ))}
      </Stack>
    </Section>
  );
}

/** What was achieved and whether the target was met, in words: "Reached 21,400 of 20,000 by 1:30 — met at 1:12". */
export function targetWords(target: TargetResult, t: TFunction<'debrief'>, language: string): string {
  const number = new Intl.NumberFormat(formattingLocale(language));
  const achieved = t(`reach.achieved.${target.metric}`, {
    achieved: number.format(target.achieved),
    value: number.format(target.value),
    by: formatSimTime(target.by),
  });
  const end = target.series.at(-1)?.at ?? target.by;
  const verdict = target.met
    ? t('reach.verdict.met', { at: formatSimTime(target.reachedAt!) })
    : target.reachedAt !== null
      ? t('reach.verdict.late', { at: formatSimTime(target.reachedAt) })
      : end < target.by
        ? t('reach.verdict.ended', { at: formatSimTime(end) })
        : t('reach.verdict.missed');
  return `${achieved} — ${verdict}`;
}

/** The axis' top: the next round number (1, 2, 2.5 or 5 times a power of ten) at or above `value`. */
function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 2.5, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

/** Whole-number ticks from 0 to `top`, evenly spaced: five, four or two steps, whichever divides it. */
function ticksUpTo(top: number): number[] {
  const steps = [5, 4, 2].find((count) => Number.isInteger(top / count)) ?? 1;
  return Array.from({ length: steps + 1 }, (_, index) => (top / steps) * index);
}

function TargetCard({ target, scenario, playLanguage, level }: { target: TargetResult; scenario: Scenario; playLanguage: string; level: TitleOrder }) {
  const { t, i18n } = useTranslation('debrief');
  const platformName = usePlatformName();
  const number = new Intl.NumberFormat(formattingLocale(i18n.language));
  const account = scenario.accounts.find((candidate) => candidate.id === target.accountId);
  const accountLabel = account ? t('account', { name: localized(account.name, playLanguage), platform: platformName(account.platform) }) : target.accountId;
  const metric = t(`reach.metric.${target.metric}`);
  const words = targetWords(target, t, i18n.language);
  const end = target.series.at(-1)?.at ?? target.by;
  const right = Math.max(end, target.by);
  const top = niceCeiling(Math.max(target.value, ...target.series.map((point) => point.value)) * 1.1);
  // The figure holds between two points (the feed's counters move only at them): a step line says so.
  const data = target.series.map((point) => ({ at: point.at, value: point.value }));

  return (
    <Card withBorder padding="md" data-testid="debrief-reach-target" data-account-id={target.accountId} data-metric={target.metric} data-met={target.met}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={level} size="h5">
            {t('reach.target', { metric, account: accountLabel })}
          </Title>
          <Badge variant="dot" color={target.met ? 'green' : 'orange'} classNames={{ label: classes.badgeLabel }} data-testid="debrief-reach-badge">
            {target.met ? t('reach.badge.met') : t('reach.badge.missed')}
          </Badge>
        </Group>
        <Text data-testid="debrief-reach-words">{words}</Text>
        <figure className={classes.figure} style={CHART_COLORS}>
          <div role="img" aria-label={t('reach.chartLabel', { metric, account: accountLabel, summary: words })} data-testid="debrief-reach-chart">
            <LineChart
              className={classes.chart}
              h={220}
              data={data}
              dataKey="at"
              series={[{ name: 'value', label: metric, color: 'var(--reach-line)' }]}
              curveType="stepAfter"
              withDots={false}
              strokeWidth={2.5}
              xAxisProps={{
                type: 'number',
                domain: [0, right],
                tickFormatter: (minute: number) => formatSimTime(minute),
                allowDecimals: false,
              }}
              yAxisProps={{ domain: [0, top], ticks: ticksUpTo(top), width: 72 }}
              valueFormatter={(value) => number.format(value)}
              referenceLines={[
                { y: target.value, label: t('reach.targetLine', { value: number.format(target.value) }), color: 'var(--reach-target)', strokeDasharray: '6 4' },
                {
                  x: target.by,
                  label: t('reach.byLine', { by: formatSimTime(target.by) }),
                  // The label reads away from the nearer edge, so that it is never cut off.
                  labelPosition: target.by < right / 3 ? 'insideTopLeft' : 'insideTopRight',
                  color: 'var(--reach-by)',
                  strokeDasharray: '2 3',
                },
              ]}
              tooltipProps={{ labelFormatter: (minute) => formatSimTime(Number(minute)) }}
              tooltipAnimationDuration={0}
              accessibilityLayer={false}
            />
          </div>
        </figure>
        <details data-testid="debrief-reach-details">
          <Text component="summary" size="sm" fw={500} style={{ cursor: 'pointer' }}>
            {t('reach.table.show')}
          </Text>
          <Table withTableBorder maw={360} mt="xs" data-testid="debrief-reach-table">
            <Table.Caption>{t('reach.table.caption', { metric, account: accountLabel })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reach.table.time')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('reach.table.value', { metric })}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {target.series.map((point) => (
                <Table.Tr key={point.at}>
                  <Table.Th scope="row" fw={400}>
                    {formatSimTime(point.at)}
                  </Table.Th>
                  <Table.Td className={classes.numeric} ta="end">
                    {number.format(point.value)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </details>
      </Stack>
    </Card>
  );
}
