// Runtime: renderer. How each task went: how many passed, failed, were missed or not reached (and
// why), a grouped bar chart of the scores of the tasks that count against the pass marks, and a
// table with the result, when it was published, the time to spare and the scores.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { ChartReferenceLineProps } from '@mantine/charts';
import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { TitleOrder } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScenarioOutcome, TaskResult } from '../../core/engine/outcome';
import { taskCounts } from '../../core/engine/outcome';
import type { Axis, Scenario } from '../../core/pack/schema';
import { AXES } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { AlertIcon, CheckIcon } from '../icons';
import { formatSimTime } from '../sim-time';
import classes from './debrief.module.css';
import { formatList, formatScore } from '../format';
import { AXIS_COLORS, RESULT_COLORS } from './palette';
import { Section } from './Section';
import { formattingLocale } from '../../core/locale';

export function TaskResults({
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
  const { t, i18n } = useTranslation('debrief');
  const format = (score: number) => formatScore(score, i18n.language);
  const passMarks = new Map(scenario.tasks.map((task) => [task.id, task.passMark]));
  const numbered = outcome.tasks.map((task, index) => ({ task, number: index + 1, marks: passMarks.get(task.taskId) ?? { tone: 0, policy: 0, platform: 0 } }));
  // The tasks that count in the scores: those that opened, and those the trainee finished before (0).
  const reached = numbered.filter(({ task }) => taskCounts(task));
  const scoreOf = (task: TaskResult, axis: Axis) => task.grade?.axes[axis].score ?? 0;

  const data = reached.map(({ task, number }) => ({
    task: t('tasks.short', { number }),
    ...Object.fromEntries(AXES.map((axis) => [axis, scoreOf(task, axis)])),
  }));
  const marks = [...new Set(reached.flatMap(({ marks }) => AXES.map((axis) => marks[axis])))].sort((a, b) => a - b);
  // Labels on the lines would sit on the bars; the caption names the marks instead.
  const referenceLines: ChartReferenceLineProps[] = marks.map((mark) => ({ y: mark, color: 'var(--debrief-pass-line)', strokeDasharray: '6 4' }));
  const list = new Intl.ListFormat(formattingLocale(i18n.language), { type: 'unit' });
  const summary = formatList(
    reached.map(({ task, number }) =>
      t('tasks.chartTask', {
        task: t('tasks.short', { number }),
        scores: list.format(AXES.map((axis) => `${t(`axis.${axis}`)} ${format(scoreOf(task, axis))}`)),
      }),
    ),
    i18n.language,
  );

  return (
    <Section title={t('tasks.heading')} level={level} testId="debrief-tasks">
      <TaskCounts tasks={outcome.tasks} />
      {reached.length > 0 && (
        <figure className={classes.figure}>
          <div role="img" aria-label={t('tasks.chartLabel', { summary })} data-testid="debrief-task-chart">
            <BarChart
              className={classes.chart}
              h={260}
              data={data}
              dataKey="task"
              series={AXES.map((axis) => ({ name: axis, label: t(`axis.${axis}`), color: AXIS_COLORS[axis] }))}
              yAxisProps={{ domain: [0, 100] }}
              valueFormatter={format}
              referenceLines={referenceLines}
              withLegend
              // Recharts sorts the legend by name; the axes keep their order everywhere else.
              legendProps={{ itemSorter: null }}
              tooltipAnimationDuration={0}
              accessibilityLayer={false}
              maxBarWidth={36}
            />
          </div>
          <Text component="figcaption" size="sm" c="dimmed" mt="xs">
            {t('tasks.caption', { count: marks.length, marks: formatList(marks.map(format), i18n.language) })}
          </Text>
        </figure>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table withTableBorder verticalSpacing="sm" data-testid="debrief-task-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('tasks.columns.number')}</Table.Th>
              <Table.Th scope="col">{t('tasks.columns.task')}</Table.Th>
              <Table.Th scope="col">{t('tasks.columns.result')}</Table.Th>
              <Table.Th scope="col">{t('tasks.columns.publishedAt')}</Table.Th>
              <Table.Th scope="col">{t('tasks.columns.timing')}</Table.Th>
              {AXES.map((axis) => (
                <Table.Th scope="col" key={axis} ta="end">
                  {t(`axis.${axis}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {numbered.map(({ task, number, marks }) => (
              <Table.Tr key={task.taskId} data-testid="debrief-task" data-task-id={task.taskId} data-result={task.result}>
                <Table.Td className={classes.numeric}>{number}</Table.Td>
                <Table.Th scope="row" fw={500}>
                  {localized(task.title, playLanguage)}
                  {/* Published where headquarters had to clear it, without their clearance: a policy breach, said in words. */}
                  {task.clearance?.required && task.publishedAt !== null && !task.clearance.cleared && (
                    <Text size="xs" c="light-dark(var(--mantine-color-red-9), var(--mantine-color-orange-4))" fw={400} data-testid="debrief-task-uncleared">
                      {t('clearance.uncleared')}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>
                  <Badge
                    variant="dot"
                    color={task.notReachedBecause === 'finished-early' ? RESULT_COLORS.missed : RESULT_COLORS[task.result]}
                    classNames={{ root: classes.resultBadge, label: classes.resultBadgeLabel }}
                    data-testid="debrief-task-result"
                    data-reason={task.notReachedBecause}
                  >
                    {task.notReachedBecause === 'finished-early' ? t('result.finished-early') : t(`result.${task.result}`)}
                  </Badge>
                </Table.Td>
                <Table.Td className={classes.numeric}>{task.publishedAt === null ? t('none') : formatSimTime(task.publishedAt)}</Table.Td>
                <Table.Td data-testid="debrief-task-timing">
                  <Timing task={task} outcome={outcome} />
                </Table.Td>
                {AXES.map((axis) => (
                  <Table.Td key={axis} ta="end" className={classes.numeric} data-axis={axis}>
                    {taskCounts(task) ? <AxisCell score={scoreOf(task, axis)} mark={marks[axis]} /> : t('none')}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

/**
 * How many tasks ended each way, in the words the finish dialog uses: a task not reached because the
 * trainee finished before it opened is told apart from one the story never opened.
 */
function TaskCounts({ tasks }: { tasks: readonly TaskResult[] }) {
  const { t } = useTranslation('debrief');
  const counts = {
    passed: tasks.filter((task) => task.result === 'passed').length,
    failed: tasks.filter((task) => task.result === 'failed').length,
    missed: tasks.filter((task) => task.result === 'missed').length,
    finishedEarly: tasks.filter((task) => task.result === 'not-reached' && task.notReachedBecause === 'finished-early').length,
    notOpened: tasks.filter((task) => task.result === 'not-reached' && task.notReachedBecause !== 'finished-early').length,
  };
  const parts = (Object.keys(counts) as Array<keyof typeof counts>)
    .filter((key) => counts[key] > 0)
    .map((key) => t(`tasks.counts.${key}`, { value: counts[key] }));
  return (
    <Text size="sm" data-testid="debrief-task-counts" data-missed={counts.missed} data-not-reached={counts.finishedEarly} data-not-opened={counts.notOpened}>
      {parts.join(' · ')}
    </Text>
  );
}

function Timing({ task, outcome }: { task: TaskResult; outcome: ScenarioOutcome }) {
  const { t } = useTranslation('debrief');
  if (task.result === 'missed') {
    // When it was missed: its deadline, or the minute the trainee finished while it was open.
    const missed = outcome.timeline.find((entry) => entry.type === 'task-missed' && entry.taskId === task.taskId);
    const at = missed?.at ?? task.due;
    return <>{at === null ? t('result.missed') : t('tasks.missedAt', { time: formatSimTime(at) })}</>;
  }
  // The result column says why it was not reached; this one adds when it would have opened, if known.
  if (task.result === 'not-reached')
    return (
      <>{task.notReachedBecause === 'finished-early' && task.opensAt !== null ? t('tasks.wouldOpenAt', { time: formatSimTime(task.opensAt) }) : t('none')}</>
    );
  if (task.spareMinutes === null) return <>{t('none')}</>;
  if (task.spareMinutes === 0) return <>{t('tasks.onTheDot')}</>;
  return <>{task.spareMinutes > 0 ? t('tasks.spare', { count: task.spareMinutes }) : t('tasks.late', { count: -task.spareMinutes })}</>;
}

function AxisCell({ score, mark }: { score: number; mark: number }) {
  const { t, i18n } = useTranslation('debrief');
  const passed = score >= mark;
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap" className={passed ? undefined : classes.fail}>
      {passed ? <CheckIcon size={14} /> : <AlertIcon size={14} />}
      <span>{t('tasks.scoreCell', { score: formatScore(score, i18n.language), mark: formatScore(mark, i18n.language) })}</span>
      <VisuallyHidden>{passed ? t('drafts.axisPassed') : t('drafts.axisFailed')}</VisuallyHidden>
    </Group>
  );
}
