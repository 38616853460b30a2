// Runtime: renderer. Under an open task in the desk's task list, where its draft stands with
// headquarters: sent at a minute and waiting (never when the answer is due: the trainee does not know),
// then cleared or returned, with the minute of the answer.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineState } from '../../core/engine/timeline';
import { formatSimTime } from '../sim-time';

// Dark enough on a light page and light enough on a dark one to be read as small print.
const TEAL = 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-4))';
const ORANGE = 'light-dark(var(--mantine-color-red-9), var(--mantine-color-orange-4))';

export function TaskClearance({ timeline, taskId }: { timeline: Pick<TimelineState, 'clearances'>; taskId: string }) {
  const { t } = useTranslation('player');
  const last = timeline.clearances.filter((request) => request.draft.taskId === taskId).at(-1);
  if (!last) return null;
  const state = last.answered ? last.verdict : 'pending';
  return (
    <Text size="xs" fw={600} c={state === 'cleared' ? TEAL : state === 'returned' ? ORANGE : 'dimmed'} data-testid="player-task-clearance" data-state={state}>
      {state === 'pending'
        ? t('tasks.clearancePending', { time: formatSimTime(last.sentAt) })
        : state === 'cleared'
          ? t('tasks.clearanceCleared', { time: formatSimTime(last.answerAt) })
          : t('tasks.clearanceReturned', { time: formatSimTime(last.answerAt) })}
    </Text>
  );
}
