// Runtime: renderer (browser). Every finished attempt as CSV or JSON: how many, who lacks the academy's
// identity field, and the export with its progress.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attemptsFile, traineesWithRecords, type ExportFile, type ExportSource } from '../../records/exports';
import { ExportProgress } from './ExportProgress';
import { IdentityNotice } from './IdentityNotice';
import { useExportTask } from './use-export-task';

export interface AttemptsPanelProps {
  source: ExportSource;
  format: 'csv' | 'json';
  onSave(file: ExportFile): void;
  saving: boolean;
}

export function AttemptsPanel({ source, format, onSave, saving }: AttemptsPanelProps) {
  const { t } = useTranslation('exports');
  const { progress, run, cancel } = useExportTask();
  const [cancelled, setCancelled] = useState(false);
  const exportAttempts = () => {
    setCancelled(false);
    run('building', (options) => attemptsFile(source, format, Date.now(), options)).then(onSave, () => setCancelled(true));
  };
  return (
    <Stack gap="md" data-testid="attempts-panel">
      <Text size="sm" data-testid="attempts-summary">
        {t('attempts.summary', {
          attempts: t('count.attempts', { count: source.outcomes.length }),
          trainees: t('count.trainees', { count: traineesWithRecords(source).length }),
        })}
      </Text>
      <IdentityNotice source={source} field={source.academy.identityField} />
      {progress && <ExportProgress progress={progress} onCancel={cancel} />}
      {cancelled && !progress && <Text size="sm">{t('save.exportCancelled')}</Text>}
      <Group>
        <Button onClick={exportAttempts} disabled={progress !== null} loading={saving} data-testid="attempts-export">
          {t('attempts.export')}
        </Button>
      </Group>
    </Stack>
  );
}
