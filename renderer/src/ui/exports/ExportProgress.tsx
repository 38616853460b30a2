// Runtime: renderer (browser). How far an export step has got, announced politely, with Cancel.
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskProgress } from './use-export-task';

export function ExportProgress({ progress, onCancel }: { progress: TaskProgress; onCancel: () => void }) {
  const { t } = useTranslation('exports');
  const { stage, done, total } = progress;
  const label = stage === 'printing' ? t('progress.printing') : t(`progress.${stage}`, { done, total });
  const percent = stage === 'printing' || total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <Stack gap={6} data-testid="export-progress">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" role="status" aria-live="polite">
          {label}
        </Text>
        <Button size="xs" variant="default" onClick={onCancel} data-testid="export-cancel">
          {t('progress.cancel')}
        </Button>
      </Group>
      <Progress value={percent} animated={stage === 'printing' || total === 0} aria-label={t('progress.label')} />
    </Stack>
  );
}
