// Runtime: renderer. The debrief's clearance by headquarters: for each task that needed it, how many
// drafts went to headquarters, how long the trainee waited against the time the task allowed, and
// whether what was published had been cleared; then every round trip — when the draft was sent,
// when and how headquarters answered, their comments (the grader's findings on the draft, in words),
// and whether that very text was then published.
import { Badge, List, Table, Text } from '@mantine/core';
import type { TitleOrder } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClearanceRoundTrip, ScenarioOutcome, TaskResult } from '../../core/engine/outcome';
import type { Scenario } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { useGradingMessage } from '../grading-message';
import { formatSimTime } from '../sim-time';
import classes from './debrief.module.css';
import { Section } from './Section';

interface Props {
  outcome: ScenarioOutcome;
  scenario: Scenario;
  playLanguage: string;
  level: TitleOrder;
}

const VERDICT_COLORS = { cleared: 'teal', returned: 'orange', waiting: 'gray' } as const;

export function ClearanceRoundTrips({ outcome, scenario, playLanguage, level }: Props) {
  const { t } = useTranslation('debrief');
  const message = useGradingMessage();
  // Outcomes frozen before clearance existed hold none.
  const trips = outcome.clearances ?? [];
  // Tasks the story never reached had nothing to clear.
  const required = outcome.tasks.filter((task) => task.clearance?.required && task.result !== 'not-reached');
  if (trips.length === 0 && required.length === 0) return null;
  const taskTitle = (taskId: string | null) => {
    const task = taskId === null ? undefined : scenario.tasks.find((candidate) => candidate.id === taskId);
    return task ? localized(task.title, playLanguage) : t('clearance.noTask');
  };
  return (
    <Section title={t('clearance.heading')} level={level} testId="debrief-clearance">
      <Text size="sm" c="dimmed">
        {t('clearance.intro')}
      </Text>
      {required.length > 0 && (
        <List size="sm" data-testid="debrief-clearance-tasks">
          {required.map((task) => (
            <List.Item key={task.taskId} data-testid="debrief-clearance-task" data-task-id={task.taskId} data-cleared={task.clearance!.cleared}>
              <TaskLine task={task} title={localized(task.title, playLanguage)} />
            </List.Item>
          ))}
        </List>
      )}
      {trips.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table withTableBorder verticalSpacing="xs" data-testid="debrief-clearance-table">
            <Table.Caption>{t('clearance.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('clearance.columns.task')}</Table.Th>
                <Table.Th scope="col">{t('clearance.columns.sent')}</Table.Th>
                <Table.Th scope="col">{t('clearance.columns.answered')}</Table.Th>
                <Table.Th scope="col" style={{ minWidth: 160 }}>
                  {t('clearance.columns.verdict')}
                </Table.Th>
                <Table.Th scope="col">{t('clearance.columns.comments')}</Table.Th>
                <Table.Th scope="col">{t('clearance.columns.published')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trips.map((trip) => (
                <Table.Tr key={trip.requestId} data-testid="debrief-clearance-trip" data-verdict={trip.verdict ?? 'waiting'}>
                  <Table.Th scope="row" fw={500}>
                    {taskTitle(trip.taskId)}
                    <Text size="xs" c="dimmed" lineClamp={2} title={trip.text}>
                      {trip.text}
                    </Text>
                  </Table.Th>
                  <Table.Td className={classes.numeric}>{formatSimTime(trip.sentAt)}</Table.Td>
                  <Table.Td className={classes.numeric}>{trip.answeredAt === null ? t('none') : formatSimTime(trip.answeredAt)}</Table.Td>
                  <Table.Td>
                    <Verdict trip={trip} />
                  </Table.Td>
                  <Table.Td>
                    {trip.comments.length === 0 && !trip.remark ? (
                      t('none')
                    ) : (
                      <List size="xs" data-testid="debrief-clearance-comments">
                        {trip.comments.map((comment, index) => (
                          <List.Item key={index}>{message(comment)}</List.Item>
                        ))}
                        {trip.remark && <List.Item>{trip.remark}</List.Item>}
                      </List>
                    )}
                  </Table.Td>
                  <Table.Td>{trip.published ? t('clearance.publishedAsSent') : t('clearance.notPublishedAsSent')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function Verdict({ trip }: { trip: ClearanceRoundTrip }) {
  const { t } = useTranslation('debrief');
  const verdict = trip.verdict ?? 'waiting';
  return (
    <Badge variant="dot" color={VERDICT_COLORS[verdict]} data-testid="debrief-clearance-verdict">
      {t(`clearance.verdict.${verdict}`)}
    </Badge>
  );
}

/** How clearance went for one task: requests, time waiting against the time the task allowed, and what was published. */
function TaskLine({ task, title }: { task: TaskResult; title: string }) {
  const { t } = useTranslation('debrief');
  const clearance = task.clearance!;
  const window = task.due !== null && task.opensAt !== null ? task.due - task.opensAt : null;
  const waited = t('clearance.minutes', { count: clearance.waitedMinutes });
  const result =
    task.publishedAt === null ? t('clearance.notPublished') : clearance.cleared ? t('clearance.publishedCleared') : t('clearance.publishedUncleared');
  return (
    <Text size="sm" span>
      {t('clearance.taskLine', {
        task: title,
        requests: t('clearance.requests', { count: clearance.roundTrips }),
        waiting: window === null ? waited : t('clearance.waitedOf', { waited, window: t('clearance.minutes', { count: window }) }),
        result,
      })}
    </Text>
  );
}
