// Runtime: renderer (browser). Above a trainee's frozen debrief opened from the records: whose attempt
// it is, when it ended, under which pack version, and that it is a record nothing here can change;
// with the way back. Also what is said when the record is not there, or cannot be shown.
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutcomeSummary } from '../../core/records/outcome';
import { hrefFor } from '../router';
import { recordsFormat } from './format';

export function BackToRecords({ variant = 'light' }: { variant?: 'light' | 'default' }) {
  const { t } = useTranslation('records');
  return (
    <Button component="a" href={hrefFor('records')} variant={variant} data-testid="outcome-back">
      {t('outcome.back')}
    </Button>
  );
}

export interface ReadOnlyOutcomeHeaderProps {
  summary: OutcomeSummary;
  /** The trainee's name; null when they are not known on this device. */
  traineeName: string | null;
  scenarioTitle: string;
}

export function ReadOnlyOutcomeHeader({ summary, traineeName, scenarioTitle }: ReadOnlyOutcomeHeaderProps) {
  const { t, i18n } = useTranslation('records');
  const format = recordsFormat(i18n.language);
  const name = traineeName ?? t('outcome.unknownTrainee');
  return (
    <Stack gap="md" data-testid="outcome-header">
      <Title order={1} tabIndex={-1} data-page-title data-testid="outcome-title">
        {t('outcome.title', { name, scenario: scenarioTitle })}
      </Title>
      <Alert color="gray" variant="light" title={t('outcome.readOnlyTitle')} data-testid="outcome-read-only">
        <Text size="sm" mb="sm">
          {t('outcome.readOnly', { name, date: format.dateTime(summary.finishedAt), version: summary.packVersion })}
        </Text>
        <BackToRecords />
      </Alert>
    </Stack>
  );
}

/** In place of the debrief when it cannot be shown: what is wrong, and the way back. */
export function OutcomeUnavailable({ reason }: { reason: 'not-found' | 'no-scenario' }) {
  const { t } = useTranslation('records');
  return (
    <Stack gap="md">
      <Title order={1} tabIndex={-1} data-page-title>
        {reason === 'not-found' ? t('outcome.notFoundTitle') : t('outcome.noScenarioTitle')}
      </Title>
      <Alert color={reason === 'not-found' ? 'gray' : 'orange'} data-testid={`outcome-${reason}`}>
        <Text size="sm" mb="sm">
          {reason === 'not-found' ? t('outcome.notFound') : t('outcome.noScenario')}
        </Text>
        <BackToRecords />
      </Alert>
    </Stack>
  );
}
