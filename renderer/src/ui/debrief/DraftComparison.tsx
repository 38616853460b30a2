// Runtime: renderer. Each published draft beside the task's model answer, with what the grader
// found on each axis and what it suggested; for a missed task, the model answer alone.
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TitleOrder } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScenarioOutcome, TaskResult } from '../../core/engine/outcome';
import type { FeedPublication, TimelineState } from '../../core/engine/timeline';
import type { AxisGrade, Finding, Grade } from '../../core/grading/types';
import type { Scenario } from '../../core/pack/schema';
import { AXES } from '../../core/pack/schema';
import { localized } from '../../library/library';
import { useGradingMessage } from '../grading-message';
import { AlertIcon, CheckIcon } from '../icons';
import { formatSimTime } from '../sim-time';
import classes from './debrief.module.css';
import { findingCost } from '../finding-cost';
import { formatScore } from '../format';
import { markedSegments, publicationOfTask } from './debrief-data';
import { RESULT_COLORS } from './palette';
import { ReportFacts } from './ReportFacts';
import { below, Section } from './Section';
import { usePlatformName } from '../platform-name';

const SEVERITY_COLORS: Record<Finding['severity'], string> = { error: 'red', warning: 'orange', suggestion: 'blue' };

interface Props {
  outcome: ScenarioOutcome;
  scenario: Scenario;
  timeline: TimelineState;
  playLanguage: string;
  level: TitleOrder;
}

export function DraftComparison({ outcome, scenario, timeline, playLanguage, level }: Props) {
  const { t } = useTranslation('debrief');
  const shown = outcome.tasks.flatMap((task) => {
    const publication = publicationOfTask(timeline, task.taskId);
    // A task that counts without a draft (missed, or not reached because the trainee finished first) still shows its model answer.
    return publication || task.result === 'missed' || task.notReachedBecause === 'finished-early' ? [{ task, publication }] : [];
  });
  return (
    <Section title={t('drafts.heading')} level={level} testId="debrief-drafts">
      {shown.map(({ task, publication }) => (
        <TaskDrafts key={task.taskId} task={task} publication={publication} scenario={scenario} playLanguage={playLanguage} level={below(level)} />
      ))}
    </Section>
  );
}

function TaskDrafts({
  task,
  publication,
  scenario,
  playLanguage,
  level,
}: {
  task: TaskResult;
  publication: FeedPublication | null;
  scenario: Scenario;
  playLanguage: string;
  level: TitleOrder;
}) {
  const { t } = useTranslation('debrief');
  const platformName = usePlatformName();
  const account = publication ? scenario.accounts.find((candidate) => candidate.id === publication.accountId) : undefined;
  const accountLabel = account
    ? t('account', { name: localized(account.name, playLanguage), platform: platformName(account.platform) })
    : (publication?.accountId ?? '');
  const isReport = scenario.tasks.find((candidate) => candidate.id === task.taskId)?.kind === 'report';
  const model = task.modelAnswer ? (
    <>
      <Text component="p" className={`${classes.draftText} ${classes.modelText}`} data-testid="debrief-model-answer">
        {task.modelAnswer}
      </Text>
      {/* Its figures are those of the pack's reference play: the trainee's own attempt counted others. */}
      {isReport && (
        <Text size="xs" c="dimmed" data-testid="debrief-model-report-note">
          {t('drafts.modelReport')}
        </Text>
      )}
    </>
  ) : (
    <Text size="sm">{t('drafts.noModel')}</Text>
  );

  return (
    <Card data-testid={publication ? 'debrief-draft' : 'debrief-draft-missed'} data-task-id={task.taskId} data-result={task.result}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={level} size="h4">
            {localized(task.title, playLanguage)}
          </Title>
          <Badge
            variant="dot"
            color={task.notReachedBecause === 'finished-early' ? RESULT_COLORS.missed : RESULT_COLORS[task.result]}
            classNames={{ label: classes.badgeLabel }}
          >
            {task.notReachedBecause === 'finished-early' ? t('result.finished-early') : t(`result.${task.result}`)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="xs">
            <Text fw={700} size="sm">
              {t('drafts.yours')}
            </Text>
            {publication ? (
              <>
                <Text size="xs" c="dimmed">
                  {t('drafts.published', { time: formatSimTime(publication.at), account: accountLabel })}
                </Text>
                <DraftText text={publication.text} findings={publication.grade.findings} />
                {publication.monitoring && <ReportFacts facts={publication.monitoring} scenario={scenario} playLanguage={playLanguage} />}
                <Findings grade={publication.grade} />
              </>
            ) : (
              <Text size="sm" data-testid="debrief-no-draft">
                {task.notReachedBecause === 'finished-early' ? t('drafts.finishedFirst') : t('drafts.noDraft')}
              </Text>
            )}
          </Stack>
          <Stack gap="xs">
            <Text fw={700} size="sm">
              {t('drafts.model')}
            </Text>
            {model}
          </Stack>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function DraftText({ text, findings }: { text: string; findings: readonly Finding[] }) {
  const { t } = useTranslation('debrief');
  const segments = markedSegments(text, findings);
  return (
    <Stack gap={4}>
      <Text component="p" className={classes.draftText} data-testid="debrief-draft-text">
        {segments.map((segment, index) =>
          segment.marked ? (
            <mark key={index} className={classes.mark}>
              {segment.text}
            </mark>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </Text>
      {segments.some((segment) => segment.marked) && (
        <Text size="xs" c="dimmed">
          {t('drafts.marked')}
        </Text>
      )}
    </Stack>
  );
}

function Findings({ grade }: { grade: Grade }) {
  return (
    <Stack gap="sm" data-testid="debrief-findings">
      {AXES.map((axis) => (
        <AxisFindings key={axis} axisGrade={grade.axes[axis]} />
      ))}
    </Stack>
  );
}

function AxisFindings({ axisGrade }: { axisGrade: AxisGrade }) {
  const { t, i18n } = useTranslation('debrief');
  const message = useGradingMessage();
  const { axis, score, passMark, passed, findings } = axisGrade;
  return (
    <Stack gap={4} data-testid="debrief-axis-findings" data-axis={axis} data-passed={String(passed)}>
      <Group gap={6} wrap="nowrap" className={passed ? undefined : classes.fail}>
        {passed ? <CheckIcon size={16} /> : <AlertIcon size={16} />}
        <Text size="sm" fw={600}>
          {t('drafts.axisScore', {
            axis: t(`axis.${axis}`),
            score: formatScore(score, i18n.language),
            mark: formatScore(passMark, i18n.language),
            verdict: passed ? t('drafts.axisPassed') : t('drafts.axisFailed'),
          })}
        </Text>
      </Group>
      {findings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('drafts.noFindings')}
        </Text>
      ) : (
        <ul className={classes.findings}>
          {findings.map((finding, index) => {
            const { points, blocks } = findingCost(finding);
            return (
              <li key={`${finding.ruleId}-${index}`} data-testid="debrief-finding" data-rule={finding.ruleId}>
                <Group gap={8} align="flex-start" wrap="nowrap">
                  <Badge
                    size="xs"
                    variant="dot"
                    color={SEVERITY_COLORS[finding.severity]}
                    mt={3}
                    classNames={{ label: classes.badgeLabel }}
                    style={{ flexShrink: 0 }}
                  >
                    {t(`drafts.severity.${finding.severity}`)}
                  </Badge>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" component="span">
                      {message(finding.message)}
                    </Text>
                    {blocks && (
                      <Text size="xs" fw={600} c="var(--attache-color-critical)" mt={2} data-testid="debrief-finding-blocks">
                        {blocks.key === 'blocksAxis' ? t('drafts.blocksAxis', { axis: t(`axis.${blocks.axis}`) }) : t('drafts.blocksScenario')}
                      </Text>
                    )}
                  </div>
                  {points && (
                    <Text size="xs" component="span" c="dimmed" className={classes.numeric} data-testid="debrief-finding-cost">
                      {points.key === 'loss' ? t('drafts.loss', { count: points.count }) : t('drafts.atZero')}
                    </Text>
                  )}
                </Group>
                {(finding.suggestion?.replacement || finding.suggestion?.message) && (
                  <div className={classes.suggestion}>
                    {finding.suggestion.replacement ? (
                      <Text size="sm" className={classes.excerpt}>
                        {t('drafts.replaceWith', { text: finding.suggestion.replacement })}
                      </Text>
                    ) : null}
                    {finding.suggestion.message && <Text size="sm">{message(finding.suggestion.message)}</Text>}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Stack>
  );
}
