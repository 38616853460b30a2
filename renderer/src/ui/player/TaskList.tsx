// Runtime: renderer. The desk's task list: every task the attempt has reached, where each stands (open
// with the time left, waiting to open, done, missed at the minute it was missed, or — once the
// scenario has ended — not reached), and the button that takes an open one up.
import { Badge, Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineState } from '../../core/engine/timeline';
import type { Task } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { formatSimTime } from '../sim-time';
import classes from './PlayerScreen.module.css';
import type { LoadedAttempt } from './session';
import { TaskClearance } from './TaskClearance';

export /** The tasks and where each stands; without `onChoose` (a read-only attempt) none can be taken up. */
function TaskList({
  loaded,
  timeline,
  selectedTaskId,
  onChoose,
}: {
  loaded: LoadedAttempt;
  timeline: TimelineState;
  selectedTaskId: string | null;
  onChoose: ((task: Task) => void) | undefined;
}) {
  const { t } = useTranslation('player');
  const { playLanguage } = loaded.input;
  const rank = { open: 0, waiting: 1, done: 2, missed: 3 } as const;
  const { ended } = timeline;
  const tasks = loaded.ref.scenario.tasks
    .filter((task) => timeline.tasks[task.id]!.status !== 'waiting' || timeline.tasks[task.id]!.opensAt !== null)
    .sort(
      (a, b) => rank[timeline.tasks[a.id]!.status] - rank[timeline.tasks[b.id]!.status] || (timeline.tasks[a.id]!.due ?? 0) - (timeline.tasks[b.id]!.due ?? 0),
    );
  return (
    <section aria-labelledby="player-tasks-title" data-testid="player-tasks">
      <Text id="player-tasks-title" size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
        {t('tasks.title')}
      </Text>
      <Stack gap={6}>
        {tasks.map((task) => {
          const state = timeline.tasks[task.id]!;
          const left = state.due !== null ? state.due - timeline.time : null;
          // A task still waiting when the scenario has ended never opened: not reached, never "missed".
          const notReached = state.status === 'waiting' && ended !== null;
          const status =
            state.status === 'open'
              ? // While a stream is on the air the clock moves by seconds: whole minutes left, rounded up, as a countdown reads.
                t('tasks.dueIn', { count: Math.max(0, Math.ceil(left ?? 0)) })
              : notReached
                ? t('tasks.notReached')
                : state.status === 'waiting'
                  ? t('tasks.opensAt', { time: formatSimTime(state.opensAt ?? 0) })
                  : state.status === 'missed'
                    ? state.due !== null
                      ? // Missed at its deadline, or when the trainee finished with it open, whichever came first.
                        t('tasks.missedAt', { time: formatSimTime(Math.min(state.due, ended?.at ?? state.due)) })
                      : t('tasks.missed')
                    : state.outcome === 'passed'
                      ? t('tasks.passed')
                      : t('tasks.failed');
          const color =
            state.status === 'open'
              ? (left ?? 99) <= 5
                ? 'red'
                : 'blue'
              : state.status === 'missed' || state.outcome === 'failed'
                ? 'red'
                : state.status === 'done'
                  ? 'teal'
                  : 'gray';
          return (
            <Paper
              key={task.id}
              withBorder
              radius="sm"
              p={8}
              className={classes.task}
              data-testid="player-task"
              data-task-id={task.id}
              data-status={notReached ? 'not-reached' : state.status}
              data-selected={selectedTaskId === task.id || undefined}
            >
              <Stack gap={4}>
                {/* The title is read whole: where it and the status do not fit on a line, the status goes below. */}
                <Group justify="space-between" gap={4} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {localized(task.title, playLanguage)}
                  </Text>
                  <Badge size="xs" color={color} variant="light" style={{ flexShrink: 0 }}>
                    {status}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" lineClamp={3}>
                  {localized(task.brief, playLanguage)}
                </Text>
                {state.status === 'open' && <TaskClearance timeline={timeline} taskId={task.id} />}
                {state.status === 'open' && (
                  <Group gap={4}>
                    {onChoose && (
                      <Button size="compact-xs" variant="light" onClick={() => onChoose(task)} data-testid="player-task-write">
                        {t('tasks.write')}
                      </Button>
                    )}
                    <Text size="xs" c="dimmed">
                      {t('tasks.due', { time: formatSimTime(state.due ?? 0) })}
                    </Text>
                  </Group>
                )}
              </Stack>
            </Paper>
          );
        })}
        {tasks.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('tasks.none')}
          </Text>
        )}
      </Stack>
      <VisuallyHidden aria-live="polite">
        {t('tasks.openNow', { count: tasks.filter((task) => timeline.tasks[task.id]!.status === 'open').length })}
      </VisuallyHidden>
    </section>
  );
}
