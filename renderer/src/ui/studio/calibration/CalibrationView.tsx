// Runtime: renderer. The calibration view: how far the grader agrees with the verdicts the pack's
// authors gave its calibration drafts — per axis agreement, kappa and the confusion matrix against
// the pack's required agreement — every draft with expected and graded verdicts and the findings of
// each disagreement, the rules no draft exercises, and a form to add a draft. The drafts are graded
// in a worker, so typing elsewhere in the studio never waits for it.
import { Alert, Checkbox, Code, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uncoveredRules } from '../../../core/grading/agreement';
import type { CalibrationGrader } from '../../../studio/calibration';
import { createCalibrationGrader, minAgreementOf, summarizeCalibration } from '../../../studio/calibration';
import { useStudio } from '../studio-context';
import { AddDraftForm } from './AddDraftForm';
import { AgreementTable } from './AgreementTable';
import { DraftList } from './DraftList';
import { useCalibrationRun } from './use-calibration';
import { formattingLocale } from '../../../core/locale';

export function CalibrationView({ createGrader = createCalibrationGrader }: { createGrader?: () => CalibrationGrader }) {
  const { t, i18n } = useTranslation('studioCalibration');
  const studio = useStudio();
  const pack = studio.check?.pack ?? null;
  const run = useCalibrationRun(pack, createGrader);
  const [onlyDisagreements, setOnlyDisagreements] = useState(false);
  const shownPack = run.pack ?? pack;
  const summary = useMemo(() => (run.cases && run.pack ? summarizeCalibration(run.cases, minAgreementOf(run.pack)) : null), [run.cases, run.pack]);
  const uncovered = useMemo(() => (run.cases ? uncoveredRules(run.cases) : []), [run.cases]);
  const list = new Intl.ListFormat(formattingLocale(i18n.language), { type: 'conjunction' });

  return (
    <Stack gap="md" data-testid="studio-calibration">
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('calibration.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={900}>
          {t('calibration.intro')}
        </Text>
      </Stack>

      <Status
        noPack={!pack && !studio.checking && studio.check !== null}
        checking={!pack && (studio.checking || studio.check === null)}
        progress={run.progress}
        error={run.error}
      />

      {summary && run.cases && (
        <>
          <Group gap="md" wrap="wrap">
            <Text size="sm" fw={500}>
              {t('calibration.drafts', { count: summary.drafts })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('calibration.required', { percent: summary.minAgreement })}
            </Text>
          </Group>
          {summary.drafts === 0 ? (
            <Text size="sm">{t('calibration.noDrafts')}</Text>
          ) : (
            <>
              <Alert color={summary.meets ? 'teal' : 'red'} py="xs" role="note" data-testid="calibration-summary">
                {summary.meets
                  ? t('calibration.summaryMeets')
                  : t('calibration.summaryBelow', { axes: list.format(summary.below.map((axis) => t(`axes.${axis}`))) })}
              </Alert>
              <AgreementTable summary={summary} />

              <Title order={3} size="h5">
                {t('calibration.listTitle')}
              </Title>
              <Checkbox
                label={t('calibration.onlyDisagreements')}
                checked={onlyDisagreements}
                onChange={(event) => setOnlyDisagreements(event.currentTarget.checked)}
              />
              <DraftList cases={onlyDisagreements ? run.cases.filter((item) => item.disagreements.length > 0) : run.cases} />

              <Title order={3} size="h5">
                {t('calibration.coverageTitle')}
              </Title>
              {uncovered.length === 0 ? (
                <Text size="sm">{t('calibration.coverageAll')}</Text>
              ) : (
                <Stack gap={4} data-testid="calibration-coverage">
                  <Text size="sm">{t('calibration.coverageSome', { count: uncovered.length })}</Text>
                  <Group gap={6} wrap="wrap">
                    {uncovered.map((id) => (
                      <Code key={id}>{id}</Code>
                    ))}
                  </Group>
                </Stack>
              )}
            </>
          )}
        </>
      )}

      {shownPack && <AddDraftForm pack={shownPack} />}
    </Stack>
  );
}

function Status({
  noPack,
  checking,
  progress,
  error,
}: {
  noPack: boolean;
  checking: boolean;
  progress: { done: number; total: number } | null;
  error: string | null;
}) {
  const { t } = useTranslation('studioCalibration');
  if (noPack)
    return (
      <Alert color="yellow" role="note">
        {t('calibration.noPack')}
      </Alert>
    );
  if (error)
    return (
      <Alert color="red" role="alert">
        {t('calibration.gradingFailed', { message: error })}
      </Alert>
    );
  if (checking)
    return (
      <Text size="sm" c="dimmed" role="status">
        {t('calibration.checking')}
      </Text>
    );
  if (progress && progress.total > 0)
    return (
      <Stack gap={4} role="status" aria-live="polite">
        <Text size="sm" c="dimmed">
          {t('calibration.grading', progress)}
        </Text>
        <Progress value={(100 * progress.done) / progress.total} size="sm" aria-label={t('calibration.grading', progress)} />
      </Stack>
    );
  return null;
}
