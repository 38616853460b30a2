// Runtime: renderer. Every calibration draft with the verdict its author expected and the one the
// grader gave, per axis; where they differ, the author's note and the grader's findings on that axis.
import { Badge, Blockquote, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { verdictOf } from '../../../core/grading/agreement';
import { AXES } from '../../../core/pack/schema';
import { locate } from '../../../core/studio/document';
import type { CalibrationCase } from '../../../studio/calibration';
import { taskPlace } from '../../../studio/calibration';
import { useGradingMessage } from '../../grading-message';
import { useStudio } from '../studio-context';

export function DraftList({ cases }: { cases: readonly CalibrationCase[] }) {
  return (
    <Stack gap="xs">
      {cases.map((item) => (
        <DraftCard key={`${item.scenarioId}/${item.taskId}/${item.draftIndex}`} item={item} />
      ))}
    </Stack>
  );
}

function DraftCard({ item }: { item: CalibrationCase }) {
  const { t } = useTranslation('studioCalibration');
  const message = useGradingMessage();
  const studio = useStudio();
  const place = t('calibration.draftPlace', { scenario: item.scenarioId, task: item.taskId, draft: item.draftId, language: item.language });
  const disagrees = item.disagreements.length > 0;

  const showInYaml = () => {
    const task = taskPlace(studio.document, item.scenarioId, item.taskId);
    if (!task) return;
    const at = locate(studio.document, task.file, ['tasks', task.taskIndex, 'calibration', item.draftIndex]);
    studio.reveal({ view: 'yaml', file: task.file, line: at?.line ?? 1, column: at?.column });
  };

  return (
    <Card withBorder padding="sm" component="article" aria-label={place} data-testid={`calibration-draft-${item.draftId}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" fw={600} ff="monospace">
            {place}
          </Text>
          <Group gap="xs">
            <Badge color={disagrees ? 'red' : 'teal'} variant="light" c="var(--mantine-color-text)">
              {disagrees ? t('calibration.disagrees', { count: item.disagreements.length }) : t('calibration.agrees')}
            </Badge>
            <Button variant="subtle" size="compact-xs" onClick={showInYaml}>
              {t('calibration.showInYaml')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={disagrees ? undefined : 2}>
          {item.text}
        </Text>
        <Group gap="xs" wrap="wrap">
          {AXES.map((axis) => {
            const graded = verdictOf(item.grade, axis);
            const differs = item.disagreements.includes(axis);
            const { score, passMark } = item.grade.axes[axis];
            return (
              <Badge
                key={axis}
                variant={differs ? 'filled' : 'outline'}
                color={differs ? 'red' : 'gray'}
                c={differs ? undefined : 'var(--mantine-color-text)'}
                tt="none"
              >
                {t('calibration.axisVerdict', {
                  axis: t(`axes.${axis}`),
                  expected: t(`verdict.${item.expected[axis]}`),
                  graded: t(`verdict.${graded}`),
                  score,
                  passMark,
                })}
              </Badge>
            );
          })}
        </Group>
        {disagrees && (
          <>
            <Blockquote p="xs" fz="sm" color="gray">
              {t('calibration.why', { why: item.why })}
            </Blockquote>
            <Text size="sm" fw={600}>
              {t('calibration.findings')}
            </Text>
            {item.disagreements.map((axis) => {
              const findings = item.grade.axes[axis].findings;
              return (
                <Stack key={axis} gap={2}>
                  <Text size="sm" fw={500}>
                    {t(`axes.${axis}`)}
                  </Text>
                  {findings.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('calibration.noFindings')}
                    </Text>
                  ) : (
                    <List size="sm" spacing={2}>
                      {findings.map((finding, index) => (
                        <List.Item key={index}>
                          <Text span size="sm" ff="monospace" c="dimmed">
                            {finding.ruleId}
                          </Text>{' '}
                          {message(finding.message)}
                          {finding.span ? ` «${item.text.slice(finding.span.start, finding.span.end)}»` : ''}{' '}
                          <Text span size="sm" c="dimmed">
                            {t('calibration.findingCost', { loss: finding.loss })}
                          </Text>
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Stack>
              );
            })}
          </>
        )}
      </Stack>
    </Card>
  );
}
