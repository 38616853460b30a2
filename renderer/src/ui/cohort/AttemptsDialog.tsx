// Runtime: renderer (browser). One trainee's attempts at one scenario (or at each scenario of one
// course): every finished one with its date, verdict, score and time on task, each opening its frozen
// debrief read-only; those under way said to be under way (they have no debrief yet).
import { Anchor, Badge, Group, Modal, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cohort, CohortCatalogue, CohortRow, CourseRow } from '../../core/records/cohort';
import { recordsOf } from '../../core/records/cohort';
import { hrefFor } from '../router';
import { recordsFormat } from './format';

function ScenarioAttempts({ cohort, row, packId, scenarioId, title }: { cohort: Cohort; row: CohortRow; packId: string; scenarioId: string; title?: string }) {
  const { t, i18n } = useTranslation('records');
  const format = recordsFormat(i18n.language);
  const { outcomes, active } = recordsOf(cohort, row.trainee.uid, packId, scenarioId);
  const count = outcomes.length + active.length;
  return (
    <Stack gap="xs" data-testid="cohort-attempts-scenario" data-scenario-id={scenarioId}>
      {title !== undefined && (
        <Title order={3} size="h5">
          {title}{' '}
          <Text span size="sm" c="dimmed" fw={400}>
            ({t('attempts.count', { count })})
          </Text>
        </Title>
      )}
      {count === 0 && (
        <Text size="sm" c="dimmed">
          {t('attempts.none')}
        </Text>
      )}
      {count > 0 && (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {active.map((attempt) => (
            <li key={`active-${attempt.id}`} data-testid="cohort-attempt" data-state="active">
              <Group gap="xs" wrap="wrap">
                <Badge variant="light" color="blue" size="sm">
                  {t('status.in-progress')}
                </Badge>
                <Text size="sm">{t('attempts.underWay', { started: format.dateTime(attempt.startedAt), updated: format.dateTime(attempt.updatedAt) })}</Text>
              </Group>
              <Text size="xs" c="dimmed">
                {t('attempts.underWayHint')}
              </Text>
            </li>
          ))}
          {outcomes.map((outcome) => {
            const date = format.dateTime(outcome.finishedAt);
            return (
              <li key={outcome.uid} data-testid="cohort-attempt" data-state="finished" data-outcome-uid={outcome.uid}>
                <Group gap="xs" wrap="wrap">
                  <Badge variant="light" color={outcome.passed ? 'green' : 'red'} size="sm">
                    {t(outcome.passed ? 'status.passed' : 'status.failed')}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {t('attempts.finished', { date })}
                  </Text>
                  <Text size="sm">{t('attempts.score', { score: format.score(outcome.average) })}</Text>
                  <Text size="sm">{t('attempts.timeOnTask', { time: format.duration(outcome.timeOnTaskMs) })}</Text>
                </Group>
                <Group gap="xs" wrap="wrap">
                  {outcome.origin !== undefined && (
                    <Text size="xs" c="dimmed">
                      {t(`attempts.origin.${outcome.origin}`)}
                    </Text>
                  )}
                  <Anchor
                    href={hrefFor({ screen: 'outcome', uid: outcome.uid })}
                    size="sm"
                    aria-label={t('attempts.openLabel', { date })}
                    data-testid="cohort-attempt-open"
                  >
                    {t('attempts.open')}
                  </Anchor>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}

export interface AttemptsDialogProps {
  cohort: Cohort;
  catalogue: CohortCatalogue;
  /** The row whose attempts to show; null: closed. */
  row: CohortRow | null;
  onClose: () => void;
  /** Offered above a course row's attempts (the screen's: e.g. issuing a badge). */
  courseActions?: (row: CourseRow) => ReactNode;
}

export function AttemptsDialog({ cohort, catalogue, row, onClose, courseActions }: AttemptsDialogProps) {
  const { t } = useTranslation('records');
  const scenarioTitle = (packId: string, scenarioId: string) =>
    catalogue.scenarios.find((scenario) => scenario.packId === packId && scenario.scenarioId === scenarioId)?.title ?? scenarioId;
  const course = row?.kind === 'course' ? catalogue.courses.find((entry) => entry.packId === row.packId && entry.course.id === row.courseId) : undefined;
  return (
    <Modal
      opened={row !== null}
      onClose={onClose}
      size="lg"
      title={row ? t('attempts.title', { name: row.trainee.name, what: row.kind === 'scenario' ? row.scenarioTitle : row.courseTitle }) : ''}
      closeButtonProps={{ 'aria-label': t('attempts.close') }}
      data-testid="cohort-attempts"
    >
      {row?.kind === 'scenario' && <ScenarioAttempts cohort={cohort} row={row} packId={row.packId} scenarioId={row.scenarioId} />}
      {row?.kind === 'course' && (
        <Stack gap="lg">
          {courseActions?.(row)}
          {(course?.course.scenarios ?? []).map((scenarioId) => (
            <ScenarioAttempts
              key={scenarioId}
              cohort={cohort}
              row={row}
              packId={row.packId}
              scenarioId={scenarioId}
              title={scenarioTitle(row.packId, scenarioId)}
            />
          ))}
        </Stack>
      )}
    </Modal>
  );
}
