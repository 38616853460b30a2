// Runtime: renderer (browser). Per course, how many trainees completed it, are on their way, have not
// begun: a stacked bar chart for the eye and a table of the same numbers for everyone (a chart alone
// reaches neither screen readers nor the keyboard).
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseCompletion } from '../../core/records/cohort';
import classes from './cohort.module.css';
import { recordsFormat } from './format';

export const COMPLETION_COLORS = { completed: 'green.7', inProgress: 'blue.6', notStarted: 'gray.5' } as const;

/** Memoized: the chart is the costliest thing on the screen, and filtering or sorting the table changes nothing in it. */
export const CompletionSummary = memo(function CompletionSummary({ summary, trainees }: { summary: readonly CourseCompletion[]; trainees: number }) {
  const { t, i18n } = useTranslation('records');
  const format = recordsFormat(i18n.language);
  const titleId = useId();
  const lines = summary.map((entry) =>
    t('summary.courseLine', {
      course: entry.title,
      completed: format.count(entry.completed),
      inProgress: format.count(entry.inProgress),
      notStarted: format.count(entry.notStarted),
    }),
  );

  return (
    <Card component="section" withBorder aria-labelledby={titleId} data-testid="cohort-summary">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id={titleId}>
            {t('summary.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('summary.intro', { count: trainees, formatted: format.count(trainees) })}
          </Text>
        </div>
        {summary.length === 0 ? (
          <Text data-testid="cohort-summary-empty">{t('summary.noCourses')}</Text>
        ) : (
          <>
            <figure className={classes.figure}>
              <div role="img" aria-label={t('summary.chartLabel', { summary: lines.join('; ') })} data-testid="cohort-summary-chart">
                <BarChart
                  h={72 + 48 * summary.length}
                  data={summary.map((entry) => ({
                    course: entry.title,
                    completed: entry.completed,
                    inProgress: entry.inProgress,
                    notStarted: entry.notStarted,
                  }))}
                  dataKey="course"
                  type="stacked"
                  orientation="vertical"
                  series={[
                    { name: 'completed', label: t('summary.completed'), color: COMPLETION_COLORS.completed },
                    { name: 'inProgress', label: t('summary.inProgress'), color: COMPLETION_COLORS.inProgress },
                    { name: 'notStarted', label: t('summary.notStarted'), color: COMPLETION_COLORS.notStarted },
                  ]}
                  valueFormatter={format.count}
                  withLegend
                  xAxisProps={{ allowDecimals: false }}
                  yAxisProps={{ width: 180 }}
                  tooltipAnimationDuration={0}
                  accessibilityLayer={false}
                  maxBarWidth={32}
                />
              </div>
            </figure>
            <Table withTableBorder data-testid="cohort-summary-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('summary.course')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('summary.completed')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('summary.inProgress')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('summary.notStarted')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.map((entry) => (
                  <Table.Tr key={entry.courseKey} data-course={entry.courseKey} data-testid="cohort-summary-row">
                    <Table.Th scope="row" fw={500}>
                      {entry.title}
                    </Table.Th>
                    <Table.Td className={classes.numeric} data-count="completed">
                      {format.count(entry.completed)}
                    </Table.Td>
                    <Table.Td className={classes.numeric} data-count="in-progress">
                      {format.count(entry.inProgress)}
                    </Table.Td>
                    <Table.Td className={classes.numeric} data-count="not-started">
                      {format.count(entry.notStarted)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
});
