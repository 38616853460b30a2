// Runtime: renderer. The attempt's score on each axis: a bar chart for the eye and a table of the
// same numbers for everyone (a chart alone reaches neither screen readers nor the keyboard).
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import type { TitleOrder } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScenarioOutcome } from '../../core/engine/outcome';
import { taskCounts } from '../../core/engine/outcome';
import type { Scenario } from '../../core/pack/schema';
import { AXES } from '../../core/pack/schema';
import classes from './debrief.module.css';
import { formatScore } from '../format';
import { Section } from './Section';
import { formattingLocale } from '../../core/locale';

export function AxisScores({ outcome, scenario, level }: { outcome: ScenarioOutcome; scenario: Scenario; level: TitleOrder }) {
  const { t, i18n } = useTranslation('debrief');
  const format = (score: number) => formatScore(score, i18n.language);
  const reached = outcome.tasks.some(taskCounts);
  const data = AXES.map((axis) => ({ axis: t(`axis.${axis}`), score: outcome.scores[axis] }));
  const summary = new Intl.ListFormat(formattingLocale(i18n.language), { type: 'unit' }).format(
    AXES.map((axis) => `${t(`axis.${axis}`)} ${format(outcome.scores[axis])}`),
  );
  const rule = scenario.passRule;

  return (
    <Section title={t('scores.heading')} level={level} testId="debrief-axis-scores">
      {!reached ? (
        <Text>{t('scores.empty')}</Text>
      ) : (
        <figure className={classes.figure}>
          <div role="img" aria-label={t('scores.chartLabel', { summary })} data-testid="debrief-axis-chart">
            <BarChart
              className={classes.chart}
              h={200}
              data={data}
              dataKey="axis"
              series={[{ name: 'score', label: t('scores.scoreColumn'), color: 'navy.6' }]}
              getBarColor={(value) => (rule.rule === 'average-score' && value < rule.min ? 'red.6' : 'navy.6')}
              yAxisProps={{ domain: [0, 100] }}
              valueFormatter={format}
              withBarValueLabel
              referenceLines={
                rule.rule === 'average-score'
                  ? [{ y: rule.min, label: t('scores.passLine', { min: format(rule.min) }), color: 'var(--debrief-pass-line)', strokeDasharray: '6 4' }]
                  : []
              }
              tooltipAnimationDuration={0}
              accessibilityLayer={false}
              maxBarWidth={64}
            />
          </div>
          <Text component="figcaption" size="sm" c="dimmed" mt="xs">
            {t('scores.caption')}
          </Text>
        </figure>
      )}
      <Table withTableBorder maw={420} data-testid="debrief-axis-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('scores.axisColumn')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('scores.scoreColumn')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {AXES.map((axis) => (
            <Table.Tr key={axis} data-axis={axis}>
              <Table.Th scope="row" fw={500}>
                {t(`axis.${axis}`)}
              </Table.Th>
              <Table.Td ta="end" className={classes.numeric}>
                {t('score', { score: format(outcome.scores[axis]) })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
