// Runtime: renderer. The debrief's live stream moderation: for each stream, its moderation task's
// result and what the grader found, then every comment written under it — what it was (a question,
// criticism, abuse…), what the trainee did to it and when, and what moderation expects (abuse and
// spam hidden within a minute, everything else left up), each row marked as expected or not.
import { Badge, Group, List, Table, Text } from '@mantine/core';
import type { TitleOrder } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ModeratedCommentResult, ScenarioOutcome, StreamModeration } from '../../core/engine/outcome';
import { MODERATION_WINDOW } from '../../core/grading/moderation';
import type { Persona, Scenario } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { useGradingMessage } from '../grading-message';
import { usePlatformName } from '../platform-name';
import { formatSimTime } from '../sim-time';
import classes from './debrief.module.css';
import { Section } from './Section';

interface Props {
  outcome: ScenarioOutcome;
  scenario: Scenario;
  personas: Map<string, Persona>;
  playLanguage: string;
  level: TitleOrder;
}

type Verdict = 'right' | 'wrong' | 'late';

/** Whether what was done to a comment is what moderation expects of it. */
export function verdictOf(comment: ModeratedCommentResult): Verdict {
  const firstHidden = comment.actions.find((entry) => entry.action === 'hide');
  const pinned = comment.actions.some((entry) => entry.action === 'pin');
  if (comment.expected === 'keep') return firstHidden ? 'wrong' : 'right';
  if (!comment.hidden || pinned) return 'wrong';
  return firstHidden && firstHidden.at - comment.at > MODERATION_WINDOW + 1e-9 ? 'late' : 'right';
}

const VERDICT_COLORS: Record<Verdict, string> = { right: 'teal', wrong: 'red', late: 'orange' };

export function ModerationResults({ outcome, scenario, personas, playLanguage, level }: Props) {
  const { t } = useTranslation('debrief');
  // Outcomes frozen before live streams existed hold none.
  const streams = outcome.moderation ?? [];
  if (streams.length === 0) return null;
  return (
    <Section title={t('moderation.heading')} level={level} testId="debrief-moderation">
      <Text size="sm" c="dimmed">
        {t('moderation.intro')}
      </Text>
      {streams.map((stream) => (
        <StreamResult key={stream.streamId} stream={stream} outcome={outcome} scenario={scenario} personas={personas} playLanguage={playLanguage} />
      ))}
    </Section>
  );
}

function StreamResult({ stream, outcome, scenario, personas, playLanguage }: Omit<Props, 'level'> & { stream: StreamModeration }) {
  const { t } = useTranslation('debrief');
  const message = useGradingMessage();
  const platformName = usePlatformName();
  const inject = [...scenario.timeline, ...scenario.branches.flatMap((branch) => branch.then.injects)].find((candidate) => candidate.id === stream.streamId);
  const title = inject ? localized(inject.text, playLanguage) : stream.streamId;
  const account = scenario.accounts.find((candidate) => candidate.id === stream.accountId);
  const accountName = account ? `${localized(account.name, playLanguage)} (${platformName(account.platform)})` : stream.accountId;
  const task = stream.taskId ? outcome.tasks.find((candidate) => candidate.taskId === stream.taskId) : undefined;
  const who = (comment: ModeratedCommentResult) =>
    (comment.personaId ? localized(personas.get(comment.personaId)?.name ?? {}, playLanguage) : null) || comment.author?.name || t('someone');

  return (
    <div data-testid="debrief-stream" data-stream={stream.streamId}>
      <Text fw={600}>{t('moderation.stream', { title, account: accountName, from: formatSimTime(stream.startedAt), to: formatSimTime(stream.endsAt) })}</Text>
      {task ? (
        <Group gap="xs" mt={4}>
          <Text size="sm">{t('moderation.task', { task: localized(task.title, playLanguage), result: t(`result.${task.result}`) })}</Text>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('moderation.noTask')}
        </Text>
      )}
      {task?.grade && task.grade.findings.length > 0 && (
        <List size="sm" mt={4} data-testid="debrief-moderation-findings">
          {task.grade.findings.map((finding, index) => (
            <List.Item key={`${finding.ruleId}-${index}`}>{message(finding.message)}</List.Item>
          ))}
        </List>
      )}
      <Table.ScrollContainer minWidth={720} mt="xs">
        <Table withTableBorder verticalSpacing="xs" data-testid="debrief-moderation-table">
          <Table.Caption>{t('moderation.table', { title })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('moderation.columns.time')}</Table.Th>
              <Table.Th scope="col">{t('moderation.columns.comment')}</Table.Th>
              <Table.Th scope="col">{t('moderation.columns.nature')}</Table.Th>
              <Table.Th scope="col">{t('moderation.columns.done')}</Table.Th>
              <Table.Th scope="col">{t('moderation.columns.expected')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stream.comments.map((comment) => {
              const verdict = verdictOf(comment);
              return (
                <Table.Tr key={comment.id} data-testid="debrief-moderated-comment" data-comment={comment.id} data-verdict={verdict}>
                  <Table.Td className={classes.numeric}>{formatSimTime(comment.at)}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    <b>{who(comment)}</b>: {localized(comment.text, playLanguage)}
                  </Table.Th>
                  <Table.Td>{t(`moderation.nature.${comment.nature}`)}</Table.Td>
                  <Table.Td>
                    {comment.actions.length === 0
                      ? comment.answeredAt === undefined
                        ? t('moderation.nothing')
                        : t('moderation.answered', { time: formatSimTime(comment.answeredAt) })
                      : [
                          ...comment.actions.map((entry) => t(`moderation.action.${entry.action}`, { time: formatSimTime(entry.at) })),
                          ...(comment.answeredAt === undefined ? [] : [t('moderation.action.answered', { time: formatSimTime(comment.answeredAt) })]),
                        ].join('; ')}
                  </Table.Td>
                  <Table.Td>
                    {/* The verdict wraps in a narrow column rather than being cut. */}
                    <Badge
                      variant="dot"
                      color={VERDICT_COLORS[verdict]}
                      styles={{ root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal', overflow: 'visible' } }}
                      data-testid="debrief-moderation-verdict"
                    >
                      {t(`moderation.verdict.${verdict}`)}
                    </Badge>
                    <Text size="xs" mt={2}>
                      {t(`moderation.expected.${comment.expected}`)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
